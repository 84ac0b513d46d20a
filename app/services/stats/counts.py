"""The counts of the statistics (DESIGN.md "Statistics"), each one SQL aggregate over the records.

Incidents are counted in the period of their time received, deadlines in the period of their
due time, calls and presence checks at their time. Drills (incidents marked as drills) are not
incidents of the office's record: neither they nor their deadlines are counted here. Nothing
loops over the rows in Python: each query groups in the database and returns a few rows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import ColumnElement, and_, func, literal, or_, select
from sqlalchemy.orm import Session

from app.domain.duty import LogKind
from app.domain.enums import Category, Channel, DeadlineOutcome, IncidentKind, Level, ReportKind
from app.models import Deadline, DutyLogEntry, Incident, Organization, PresenceCheck
from app.services.stats.period import Period

INCOMING, OUTGOING = "incoming", "outgoing"


@dataclass(frozen=True)
class IncidentCounts:
    """Incidents (突发事件) received in the period."""

    total: int
    by_category: dict[Category | None, int]  # every category, zeros included
    by_level: dict[Level | None, int]  # Ⅰ–Ⅳ and None (no level), zeros included
    by_month: dict[str, int]  # every month of the period, zeros included
    by_unit: list[tuple[str, int]]  # most first; "" when no unit is named
    by_category_level: dict[tuple[Category | None, Level | None], int]
    by_month_category: dict[tuple[str, Category | None], int]


@dataclass(frozen=True)
class WarningCounts:
    """Warning information (预警信息) received in the period."""

    total: int
    by_level: dict[Level | None, int]


@dataclass(frozen=True)
class Outcomes:
    """What became of some deadlines: on time, late, missed, still open (cancelled ones were
    never owed and are not counted)."""

    on_time: int = 0
    late: int = 0
    missed: int = 0
    open: int = 0

    @property
    def total(self) -> int:
        return self.on_time + self.late + self.missed + self.open

    @property
    def decided(self) -> int:
        return self.on_time + self.late + self.missed

    def rate(self, part: int) -> float | None:
        """``part`` over the decided ones; None when none is decided yet."""
        return part / self.decided if self.decided else None

    @property
    def on_time_rate(self) -> float | None:
        return self.rate(self.on_time)

    def plus(self, other: Outcomes) -> Outcomes:
        return Outcomes(self.on_time + other.on_time, self.late + other.late,
                        self.missed + other.missed, self.open + other.open)


@dataclass(frozen=True)
class KindOutcomes:
    """The outcomes of one report kind sent by one channel."""

    report_kind: ReportKind
    channel: Channel
    outcomes: Outcomes


@dataclass(frozen=True)
class DeadlineCounts:
    total: Outcomes
    by_kind: list[KindOutcomes]  # in the order of ReportKind, then Channel
    by_month: dict[str, Outcomes]  # every month of the period

    def of_kind(self, kind: ReportKind) -> Outcomes:
        """Every channel of ``kind`` together."""
        out = Outcomes()
        for row in self.by_kind:
            if row.report_kind is kind:
                out = out.plus(row.outcomes)
        return out


@dataclass(frozen=True)
class CallCounts:
    """Calls written in the duty log (a correction is not another call)."""

    incoming: int
    outgoing: int
    incoming_by_month: dict[str, int]


@dataclass(frozen=True)
class Checks:
    total: int = 0
    answered: int = 0
    within_limit: int = 0  # answered within the allowed rings (three by default)


@dataclass(frozen=True)
class PresenceCounts:
    """Presence checks (查岗): superiors calling our duty phone (incoming), ours of the units."""

    ring_limit: int
    by_direction: dict[str, Checks] = field(default_factory=dict)

    @property
    def total(self) -> Checks:
        rows = list(self.by_direction.values())
        return Checks(sum(c.total for c in rows), sum(c.answered for c in rows),
                      sum(c.within_limit for c in rows))


def _category(value: str | None) -> Category | None:
    return Category(value) if value else None


def _level(value: str | None) -> Level | None:
    return Level(value) if value else None


def _counted_incidents(period: Period, kind: IncidentKind) -> ColumnElement[bool]:
    return and_(period.covers(Incident.received_at), Incident.kind == kind.value,
                Incident.is_drill.is_(False))


def incidents(session: Session, period: Period) -> IncidentCounts:
    where = _counted_incidents(period, IncidentKind.EVENT)
    month = period.month_of(Incident.received_at).label("month")
    cells: dict[tuple[str, Category | None, Level | None], int] = {}
    for m, category, level, n in session.execute(
            select(month, Incident.category, Incident.level, func.count()).where(where)
            .group_by(month, Incident.category, Incident.level)):
        cells[(m, _category(category), _level(level))] = n
    by_month = {m.key: 0 for m in period.months()}
    by_category: dict[Category | None, int] = {c: 0 for c in Category}
    by_level: dict[Level | None, int] = {**{lv: 0 for lv in Level}, None: 0}
    by_category_level: dict[tuple[Category | None, Level | None], int] = defaultdict(int)
    by_month_category: dict[tuple[str, Category | None], int] = defaultdict(int)
    for (m, category, level), n in cells.items():  # a few dozen grouped rows, not the records
        by_month[m] += n
        by_category[category] = by_category.get(category, 0) + n
        by_level[level] += n
        by_category_level[(category, level)] += n
        by_month_category[(m, category)] += n
    unit = func.coalesce(Organization.name, func.nullif(func.trim(Incident.source), ""),
                         literal("")).label("unit")
    units = [(name, n) for name, n in session.execute(
        select(unit, func.count()).select_from(Incident)
        .outerjoin(Organization, Incident.organization_id == Organization.id)
        .where(where).group_by(unit))]
    units.sort(key=lambda u: (-u[1], u[0] == "", u[0]))
    return IncidentCounts(sum(cells.values()), by_category, by_level, by_month, units,
                          dict(by_category_level), dict(by_month_category))


def warnings(session: Session, period: Period) -> WarningCounts:
    by_level: dict[Level | None, int] = {**{lv: 0 for lv in Level}, None: 0}
    for level, n in session.execute(
            select(Incident.level, func.count()).where(
                _counted_incidents(period, IncidentKind.WARNING)).group_by(Incident.level)):
        by_level[_level(level)] += n
    return WarningCounts(sum(by_level.values()), by_level)


def _outcomes(counts: dict[str, int]) -> Outcomes:
    return Outcomes(counts.get(DeadlineOutcome.ON_TIME.value, 0),
                    counts.get(DeadlineOutcome.LATE.value, 0),
                    counts.get(DeadlineOutcome.MISSED.value, 0),
                    counts.get(DeadlineOutcome.OPEN.value, 0))


def deadlines(session: Session, period: Period) -> DeadlineCounts:
    month = period.month_of(Deadline.due_at).label("month")
    query = (select(month, Deadline.report_kind, Deadline.channel, Deadline.outcome, func.count())
             .select_from(Deadline)
             .outerjoin(Incident, Deadline.incident_id == Incident.id)
             .where(period.covers(Deadline.due_at),
                    Deadline.outcome != DeadlineOutcome.CANCELLED.value,
                    or_(Incident.id.is_(None), Incident.is_drill.is_(False)))
             .group_by(month, Deadline.report_kind, Deadline.channel, Deadline.outcome))
    kinds: dict[tuple[ReportKind, Channel], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    months: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for m, kind, channel, outcome, n in session.execute(query):
        kinds[(ReportKind(kind), Channel(channel))][outcome] += n
        months[m][outcome] += n
    order = {k: i for i, k in enumerate(ReportKind)}
    by_kind = [KindOutcomes(k, c, _outcomes(v)) for (k, c), v in
               sorted(kinds.items(), key=lambda kv: (order[kv[0][0]], kv[0][1] is Channel.WRITTEN))]
    total = Outcomes()
    for row in by_kind:
        total = total.plus(row.outcomes)
    return DeadlineCounts(total, by_kind,
                          {m.key: _outcomes(months.get(m.key, {})) for m in period.months()})


def calls(session: Session, period: Period) -> CallCounts:
    month = period.month_of(DutyLogEntry.at).label("month")
    rows = session.execute(
        select(month, DutyLogEntry.kind, func.count())
        .where(period.covers(DutyLogEntry.at), DutyLogEntry.corrects_id.is_(None),
               DutyLogEntry.kind.in_((LogKind.INCOMING_CALL.value, LogKind.OUTGOING_CALL.value)))
        .group_by(month, DutyLogEntry.kind)).all()
    incoming = {m.key: 0 for m in period.months()}
    outgoing = 0
    for m, kind, n in rows:
        if kind == LogKind.INCOMING_CALL.value:
            incoming[m] += n
        else:
            outgoing += n
    return CallCounts(sum(incoming.values()), outgoing, incoming)


def presence(session: Session, period: Period, ring_limit: int) -> PresenceCounts:
    answered = PresenceCheck.answered.is_(True)
    within = and_(answered, or_(PresenceCheck.rings.is_(None), PresenceCheck.rings <= ring_limit))
    out: dict[str, Checks] = {INCOMING: Checks(), OUTGOING: Checks()}
    for direction, total, yes, ok in session.execute(
            select(PresenceCheck.direction, func.count(), func.count().filter(answered),
                   func.count().filter(within))
            .where(period.covers(PresenceCheck.at)).group_by(PresenceCheck.direction)):
        out[direction] = Checks(total, yes, ok)
    return PresenceCounts(ring_limit, out)
