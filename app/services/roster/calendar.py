"""The office's calendar: holidays and make-up working days, sensitive periods, holiday filings.

A year comes from chinesecalendar until the office edits a day of it; the first edit copies the
package's whole year into the table, so the year is then the office's own. A year the package
does not know is known only once its notice is entered as a whole (``replace_years``: the
settings' year table or ``calendar import``); a day typed in alone counts, but leaves the year
unknown, and every screen and command touching it says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, extract, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.calendar_notice import NoticeDay
from app.domain.duty_calendar import (
    SOURCE_MANUAL,
    SOURCE_PACKAGE,
    CalendarEntry,
    holiday_zh,
    package_entries,
    package_years,
)
from app.domain.enums import CalendarKind, LeaderTier, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.models import CalendarDay, CalendarYear, SensitivePeriod
from app.services.context import Context
from app.services.office import audit
from app.services.roster.setup import calendar_in

PERIOD_FIELDS = ("name", "starts_on", "ends_on", "leader_tier", "note")


@dataclass(frozen=True)
class YearCalendar:
    """One year's official schedule, where it comes from and whether it is known.

    ``source`` is "table" (the office's own days), "chinesecalendar" or "" (nothing held);
    a year of the table is known only when its notice was entered whole (``entered``).
    """

    year: int
    source: str
    entries: list[CalendarEntry]
    known: bool
    entered: YearEntered | None = None


@dataclass(frozen=True)
class YearEntered:
    """When and how a year's notice was entered as a whole."""

    source: str  # manual (the settings' table) | file (calendar import) | chinesecalendar
    at: dt.datetime
    by: str


@dataclass(frozen=True)
class PeriodInfo:
    id: int
    name: str
    starts_on: dt.date
    ends_on: dt.date
    leader_tier: int
    note: str
    version: int


# --- holidays ------------------------------------------------------------------------------
def calendar_year(ctx: Context, year: int) -> YearCalendar:
    with ctx.db.read() as session:
        rows = [CalendarEntry(r.date, CalendarKind(r.kind), r.name, r.source)
                for r in _table_year(session, year)]
        held = session.get(CalendarYear, year)
        entered = YearEntered(held.source, held.entered_at, held.entered_by) if held else None
    in_package = year in package_years()
    known = in_package or entered is not None
    if rows:
        return YearCalendar(year, "table", rows, known, entered)
    if in_package:
        return YearCalendar(year, "chinesecalendar", package_entries(year), True, entered)
    return YearCalendar(year, "", [], known, entered)


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
    _mark_entered(session, ctx, year, SOURCE_PACKAGE)
    session.flush()
    audit.record(session, ctx, "copy", "calendar_year", year,
                 after={"source": "chinesecalendar", "days": len(entries)})


def _mark_entered(session: Session, ctx: Context, year: int, source: str) -> None:
    row = session.get(CalendarYear, year)
    if row is None:
        row = CalendarYear(year=year)
        session.add(row)
    actor = ctx.actor
    row.source, row.entered_at = source, ctx.clock.now()
    row.entered_by = (actor.display_name or actor.name) if actor else ""


def replace_years(ctx: Context, notice: dict[int, list[NoticeDay]], *, source: str = SOURCE_MANUAL) -> None:
    """Enter whole notices at once: each year of ``notice`` replaces the one held, and is known
    from now on. The days were checked (``app.domain.calendar_notice.check``)."""
    ctx.require(UserRole.ADMIN)
    with ctx.db.write() as session:
        for year, days in sorted(notice.items()):
            before = [[r.date, r.kind, r.name] for r in _table_year(session, year)]
            session.execute(delete(CalendarDay).where(extract("year", CalendarDay.date) == year))
            session.add_all(CalendarDay(date=d.date, kind=d.kind.value, name=d.name,
                                        source=SOURCE_MANUAL) for d in days)
            _mark_entered(session, ctx, year, source)
            session.flush()
            audit.record(session, ctx, "replace", "calendar_year", year, before={"days": before},
                         after={"source": source,
                                "days": [[d.date, d.kind.value, d.name] for d in days]})


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
            row: SensitivePeriod | None
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


def holiday_days(ctx: Context, start: dt.date, end: dt.date) -> tuple[list[tuple[dt.date, str]], list[int]]:
    """Public holidays in [start, end] from the office's calendar (its own table over the
    official schedule), and the years it does not know. Never guessed."""
    with ctx.db.read() as session:
        cal = calendar_in(session, range(start.year, end.year + 1))
    found = []
    day = start
    while day <= end:
        entry = cal.entry(day)
        if entry is not None and entry.kind is CalendarKind.HOLIDAY:
            found.append((day, holiday_zh(entry.name)))
        day += dt.timedelta(days=1)
    return found, cal.unknown_years(start, end)
