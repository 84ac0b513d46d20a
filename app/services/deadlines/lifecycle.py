"""Reporting deadlines: create, move, meet, cancel, acknowledge; the record and its statistics.

The deadlines table is the truth; the scheduler only wakes the program. Every write tells the
in-process listeners (the scheduler), which also re-reads the table every few seconds so that
deadlines written by the command line or another workstation alarm too.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain import validation
from app.domain.enums import Channel, DeadlineOutcome, DeadlineStage, ReportKind, UserRole
from app.domain.errors import InputError, NotFound
from app.domain.messages import Problem, text
from app.models import Deadline, Incident
from app.services.context import Context
from app.services.deadlines import followups
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.listing import (
    DeadlineInfo,
    MonthStats,
    by_ids,
    count_all,
    count_problems,
    list_all,
    list_by_key,
    list_on_strip,
    list_open,
    list_page,
    month_stats,
    problems_page,
    statistics,
)
from app.services.deadlines.listing import info_of as _info
from app.services.deadlines.records import FIELDS, add_in, cancel_in, label
from app.services.office import audit
from app.services.office.zone import office_zone

__all__ = ["FIELDS", "DeadlineInfo", "MonthStats", "acknowledge", "add_in", "by_ids", "close",
           "count_all", "count_problems", "create", "get", "label", "list_all", "list_by_key", "list_on_strip",
           "list_open", "list_page", "meet", "meet_in", "month_stats", "move_for_incident",
           "notify_changed", "problems_page", "start_for_incident", "statistics", "subscribe",
           "unsubscribe"]

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


