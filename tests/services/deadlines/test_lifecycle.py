"""The deadline service, recurring duties and the alarm scheduler (with an injected clock)."""

from __future__ import annotations

import datetime as dt
import threading

import pytest

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineOutcome, DeadlineStage, ReportKind
from app.domain.errors import InputError, PermissionDenied
from app.scheduler.runtime import DutyScheduler
from app.services import duties
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.incidents import chain as incident_chain
from app.services.office import users
from app.services.roster import calendar as roster_calendar
from app.services.roster import filing as roster_filing
from tests.services.incidents.inputs import LANDSLIDE, record, update


class Recorder:
    """A listener that shows every alarm at once (confirms it to ``shown`` when set)."""

    def __init__(self) -> None:
        self.alarms: list[tuple[int, str]] = []
        self.changes = 0
        self.event = threading.Event()
        self.shown = None

    def health_problem(self, message: str) -> None: ...

    def housekeeping_done(self, backup_path: str | None) -> None: ...

    def alarm(self, deadline_id: int, stage: str) -> None:
        self.alarms.append((deadline_id, stage))
        if self.shown is not None:
            self.shown(deadline_id, stage)
        self.event.set()

    def deadlines_changed(self) -> None:
        self.changes += 1


def scheduler_for(ctx: Context, rec: Recorder) -> DutyScheduler:
    """A scheduler whose alarms the recorder confirms, as the window does."""
    sched = DutyScheduler(ctx, rec)
    rec.shown = sched.alarm_shown
    return sched


def in_minutes(ctx: Context, minutes: float) -> dt.datetime:
    return ctx.clock.now() + dt.timedelta(minutes=minutes)


def test_create_meet_on_time_and_late(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    a = deadlines.create(office_ctx, what="县道塌方 · 首报（书面）", report_kind="initial",
                         due_at=in_minutes(office_ctx, 60))
    b = deadlines.create(office_ctx, what="化工厂泄漏 · 首报（电话）", report_kind="initial",
                         channel="phone", due_at=in_minutes(office_ctx, 30))
    clock.advance(dt.timedelta(minutes=45))
    assert deadlines.meet(office_ctx, a.id, how="书面报送 市应急办").outcome is DeadlineOutcome.ON_TIME
    late = deadlines.meet(office_ctx, b.id, how="电话 市应急办值班室")
    assert late.outcome is DeadlineOutcome.LATE and late.met_by == "admin"
    with pytest.raises(InputError, match="已办结"):
        deadlines.meet(office_ctx, b.id, how="again")
    months, problems = deadlines.statistics(office_ctx)
    assert [(m.month, m.total, m.on_time, m.late) for m in months] == [("2026-11", 2, 1, 1)]
    assert [p.id for p in problems] == [b.id]


def test_bad_input_names_the_field(office_ctx: Context) -> None:
    with pytest.raises(InputError) as err:
        deadlines.create(office_ctx, what=" ", due_at=in_minutes(office_ctx, -5))
    assert "事项不能为空" in err.value.message and "截止时间不能早于现在" in err.value.message
    d = deadlines.create(office_ctx, what="x", due_at=in_minutes(office_ctx, 5))
    with pytest.raises(InputError, match="原因"):
        deadlines.close(office_ctx, d.id, outcome=DeadlineOutcome.CANCELLED, reason="")
    assert deadlines.close(office_ctx, d.id, outcome=DeadlineOutcome.MISSED,
                           reason="值班员未及时报送").outcome is DeadlineOutcome.MISSED


def test_acknowledging_an_overdue_alarm_needs_a_reason(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    d = deadlines.create(office_ctx, what="x", due_at=in_minutes(office_ctx, 5))
    assert deadlines.acknowledge(office_ctx, d.id).acknowledged_stage == "urgent"
    clock.advance(dt.timedelta(minutes=10))
    with pytest.raises(InputError, match="原因"):
        deadlines.acknowledge(office_ctx, d.id)
    info = deadlines.acknowledge(office_ctx, d.id, reason="领导在开会，正在联系")
    assert info.acknowledged_stage == "overdue" and info.acknowledged_by == "admin"


def test_incident_deadlines_start_and_move_when_regraded(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    now = clock.now()
    info = record(office_ctx, {**LANDSLIDE, "category": "accident", "subtype": "industrial",
                               "level": "IV", "deaths": 0, "trapped": 0, "title": "东湖区化工厂火灾"})
    kinds = {(d.report_kind.value, d.channel.value): d for d in deadlines.list_open(office_ctx)}
    assert set(kinds) == {("initial", "written")}
    assert kinds[("initial", "written")].due_at == now + dt.timedelta(hours=6)
    ins = incident_chain.add_instruction(office_ctx, info.number, text="全力处置", from_whom="市长")
    update(office_ctx, info.number, level="II")
    moved = {(d.report_kind.value, d.channel.value): d.due_at - now for d in deadlines.list_open(office_ctx)}
    assert moved[("initial", "written")] == dt.timedelta(hours=1)
    assert moved[("initial", "phone")] == dt.timedelta(minutes=30)
    assert moved[("follow-up", "written")] == dt.timedelta(hours=7, minutes=30)  # 17:00, the clock runs
    assert deadlines.get(office_ctx, ins.deadline_id).is_open  # an instruction's is not the rules' to move  # type: ignore[arg-type]
    update(office_ctx, info.number, level="IV")  # back down: the clock stops, the phone deadline goes
    assert {(d.report_kind.value, d.channel.value) for d in deadlines.list_open(office_ctx)} == {
        ("initial", "written"), ("instruction-feedback", "written")}


def test_profiles_copy_edit_and_refuse_invalid_rules(office_ctx: Context) -> None:
    copy = rule_profiles.copy_profile(office_ctx, "henan", "本市规则（据河南示例）")
    assert not copy.builtin and len(copy.rules) == len(dr.built_in("henan").rules)
    bad = [*copy.rules, dr.DeadlineRule("after", "initial", minutes=-5)]
    with pytest.raises(InputError, match=f"第 {len(bad)} 条规则无效"):
        rule_profiles.save_rules(office_ctx, copy.key, bad, copy.version)
    with pytest.raises(InputError, match="内置"):
        rule_profiles.save_rules(office_ctx, "default", list(copy.rules), 1)
    faster = [dr.DeadlineRule("after", "initial", "phone", minutes=10)]
    saved = rule_profiles.save_rules(office_ctx, copy.key, faster, copy.version)
    rule_profiles.set_active(office_ctx, saved.key)
    assert rule_profiles.active_profile(office_ctx).rules == tuple(faster)


def test_officers_cannot_change_rules(office_ctx: Context) -> None:
    users.create_user(office_ctx, username="duty", display_name="值班员", role="officer",
                      password="officer-pass")
    officer = office_ctx.acting_as(users.authenticate(office_ctx, "duty", "officer-pass"))
    with pytest.raises(PermissionDenied):
        rule_profiles.set_active(officer, "henan")


def test_recurring_duties_are_created_once(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    created = duties.ensure(office_ctx)
    assert duties.ensure(office_ctx) == []
    quarterly = [d for d in deadlines.list_open(office_ctx) if d.report_kind is ReportKind.QUARTERLY_REPORT]
    assert {d.what for d in quarterly} == {"2026年第4季度应急工作报送", "2027年第1季度应急工作报送"}
    assert len(created) == 2
    # around National Day the daily holiday report appears, due 15:00 each holiday day
    clock.set(dt.datetime(2026, 9, 28, 2, 0, tzinfo=dt.UTC))
    duties.ensure(office_ctx)
    daily = [d for d in deadlines.list_open(office_ctx) if d.report_kind is ReportKind.DAILY_REPORT]
    assert len(daily) >= 7 and any("国庆节" in d.what for d in daily)
    assert all(d.due_at.astimezone(dt.timezone(dt.timedelta(hours=8))).hour == 15 for d in daily)


def test_a_year_without_an_official_schedule_is_reported_not_guessed(office_ctx: Context) -> None:
    days, unknown = roster_calendar.holiday_days(office_ctx, dt.date(2031, 1, 1), dt.date(2031, 1, 3))
    assert days == [] and unknown == [2031]


def test_each_holidays_roster_filing_is_a_deadline_met_by_filing(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]

    clock.set(dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.UTC))  # a month before National Day
    duties.ensure(office_ctx)
    filing = [d for d in deadlines.list_open(office_ctx) if d.report_kind is ReportKind.ROSTER_FILING]
    assert [d.what for d in filing] == ["2026年国庆节值班表报备"] or "2026年中秋节值班表报备" in [d.what for d in filing]
    national = next(d for d in filing if "国庆节" in d.what)
    assert national.due_at.astimezone(dt.timezone(dt.timedelta(hours=8))).date() == dt.date(2026, 9, 24)
    roster_filing.mark_filed(office_ctx, dt.date(2026, 10, 1))
    assert deadlines.get(office_ctx, national.id).outcome is DeadlineOutcome.ON_TIME


# --- the scheduler -------------------------------------------------------------------------


def test_closed_across_a_deadline_alarms_at_once_on_start(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    d = deadlines.create(office_ctx, what="泥石流预警 · 预警信息报送（书面）", report_kind="warning",
                         due_at=in_minutes(office_ctx, 60))
    rec = Recorder()
    sched = scheduler_for(office_ctx, rec)
    sched.start(housekeeping_delay=dt.timedelta(hours=1))
    assert rec.alarms == []
    sched.shutdown()  # the program is closed …
    clock.advance(dt.timedelta(minutes=75))  # … across the deadline
    rec2 = Recorder()
    again = scheduler_for(office_ctx, rec2)
    again.start(housekeeping_delay=dt.timedelta(hours=1))
    try:
        assert rec2.alarms == [(d.id, "overdue")]  # before start() returned
    finally:
        again.shutdown()


def test_stages_escalate_and_overdue_repeats_until_acknowledged(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    d = deadlines.create(office_ctx, what="x", due_at=in_minutes(office_ctx, 45))
    rec = Recorder()
    sched = scheduler_for(office_ctx, rec)
    try:
        sched.start(housekeeping_delay=dt.timedelta(hours=1))
        ids = set(sched.job_ids())
        assert {f"deadline:{d.id}:{s}" for s in ("notice", "urgent", "due", "overdue")} <= ids
        for minutes, expected in ((16, "notice"), (20, "urgent"), (9, "due"), (2, "overdue")):
            clock.advance(dt.timedelta(minutes=minutes))
            sched.reconcile_now()
            assert rec.alarms[-1] == (d.id, expected)
        count = len(rec.alarms)
        clock.advance(dt.timedelta(minutes=2))
        sched.reconcile_now()
        assert len(rec.alarms) == count  # not yet: repeats every 5 minutes
        clock.advance(dt.timedelta(minutes=4))
        sched.reconcile_now()
        assert len(rec.alarms) == count + 1 and rec.alarms[-1][1] == "overdue"
        deadlines.acknowledge(office_ctx, d.id, reason="已电话催报")
        clock.advance(dt.timedelta(minutes=30))
        sched.reconcile_now()
        assert len(rec.alarms) == count + 1
        assert not [j for j in sched.job_ids() if j.startswith(f"deadline:{d.id}:")]
    finally:
        sched.shutdown()


def test_a_stage_job_fires_on_the_wall_clock(office_ctx: Context) -> None:
    """A real APScheduler date job at the stage's time (no clock moved)."""
    rec = Recorder()
    sched = scheduler_for(office_ctx, rec)
    sched.start(housekeeping_delay=dt.timedelta(hours=1))
    try:
        # due in 30 min + 0.3 s: the notice stage begins 0.3 s from now
        d = deadlines.create(office_ctx, what="x",
                             due_at=office_ctx.clock.now() + dt.timedelta(minutes=30, seconds=0.3))
        sched.reconcile_now()
        assert rec.event.wait(5)
        assert rec.alarms == [(d.id, "notice")]
    finally:
        sched.shutdown()


def test_deadlines_written_elsewhere_are_picked_up(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    rec = Recorder()
    sched = scheduler_for(office_ctx, rec)
    sched.start(housekeeping_delay=dt.timedelta(hours=1))
    try:
        before = rec.changes
        with office_ctx.db.write() as s:  # as the command line or another workstation would
            deadlines.add_in(s, office_ctx, what="外部写入", report_kind="other", channel="written",
                             due_at=in_minutes(office_ctx, 5))
        sched.reconcile_now()
        assert rec.changes == before + 1 and rec.alarms[-1][1] == "urgent"
    finally:
        sched.shutdown()


def test_stage_settings_are_validated(office_ctx: Context) -> None:
    with pytest.raises(InputError, match="提醒阶段"):
        rule_profiles.set_stage_settings(office_ctx, dr.StageSettings(5, 10, 5))
    rule_profiles.set_stage_settings(office_ctx, dr.StageSettings(60, 15, 3))
    assert rule_profiles.stage_settings(office_ctx).repeat_minutes == 3
    assert DeadlineStage.OVERDUE.rank > DeadlineStage.DUE.rank
