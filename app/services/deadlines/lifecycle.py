"""Reporting deadlines: create, move, meet, cancel, acknowledge; the record and its statistics.

The deadlines table is the truth; the scheduler only wakes the program. Every write tells the
in-process listeners (the scheduler), which also re-reads the table every few seconds so that
deadlines written by the command line or another workstation alarm too.
"""

from __future__ import annotations

import datetime as dt
import logging
import zoneinfo
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain import validation
from app.domain.enums import Channel, DeadlineOutcome, DeadlineStage, ReportKind, UserRole
from app.domain.errors import InputError, NotFound
from app.domain.messages import Problem, text
from app.domain.plans import LONG_RANGE_KINDS, on_strip
from app.models import Deadline, Incident
from app.services.context import Context
from app.services.deadlines import followups
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.records import FIELDS, add_in, cancel_in, label
from app.services.office import audit
from app.services.office.zone import office_zone

__all__ = ["FIELDS", "DeadlineInfo", "MonthStats", "acknowledge", "add_in", "close", "create",
           "get", "label", "list_all", "list_open", "meet", "meet_in", "move_for_incident",
           "notify_changed", "start_for_incident", "statistics", "subscribe", "unsubscribe"]

log = logging.getLogger(__name__)

_listeners: list[Callable[[], None]] = []


def subscribe(listener: Callable[[], None]) -> None:
    """Call ``listener`` (no arguments, any thread) after every change to the deadlines."""
    _listeners.append(listener)


def unsubscribe(listener: Callable[[], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


def _changed() -> None:
    for listener in list(_listeners):
        try:
            listener()
        except Exception:  # a listener's failure must not undo the committed write
            log.exception("deadline listener failed")


@dataclass(frozen=True)
class DeadlineInfo:
    id: int
    what: str
    report_kind: ReportKind
    channel: Channel
    incident_id: int | None
    incident_number: str | None
    due_at: dt.datetime
    created_at: dt.datetime
    outcome: DeadlineOutcome
    met_at: dt.datetime | None
    met_how: str
    met_by: str
    closed_reason: str
    acknowledged_at: dt.datetime | None
    acknowledged_by: str
    acknowledged_stage: str
    version: int

    def remaining_seconds(self, now: dt.datetime) -> float:
        return (self.due_at - now).total_seconds()

    @property
    def is_open(self) -> bool:
        return self.outcome is DeadlineOutcome.OPEN

    def acknowledged(self, stage: DeadlineStage) -> bool:
        """Whether someone has seen this deadline at ``stage`` or later."""
        return bool(self.acknowledged_stage) and DeadlineStage(self.acknowledged_stage).rank >= stage.rank


def _info(d: Deadline) -> DeadlineInfo:
    return DeadlineInfo(
        d.id, d.what, ReportKind(d.report_kind), Channel(d.channel), d.incident_id,
        d.incident_number, d.due_at, d.created_at, DeadlineOutcome(d.outcome), d.met_at, d.met_how,
        d.met_by, d.closed_reason, d.acknowledged_at, d.acknowledged_by, d.acknowledged_stage,
        d.version,
    )


def create(ctx: Context, *, what: str, report_kind: ReportKind | str = ReportKind.OTHER,
           channel: Channel | str = Channel.WRITTEN, due_at: dt.datetime,
           incident_id: int | None = None, incident_number: str | None = None) -> DeadlineInfo:
    """A deadline set by hand (an officer on duty or above)."""
    ctx.require(UserRole.OFFICER)
    problems = validation.required(what, "deadline.what", 300)
    if due_at <= ctx.clock.now():
        problems.append(Problem("deadline.due_in_past", "deadline.due_at"))
    if problems:
        raise InputError(problems)
    with ctx.db.write() as s:
        info = _info(add_in(s, ctx, what=what, report_kind=report_kind, channel=channel,
                            due_at=due_at, incident_id=incident_id, incident_number=incident_number))
    _changed()
    return info


def start_for_incident(
    session: Session, ctx: Context, facts: dr.IncidentFacts, *, incident_id: int,
    incident_number: str, title: str,
) -> list[Deadline]:
    """Create the deadlines an incident starts under the active profile (intake calls this)."""
    profile = rule_profiles.active_profile(ctx)
    zone = office_zone(ctx)
    rows = []
    for plan in dr.plan_incident(profile, facts, zone):
        kind, channel = ReportKind(plan.report_kind), Channel(plan.channel)
        clock = profile.rules[plan.rule_index].kind == "time_of_day"  # a follow-up slot
        rows.append(add_in(session, ctx, what=f"{title} · {label(kind, channel)}", report_kind=kind,
                           channel=channel, due_at=plan.due_at, incident_id=incident_id,
                           incident_number=incident_number, rule_profile=profile.key,
                           slot=plan.due_at if clock else None))
    return rows


def move_for_incident(
    session: Session, ctx: Context, facts: dr.IncidentFacts, *, incident_id: int,
    incident_number: str, title: str,
) -> None:
    """An incident was regraded: open deadlines of its after-clock rules move to what the rules
    now say; ones the rules no longer ask for are cancelled; new ones start. Met ones stay as
    they were. Its follow-up clock starts or stops with the rules that run it; deadlines set by
    hand, a flash report's or an instruction's are not the rules' to move."""
    profile = rule_profiles.active_profile(ctx)
    planned = {(p.report_kind, p.channel): p for p in dr.plan_incident(profile, facts, office_zone(ctx))
               if profile.rules[p.rule_index].kind == "after"}
    existing = list(session.scalars(select(Deadline).where(
        Deadline.incident_id == incident_id, Deadline.rule_profile.not_in(("", "flash")),
        Deadline.slot.is_(None))))
    for row in existing:
        if row.outcome == DeadlineOutcome.OPEN.value:
            _move_in(session, ctx, row, planned.get((row.report_kind, row.channel)))
    seen = {(row.report_kind, row.channel) for row in existing}
    for key, plan in planned.items():
        if key not in seen:
            kind, channel = ReportKind(plan.report_kind), Channel(plan.channel)
            add_in(session, ctx, what=f"{title} · {label(kind, channel)}", report_kind=kind,
                   channel=channel, due_at=plan.due_at, incident_id=incident_id,
                   incident_number=incident_number, rule_profile=profile.key)
    _reclock_in(session, ctx, incident_id)


def _move_in(session: Session, ctx: Context, row: Deadline, plan: dr.PlannedDeadline | None) -> None:
    if plan is None:
        cancel_in(session, ctx, row, "事件重新定级，不再需要")
        return
    if plan.due_at == row.due_at:
        return
    before = audit.snapshot(row, FIELDS)
    row.due_at = plan.due_at
    row.acknowledged_stage = ""
    session.flush()
    audit.record(session, ctx, "move", "deadline", row.id, before=before, after=audit.snapshot(row, FIELDS))


def _reclock_in(session: Session, ctx: Context, incident_id: int) -> None:
    """After a regrade: pending follow-up slots the rules no longer ask for are cancelled; a
    clock the rules now run starts at its next slot."""
    row = session.get(Incident, incident_id)
    if row is None:
        return
    kinds = {r.report_kind for r in followups.clock_rules(ctx, row)}
    for d in session.scalars(select(Deadline).where(
            Deadline.incident_id == incident_id, Deadline.slot.is_not(None),
            Deadline.outcome == DeadlineOutcome.OPEN.value)):
        if d.report_kind not in kinds:
            cancel_in(session, ctx, d, "事件重新定级，不再需要")
    followups.plan_next_in(session, ctx, incident_id, ctx.clock.now())


def notify_changed() -> None:
    """Tell listeners after a transaction that used the ``*_in`` functions has committed."""
    _changed()


def _load_open(s: Session, deadline_id: int) -> Deadline:
    row = s.get(Deadline, deadline_id)
    if row is None:
        raise NotFound(text("not_found.deadline", id=deadline_id))
    if row.outcome != DeadlineOutcome.OPEN.value:
        raise InputError(Problem("deadline.closed", None, {"outcome": DeadlineOutcome(row.outcome).zh}))
    return row


def meet_in(session: Session, ctx: Context, deadline_id: int, *, how: str, at: dt.datetime | None = None) -> Deadline:
    row = _load_open(session, deadline_id)
    before = audit.snapshot(row, FIELDS)
    row.met_at = at or ctx.clock.now()
    row.met_how = how.strip()
    row.met_by = ctx.actor.label if ctx.actor else ""
    row.outcome = (DeadlineOutcome.ON_TIME if row.met_at <= row.due_at else DeadlineOutcome.LATE).value
    session.flush()
    audit.record(session, ctx, "meet", "deadline", row.id, before=before, after=audit.snapshot(row, FIELDS))
    followups.after_closed_in(session, ctx, row, row.met_at)
    return row


def meet(ctx: Context, deadline_id: int, *, how: str, at: dt.datetime | None = None) -> DeadlineInfo:
    """Record that what the deadline asked for was done (when and how): on time or late."""
    ctx.require(UserRole.OFFICER)
    if not how.strip():
        raise InputError(Problem("required", "deadline.how"))
    with ctx.db.write() as s:
        info = _info(meet_in(s, ctx, deadline_id, how=how, at=at))
    _changed()
    return info


def close(ctx: Context, deadline_id: int, *, outcome: DeadlineOutcome, reason: str) -> DeadlineInfo:
    """Cancel a deadline, or record it as missed (漏报); either needs a reason."""
    ctx.require(UserRole.OFFICER)
    if outcome not in (DeadlineOutcome.CANCELLED, DeadlineOutcome.MISSED):
        raise ValueError(outcome)
    if not reason.strip():
        raise InputError(Problem("required", "deadline.reason"))
    with ctx.db.write() as s:
        row = _load_open(s, deadline_id)
        before = audit.snapshot(row, FIELDS)
        row.outcome = outcome.value
        row.closed_reason = reason.strip()
        s.flush()
        audit.record(s, ctx, outcome.value, "deadline", row.id, before=before,
                     after=audit.snapshot(row, FIELDS))
        followups.after_closed_in(s, ctx, row, ctx.clock.now())
        info = _info(row)
    _changed()
    return info


def acknowledge(ctx: Context, deadline_id: int, *, reason: str = "") -> DeadlineInfo:
    """Someone has seen the alarm (who, when, at which stage; a reason when overdue)."""
    actor = ctx.require(UserRole.OFFICER)
    now = ctx.clock.now()
    stages = rule_profiles.stage_settings(ctx)
    with ctx.db.write() as s:
        row = _load_open(s, deadline_id)
        stage = dr.stage_at(row.due_at, now, stages)
        if stage is DeadlineStage.OVERDUE and not reason.strip():
            raise InputError(Problem("deadline.reason_needed", "deadline.reason"))
        before = audit.snapshot(row, FIELDS)
        row.acknowledged_at = now
        row.acknowledged_by = actor.label
        row.acknowledged_stage = stage.value
        row.acknowledge_reason = reason.strip()
        s.flush()
        audit.record(s, ctx, "acknowledge", "deadline", row.id, before=before,
                     after=audit.snapshot(row, FIELDS))
        info = _info(row)
    _changed()
    return info


def get(ctx: Context, deadline_id: int) -> DeadlineInfo:
    with ctx.db.read() as s:
        row = s.get(Deadline, deadline_id)
        if row is None:
            raise NotFound(text("not_found.deadline", id=deadline_id))
        return _info(row)


def list_open(ctx: Context) -> list[DeadlineInfo]:
    """Open deadlines, the soonest first."""
    with ctx.db.read() as s:
        rows = s.scalars(select(Deadline).where(Deadline.outcome == DeadlineOutcome.OPEN.value)
                         .order_by(Deadline.due_at, Deadline.id))
        return [_info(r) for r in rows]


def list_on_strip(ctx: Context) -> list[DeadlineInfo]:
    """What the countdown strip shows, in its order: every open deadline except long-range
    duties (a plan's review or drill, a corrective action) until their last days
    (``profiles.horizon``); those come after the reports, so they never push one off the strip."""
    horizon = rule_profiles.horizon(ctx)
    now = ctx.clock.now()
    shown = [d for d in list_open(ctx) if on_strip(d.report_kind, d.due_at, now, horizon)]
    return sorted(shown, key=lambda d: (d.report_kind in LONG_RANGE_KINDS, d.due_at, d.id))


def list_by_key(ctx: Context, prefix: str) -> list[DeadlineInfo]:
    """The deadlines whose recurring key starts with ``prefix`` (one plan's clocks, say),
    the latest due first."""
    with ctx.db.read() as s:
        rows = s.scalars(select(Deadline).where(
            Deadline.recurring_key.startswith(prefix, autoescape=True))
            .order_by(Deadline.due_at.desc(), Deadline.id.desc()))
        return [_info(r) for r in rows]


def list_all(ctx: Context, limit: int | None = None) -> list[DeadlineInfo]:
    """Every deadline, open ones first (soonest first), then closed ones newest first."""
    with ctx.db.read() as s:
        closed = select(Deadline).where(Deadline.outcome != DeadlineOutcome.OPEN.value).order_by(
            Deadline.due_at.desc())
        if limit:
            closed = closed.limit(limit)
        return list_open(ctx) + [_info(r) for r in s.scalars(closed)]


def count_all(ctx: Context) -> int:
    """How many deadlines the record holds (open and closed)."""
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Deadline)) or 0


def list_page(ctx: Context, offset: int, limit: int) -> list[DeadlineInfo]:
    """One page of the whole record in ``list_all``'s order (open soonest first, then closed
    newest first), for a list that fetches as it scrolls."""
    is_open = Deadline.outcome == DeadlineOutcome.OPEN.value
    out: list[DeadlineInfo] = []
    with ctx.db.read() as s:
        n_open = s.scalar(select(func.count()).select_from(Deadline).where(is_open)) or 0
        if offset < n_open:
            rows = s.scalars(select(Deadline).where(is_open).order_by(Deadline.due_at, Deadline.id)
                             .offset(offset).limit(limit))
            out = [_info(r) for r in rows]
        if len(out) < limit:
            rows = s.scalars(select(Deadline).where(~is_open)
                             .order_by(Deadline.due_at.desc(), Deadline.id.desc())
                             .offset(max(0, offset - n_open)).limit(limit - len(out)))
            out += [_info(r) for r in rows]
    return out


@dataclass(frozen=True)
class MonthStats:
    month: str  # YYYY-MM (office time)
    report_kind: ReportKind
    total: int
    on_time: int
    late: int
    missed: int

    @property
    def on_time_rate(self) -> float:
        return self.on_time / self.total if self.total else 1.0


def statistics(ctx: Context) -> tuple[list[MonthStats], list[DeadlineInfo]]:
    """On-time rate by month and kind, and every late or missed item with its reason."""
    zone: zoneinfo.ZoneInfo = office_zone(ctx)
    counts: dict[tuple[str, ReportKind], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    problems: list[DeadlineInfo] = []
    closed = (DeadlineOutcome.ON_TIME.value, DeadlineOutcome.LATE.value, DeadlineOutcome.MISSED.value)
    with ctx.db.read() as s:
        for row in s.scalars(select(Deadline).where(Deadline.outcome.in_(closed)).order_by(Deadline.due_at)):
            info = _info(row)
            c = counts[(info.due_at.astimezone(zone).strftime("%Y-%m"), info.report_kind)]
            c[0] += 1
            c[{"on_time": 1, "late": 2, "missed": 3}[row.outcome]] += 1
            if info.outcome is not DeadlineOutcome.ON_TIME:
                problems.append(info)
    months = [MonthStats(m, k, *v) for (m, k), v in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1].value))]
    return months, problems
