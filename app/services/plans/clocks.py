"""The plans' clocks as deadlines: each plan's next review and next drill, and each corrective
action's due date (RULES.md §7).

A plan's review and drill are recurring duties like the quarterly report: ``plan_clocks`` is the
planner ``app.services.duties`` runs, asking for the deadline ``notice_days`` before it falls due
(at once when it is already near or past). The recurring key names the plan, the clock and the
due date (``plan:7:review:2027-03-01``), so a duty is created once. Recording a review or a drill
meets the open deadline of that clock and moves the next due date; editing a plan's dates or
cycles moves (or cancels) what is open; a withdrawn plan's clocks stop. A corrective action's
deadline is created with it and met when it is done.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain import plans as rules
from app.domain.enums import Channel, DeadlineOutcome, ReportKind
from app.models import Deadline, Drill, Plan, PlanReview
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines import recurring
from app.services.deadlines.recurring import PlanWindow, Wanted
from app.services.office import audit

REVIEW, DRILL = "review", "drill"
MAX_IN = 500  # ids named in one IN (...) list; more, and every row is read and filtered


@dataclass(frozen=True)
class PlanClock:
    """What one plan's clocks are computed from."""

    plan_id: int
    name: str
    status: rules.PlanStatus
    approved_on: dt.date
    review_years: int
    drill_months: int
    last_review: dt.date | None
    last_drill: dt.date | None

    @property
    def running(self) -> bool:
        return self.status is not rules.PlanStatus.WITHDRAWN

    @property
    def next_review(self) -> dt.date:
        return rules.next_review(self.approved_on, self.last_review, self.review_years)

    @property
    def next_drill(self) -> dt.date:
        return rules.next_drill(self.approved_on, self.last_drill, self.drill_months)

    def due(self, clock: str) -> dt.date:
        return self.next_review if clock == REVIEW else self.next_drill


def clocks_in(session: Session, plan_ids: Sequence[int] | None = None) -> list[PlanClock]:
    """The clocks of the given plans (all when None), in three grouped queries."""
    plans = select(Plan.id, Plan.name, Plan.status, Plan.approved_on, Plan.review_years,
                   Plan.drill_months).order_by(Plan.id)
    reviews = select(PlanReview.plan_id, func.max(PlanReview.reviewed_on)).group_by(PlanReview.plan_id)
    drills = select(Drill.plan_id, func.max(Drill.held_on)).group_by(Drill.plan_id)
    wanted = None if plan_ids is None else set(plan_ids)
    if wanted is not None and len(wanted) <= MAX_IN:  # else read all and keep the wanted ones
        plans = plans.where(Plan.id.in_(wanted))
        reviews = reviews.where(PlanReview.plan_id.in_(wanted))
        drills = drills.where(Drill.plan_id.in_(wanted))
    last_review: dict[int, dt.date] = {i: d for i, d in session.execute(reviews)}
    last_drill: dict[int, dt.date] = {i: d for i, d in session.execute(drills)}
    return [PlanClock(i, name, rules.PlanStatus(status), approved, years, months,
                      last_review.get(i), last_drill.get(i))
            for i, name, status, approved, years, months in session.execute(plans)
            if wanted is None or i in wanted]


def what(name: str, kind: ReportKind) -> str:
    """The deadline's line: the plan's name, then what is owed (预案评估 / 预案演练)."""
    return f"{name} · {kind.zh}"[:300]


def due_at(day: dt.date, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    return dr.at_local(day, rules.DUE_TIME, zone)


def met_at(day: dt.date, now: dt.datetime, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """When a review, drill or action done on ``day`` meets its deadline: that day's due time
    (a record entered later is judged on the day it happened), never after now."""
    return min(now, due_at(day, zone))


def _wanted(c: PlanClock, horizon: rules.Horizon, at: PlanWindow) -> list[Wanted]:
    out: list[Wanted] = []
    if not c.running:
        return out
    for clock, kind, key in ((REVIEW, ReportKind.PLAN_REVIEW, rules.review_key),
                             (DRILL, ReportKind.PLAN_DRILL, rules.drill_key)):
        day = c.due(clock)
        due = due_at(day, at.zone)
        if horizon.planned(due, at.now):
            out.append(Wanted(key(c.plan_id, day), what(c.name, kind), kind, Channel.WRITTEN, due))
    return out


def plan_clocks(ctx: Context, profile: dr.RuleProfile, at: PlanWindow) -> list[Wanted]:
    """The planner: every running plan's review and drill due within the notice horizon."""
    horizon = rule_profiles.horizon(ctx)
    with ctx.db.read() as s:
        found = clocks_in(s)
    return [w for c in found for w in _wanted(c, horizon, at)]


@dataclass(frozen=True)
class ClockSettings:
    """What a write needs to plan inside its own transaction, read before it begins."""

    horizon: rules.Horizon
    profile_key: str
    window: PlanWindow


def settings_of(ctx: Context) -> ClockSettings:
    return ClockSettings(rule_profiles.horizon(ctx), rule_profiles.active_key(ctx),
                         recurring.window(ctx))


def _open_of(session: Session, plan_id: int, clock: str) -> list[Deadline]:
    prefix = rules.plan_key_prefix(plan_id, clock)
    return list(session.scalars(select(Deadline).where(
        Deadline.recurring_key.startswith(prefix, autoescape=True),
        Deadline.outcome == DeadlineOutcome.OPEN.value).order_by(Deadline.due_at)))


def _open_by_plan(session: Session) -> dict[tuple[int, str], list[Deadline]]:
    """Every open deadline of a plan's clock, by (plan id, clock): one query for any number."""
    out: dict[tuple[int, str], list[Deadline]] = defaultdict(list)
    for row in session.scalars(select(Deadline).where(
            Deadline.report_kind.in_([ReportKind.PLAN_REVIEW.value, ReportKind.PLAN_DRILL.value]),
            Deadline.outcome == DeadlineOutcome.OPEN.value).order_by(Deadline.due_at)):
        parts = (row.recurring_key or "").split(":")
        if len(parts) == 4 and parts[0] == "plan" and parts[1].isdigit():
            out[(int(parts[1]), parts[2])].append(row)
    return out


def meet_in(session: Session, ctx: Context, plan_id: int, clock: str, day: dt.date,
            zone: zoneinfo.ZoneInfo, how: str) -> int:
    """A review or drill held on ``day`` meets that clock's open deadlines; how many."""
    met = 0
    for row in _open_of(session, plan_id, clock):
        deadlines.meet_in(session, ctx, row.id, how=how, at=met_at(day, ctx.clock.now(), zone))
        met += 1
    return met


def retime_in(session: Session, ctx: Context, plan_ids: Sequence[int], cs: ClockSettings) -> None:
    """Bring the plans' deadlines in line with their records: move open ones to the due date
    the plan now has (cancel them when the plan was withdrawn, or the date moved beyond the
    notice horizon), then create what is now due within it."""
    wanted: list[Wanted] = []
    held = _open_by_plan(session)
    for c in clocks_in(session, plan_ids):
        for clock, kind, key in ((REVIEW, ReportKind.PLAN_REVIEW, rules.review_key),
                                 (DRILL, ReportKind.PLAN_DRILL, rules.drill_key)):
            new_key = key(c.plan_id, c.due(clock))
            due = due_at(c.due(clock), cs.window.zone)
            for row in held.get((c.plan_id, clock), []):
                if not c.running:
                    _close(session, ctx, row, "预案已废止，不再需要")
                elif not cs.horizon.planned(due, cs.window.now):
                    _close(session, ctx, row, "预案日期或周期已调整，届时重新提醒")
                elif row.recurring_key != new_key or row.what != what(c.name, kind):
                    _move(session, ctx, row, due, new_key, what(c.name, kind))
        wanted += _wanted(c, cs.horizon, cs.window)
    if wanted:
        recurring.ensure_in(session, ctx, wanted, cs.profile_key)


def _close(session: Session, ctx: Context, row: Deadline, reason: str) -> None:
    before = audit.snapshot(row, deadlines.FIELDS)
    row.outcome = DeadlineOutcome.CANCELLED.value
    row.closed_reason = reason
    session.flush()
    audit.record(session, ctx, "cancelled", "deadline", row.id, before=before,
                 after=audit.snapshot(row, deadlines.FIELDS))


def _move(session: Session, ctx: Context, row: Deadline, due: dt.datetime, key: str,
          line: str) -> None:
    before = audit.snapshot(row, deadlines.FIELDS)
    taken = session.scalar(select(Deadline.id).where(Deadline.recurring_key == key))
    if taken is not None and taken != row.id:  # that due date was owed once and closed
        _close(session, ctx, row, "预案日期或周期已调整")
        return
    row.due_at, row.recurring_key, row.what = due, key, line
    row.acknowledged_stage = ""
    session.flush()
    audit.record(session, ctx, "move", "deadline", row.id, before=before,
                 after=audit.snapshot(row, deadlines.FIELDS))


# --- corrective actions -----------------------------------------------------------------


def action_line(text: str, owner: str) -> str:
    short = text if len(text) <= 40 else text[:39] + "…"
    return f"{short} · {ReportKind.CORRECTIVE_ACTION.zh}（{owner}）"[:300]


def open_action_in(session: Session, ctx: Context, action_id: int, line: str, due_on: dt.date,
                   cs: ClockSettings) -> int:
    """The deadline of a new corrective action; its id."""
    row = deadlines.add_in(session, ctx, what=line, report_kind=ReportKind.CORRECTIVE_ACTION,
                           channel=Channel.WRITTEN, due_at=due_at(due_on, cs.window.zone),
                           rule_profile=cs.profile_key, recurring_key=rules.action_key(action_id))
    return row.id


def close_action_in(session: Session, ctx: Context, deadline_id: int | None, done_on: dt.date,
                    zone: zoneinfo.ZoneInfo) -> None:
    """An action was done on ``done_on``: its deadline is met, on time or late."""
    if deadline_id is None:
        return
    row = session.get(Deadline, deadline_id)
    if row is not None and row.outcome == DeadlineOutcome.OPEN.value:
        deadlines.meet_in(session, ctx, deadline_id, how="整改完成",
                          at=met_at(done_on, ctx.clock.now(), zone))
