"""The duty log: the chain and check, shifts, locking at handover, corrections, check-in."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import zoneinfo

import pytest
from sqlalchemy import text

from app.cli import build_parser, run
from app.domain import duty
from app.domain.duty import LogKind
from app.domain.errors import InputError
from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.dutylog import handover
from app.services.incidents import chain as incident_chain
from app.services.office import duty_chain, users

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


def local(y: int, m: int, d: int, hh: int, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=SH)


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(build_parser().parse_args(list(argv)))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def officers(office_ctx: Context) -> Context:
    for name, display in (("zhang", "张伟"), ("li", "李娜")):
        users.create_user(office_ctx, username=name, display_name=display, role="officer",
                          password=f"{name}-pass-1")
    return office_ctx


def as_user(ctx: Context, username: str) -> Context:
    return ctx.acting_as(users.authenticate(ctx, username, f"{username}-pass-1"))


def hand_over(ctx: Context, day: dt.date, notes: str = "") -> handover.HandoverSheet:
    return handover.confirm(ctx, day, outgoing="zhang", outgoing_password="zhang-pass-1",
                            incoming="li", incoming_password="li-pass-1", notes=notes)


def test_shift_boundaries_follow_the_setting() -> None:
    start = dt.time(8, 30)
    assert duty.shift_date_of(local(2026, 11, 28, 8, 29), SH, start) == dt.date(2026, 11, 27)
    assert duty.shift_date_of(local(2026, 11, 28, 8, 30), SH, start) == dt.date(2026, 11, 28)
    begin, end = duty.shift_bounds(dt.date(2026, 11, 28), SH, start)
    assert begin == local(2026, 11, 28, 8, 30) and end == local(2026, 11, 29, 8, 30)
    # arriving early for the next shift signs in for that one
    assert duty.check_in_shift(local(2026, 11, 29, 8, 0), SH, start) == dt.date(2026, 11, 29)
    assert duty.check_in_shift(local(2026, 11, 28, 21, 0), SH, start) == dt.date(2026, 11, 28)


def test_entries_go_into_their_duty_day(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    early = dutylog.append(office_ctx, "凌晨巡查，一切正常", at="2026-11-28T07:50")
    now = dutylog.append(office_ctx, "东湖区报告道路积水", LogKind.INCOMING_CALL, caller_unit="东湖区应急管理局",
                         caller_name="陈明", caller_title="值班员", caller_phone="0576-88120000",
                         place="东湖区人民路", notified="已报区政府总值班室", notified_at="2026-11-28T09:20")
    assert early.shift_date == dt.date(2026, 11, 27) and now.shift_date == dt.date(2026, 11, 28)
    assert now.operator == "admin" and now.operator_name == "王建国"
    assert now.caller == "东湖区应急管理局 陈明（值班员） 0576-88120000"
    assert [e.id for e in dutylog.list_shift(office_ctx, dt.date(2026, 11, 28))] == [now.id]
    # shift start moved to 08:00: the setting decides, stored entries keep their day
    dutylog.set_shift_start(office_ctx, "8:00")
    assert dutylog.shift_settings(office_ctx).start == dt.time(8, 0)
    with pytest.raises(InputError):
        dutylog.set_shift_start(office_ctx, "25:00")


def test_bad_input_is_named_and_nothing_written(office_ctx: Context) -> None:
    with pytest.raises(InputError) as err:
        dutylog.append(office_ctx, "  ", "party", at="tomorrow")
    message = str(err.value)
    assert "内容不能为空" in message and "party" in message and "tomorrow" in message
    with pytest.raises(InputError, match="不能晚于现在"):
        dutylog.append(office_ctx, "写在将来", at="2026-11-28T12:00")
    with pytest.raises(InputError, match="未知的日志类别"):
        dutylog.append(office_ctx, "自己写的交接班", LogKind.HANDOVER)
    assert duty_chain.verify(office_ctx).count == 0


def test_a_log_entry_edited_with_sql_fails_check_naming_it(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    entries = [dutylog.append(office_ctx, f"第{i}条记事") for i in range(3)]
    code, out, _ = cli("--db", str(db_path), "check")
    assert code == 0 and "值班日志 3 条链路完整" in out
    victim = entries[1]
    with office_ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE duty_log_entry SET text = '改过的内容' WHERE id = :id"), {"id": victim.id})
    report = duty_chain.verify(office_ctx)
    assert not report.ok and report.broken_id == victim.id
    code, _, err = cli("--db", str(db_path), "check")
    assert code == 1 and f"值班日志链在第 {victim.id} 条处断开" in err and "被改动" in err


def test_deleting_the_newest_entry_is_noticed(office_ctx: Context) -> None:
    for i in range(2):
        dutylog.append(office_ctx, f"记事{i}")
    with office_ctx.db.engine.begin() as conn:
        conn.execute(text("DELETE FROM duty_log_entry WHERE seq = 2"))
    report = duty_chain.verify(office_ctx)
    assert not report.ok and "链头" in report.reason


def test_handover_locks_the_log_and_corrections_go_forward(officers: Context, clock) -> None:  # type: ignore[no-untyped-def]
    zhang = as_user(officers, "zhang")
    first = dutylog.append(zhang, "西山县报告森林火情已扑灭", LogKind.INCOMING_CALL, caller_unit="西山县应急局")
    clock.set(local(2026, 11, 29, 8, 20))  # ten minutes before the clock's shift change
    assert handover.handover_shift(zhang) == dt.date(2026, 11, 28)
    hand_over(zhang, dt.date(2026, 11, 28))
    assert dutylog.shift_info(zhang, dt.date(2026, 11, 28)).locked
    clock.advance(dt.timedelta(minutes=2))
    li = as_user(officers, "li")
    # backdating into the locked shift is refused with a sentence
    with pytest.raises(InputError, match="交接锁定"):
        dutylog.append(li, "补记一条", at="2026-11-29T08:00")
    # after the lock, the minutes before 08:30 belong to the next shift
    late = dutylog.append(li, "接班后第一个电话", LogKind.INCOMING_CALL)
    assert late.shift_date == dt.date(2026, 11, 29)
    assert handover.handover_shift(li) == dt.date(2026, 11, 29)
    fix = dutylog.correct(li, first.id, "西山县报告森林火情已于 02:10 扑灭", caller_unit="西山县应急管理局")
    assert fix.corrects_id == first.id and fix.shift_date == dt.date(2026, 11, 29)
    old_log = dutylog.list_shift(li, dt.date(2026, 11, 28))
    assert next(e for e in old_log if e.id == first.id).corrected_by == fix.id
    assert old_log[-1].kind is LogKind.HANDOVER and "张伟交班，李娜接班" in old_log[-1].text
    assert duty_chain.verify(li).ok
    with pytest.raises(InputError, match="已于"):
        hand_over(li, dt.date(2026, 11, 28))


def test_both_passwords_are_needed(officers: Context, clock) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2026, 11, 28)
    with pytest.raises(InputError) as err:
        handover.confirm(officers, day, outgoing="zhang", outgoing_password="zhang-pass-1",
                         incoming="li", incoming_password="wrong-password")
    assert "接班人" in str(err.value) and "交班人" not in str(err.value)
    with pytest.raises(InputError, match="交班人"):
        handover.confirm(officers, day, outgoing="zhang", outgoing_password="nope",
                         incoming="li", incoming_password="li-pass-1")
    with pytest.raises(InputError, match="同一人"):
        handover.confirm(officers, day, outgoing="zhang", outgoing_password="zhang-pass-1",
                         incoming="ZHANG", incoming_password="zhang-pass-1")
    with pytest.raises(InputError, match="尚未开始"):
        handover.confirm(officers, day + dt.timedelta(days=1), outgoing="zhang",
                         outgoing_password="zhang-pass-1", incoming="li", incoming_password="li-pass-1")
    assert not dutylog.shift_info(officers, day).locked
    done = hand_over(officers, day, notes="库房钥匙在值班柜")
    record = done.handed_over
    assert record["outgoing_name"] == "张伟" and record["incoming_name"] == "李娜"
    assert record["outgoing_confirmed_at"] and record["incoming_confirmed_at"]
    assert handover.sheet(officers, day).notes == "库房钥匙在值班柜"


def test_off_roster_handover_needs_a_reason(officers: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2026, 11, 28)
    assert handover.roster_people_for_shift(officers, dt.datetime.now(dt.UTC)) is None
    monkeypatch.setattr(handover, "roster_people_for_shift", lambda ctx, start: {"张伟", "王芳"})
    with pytest.raises(InputError, match="不在下一班的值班表上"):
        hand_over(officers, day)
    sheet = handover.confirm(officers, day, outgoing="zhang", outgoing_password="zhang-pass-1",
                             incoming="li", incoming_password="li-pass-1", reason="王芳病假，李娜顶班")
    assert sheet.handed_over["reason"] == "王芳病假，李娜顶班"
    assert "不在值班表上" in dutylog.list_shift(officers, day)[-1].text


def test_carried_items_reappear_until_cleared(officers: Context, clock) -> None:  # type: ignore[no-untyped-def]
    item = handover.flag(officers, "督促西山县 17:00 前报送灾情核查结果")
    first = hand_over(officers, dt.date(2026, 11, 28))
    assert [c["id"] for c in first.carried] == [item.id]
    clock.set(local(2026, 11, 30, 8, 25))
    second = hand_over(officers, dt.date(2026, 11, 29))
    assert [c["id"] for c in second.carried] == [item.id]
    handover.clear(officers, item.id, "已收到核查结果")
    with pytest.raises(InputError):
        handover.clear(officers, item.id)
    clock.set(local(2026, 12, 1, 8, 25))
    assert handover.sheet(officers).carried == []
    # the signed sheets keep what was carried then
    assert [c["id"] for c in handover.sheet(officers, dt.date(2026, 11, 29)).carried] == [item.id]


def test_sheet_lists_incidents_deadlines_alarms_and_instructions(officers: Context, clock) -> None:  # type: ignore[no-untyped-def]
    from tests.services.incidents import inputs

    info = inputs.record(officers)
    incident_chain.add_instruction(officers, info.number, text="全力搜救被困人员", from_whom="李市长")
    clock.advance(dt.timedelta(minutes=55))  # the 1-hour written report is close: an alarm
    sheet = handover.build(officers, dt.date(2026, 11, 28))
    [inc] = sheet.open_incidents
    assert inc["number"] == info.number and inc["level"] == "较大"
    assert inc["deadlines"] and inc["deadlines"][0]["what"].endswith("首报（书面）")
    assert any(d["incident_number"] == info.number and d["stage"] == "urgent" for d in sheet.deadlines)
    assert [i["from_whom"] for i in sheet.instructions] == ["李市长"]
    words = handover.sheet_text(sheet, "江州市应急管理局")
    assert words.startswith("江州市应急管理局值班交接班记录")
    for part in ("二、未办结事件（1）", info.number, "李市长：全力搜救被困人员", "五、交办事项（0）"):
        assert part in words


def test_check_in_marks_late_sign_ins(officers: Context, clock) -> None:  # type: ignore[no-untyped-def]
    li = as_user(officers, "li")
    late = dutylog.check_in(li)  # 09:30: an hour after 08:30
    assert late.late and late.minutes_after_start == 60 and late.shift_date == dt.date(2026, 11, 28)
    with pytest.raises(InputError, match="已于 09:30 签到"):
        dutylog.check_in(li)
    clock.set(local(2026, 11, 29, 8, 10))
    zhang = as_user(officers, "zhang")
    early = dutylog.check_in(zhang)
    assert not early.late and early.shift_date == dt.date(2026, 11, 29)
    entries = dutylog.list_shift(officers, dt.date(2026, 11, 28))
    assert entries[0].kind is LogKind.CHECK_IN and "迟到" in entries[0].text


def test_command_line_log_and_handover(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    # the command line runs on the system clock: write for today's duty day
    code, out, err = cli("--db", str(db_path), "log", "add", "市应急局电话抽查，在岗", "--kind", "记事")
    assert code == 0, err
    entry_id = int(out.strip())
    code, out, _ = cli("--db", str(db_path), "log", "--json")
    rows = json.loads(out)
    assert code == 0 and rows[-1]["id"] == entry_id
    assert set(rows[-1]) == {"id", "at", "operator", "kind", "text", "corrects", "caller_unit", "caller_name",
                             "caller_title", "caller_phone", "place", "notified", "incident_number"}
    assert rows[-1]["operator"].endswith("(cli)") and rows[-1]["kind"] == "note"
    assert dt.datetime.fromisoformat(rows[-1]["at"]).utcoffset() == dt.timedelta(hours=8)
    code, out, _ = cli("--db", str(db_path), "handover", "show", "--json")
    [sheet] = json.loads(out)
    assert code == 0 and set(sheet) == {"shift", "log", "open_incidents", "deadlines", "instructions",
                                        "carried", "notes", "anchor"}
    code, out, _ = cli("--db", str(db_path), "log", "--date", "2020-01-01", "--json")
    assert code == 0 and json.loads(out) == []
    code, _, err = cli("--db", str(db_path), "log", "--date", "yesterday")
    assert code == 2 and "yesterday" in err
    code, _, err = cli("--db", str(db_path), "log", "add", "x", "--kind", "party")
    assert code == 2 and "party" in err
    code, out, _ = cli("--db", str(db_path), "handover", "show")
    assert code == 0 and "值班交接班记录" in out


def test_demo_has_weeks_of_log_handovers_and_checks_chained(tmp_path, clock) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import func, select

    from app.demo import build as demo
    from app.models import CarriedItem, CheckIn, Handover, PresenceCheck
    from app.services.context import Actor
    from app.services.office import health

    opened = health.open_database(tmp_path / "demo.db", clock)
    ctx = Context(opened.db, clock, Actor.command_line())
    try:
        demo.create_demo(ctx)
        with ctx.db.read() as s:
            counts = {m.__name__: s.scalar(select(func.count()).select_from(m))
                      for m in (Handover, CheckIn, PresenceCheck, CarriedItem)}
        assert counts["Handover"] >= 20 and counts["CheckIn"] >= 21 and counts["PresenceCheck"] >= 100
        assert handover.open_items(ctx)  # some items are still carried
        report = duty_chain.verify(ctx)
        assert report.ok and report.count > 100
        today = dutylog.list_shift(ctx, dt.date(2026, 11, 28))
        assert any(e.kind is LogKind.CHECK_IN for e in today)  # the rostered officers signed in
        signed = handover.sheet(ctx, dt.date(2026, 11, 20))
        assert signed.handed_over and signed.log[-1]["kind"] == "handover"
        assert "值班交接班记录" in handover.sheet_text(signed, "江州市应急管理局")
        demo.create_demo(ctx, force=True)  # the old log goes with the old office; the chain starts over
        assert duty_chain.verify(ctx).ok
    finally:
        opened.db.dispose()


def test_the_roster_says_who_is_on_the_next_shift(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    """The handover asks the real roster (the demo office has one for every day)."""
    from app.demo import build as demo

    demo.create_demo(office_ctx, force=True)
    start = clock.now().replace(hour=0, minute=30)  # 08:30 Shanghai
    people = handover.roster_people_for_shift(office_ctx, start)
    assert people and len(people) >= 3  # a leader and two officers, by name


def test_a_page_is_read_again_by_its_entries_ids_with_its_links(office_ctx: Context) -> None:
    from app.services.dutylog import search as log_search

    for n in range(4):
        dutylog.append(office_ctx, f"第{n}条")
    day = dutylog.open_shift_date(office_ctx)
    page = dutylog.list_shift_page(office_ctx, day, 1, 2)
    fix = dutylog.correct(office_ctx, page[0].id, "第1条（更正）")
    again = {e.id: e for e in log_search.entries_by_id(office_ctx, [e.id for e in page] + [999_999])}
    assert sorted(again) == [e.id for e in page]
    assert again[page[0].id].corrected_by == fix.id and again[page[1].id] == page[1]
