"""Reading deadlines: the open ones, the strip, the record page by page, and the statistics.

Sized for an office after some years (hundreds of thousands of closed deadlines): the open
ones are few and read whole; the record is read one page at a time; the statistics are SQL
aggregates (a row per month, kind and outcome), never a walk over every closed deadline.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass
from typing import cast

from sqlalchemy import String, column, func, literal, select, values
from sqlalchemy.orm import Session

from app.domain.enums import Channel, DeadlineOutcome, DeadlineStage, ReportKind
from app.domain.plans import LONG_RANGE_KINDS, on_strip
from app.models import Deadline
from app.models.base import TZDateTime
from app.services.context import Context
from app.services.deadlines import profiles as rule_profiles
from app.services.office.zone import office_zone

CLOSED = (DeadlineOutcome.ON_TIME.value, DeadlineOutcome.LATE.value, DeadlineOutcome.MISSED.value)
PROBLEMS = (DeadlineOutcome.LATE.value, DeadlineOutcome.MISSED.value)


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


def info_of(d: Deadline) -> DeadlineInfo:
    return DeadlineInfo(
        d.id, d.what, ReportKind(d.report_kind), Channel(d.channel), d.incident_id,
        d.incident_number, d.due_at, d.created_at, DeadlineOutcome(d.outcome), d.met_at, d.met_how,
        d.met_by, d.closed_reason, d.acknowledged_at, d.acknowledged_by, d.acknowledged_stage,
        d.version,
    )


def list_open(ctx: Context) -> list[DeadlineInfo]:
    """Open deadlines, the soonest first."""
    with ctx.db.read() as s:
        rows = s.scalars(select(Deadline).where(Deadline.outcome == DeadlineOutcome.OPEN.value)
                         .order_by(Deadline.due_at, Deadline.id))
        return [info_of(r) for r in rows]


def strip_order(d: DeadlineInfo) -> tuple[bool, dt.datetime, int]:
    """The strip's order: reports soonest first, long-range duties after them."""
    return d.report_kind in LONG_RANGE_KINDS, d.due_at, d.id


def list_on_strip(ctx: Context, open_now: list[DeadlineInfo] | None = None) -> list[DeadlineInfo]:
    """What the countdown strip shows, in its order: every open deadline except long-range
    duties (a plan's review or drill, a corrective action) until their last days
    (``profiles.horizon``); those come after the reports, so they never push one off the strip.
    ``open_now``: the open deadlines when the caller has just read them."""
    horizon = rule_profiles.horizon(ctx)
    now = ctx.clock.now()
    items = list_open(ctx) if open_now is None else open_now
    return sorted((d for d in items if on_strip(d.report_kind, d.due_at, now, horizon)), key=strip_order)


def list_by_key(ctx: Context, prefix: str) -> list[DeadlineInfo]:
    """The deadlines whose recurring key starts with ``prefix`` (one plan's clocks, say),
    the latest due first."""
    with ctx.db.read() as s:
        rows = s.scalars(select(Deadline).where(
            Deadline.recurring_key.startswith(prefix, autoescape=True))
            .order_by(Deadline.due_at.desc(), Deadline.id.desc()))
        return [info_of(r) for r in rows]


def list_all(ctx: Context, limit: int | None = None) -> list[DeadlineInfo]:
    """Every deadline, open ones first (soonest first), then closed ones newest first."""
    with ctx.db.read() as s:
        closed = select(Deadline).where(Deadline.outcome != DeadlineOutcome.OPEN.value).order_by(
            Deadline.due_at.desc())
        if limit:
            closed = closed.limit(limit)
        return list_open(ctx) + [info_of(r) for r in s.scalars(closed)]


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
            out = [info_of(r) for r in rows]
        if len(out) < limit:
            rows = s.scalars(select(Deadline).where(~is_open)
                             .order_by(Deadline.due_at.desc(), Deadline.id.desc())
                             .offset(max(0, offset - n_open)).limit(limit - len(out)))
            out += [info_of(r) for r in rows]
    return out


def by_ids(ctx: Context, ids: list[int]) -> list[DeadlineInfo]:
    """The deadlines ``ids`` as they are now (in no order; one deleted is left out): a page of
    a list read again, at any depth, without walking to it."""
    with ctx.db.read() as s:
        return [info_of(r) for r in s.scalars(select(Deadline).where(Deadline.id.in_(ids)))]


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


def _months(first: dt.datetime, last: dt.datetime, zone: zoneinfo.ZoneInfo) -> list[tuple[str, dt.datetime, dt.datetime]]:
    """Each office-time month from ``first``'s to ``last``'s: (YYYY-MM, start, end) in UTC."""
    local = first.astimezone(zone)
    year, month = local.year, local.month
    out: list[tuple[str, dt.datetime, dt.datetime]] = []
    while True:
        start = dt.datetime(year, month, 1, tzinfo=zone)
        if start > last:
            return out
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
        end = dt.datetime(year, month, 1, tzinfo=zone)
        out.append((f"{start:%Y-%m}", start.astimezone(dt.UTC), end.astimezone(dt.UTC)))


def month_stats(ctx: Context) -> list[MonthStats]:
    """On-time rate by month (office time) and kind, counted by the database: for every month,
    kind and outcome, one count over a range of the (outcome, report_kind, due_at) index, so
    no row is read and nothing is sorted, however long the record."""
    zone = office_zone(ctx)
    with ctx.db.read() as s:
        first, last = s.execute(select(func.min(Deadline.due_at), func.max(Deadline.due_at))).one()
        if first is None:
            return []
        months = values(column("month", String), column("start", TZDateTime()),
                        column("end", TZDateTime()), name="months").data(
                            _months(first, last, zone)).cte("months")
        pairs = values(column("outcome", String), column("kind", String), name="pairs").data(
            [(o, k.value) for o in CLOSED for k in ReportKind]).cte("pairs")
        n = (select(func.count()).select_from(Deadline)
             .where(Deadline.outcome == pairs.c.outcome, Deadline.report_kind == pairs.c.kind,
                    Deadline.due_at >= months.c.start, Deadline.due_at < months.c.end)
             .scalar_subquery())
        rows = cast("list[tuple[str, str, str, int]]", list(s.execute(
            select(months.c.month, pairs.c.kind, pairs.c.outcome, n)
            .select_from(months.join(pairs, literal(True))))))
        counts: dict[tuple[str, ReportKind], list[int]] = {}
        slot = {"on_time": 1, "late": 2, "missed": 3}
        for month, kind, outcome, count in rows:
            if count:
                c = counts.setdefault((month, ReportKind(kind)), [0, 0, 0, 0])
                c[0] += count
                c[slot[outcome]] += count
    return [MonthStats(m, k, *v) for (m, k), v in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1].value))]


def count_problems(ctx: Context) -> int:
    """How many deadlines were met late or missed."""
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Deadline)
                        .where(Deadline.outcome.in_(PROBLEMS))) or 0


def problems_page(ctx: Context, offset: int, limit: int) -> list[DeadlineInfo]:
    """One page of the late and missed deadlines, the earliest due first."""
    with ctx.db.read() as s:
        return _problems(s, offset, limit)


def _problems(s: Session, offset: int, limit: int | None) -> list[DeadlineInfo]:
    # The outcome wrapped in coalesce() so that SQLite walks the due-date index in order and
    # stops at the page's end, rather than sorting every late and missed deadline first.
    query = (select(Deadline).where(func.coalesce(Deadline.outcome, "").in_(PROBLEMS))
             .order_by(Deadline.due_at, Deadline.id).offset(offset))
    if limit is not None:
        query = query.limit(limit)
    return [info_of(r) for r in s.scalars(query)]


def statistics(ctx: Context) -> tuple[list[MonthStats], list[DeadlineInfo]]:
    """On-time rate by month and kind, and every late or missed item with its reason (the
    workbook's two sheets)."""
    months = month_stats(ctx)
    with ctx.db.read() as s:
        return months, _problems(s, 0, None)
