"""The report chain as duty rooms practise it: a report sent by phone and then in writing,
follow-ups on their clock until the final report, follow-ups holding their changes, unsent
reports deleted, and every step written into the duty log."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from app.domain.duty import LogKind
from app.domain.enums import Channel, DeadlineOutcome, Means, ReportKind
from app.domain.errors import InputError
from app.models import Deadline
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import entries as dutylog
from app.services.incidents import chain, sending
from app.services.incidents import intake as incidents
from tests.services.incidents.chain_steps import by_phone, final, follow_up, in_writing
from tests.services.incidents.inputs import record

BLAST = {"title": "东湖区化工园区储罐爆燃事故", "category": "事故灾难", "subtype": "industrial",
         "level": "重大", "occurred_at": "2026-11-28T09:05", "received_at": "2026-11-28T09:20",
         "location": "东湖区化工园区", "source": "东湖区应急管理局", "source_person": "李国强",
         "source_title": "副局长", "source_phone": "0576-88112233转801", "nature": "储罐区爆燃",
         "impact": "约 300 人疏散", "deaths": 12, "injuries": 5, "trend": "仍有复燃风险",
         "measures": "消防到场扑救", "next_steps": "搜救失联人员"}


def open_deadlines(ctx: Context, number: str) -> list[tuple[str, str, str]]:
    zone = dt.timezone(dt.timedelta(hours=8))
    return sorted((d.report_kind.value, d.channel.value, d.due_at.astimezone(zone).strftime("%d %H:%M"))
                  for d in deadlines.list_open(ctx) if d.incident_number == number)


def test_a_report_goes_by_phone_then_in_writing_each_meeting_its_own_deadline(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    assert open_deadlines(office_ctx, info.number) == [
        ("follow-up", "written", "28 17:00"), ("initial", "phone", "28 09:50"), ("initial", "written", "28 10:20")]
    initial = info.reports[0]
    assert sending.owed_channels(office_ctx, initial.id) == [Channel.PHONE, Channel.WRITTEN]
    clock.advance(dt.timedelta(minutes=12))
    phoned = by_phone(office_ctx, initial)
    assert [m.outcome for m in phoned.met] == [DeadlineOutcome.ON_TIME]
    assert phoned.summary() == "已记录：首报经电话报送至江州市人民政府总值班室，满足时限 1 项（按时）。"
    assert sending.owed_channels(office_ctx, initial.id) == [Channel.WRITTEN]  # the written one still owed
    clock.advance(dt.timedelta(minutes=25))
    faxed = in_writing(office_ctx, initial)  # the phone sending never blocks the written one
    assert [m.outcome for m in faxed.met] == [DeadlineOutcome.ON_TIME]
    assert [(x.channel, x.means, x.issued_by) for x in faxed.report.sendings] == [
        (Channel.PHONE, None, ""), (Channel.WRITTEN, Means.FAX, "张副局长")]
    text = incidents.get(office_ctx, info.number).reports[0].text
    assert "签发人：张副局长" in text and "报送时间：2026年11月28日10时07分" in text
    assert "江州市人民政府总值班室：" in text
    again = in_writing(office_ctx, initial, means=Means.EMAIL)  # sent once more: a record, no deadline
    assert again.met == () and "无待办时限" in again.summary()
    assert open_deadlines(office_ctx, info.number) == [("follow-up", "written", "28 17:00")]


def test_deadlines_are_judged_on_the_trusted_time_of_the_record(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    claimed = clock.now()
    clock.advance(dt.timedelta(minutes=45))  # recorded after the phone deadline (09:50)
    result = by_phone(office_ctx, info.reports[0], at=claimed)
    assert result.sending.at == claimed and result.sending.recorded_at == clock.now()
    assert [m.outcome for m in result.met] == [DeadlineOutcome.LATE]


def test_a_sending_is_checked_and_nothing_is_written_when_refused(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    report = info.reports[0]
    with pytest.raises(InputError) as err:
        in_writing(office_ctx, report, issued_by="", to="")
    assert [p.values["field"] for p in err.value.problems] == ["to", "issued_by"]
    with pytest.raises(InputError, match="不能晚于现在"):
        by_phone(office_ctx, report, at=clock.now() + dt.timedelta(hours=2))
    assert incidents.get(office_ctx, info.number).reports[0].sendings == ()
    assert len(open_deadlines(office_ctx, info.number)) == 3


def test_the_follow_up_clock_runs_however_a_slot_was_met(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    [slot] = [d for d in deadlines.list_open(office_ctx) if d.report_kind is ReportKind.FOLLOW_UP]
    clock.advance(dt.timedelta(hours=2))
    deadlines.meet(office_ctx, slot.id, how="电话续报市政府总值班室")  # by hand, on the deadlines page
    assert ("follow-up", "written", "29 08:00") in open_deadlines(office_ctx, info.number)
    [nxt] = [d for d in deadlines.list_open(office_ctx) if d.report_kind is ReportKind.FOLLOW_UP]
    clock.advance(dt.timedelta(hours=24))  # 08:00 passed unreported: recorded as missed, with a reason
    deadlines.close(office_ctx, nxt.id, outcome=DeadlineOutcome.MISSED, reason="值班员处置现场，未及时续报")
    assert ("follow-up", "written", "29 17:00") in open_deadlines(office_ctx, info.number)  # born on time
    clock.advance(dt.timedelta(hours=-1))
    first = follow_up(office_ctx, info.number, deaths=13)
    met = in_writing(office_ctx, first, means=Means.SYSTEM)  # sent at 10:20 on the 29th
    assert [m.outcome for m in met.met] == [DeadlineOutcome.ON_TIME]
    assert ("follow-up", "written", "30 08:00") in open_deadlines(office_ctx, info.number)
    with office_ctx.db.read() as s:
        slots = [d.slot for d in s.scalars(select(Deadline).where(Deadline.slot.is_not(None)))]
    assert len(slots) == len(set(slots)) == 4


def test_never_two_deadlines_for_one_slot(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    """Issue 11: sending 续报一 at 08:38 made a second deadline for the 17:00 slot."""
    info = record(office_ctx, BLAST)
    clock.advance(dt.timedelta(hours=23, minutes=8))  # 08:38 the next morning; the 17:00 slot was met late
    [slot] = [d for d in deadlines.list_open(office_ctx) if d.report_kind is ReportKind.FOLLOW_UP]
    first = follow_up(office_ctx, info.number, deaths=13)
    in_writing(office_ctx, first)
    assert deadlines.get(office_ctx, slot.id).outcome is DeadlineOutcome.LATE
    assert [d for d in open_deadlines(office_ctx, info.number) if d[0] == "follow-up"] == [
        ("follow-up", "written", "29 17:00")]
    second = follow_up(office_ctx, info.number, deaths=14)
    in_writing(office_ctx, second)  # 08:38 too: meets the 17:00 slot, the next is tomorrow 08:00
    assert [d for d in open_deadlines(office_ctx, info.number) if d[0] == "follow-up"] == [
        ("follow-up", "written", "30 08:00")]
    with pytest.raises(IntegrityError), office_ctx.db.write() as s:  # the unique key holds
        taken = s.scalar(select(Deadline).where(Deadline.id == slot.id))
        s.add(Deadline(what="x", report_kind="follow-up", channel="written", incident_id=taken.incident_id,
                       due_at=taken.due_at, created_at=clock.now(), slot=taken.slot))


def test_the_final_report_stops_the_clock_and_cancels_what_is_owed(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    by_phone(office_ctx, info.reports[0])
    clock.advance(dt.timedelta(hours=3))
    last = final(office_ctx, info.number, aftermath="善后工作有序开展")
    assert last.heading == "终报" and incidents.get(office_ctx, info.number).status == "closed"
    assert open_deadlines(office_ctx, info.number) == []
    cancelled = [d for d in deadlines.list_all(office_ctx) if d.outcome is DeadlineOutcome.CANCELLED]
    assert {d.report_kind for d in cancelled} == {ReportKind.INITIAL, ReportKind.FOLLOW_UP}
    assert all(d.closed_reason == "事件已于2026年11月28日12时30分终报办结，不再需要" for d in cancelled)
    with pytest.raises(InputError, match="已终报"):
        follow_up(office_ctx, info.number, deaths=13)
    with pytest.raises(InputError, match="已有终报"):
        final(office_ctx, info.number)
    in_writing(office_ctx, last)  # the final report itself still goes up
    assert open_deadlines(office_ctx, info.number) == []


def test_a_follow_up_holds_exactly_its_changes_as_of_its_time(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    in_writing(office_ctx, info.reports[0])
    with pytest.raises(InputError, match="没有任何变化"):
        follow_up(office_ctx, info.number)
    clock.advance(dt.timedelta(hours=2))
    first = follow_up(office_ctx, info.number, deaths=13, missing=2, measures="明火扑灭")
    assert first.heading == "续报一" and first.changes == ("measures", "deaths", "missing")
    assert first.as_of == clock.now()
    lines = first.text.splitlines()
    assert "截至2026年11月28日11时30分，有关情况续报如下：" in lines
    assert "一、人员伤亡：死亡13人、受伤5人、失踪2人，重伤、被困人数正在核实" in lines
    assert "二、已采取的主要措施及效果：明火扑灭" in lines and not any("事发地点" in x for x in lines)
    assert incidents.get(office_ctx, info.number).facts.deaths == 13  # the facts moved with it
    # the first follow-up is unsent: the next counts its changes from the last report sent
    second = follow_up(office_ctx, info.number, trend="险情排除")
    assert second.heading == "续报二" and second.changes == ("trend", "measures", "deaths", "missing")


def test_an_unsent_report_can_be_deleted_a_sent_one_never(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    with pytest.raises(InputError, match="第一份报告"):
        chain.delete_report(office_ctx, info.reports[0].id)
    first = follow_up(office_ctx, info.number, deaths=13)
    second = follow_up(office_ctx, info.number, deaths=14)
    with pytest.raises(InputError, match="请先删除续报一之后的报告"):
        chain.delete_report(office_ctx, first.id)
    chain.delete_report(office_ctx, second.id)
    in_writing(office_ctx, first)
    with pytest.raises(InputError, match="已于 2026-11-28 09:30 报送，不能删除"):
        chain.delete_report(office_ctx, first.id)
    assert [r.heading for r in incidents.get(office_ctx, info.number).reports] == ["首报", "续报一"]
    assert follow_up(office_ctx, info.number, deaths=15).heading == "续报二"  # the number is free again
    closing = final(office_ctx, info.number)
    chain.delete_report(office_ctx, closing.id)  # written too soon: the case is open again
    assert incidents.get(office_ctx, info.number).status == "open"
    assert [d[0] for d in open_deadlines(office_ctx, info.number)] == ["follow-up"]


def test_every_step_is_written_in_the_duty_log(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    info = record(office_ctx, BLAST)
    by_phone(office_ctx, info.reports[0])
    clock.advance(dt.timedelta(minutes=20))
    in_writing(office_ctx, info.reports[0])
    follow_up(office_ctx, info.number, deaths=13)
    final(office_ctx, info.number)
    log = [e for e in dutylog.list_shift(office_ctx, dutylog.shift_info(office_ctx).date)
           if e.incident_id == info.id]
    assert [e.kind for e in log] == [LogKind.INTAKE, *[LogKind.REPORT] * 4]
    intake = log[0]
    assert intake.incident_number == info.number and intake.at == info.facts.received_at
    assert (intake.caller_unit, intake.caller_name, intake.caller_title, intake.caller_phone) == (
        "东湖区应急管理局", "李国强", "副局长", "0576-88112233转801")
    assert f"编号{info.number}" in intake.text and "（重大）" in intake.text
    assert "首报已电话报送江州市人民政府总值班室" in log[1].text
    assert "书面（传真）" in log[2].text and "签发人：张副局长" in log[2].text
    assert "拟写续报一" in log[3].text and "拟写终报" in log[4].text
