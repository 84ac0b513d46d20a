"""A year's holiday notice entered in one go: from the settings' year table or from a file
(``calendar import``). Checked whole (app.domain.calendar_notice): a bad row refuses everything,
naming its row and column. Once in, the year is known, and the recurring duties it brings (the
holiday roster filings, the daily holiday reports) are created at once, not at the next hourly
run of the scheduler.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import extract, func, select

from app.domain import calendar_notice
from app.domain.calendar_notice import NoticeDay, RawRow
from app.domain.duty_calendar import SOURCE_MANUAL
from app.domain.enums import CalendarKind, UserRole
from app.domain.errors import InputError
from app.export import calendar_file
from app.models import CalendarDay
from app.services import duties
from app.services.context import Context
from app.services.roster import calendar as roster_calendar

log = logging.getLogger(__name__)

SOURCE_FILE = "file"


@dataclass(frozen=True)
class YearEntered:
    """What one year of a notice brought in."""

    year: int
    holidays: int
    makeups: int
    replaced: int


@dataclass(frozen=True)
class NoticeResult:
    years: list[YearEntered]
    deadlines: list[int]  # recurring deadlines created because the notice is in


def _held(ctx: Context, years: list[int]) -> dict[int, int]:
    with ctx.db.read() as s:
        year = extract("year", CalendarDay.date)
        return {int(y): n for y, n in s.execute(
            select(year, func.count()).where(year.in_(years)).group_by(year))}


def _enter(ctx: Context, notice: dict[int, list[NoticeDay]], source: str) -> NoticeResult:
    held = _held(ctx, sorted(notice))
    roster_calendar.replace_years(ctx, notice, source=source)
    try:
        created = duties.ensure(ctx)
    except Exception:  # the notice is in; the scheduler's hourly run plans them again
        log.exception("recurring duties after entering a holiday notice")
        created = []
    years = [YearEntered(y, sum(d.kind is CalendarKind.HOLIDAY for d in days),
                         sum(d.kind is CalendarKind.MAKEUP_WORKDAY for d in days), held.get(y, 0))
             for y, days in sorted(notice.items())]
    return NoticeResult(years, created)


def enter_year(ctx: Context, year: int, rows: list[RawRow]) -> NoticeResult:
    """The settings' year table: ``rows`` are the whole notice of ``year``."""
    ctx.require(UserRole.ADMIN)
    notice, problems = calendar_notice.check(rows, year)
    if problems:
        raise InputError(problems)
    return _enter(ctx, notice, SOURCE_MANUAL)


def read_rows(path: Path) -> list[RawRow]:
    """A notice file's rows as read, unchecked (the settings' table fills itself from them)."""
    return calendar_file.read_notice(path)


def load_notice(path: Path) -> dict[int, list[NoticeDay]]:
    """A notice file read and checked, touching no database (the command line checks the file
    before it opens one); InputError naming every bad row and column."""
    notice, problems = calendar_notice.check(calendar_file.read_notice(path))
    if problems:
        raise InputError(problems)
    return notice


def enter_notice(ctx: Context, notice: dict[int, list[NoticeDay]]) -> NoticeResult:
    """``calendar import``: the years of a checked file replace those held."""
    ctx.require(UserRole.ADMIN)
    return _enter(ctx, notice, SOURCE_FILE)


def import_notice(ctx: Context, path: Path) -> NoticeResult:
    """Read, check and enter a notice file; nothing is written unless every row is good."""
    ctx.require(UserRole.ADMIN)
    return enter_notice(ctx, load_notice(path))
