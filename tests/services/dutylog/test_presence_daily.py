"""Presence checks with statistics per unit; the daily report on holidays meets its deadline."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from app.domain.duty import LogKind
from app.domain.enums import Channel, DeadlineOutcome, ReportKind
from app.domain.errors import InputError
from app.models import Organization
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import daily_report, presence
from app.services.dutylog import entries as dutylog

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def units(office_ctx: Context) -> dict[str, int]:
    with office_ctx.db.write() as s:
        east = Organization(name="东湖区", kind="district", duty_phone="0576-88110000", sort_order=1)
        west = Organization(name="西山县", kind="district", duty_phone="0576-88220000", sort_order=2)
        s.add_all([east, west])
        s.flush()
        town = Organization(name="石门镇", kind="township", parent_id=west.id, duty_phone="0576-88221111")
        dept = Organization(name="市水利局", kind="department", duty_phone="0576-88330000")
        s.add_all([town, dept])
        s.flush()
        return {"东湖区": east.id, "西山县": west.id, "石门镇": town.id}


def test_targets_are_districts_then_their_townships(office_ctx: Context, units) -> None:  # type: ignore[no-untyped-def]
    assert [(u.name, u.parent) for u in presence.targets(office_ctx)] == [
        ("东湖区", ""), ("西山县", ""), ("石门镇", "西山县")]


def test_outgoing_checks_and_statistics(office_ctx: Context, units, clock) -> None:  # type: ignore[no-untyped-def]
    presence.record_outgoing(office_ctx, organization_id=units["东湖区"], answered=True, rings=2,
                             answered_by="陈明")
    presence.record_outgoing(office_ctx, organization_id=units["东湖区"], answered=True, rings=5)
    presence.record_outgoing(office_ctx, organization_id=units["西山县"], answered=False)
    presence.record_outgoing(office_ctx, organization_id=units["西山县"], answered=True, rings=1)
    with pytest.raises(InputError, match="响铃声数"):
        presence.record_outgoing(office_ctx, organization_id=units["石门镇"], answered=True, rings=-1)
    stats = {u.unit: u for u in presence.statistics(office_ctx)}
    east, west = stats["东湖区"], stats["西山县"]
    assert (east.checks, east.answered, east.within_limit, east.average_rings) == (2, 2, 1, 3.5)
    assert west.answered_rate == 0.5 and west.average_rings == 1.0
    assert list(stats) == ["西山县", "东湖区"]  # the worst first
    assert presence.recent(office_ctx, "outgoing")[0].unit == "西山县"


def test_incoming_spot_check_goes_into_the_log(office_ctx: Context) -> None:
    presence.record_incoming(office_ctx, caller_unit="省应急管理厅", rings=4, answered_by="王建国")
    [entry] = dutylog.list_shift(office_ctx, dt.date(2026, 11, 28))
    assert entry.kind is LogKind.PRESENCE_CHECK and "响铃4声" in entry.text and "超过3声" in entry.text
    [stats] = presence.statistics(office_ctx, "incoming")
    assert stats.unit == "省应急管理厅" and stats.within_limit == 0
    with pytest.raises(InputError, match="单位不能为空"):
        presence.record_incoming(office_ctx, caller_unit=" ", rings=1)


def _daily_deadline(ctx: Context, day: dt.date) -> int:
    with ctx.db.write() as s:
        row = deadlines.add_in(s, ctx, what="国庆节日报告", report_kind=ReportKind.DAILY_REPORT,
                               channel=Channel.WRITTEN, recurring_key=f"daily:{day.isoformat()}",
                               due_at=dt.datetime.combine(day, dt.time(15), SH))
        return row.id


def test_nil_report_then_a_report_of_the_days_incident(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    day = dt.date(2026, 10, 2)
    clock.set(dt.datetime(2026, 10, 2, 9, 0, tzinfo=SH))
    deadline_id = _daily_deadline(office_ctx, day)
    nil = daily_report.compose(office_ctx, day)
    assert nil.holiday == "国庆节" and nil.incidents == 0 and nil.deadline.id == deadline_id
    assert nil.text.startswith("江州市应急管理局国庆节值班日报告") and "零报告" in nil.text
    assert "10月1日15时至10月2日9时" in nil.text
    from tests.services.incidents import inputs

    inputs.record(office_ctx, occurred_at="2026-10-02T08:40")
    clock.set(dt.datetime(2026, 10, 2, 14, 30, tzinfo=SH))
    report = daily_report.compose(office_ctx, day)
    assert report.incidents == 1 and "零报告" not in report.text
    assert "西山县石门镇山体滑坡（较大）" in report.text and "死亡1人" in report.text
    sent = daily_report.mark_sent(office_ctx, day, report.text, how="传真")
    assert sent.deadline.outcome is DeadlineOutcome.ON_TIME and sent.deadline.met_how == "传真"
    assert "按时" in sent.message
    log = dutylog.list_shift(office_ctx, dt.date(2026, 10, 2))
    assert log[-1].kind is LogKind.REPORT and "传真" in log[-1].text
    # sending again is logged, but no deadline is met twice
    again = daily_report.mark_sent(office_ctx, day, report.text)
    assert again.deadline is None and "没有待办" in again.message
