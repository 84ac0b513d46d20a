"""incidents add / update / show / list / fields / report-text with the activated plan and the
response level: named by the plan's name (its unit where names repeat) or id, the level by
identifier or term; a withdrawn or unknown plan exits 2 naming the field, nothing written."""

from __future__ import annotations

import datetime as dt
import json

from app.domain.plan_input import PlanInput
from app.domain.plans import PlanStatus, PlanType
from app.services.context import Context
from app.services.plans import register
from tests.cli.test_incidents import BLAST, add, cli_clock, digest  # noqa: F401  (cli_clock: the fixture)
from tests.services.incidents.test_intake import cli
from tests.services.plans.fixtures import units

CHEMICAL = "江州市危险化学品事故应急预案"


def _register(ctx: Context) -> dict[str, int]:
    made = units(ctx)
    ids = {}
    for name, unit, status in ((CHEMICAL, "江州市应急管理局", PlanStatus.IN_FORCE),
                               ("江州市处置大面积停电事件应急预案", "江州市应急管理局", PlanStatus.WITHDRAWN)):
        ids[name] = register.add_plan(ctx, PlanInput(
            name=name, type=PlanType.SPECIAL, unit=made[unit], approved_on=dt.date(2024, 3, 1),
            status=status)).id
    return ids


def test_add_show_list_and_the_report_text_name_the_plan(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    ids = _register(office_ctx)
    db = str(db_path)
    code, out, err = add(db, {**BLAST, "activated_plan": CHEMICAL, "response_level": "Ⅱ级响应"})
    assert (code, err) == (0, "")
    number = out.strip()
    code, out, _ = cli("--db", db, "incidents", "show", number, "--json")
    (shown,) = json.loads(out)
    assert shown["activated_plan"] == {"id": ids[CHEMICAL], "name": CHEMICAL}
    assert shown["response_level"] == "II"
    code, out, _ = cli("--db", db, "incidents", "show", number)
    assert f"启动预案：《{CHEMICAL}》Ⅱ级响应" in out.splitlines()
    code, out, _ = cli("--db", db, "incidents", "list", "--json")
    (listed,) = json.loads(out)
    assert (listed["activated_plan"], listed["response_level"]) == (shown["activated_plan"], "II")
    code, out, _ = cli("--db", db, "incidents", "report-text", number)
    assert f"已采取的主要措施及效果：已启动《{CHEMICAL}》Ⅱ级响应。消防到场扑救" in out
    # what show --json prints is taken back by update
    code, _, err = cli("--db", db, "incidents", "update", number, "-",
                       stdin=json.dumps({"activated_plan": shown["activated_plan"], "response_level": "I"}))
    assert (code, err) == (0, "")
    code, out, _ = cli("--db", db, "incidents", "show", number, "--json")
    assert json.loads(out)[0]["response_level"] == "I"


def test_a_withdrawn_or_unknown_plan_exits_2_naming_the_field(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    _register(office_ctx)
    db = str(db_path)
    before = digest(db_path)
    code, out, err = add(db, {**BLAST, "activated_plan": "江州市处置大面积停电事件应急预案"})
    assert (code, out) == (2, "")
    assert err == "启动预案（activated_plan）“江州市处置大面积停电事件应急预案”已废止，不能再启动。\n"
    code, _, err = add(db, {**BLAST, "activated_plan": 4321, "response_level": "V级"})
    assert code == 2 and err.splitlines() == [
        "响应级别（response_level）的值“V级”无效（I/II/III/IV，或 Ⅰ级响应/Ⅱ级响应/Ⅲ级响应/Ⅳ级响应）",
        "启动预案（activated_plan）的值“4321”无效（预案登记册中没有这个预案）"]
    assert digest(db_path) == before  # nothing written
    code, out, _ = add(db, BLAST)
    number = out.strip()
    before = digest(db_path)
    code, _, err = cli("--db", db, "incidents", "update", number, "-",
                       stdin=json.dumps({"activated_plan": {"name": "没有的预案", "unit": "东湖区"}}))
    assert code == 2 and err.startswith("启动预案（activated_plan）的值“没有的预案（东湖区）”无效")
    assert digest(db_path) == before


def test_fields_lists_the_plan_and_the_response_level(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("--db", str(db_path), "incidents", "fields", "--json")
    assert code == 0
    rows = {r["field"]: r for r in json.loads(out)}
    assert rows["activated_plan"] == {"field": "activated_plan", "term": "启动预案", "type": "plan",
                                      "required_for": [], "values": None}
    assert rows["response_level"]["term"] == "响应级别" and rows["response_level"]["type"] == "enum"
    assert rows["response_level"]["values"][2] == {"value": "III", "term": "Ⅲ级响应"}
