"""The register's figures for a period, for the statistics and the quarterly and annual reports.

Counted as DESIGN.md's ``stats`` counts: a drill, a review or a training session on its date, a
plan on its approval or filing date, a corrective action and a clock's deadline in the period of
its due date. ``plans_in_force`` is the register as it stood on the period's last day. Everything
is computed from the records; ``to_json`` gives the shape ``stats --json`` prints.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from sqlalchemy import Integer, cast, func, select

from app.domain import deadline_rules as dr
from app.domain import plans as rules
from app.domain.enums import DeadlineOutcome, ReportKind
from app.models import CorrectiveAction, Deadline, Drill, Plan, PlanReview, Training
from app.services.context import Context
from app.services.office.zone import office_zone


@dataclass(frozen=True)
class ActionCounts:
    """Corrective actions due in the period: done on time, done late, overdue, not yet due."""

    due: int = 0
    done_on_time: int = 0
    done_late: int = 0
    overdue: int = 0
    open: int = 0
    raised: int = 0  # by the drills held in the period, whenever they fall due


@dataclass(frozen=True)
class ClockCounts:
    """A plan clock's deadlines due in the period, by outcome (cancelled ones left out)."""

    total: int = 0
    on_time: int = 0
    late: int = 0
    missed: int = 0
    open: int = 0


@dataclass(frozen=True)
class RegisterCounts:
    start: dt.date
    end: dt.date
    plans_in_force: int
    plans_by_type: dict[str, int]
    plans_approved: int
    plans_filed: int
    reviews: int
    drills: int
    drills_by_type: dict[str, int]
    drill_participants: int
    actions: ActionCounts
    trainings: int
    training_hours: float
    training_participants: int
    trainings_as_drills: int
    reviews_due: ClockCounts = field(default_factory=ClockCounts)
    drills_due: ClockCounts = field(default_factory=ClockCounts)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["start"], out["end"] = self.start.isoformat(), self.end.isoformat()
        return out


def _between(column: Any, start: dt.date, end: dt.date) -> Any:
    return column.between(start, end)


def counts(ctx: Context, start: dt.date, end: dt.date) -> RegisterCounts:
    """The register's figures for ``start``..``end`` (office dates, both included)."""
    zone = office_zone(ctx)
    today = ctx.clock.now().astimezone(zone).date()
    as_of = min(today, end)
    with ctx.db.read() as s:
        standing = list(s.execute(select(Plan.type, func.count()).where(
            Plan.approved_on <= end, Plan.status != rules.PlanStatus.WITHDRAWN.value)
            .group_by(Plan.type)))
        approved = s.scalar(select(func.count()).select_from(Plan).where(
            _between(Plan.approved_on, start, end))) or 0
        filed = s.scalar(select(func.count()).select_from(Plan).where(
            _between(Plan.filed_on, start, end))) or 0
        reviews = s.scalar(select(func.count()).select_from(PlanReview).where(
            _between(PlanReview.reviewed_on, start, end))) or 0
        drills = list(s.execute(select(Drill.type, func.count(), func.sum(Drill.participant_count))
                                .where(_between(Drill.held_on, start, end)).group_by(Drill.type)))
        trainings = s.execute(select(func.count(), func.sum(Training.hours),
                                     func.sum(Training.participant_count),
                                     func.sum(cast(Training.counts_as_drill, Integer)))
                              .where(_between(Training.held_on, start, end))).one()
        actions = list(s.execute(select(CorrectiveAction.due_on, CorrectiveAction.done_on)
                                 .where(_between(CorrectiveAction.due_on, start, end))))
        raised = s.scalar(select(func.count()).select_from(CorrectiveAction)
                          .join(Drill, Drill.id == CorrectiveAction.drill_id)
                          .where(_between(Drill.held_on, start, end))) or 0
        low, high = dr.at_local(start, "00:00", zone), dr.at_local(end + dt.timedelta(days=1), "00:00", zone)
        clocks = list(s.execute(select(Deadline.report_kind, Deadline.outcome, func.count())
                                .where(Deadline.report_kind.in_([ReportKind.PLAN_REVIEW.value,
                                                                 ReportKind.PLAN_DRILL.value]),
                                       Deadline.due_at >= low, Deadline.due_at < high)
                                .group_by(Deadline.report_kind, Deadline.outcome)))
    sessions, hours, people, as_drills = trainings
    return RegisterCounts(
        start, end, sum(n for _, n in standing), {t: n for t, n in standing}, approved, filed,
        reviews, sum(n for _, n, _ in drills), {t: n for t, n, _ in drills},
        sum(p or 0 for _, _, p in drills), _actions(actions, as_of, raised), sessions or 0,
        float(hours or 0.0), int(people or 0), int(as_drills or 0),
        _clock(clocks, ReportKind.PLAN_REVIEW), _clock(clocks, ReportKind.PLAN_DRILL))


def _actions(rows: list[Any], as_of: dt.date, raised: int) -> ActionCounts:
    tally: Counter[str] = Counter()
    for due, done in rows:
        if done is not None:
            tally["done_on_time" if done <= due else "done_late"] += 1
        else:
            tally["overdue" if due < as_of else "open"] += 1
    return ActionCounts(len(rows), tally["done_on_time"], tally["done_late"], tally["overdue"],
                        tally["open"], raised)


def _clock(rows: list[Any], kind: ReportKind) -> ClockCounts:
    tally = {outcome: n for k, outcome, n in rows if k == kind.value}
    tally.pop(DeadlineOutcome.CANCELLED.value, None)
    return ClockCounts(sum(tally.values()), tally.get("on_time", 0), tally.get("late", 0),
                       tally.get("missed", 0), tally.get("open", 0))
