"""The office's calendar: holidays and make-up working days, sensitive periods, holiday filings.

A year comes from chinesecalendar until the office edits a day of it; the first edit copies the
package's whole year into the table, so the year is then the office's own (and entering next
year's State Council notice is simply editing a year the package does not know).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, extract, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.duty_calendar import (
    SOURCE_MANUAL,
    CalendarEntry,
    package_entries,
    package_years,
)
from app.domain.enums import CalendarKind, LeaderTier, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.models import CalendarDay, RosterFiling, SensitivePeriod
from app.services import audit
from app.services.context import Context
from app.services.roster_setup import calendar_in, rules_in, zone_in

PERIOD_FIELDS = ("name", "starts_on", "ends_on", "leader_tier", "note")


@dataclass(frozen=True)
class YearCalendar:
    """One year's official schedule and where it comes from."""

    year: int
    source: str  # "table", "chinesecalendar" or "" (unknown: weekends only)
    entries: list[CalendarEntry]

    @property
    def known(self) -> bool:
        return bool(self.source)


@dataclass(frozen=True)
class PeriodInfo:
    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    leader_tier: int
    note: str
    version: int


@dataclass(frozen=True)
class FilingInfo:
    """A holiday's roster filing: the break, when it is due, when it was filed."""

    holiday_name: str
    first_day: dt.date
    last_day: dt.date
    due_on: dt.date
    filed_at: dt.datetime | None
    filed_by: str
    id: int | None


# --- holidays ------------------------------------------------------------------------------
def calendar_year(ctx: Context, year: int) -> YearCalendar:
    with ctx.db.read() as session:
        rows = [CalendarEntry(r.date, CalendarKind(r.kind), r.name, r.source)
                for r in _table_year(session, year)]
    if rows:
        return YearCalendar(year, "table", rows)
    if year in package_years():
        return YearCalendar(year, "chinesecalendar", package_entries(year))
    return YearCalendar(year, "", [])


def _table_year(session: Session, year: int) -> list[CalendarDay]:
    return list(session.execute(select(CalendarDay).where(extract("year", CalendarDay.date) == year)
                                .order_by(CalendarDay.date)).scalars())


def unknown_years(ctx: Context, start: dt.date, end: dt.date) -> list[int]:
    with ctx.db.read() as session:
        cal = calendar_in(session, range(start.year, end.year + 1))
    return cal.unknown_years(start, end)


def set_day(ctx: Context, day: dt.date, kind: CalendarKind | None, name: str = "") -> None:
    """Mark ``day`` a holiday or a make-up working day (``kind`` None: an ordinary day)."""
    ctx.require(UserRole.ADMIN)
    name = (name or "").strip()
    if kind is CalendarKind.HOLIDAY:
        problems = validation.required(name, "calendar.name", 50)
        if problems:
            raise InputError(problems)
    with ctx.db.write() as session:
        _own_year(session, ctx, day.year)
        row = session.scalar(select(CalendarDay).where(CalendarDay.date == day))
        before = audit.snapshot(row, ("date", "kind", "name")) if row else None
        if kind is None:
            if row is not None:
                session.delete(row)
        elif row is None:
            row = CalendarDay(date=day, kind=kind.value, name=name, source=SOURCE_MANUAL)
            session.add(row)
        else:
            row.kind, row.name, row.source = kind.value, name, SOURCE_MANUAL
        session.flush()
        after = audit.snapshot(row, ("date", "kind", "name")) if kind is not None else None
        audit.record(session, ctx, "update", "calendar_day", day.isoformat(), before=before,
                     after=after)


def _own_year(session: Session, ctx: Context, year: int) -> None:
    """Copy the package's year into the table before the office's first edit of it."""
    if _table_year(session, year) or year not in package_years():
        return
    entries = package_entries(year)
    session.add_all(CalendarDay(date=e.date, kind=e.kind.value, name=e.name, source=e.source)
                    for e in entries)
    session.flush()
    audit.record(session, ctx, "copy", "calendar_year", year,
                 after={"source": "chinesecalendar", "days": len(entries)})


def replace_year(ctx: Context, year: int, entries: list[tuple[dt.date, CalendarKind, str]]) -> None:
    """Enter a year's whole notice at once (the table's year is replaced)."""
    ctx.require(UserRole.ADMIN)
    problems = [Problem("calendar.wrong_year", "calendar.date", {"value": d.isoformat(), "year": year})
                for d, _, _ in entries if d.year != year]
    problems += [p for _, k, n in entries if k is CalendarKind.HOLIDAY
                 for p in validation.required(n, "calendar.name", 50)]
    if problems:
        raise InputError(problems)
    with ctx.db.write() as session:
        before = [[r.date, r.kind, r.name] for r in _table_year(session, year)]
        session.execute(delete(CalendarDay).where(extract("year", CalendarDay.date) == year))
        session.add_all(CalendarDay(date=d, kind=k.value, name=n.strip(), source=SOURCE_MANUAL)
                        for d, k, n in sorted(entries))
        session.flush()
        audit.record(session, ctx, "replace", "calendar_year", year, before={"days": before},
                     after={"days": [[d, k.value, n] for d, k, n in sorted(entries)]})


# --- sensitive periods ---------------------------------------------------------------------
def list_periods(ctx: Context, year: int | None = None) -> list[PeriodInfo]:
    with ctx.db.read() as session:
        query = select(SensitivePeriod)
        if year is not None:
            query = query.where(SensitivePeriod.ends_on >= dt.date(year, 1, 1),
                                SensitivePeriod.starts_on <= dt.date(year, 12, 31))
        return [PeriodInfo(p.id, p.name, p.starts_on, p.ends_on, p.leader_tier, p.note, p.version)
                for p in session.execute(query.order_by(SensitivePeriod.starts_on)).scalars()]


def save_period(ctx: Context, *, period_id: int | None, name: str, starts_on: dt.date,
                ends_on: dt.date, leader_tier: int, note: str = "",
                expected_version: int | None = None) -> int:
    ctx.require(UserRole.ADMIN)
    problems = validation.required(name, "period.name", 100) + validation.optional_text(
        note, "period.note", 500)
    if ends_on < starts_on:
        problems.append(Problem("period.ends_before", "period.ends_on"))
    if leader_tier not in set(LeaderTier):
        problems.append(Problem("roster.bad_tier", "period.leader_tier", {"value": leader_tier}))
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            if period_id is None:
                row = SensitivePeriod()
                session.add(row)
                before = None
            else:
                row = session.get(SensitivePeriod, period_id)
                if row is None:
                    raise NotFound(text("not_found", what=text("field.period.name")))
                if expected_version is not None and row.version != expected_version:
                    raise StaleRecord()
                before = audit.snapshot(row, PERIOD_FIELDS)
            row.name, row.starts_on, row.ends_on = name.strip(), starts_on, ends_on
            row.leader_tier, row.note = leader_tier, (note or "").strip()
            session.flush()
            audit.record(session, ctx, "create" if before is None else "update",
                         "sensitive_period", row.id, before=before,
                         after=audit.snapshot(row, PERIOD_FIELDS))
            return row.id
    except StaleDataError as exc:
        raise StaleRecord() from exc


def delete_period(ctx: Context, period_id: int) -> None:
    ctx.require(UserRole.ADMIN)
    with ctx.db.write() as session:
        row = session.get(SensitivePeriod, period_id)
        if row is None:
            return
        before = audit.snapshot(row, PERIOD_FIELDS)
        session.delete(row)
        audit.record(session, ctx, "delete", "sensitive_period", period_id, before=before)


# --- filing dates --------------------------------------------------------------------------
def filings(ctx: Context, start: dt.date, end: dt.date) -> list[FilingInfo]:
    """The holiday breaks beginning in ``start``..``end`` with their filing dates.

    A break without a stored filing is due ``filing_days_before`` days before its first day.
    """
    with ctx.db.read() as session:
        days_before = rules_in(session).filing_days_before
        cal = calendar_in(session, range(start.year, end.year + 1))
        stored = {f.first_day: (f.due_on, f.filed_at, f.filed_by, f.id)
                  for f in session.execute(select(RosterFiling).where(
                      RosterFiling.first_day >= start, RosterFiling.first_day <= end)).scalars()}
    out = []
    for period in cal.holiday_periods(start, end):
        default = (period.first_day - dt.timedelta(days=days_before), None, "", None)
        due, filed_at, filed_by, row_id = stored.get(period.first_day, default)
        out.append(FilingInfo(period.name, period.first_day, period.last_day, due, filed_at,
                              filed_by, row_id))
    return out


def _filing_row(session: Session, first_day: dt.date) -> RosterFiling:
    row = session.scalar(select(RosterFiling).where(RosterFiling.first_day == first_day))
    if row is not None:
        return row
    cal = calendar_in(session, [first_day.year])
    period = next((p for p in cal.holiday_periods(first_day, first_day)), None)
    if period is None:
        raise InputError(Problem("filing.no_holiday", "filing.first_day",
                                 {"value": first_day.isoformat()}))
    days_before = rules_in(session).filing_days_before
    row = RosterFiling(holiday_name=period.name, first_day=first_day,
                       due_on=first_day - dt.timedelta(days=days_before), filed_by="", note="")
    session.add(row)
    session.flush()
    return row


def set_filing_due(ctx: Context, first_day: dt.date, due_on: dt.date) -> None:
    """Change when a holiday's roster must be filed."""
    ctx.require(UserRole.ADMIN)
    if due_on > first_day:
        raise InputError(Problem("filing.after_holiday", "filing.due_on",
                                 {"value": due_on.isoformat()}))
    with ctx.db.write() as session:
        row = _filing_row(session, first_day)
        before = audit.snapshot(row, ("holiday_name", "first_day", "due_on"))
        row.due_on = due_on
        session.flush()
        audit.record(session, ctx, "update", "roster_filing", row.id, before=before,
                     after=audit.snapshot(row, ("holiday_name", "first_day", "due_on")))


def mark_filed(ctx: Context, first_day: dt.date, filed_at: dt.datetime | None = None) -> None:
    """Record that the holiday's roster was filed with the superior office (now by default)."""
    actor = ctx.require(UserRole.ADMIN)
    with ctx.db.write() as session:
        row = _filing_row(session, first_day)
        before = audit.snapshot(row, ("filed_at", "filed_by"))
        row.filed_at = filed_at or ctx.clock.now()
        row.filed_by = actor.display_name or actor.name
        session.flush()
        audit.record(session, ctx, "filed", "roster_filing", row.id, before=before,
                     after=audit.snapshot(row, ("holiday_name", "first_day", "filed_at",
                                                "filed_by")))
        _meet_filing_deadline(session, ctx, first_day, row.filed_at)
    from app.services import deadlines

    deadlines.notify_changed()


def _meet_filing_deadline(session: Session, ctx: Context, first_day: dt.date, at: dt.datetime) -> None:
    """Filing meets the holiday's roster-filing deadline (recurring duties), if it is open."""
    from app.models import Deadline
    from app.services import deadlines, recurring

    row = session.scalar(select(Deadline).where(Deadline.recurring_key == recurring.filing_key(first_day),
                                                Deadline.outcome == "open"))
    if row is not None:
        deadlines.meet_in(session, ctx, row.id, how="值班表已报备", at=at)


def local_today(ctx: Context) -> dt.date:
    with ctx.db.read() as session:
        zone = zone_in(session)
    return ctx.clock.now().astimezone(zone).date()
