"""The official calendar and sensitive periods, as the roster sees them.

Public holidays and make-up working days change every year by State Council notice. The
``chinesecalendar`` package carries the schedule for the years it knows; the office's own table
(``calendar_day``) overrides a whole year as soon as it holds any day of it, so an office can
enter next year's notice the day it is published. A year is *known* only when the package knows
it or the office entered its notice as a whole (``calendar_year``): one day typed in does not
make a year known. An unknown year's entered days still count, but callers say plainly that the
year is unknown. Nothing here ever guesses a holiday.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.enums import CalendarKind, DutyKind

MAKEUP_WORDS = "调休上班"
WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")

# chinesecalendar's English names -> the names of the State Council's notice
HOLIDAY_NAMES_ZH = {
    "New Year's Day": "元旦",
    "Spring Festival": "春节",
    "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节",
    "Dragon Boat Festival": "端午节",
    "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节",
    "Anti-Fascist 70th Day": "中国人民抗日战争暨世界反法西斯战争胜利70周年纪念日",
}


def holiday_zh(name: str) -> str:
    """A holiday's name as the State Council's notice writes it (the package's English names
    translated; names already in Chinese pass through)."""
    return HOLIDAY_NAMES_ZH.get(name, name)


SOURCE_PACKAGE = "chinesecalendar"
SOURCE_MANUAL = "manual"


@dataclass(frozen=True)
class CalendarEntry:
    """One day of the official schedule."""

    date: dt.date
    kind: CalendarKind
    name: str
    source: str = SOURCE_PACKAGE


@dataclass(frozen=True)
class Period:
    """A sensitive period: a named date range (inclusive) with the leader tier it requires."""

    name: str
    starts_on: dt.date
    ends_on: dt.date
    leader_tier: int
    id: int | None = None

    def covers(self, day: dt.date) -> bool:
        return self.starts_on <= day <= self.ends_on


@dataclass(frozen=True)
class HolidayPeriod:
    """Consecutive holiday days (a holiday's whole break), e.g. 国庆节 1–7 October."""

    name: str
    first_day: dt.date
    last_day: dt.date


@functools.cache
def _package_tables() -> tuple[dict[dt.date, str], dict[dt.date, str], frozenset[int]]:
    from chinese_calendar import constants

    holidays = {d: str(n) for d, n in constants.holidays.items()}
    workdays = {d: str(n) for d, n in constants.workdays.items()}
    return holidays, workdays, frozenset(d.year for d in holidays)


def package_years() -> frozenset[int]:
    """The years whose official schedule the installed chinesecalendar carries."""
    return _package_tables()[2]


def package_entries(year: int) -> list[CalendarEntry]:
    """The chinesecalendar package's holidays and make-up working days of ``year``."""
    holidays, workdays, _ = _package_tables()
    out = [CalendarEntry(d, CalendarKind.HOLIDAY, HOLIDAY_NAMES_ZH.get(n, n))
           for d, n in holidays.items() if d.year == year]
    out += [CalendarEntry(d, CalendarKind.MAKEUP_WORKDAY, HOLIDAY_NAMES_ZH.get(n, n))
            for d, n in workdays.items() if d.year == year]
    return sorted(out, key=lambda e: e.date)


@dataclass
class DutyCalendar:
    """What kind of day each date is, which words the roster writes in 备注, which tier leads.

    ``table`` holds the office's own entries; ``holiday_tier`` is the leader tier every holiday
    requires (RosterSettings). Build it with :meth:`build`.
    """

    entries: dict[dt.date, CalendarEntry]
    known_years: frozenset[int]
    periods: list[Period] = field(default_factory=list)
    holiday_tier: int = 2

    @classmethod
    def build(cls, table: Iterable[CalendarEntry], periods: Iterable[Period] = (),
              holiday_tier: int = 2, years: Iterable[int] | None = None,
              entered: Iterable[int] = ()) -> DutyCalendar:
        """Merge the table over the package: a year in the table is taken from the table only.

        ``entered`` are the years whose notice the office entered as a whole; with the
        package's years they are the known ones.
        """
        table = list(table)
        table_years = {e.date.year for e in table}
        entries = {e.date: e for e in table}
        wanted = set(years) if years is not None else set(package_years())
        for year in sorted(wanted - table_years):
            if year in package_years():
                entries.update((e.date, e) for e in package_entries(year))
        known = frozenset(set(entered) | package_years())
        return cls(entries, known, sorted(periods, key=lambda p: p.starts_on), holiday_tier)

    def is_known(self, year: int) -> bool:
        return year in self.known_years

    def unknown_years(self, start: dt.date, end: dt.date) -> list[int]:
        """Years of ``start``..``end`` without an official schedule (warn; weekends only)."""
        return [y for y in range(start.year, end.year + 1) if y not in self.known_years]

    def entry(self, day: dt.date) -> CalendarEntry | None:
        return self.entries.get(day)

    def duty_kind(self, day: dt.date) -> DutyKind:
        entry = self.entries.get(day)
        if entry is not None:
            return DutyKind.HOLIDAY if entry.kind is CalendarKind.HOLIDAY else DutyKind.WEEKDAY
        return DutyKind.WEEKEND if day.weekday() >= 5 else DutyKind.WEEKDAY

    def periods_on(self, day: dt.date) -> list[Period]:
        return [p for p in self.periods if p.covers(day)]

    def required_tier(self, day: dt.date) -> int | None:
        """The lowest leader tier allowed to lead the duty on ``day``, or None (any leader)."""
        tiers = [p.leader_tier for p in self.periods_on(day)]
        entry = self.entries.get(day)
        if entry is not None and entry.kind is CalendarKind.HOLIDAY:
            tiers.append(self.holiday_tier)
        return max(tiers) if tiers else None

    def remark_words(self, day: dt.date) -> list[str]:
        """The calendar's own words for 备注: the holiday's name or 调休上班, then the periods."""
        words: list[str] = []
        entry = self.entries.get(day)
        if entry is not None:
            words.append(entry.name if entry.kind is CalendarKind.HOLIDAY else MAKEUP_WORDS)
        words += [p.name for p in self.periods_on(day)]
        return words

    def holiday_periods(self, start: dt.date, end: dt.date) -> list[HolidayPeriod]:
        """The holiday breaks that begin within ``start``..``end``, consecutive days together."""
        days = sorted(d for d, e in self.entries.items() if e.kind is CalendarKind.HOLIDAY)
        out: list[HolidayPeriod] = []
        group: list[dt.date] = []
        for day in [*days, None]:
            if group and (day is None or (day - group[-1]).days != 1):
                names = list(dict.fromkeys(self.entries[d].name for d in group))
                if start <= group[0] <= end:
                    out.append(HolidayPeriod("、".join(names), group[0], group[-1]))
                group = []
            if day is not None:
                group.append(day)
        return out


def weekday_zh(day: dt.date) -> str:
    return WEEKDAYS_ZH[day.weekday()]


def calendar_words() -> set[str]:
    """Every word the calendar itself may write in 备注 (so an import does not keep them)."""
    return set(HOLIDAY_NAMES_ZH.values()) | {MAKEUP_WORDS}
