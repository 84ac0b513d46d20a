"""plans list / add / import / export and drills list / add: the contract's keys and exit codes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.services.context import Context
from app.services.office import audit
from tests.services.office.test_health import cli
from tests.services.plans.fixtures import units

PLAN = {"name": "江州市危险化学品事故应急预案", "type": "专项", "unit": "江州市应急管理局",
        "approved_on": "2023-10-15", "number": "江政办发〔2023〕8号", "filed_on": "2023-11-01",
        "filed_with": "江州省应急管理厅", "review_years": 3, "drill_months": 24, "status": "有效"}


def write_json(path: Path, data: object) -> str:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def test_plans_add_and_list_round_trip(office_ctx: Context, db_path: Path, tmp_path: Path,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    units(office_ctx)
    db = str(db_path)
    code, out, err = cli("--db", db, "plans", "add", write_json(tmp_path / "p.json", PLAN))
    assert (code, err) == (0, "") and out.strip() == "已登记预案：江州市危险化学品事故应急预案（江州市应急管理局）"
    code, out, _ = cli("--db", db, "plans", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 1
    row = listed[0]
    assert {k: row[k] for k in ("name", "type", "unit", "approved_on", "filed_on", "next_review",
                                "next_drill")} == {
        "name": "江州市危险化学品事故应急预案", "type": "special", "unit": "江州市应急管理局",
        "approved_on": "2023-10-15", "filed_on": "2023-11-01", "next_review": "2026-10-15",
        "next_drill": "2025-10-15"}
    again = dict(row, name="东湖区危险化学品事故应急预案", unit="东湖区")  # list's JSON goes back in
    monkeypatch.setattr("sys.stdin", io.StringIO(json.dumps(again, ensure_ascii=False)))
    code, out, err = cli("--db", db, "plans", "add", "-")
    assert (code, err) == (0, "")
    code, out, _ = cli("--db", db, "plans", "list")
    assert code == 0 and out.splitlines()[0].startswith("东湖区危险化学品事故应急预案  专项  东湖区  2023-10-15  有效")
    assert out.splitlines()[0].endswith("（逾期）")


def test_plans_add_refuses_bad_input_with_exit_2(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    units(office_ctx)
    db = str(db_path)
    before = audit.count(office_ctx)
    bad = dict(PLAN, type="紧急", approved_on="2099-01-01", review_years=30, colour="red")
    del bad["name"]
    code, out, err = cli("--db", db, "plans", "add", write_json(tmp_path / "bad.json", bad))
    assert code == 2 and out == ""
    assert err.splitlines() == [
        "不认识的字段“colour”。",
        "预案名称不能为空。",
        "预案类型“紧急”不是可选的值（可用：总体、专项、部门、乡镇(街道)、企事业单位、现场处置方案）。",
        "批准日期“2099-01-01”晚于今天。",
        "评估周期（年）须是 1 到 10 的整数。",
    ]
    (tmp_path / "broken.json").write_text('{"name": "x",\n "type": }', encoding="utf-8")
    code, _, err = cli("--db", db, "plans", "add", str(tmp_path / "broken.json"))
    assert (code, err.strip()) == (2, "输入不是有效的 JSON（第 2 行第 10 列附近）。")
    code, _, err = cli("--db", db, "plans", "add", write_json(tmp_path / "list.json", [PLAN]))
    assert (code, err.strip()) == (2, "输入须是一个 JSON 对象（{…}）。")
    cli("--db", db, "plans", "add", write_json(tmp_path / "p.json", PLAN))
    code, _, err = cli("--db", db, "plans", "add", str(tmp_path / "p.json"))
    assert (code, err.strip()) == (2, "“江州市应急管理局”已有名为“江州市危险化学品事故应急预案”的预案。")
    assert audit.count(office_ctx) == before + 1 + 2  # the one plan and its two overdue clocks


def test_plans_export_and_import(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    units(office_ctx)
    db = str(db_path)
    cli("--db", db, "plans", "add", write_json(tmp_path / "p.json", PLAN))
    out_file = tmp_path / "out" / "台账.xlsx"
    code, _, err = cli("--db", db, "plans", "export", "-o", str(out_file))
    assert (code, err) == (2, f"输出文件所在的文件夹“{out_file.parent}”不存在。\n")
    out_file.parent.mkdir()
    code, out, _ = cli("--db", db, "plans", "export", "-o", str(out_file))
    assert code == 0 and out.startswith("已导出 1 个预案到 ")
    code, out, _ = cli("--db", db, "plans", "import", "--dry-run", str(out_file))
    assert (code, out.strip()) == (0, "检查通过（未写入）：将新增预案 0 个，更新 0 个，未变 1 个，新建单位 0 个。")
    code, out, _ = cli("--db", db, "plans", "import", str(out_file))
    assert (code, out.strip()) == (0, "导入完成：新增预案 0 个，更新 0 个，未变 1 个，新建单位 0 个。")
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["预案名称", "预案类型", "编制单位", "批准日期"])
    ws.append(["新预案", "总体", "新区", "昨天"])
    book.save(tmp_path / "bad.xlsx")
    code, out, err = cli("--db", db, "plans", "import", str(tmp_path / "bad.xlsx"))
    assert (code, out, err) == (2, "", "第 2 行 D 列：批准日期“昨天”不是日期。\n")


def test_drills_add_and_list(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    units(office_ctx)
    db = str(db_path)
    cli("--db", db, "plans", "add", write_json(tmp_path / "p.json", PLAN))
    drill = {"plan": PLAN["name"], "date": "2026-06-18", "type": "综合演练", "place": "东湖区化工园区",
             "participants": {"units": ["江州市水利局", "东湖区"], "count": 160},
             "evaluation": "响应迅速", "actions": [
                 {"text": "配备卫星电话", "owner": "东湖区", "due": "2026-09-30", "done": "2026-09-12"},
                 {"text": "修订通信保障方案", "owner": "江州市应急管理局", "due": "2026-12-31"}]}
    code, out, err = cli("--db", db, "drills", "add", write_json(tmp_path / "d.json", drill))
    assert (code, err, out.strip()) == (0, "", "已登记演练：江州市危险化学品事故应急预案，2026-06-18")
    code, out, _ = cli("--db", db, "drills", "list", "--json")
    listed = json.loads(out)
    assert code == 0 and len(listed) == 1
    assert {k: listed[0][k] for k in drill} == dict(drill, type="combined", actions=[
        dict(drill["actions"][0]), dict(drill["actions"][1], done=None)])
    code, out, _ = cli("--db", db, "drills", "list")
    assert out.strip() == "2026-06-18  综合演练  江州市危险化学品事故应急预案  东湖区化工园区  整改 2 项，未完成 1 项"
    bad = dict(drill, plan="没有的预案", actions=[{"text": "", "owner": "东湖区", "due": "明年"}])
    code, out, err = cli("--db", db, "drills", "add", write_json(tmp_path / "bad.json", bad))
    assert code == 2 and err.splitlines() == ["第 1 项整改：整改事项不能为空。",
                                              "第 1 项整改：整改期限“明年”不是日期（格式 YYYY-MM-DD）。"]
    code, out, err = cli("--db", db, "drills", "add", write_json(tmp_path / "bad.json",
                                                                dict(drill, plan="没有的预案")))
    assert (code, err.strip()) == (2, "找不到预案“没有的预案”。")
