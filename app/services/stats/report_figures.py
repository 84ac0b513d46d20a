"""The figures the periodic documents need beyond the statistics: the duty kept, the holiday
rosters filed, swaps and handovers, the late and missed reports by name, the serious incidents
by name, the expert pool and the rescue teams. SQL aggregates and short, bounded lists.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.contacts import TeamKind
from app.domain.enums import (
    CalendarKind,
    DeadlineOutcome,
    DutyRole,
    IncidentKind,
    Level,
    ReportKind,
    SwapStatus,
)
from app.models import (
    Deadline,
    Expert,
    Handover,
    Incident,
    RescueTeam,
    RosterAssignment,
    RosterFiling,
    SwapRequest,
)
from app.services.roster.setup import calendar_in
from app.services.stats.period import Period

LISTED = 50  # the longest list a document prints (late reports, serious incidents)
SERIOUS = (Level.I.value, Level.II.value, Level.III.value)


@dataclass(frozen=True)
class DutyFigures:
    days: int  # days with someone on duty
    holiday_days: int  # of which public holidays
    duties: dict[DutyRole, int]  # places filled, by role
    handovers: int
    swaps: int  # swaps approved
    holidays: int  # holiday breaks beginning in the period
    holidays_filed: int  # whose roster was filed
    unknown_years: list[int]


@dataclass(frozen=True)
class LateItem:
    what: str
    report_kind: ReportKind
    due_at: dt.datetime
    met_at: dt.datetime | None
    outcome: DeadlineOutcome
    reason: str


@dataclass(frozen=True)
class SeriousIncident:
    number: str
    received_at: dt.datetime
    title: str
    level: Level


@dataclass(frozen=True)
class Resources:
    experts: int
    teams: list[tuple[TeamKind, int, int]]  # kind, teams, people


def duty(session: Session, period: Period) -> DutyFigures:
    in_period = RosterAssignment.date.between(period.start, period.end)
    days = session.scalar(select(func.count(func.distinct(RosterAssignment.date))).where(in_period)) or 0
    duties = {DutyRole(role): n for role, n in session.execute(
        select(RosterAssignment.role, func.count()).where(in_period).group_by(RosterAssignment.role))}
    calendar = calendar_in(session, range(period.start.year, period.end.year + 1))
    holidays = [d for d, e in calendar.entries.items()
                if e.kind is CalendarKind.HOLIDAY and period.start <= d <= period.end]
    holiday_days = 0
    if holidays:
        holiday_days = session.scalar(select(func.count(func.distinct(RosterAssignment.date)))
                                      .where(RosterAssignment.date.in_(holidays))) or 0
    handovers = session.scalar(select(func.count()).select_from(Handover).where(
        Handover.shift_date.between(period.start, period.end))) or 0
    swaps = session.scalar(select(func.count()).select_from(SwapRequest).where(
        SwapRequest.status == SwapStatus.APPLIED.value,
        SwapRequest.date.between(period.start, period.end))) or 0
    breaks = [p.first_day for p in calendar.holiday_periods(period.start, period.end)]
    filed = 0
    if breaks:
        filed = session.scalar(select(func.count()).select_from(RosterFiling).where(
            RosterFiling.first_day.in_(breaks), RosterFiling.filed_at.is_not(None))) or 0
    return DutyFigures(days, holiday_days, duties, handovers, swaps, len(breaks), filed,
                       calendar.unknown_years(period.start, period.end))


def late_items(session: Session, period: Period) -> list[LateItem]:
    """Late and missed reports of the period (drills left out), the earliest first."""
    rows = session.execute(
        select(Deadline).outerjoin(Incident, Deadline.incident_id == Incident.id)
        .where(period.covers(Deadline.due_at),
               Deadline.outcome.in_((DeadlineOutcome.LATE.value, DeadlineOutcome.MISSED.value)),
               (Incident.id.is_(None)) | Incident.is_drill.is_(False))
        .order_by(Deadline.due_at, Deadline.id).limit(LISTED)).scalars()
    return [LateItem(d.what, ReportKind(d.report_kind), d.due_at, d.met_at, DeadlineOutcome(d.outcome),
                     d.closed_reason) for d in rows]


def serious_incidents(session: Session, period: Period) -> list[SeriousIncident]:
    """Incidents of level Ⅲ (较大) and above received in the period, the earliest first."""
    rows = session.execute(
        select(Incident.number, Incident.received_at, Incident.title, Incident.level)
        .where(period.covers(Incident.received_at), Incident.kind == IncidentKind.EVENT.value,
               Incident.is_drill.is_(False), Incident.level.in_(SERIOUS))
        .order_by(Incident.received_at, Incident.id).limit(LISTED))
    # the query keeps levels Ⅰ–Ⅲ only: a level is never missing here
    return [SeriousIncident(n, at, title, Level(level or Level.III)) for n, at, title, level in rows]


def resources(session: Session) -> Resources:
    """The expert pool and the rescue teams as they stand."""
    experts = session.scalar(select(func.count()).select_from(Expert)) or 0
    teams = [(TeamKind(kind), n, int(people or 0)) for kind, n, people in session.execute(
        select(RescueTeam.kind, func.count(), func.sum(RescueTeam.headcount))
        .group_by(RescueTeam.kind))]
    order = list(TeamKind)
    return Resources(experts, sorted(teams, key=lambda t: order.index(t[0])))
