"""The follow-up clock of an open incident (RULES.md §3, §4).

While an incident is open, follow-ups are due at set times of day (before 08:00 and 17:00 by
default). The clock has one open deadline at a time, for one slot; however that deadline is
closed (met by a sending, met or recorded missed by hand, cancelled by hand), the next slot is
planned. Never two deadlines for one slot (a unique key on incident, kind and slot). The final
report stops the clock and cancels what the incident still owes.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain.enums import Channel, DeadlineOutcome, ReportKind
from app.models import Deadline, Incident
from app.services.context import Context
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.records import add_in, cancel_in, label
from app.services.office.zone import office_zone


def clock_rules(ctx: Context, row: Incident) -> list[dr.DeadlineRule]:
    """The time-of-day rules of the active profile that apply to the incident."""
    profile = rule_profiles.active_profile(ctx)
    return [r for r in profile.rules if r.kind == "time_of_day"
            and r.applies_to(row.kind, row.category, row.level, row.sensitive)]


def _taken(session: Session, incident_id: int, kind: str, slot: dt.datetime) -> bool:
    return session.scalar(select(Deadline.id).where(
        Deadline.incident_id == incident_id, Deadline.report_kind == kind,
        Deadline.slot == slot).limit(1)) is not None


def _pending(session: Session, incident_id: int, kind: str) -> bool:
    return session.scalar(select(Deadline.id).where(
        Deadline.incident_id == incident_id, Deadline.report_kind == kind, Deadline.slot.is_not(None),
        Deadline.outcome == DeadlineOutcome.OPEN.value).limit(1)) is not None


def plan_next_in(session: Session, ctx: Context, incident_id: int, after: dt.datetime) -> list[Deadline]:
    """The next slot after ``after`` of each follow-up clock the open incident runs, unless one
    is still pending; a slot already used (met, or cancelled by a regrade) is skipped."""
    row = session.get(Incident, incident_id)
    if row is None or row.status != "open":
        return []
    zone = office_zone(ctx)
    profile_key = rule_profiles.active_profile(ctx).key
    made = []
    for rule in clock_rules(ctx, row):
        if _pending(session, row.id, rule.report_kind):
            continue
        slot = dr.next_time_of_day(after, rule.times, zone)
        while _taken(session, row.id, rule.report_kind, slot):
            slot = dr.next_time_of_day(slot, rule.times, zone)
        kind, channel = ReportKind(rule.report_kind), Channel(rule.channel)
        made.append(add_in(session, ctx, what=f"{row.title} · {label(kind, channel)}",
                           report_kind=kind, channel=channel, due_at=slot, incident_id=row.id,
                           incident_number=row.number, rule_profile=profile_key, slot=slot))
    return made


def after_closed_in(session: Session, ctx: Context, deadline: Deadline, when: dt.datetime) -> None:
    """A follow-up slot was met, missed or cancelled by hand: the clock plans the next one,
    after the slot or after ``when``, whichever is later (no slot is born overdue)."""
    if deadline.slot is not None and deadline.incident_id is not None:
        plan_next_in(session, ctx, deadline.incident_id, max(deadline.slot, when))


def stop_in(session: Session, ctx: Context, incident_id: int, reason: str) -> int:
    """The final report: every open deadline of the (already closed) incident is cancelled with
    ``reason``. Returns how many."""
    rows = list(session.scalars(select(Deadline).where(
        Deadline.incident_id == incident_id, Deadline.outcome == DeadlineOutcome.OPEN.value)))
    for row in rows:
        cancel_in(session, ctx, row, reason)
    return len(rows)
