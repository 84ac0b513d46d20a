"""Intake, validation, level suggestion, the report chain and report text."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
from dataclasses import replace

import pytest

from app.cli import build_parser, run
from app.domain import incidents as rules
from app.domain.enums import Category, DeadlineOutcome, Level, ReportKind
from app.domain.errors import InputError
from app.domain.incident_facts import IncidentFacts
from app.models import IntakeDraft
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import chain as incident_chain
from app.services.incidents import drafts as intake_drafts
from app.services.incidents import listing as incident_list
from tests.services.incidents.inputs import LANDSLIDE, record, update


def cli(*argv: str, stdin: str | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    import sys

    old = sys.stdin
    if stdin is not None:
        sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run(build_parser().parse_args(list(argv)))
    finally:
        sys.stdin = old
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(("deaths", "serious", "loss", "level"), [
    (0, 0, 0, Level.IV), (2, 9, 9_999_999, Level.IV), (3, 0, 0, Level.III), (0, 10, 0, Level.III),
    (0, 0, 10_000_000, Level.III), (9, 49, 49_999_999, Level.III), (10, 0, 0, Level.II),
    (0, 50, 0, Level.II), (29, 99, 99_999_999, Level.II), (30, 0, 0, Level.I), (0, 100, 0, Level.I),
    (0, 0, 100_000_000, Level.I), (1, 120, 0, Level.I),
])
def test_level_suggestion_thresholds(deaths, serious, loss, level) -> None:  # type: ignore[no-untyped-def]
    assert rules.suggest_level(deaths, serious, loss).level is level


def test_chinese_numbering() -> None:
    assert [rules.report_heading("follow-up", n) for n in (1, 2, 10, 12, 21)] == [
        "续报一", "续报二", "续报十", "续报十二", "续报二十一"]
    assert rules.report_heading("initial", 0) == "首报" and rules.report_heading("final", 0) == "终报"


def test_recording_starts_the_right_deadlines(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx)
    assert info.number == "2026-0001" and info.status == "open"
    open_ = {(d.report_kind.value, d.channel.value): d for d in deadlines.list_open(office_ctx)}
    assert open_[("initial", "written")].due_at == clock.now() + dt.timedelta(hours=1)
    assert ("follow-up", "written") in open_
    assert all(d.incident_number == "2026-0001" for d in open_.values())
    assert info.reports[0].kind is ReportKind.INITIAL


def test_missing_elements_are_refused_by_name_and_nothing_is_written(office_ctx: Context) -> None:
    data = {k: v for k, v in LANDSLIDE.items() if k not in ("nature", "trend")}
    with pytest.raises(InputError) as err:
        record(office_ctx, data)
    assert "事件性质（nature）" in err.value.message and "发展趋势（trend）" in err.value.message
    assert incident_list.count(office_ctx, incident_list.ListFilter()) == 0
    assert deadlines.list_open(office_ctx) == []


def test_a_flash_report_tracks_its_missing_elements(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, {"title": "东湖区化工园区储罐泄漏", "category": "accident",
                               "level": "II", "location": "东湖区化工园区"}, flash=True)
    assert "nature" in info.missing_elements and "title" not in info.missing_elements
    chase = [d for d in deadlines.list_open(office_ctx) if "补报要素" in d.what]
    assert len(chase) == 1 and chase[0].due_at == clock.now() + dt.timedelta(minutes=60)
    assert "待补报要素" in incident_chain.report_text(office_ctx, info.number)
    fill = {k: LANDSLIDE[k] for k in info.missing_elements}
    done = update(office_ctx, info.number, **fill)
    assert done.missing_elements == []
    assert deadlines.get(office_ctx, chase[0].id).outcome is DeadlineOutcome.ON_TIME


def test_regrading_moves_the_deadlines(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, level="一般")
    assert ("initial", "phone") not in {(d.report_kind.value, d.channel.value) for d in deadlines.list_open(office_ctx)}
    update(office_ctx, info.number, level="重大", deaths=12)
    now = clock.now()
    due = {(d.report_kind.value, d.channel.value): d.due_at - now for d in deadlines.list_open(office_ctx)}
    assert due[("initial", "phone")] == dt.timedelta(minutes=30)
    assert due[("initial", "written")] == dt.timedelta(hours=1)


def test_every_element_is_in_the_initial_text(office_ctx: Context) -> None:
    info = record(office_ctx, leaders_on_site="县长到场", notified="县自然资源局 9:20", loss_cny=1_500_000)
    text = info.reports[0].text
    for expected in ("事发时间：2026年11月28日9时10分", "事发地点：西山县石门镇下坪村", "石门镇政府，李国强，镇长，13905761234",
                     "事件类别：自然灾害，地质灾害", "事件级别：较大", "事件性质", "影响范围", "人员伤亡：死亡1人、被困2人",
                     "直接经济损失：约150万元", "发展趋势", "领导到场情况：县长到场", "已采取的主要措施及效果",
                     "下一步处置思路和措施", "已通报单位：县自然资源局 9:20", "报送单位：江州市应急管理局"):
        assert expected in text, expected


def test_instructions_have_a_feedback_deadline(office_ctx: Context) -> None:
    info = record(office_ctx)
    ins = incident_chain.add_instruction(office_ctx, info.number, text="全力搜救，防止次生灾害", from_whom="市长",
                                    feedback_minutes=90)
    d = deadlines.get(office_ctx, ins.deadline_id)  # type: ignore[arg-type]
    assert d.report_kind is ReportKind.INSTRUCTION_FEEDBACK and "市长批示反馈" in d.what
    incident_chain.complete_instruction(office_ctx, ins.id, done="已转达县政府，正在落实")
    assert deadlines.get(office_ctx, d.id).outcome is DeadlineOutcome.ON_TIME


def test_list_filters_and_order(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    a = record(office_ctx)
    clock.advance(dt.timedelta(hours=1))
    b = record(office_ctx, title="南湖县G320国道多车相撞", category="accident", subtype="traffic", level="IV")
    rows = incident_list.list_page(office_ctx, incident_list.ListFilter(), 0, 10)
    assert [r.number for r in rows] == [b.number, a.number]
    assert [r.number for r in incident_list.list_page(office_ctx, incident_list.ListFilter(category="accident"), 0, 10)] == [b.number]
    assert incident_list.count(office_ctx, incident_list.ListFilter(text="G320")) == 1


def test_drafts_survive(office_ctx: Context) -> None:
    typed = IncidentFacts(received_at=office_ctx.clock.now(), title="泥石")
    draft = intake_drafts.save_draft(office_ctx, typed)
    intake_drafts.save_draft(office_ctx, replace(typed, title="泥石流"), draft)
    [kept] = intake_drafts.drafts(office_ctx)
    assert (kept.id, kept.facts) == (draft, replace(typed, title="泥石流"))
    intake_drafts.discard_draft(office_ctx, draft)
    assert intake_drafts.drafts(office_ctx) == []


def test_a_draft_kept_by_an_earlier_version_comes_back(office_ctx: Context) -> None:
    old = {"kind": "event", "title": "泥石流", "received_at": "2026-11-28T01:30:00+00:00",
           "occurred_at": None, "category": "natural", "subtype": None, "level": None,
           "loss_cny": None, "deaths": 0, "is_drill": False, "nature": "  "}
    with office_ctx.db.write() as s:
        s.add(IntakeDraft(operator=office_ctx.actor.label, fields=old, updated_at=office_ctx.clock.now()))
        s.add(IntakeDraft(operator=office_ctx.actor.label, fields={"title": "no time"},
                          updated_at=office_ctx.clock.now()))
    [kept] = intake_drafts.drafts(office_ctx)  # the unreadable one is left out, not fatal
    assert kept.facts.title == "泥石流" and kept.facts.category is Category.NATURAL
    assert intake_drafts.has_content(kept.facts)
    assert not intake_drafts.has_content(replace(kept.facts, title="", category=None))


def test_command_line(office_ctx: Context, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    f = tmp_path / "inc.json"
    f.write_text(json.dumps(LANDSLIDE, ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli("--db", str(db_path), "incidents", "add", str(f))
    assert code == 0 and out.strip().endswith("-0001")
    code, out, err = cli("--db", str(db_path), "incidents", "add", "-", stdin='{"title": "x", "level": "五级"}')
    assert code == 2 and "事件级别（level）的值“五级”无效" in err and "事件性质（nature）" in err
    code, _, err = cli("--db", str(db_path), "incidents", "add", "-", stdin="not json")
    assert code == 2 and "JSON" in err
    code, out, _ = cli("--db", str(db_path), "incidents", "list", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[0]["level"] == "III" and rows[0]["received_at"].endswith("+08:00")
    assert set(rows[0]) == {"number", "title", "kind", "category", "level", "status", "occurred_at",
                            "received_at", "location", "activated_plan", "response_level"}
    code, out, _ = cli("--db", str(db_path), "incidents", "report-text", rows[0]["number"])
    assert code == 0 and out.startswith("关于西山县石门镇山体滑坡的首报")
    code, _, err = cli("--db", str(db_path), "incidents", "report-text", rows[0]["number"], "--kind", "final")
    assert code == 2 and "没有终报" in err  # the user asked for what is not there
