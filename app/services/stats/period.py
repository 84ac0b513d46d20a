"""A period of the statistics: office-local dates in, UTC bounds and month buckets out.

Every count groups in SQL. A month is a month of the office's calendar, so its bounds are
computed here in the office's zone and handed to the query as a CASE over the stored UTC time:
exact in any zone (daylight saving included), and the same SQL on SQLite and PostgreSQL.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass

from sqlalchemy import ColumnElement, case, literal
from sqlalchemy.orm import InstrumentedAttribute

from app.domain.errors import InputError
from app.domain.messages import Problem


@dataclass(frozen=True)
class Month:
    """One month of a period, clipped to the period: its key and its UTC bounds."""

    key: str  # YYYY-MM
    starts_at: dt.datetime
    ends_at: dt.datetime  # exclusive


@dataclass(frozen=True)
class Period:
    """``start``..``end`` inclusive, office-local dates, in ``zone``."""

    start: dt.date
    end: dt.date
    zone: zoneinfo.ZoneInfo

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise InputError(Problem("stats.bad_range", "stats.to"))

    def _at(self, day: dt.date) -> dt.datetime:
        return dt.datetime.combine(day, dt.time(0), tzinfo=self.zone).astimezone(dt.UTC)

    @property
    def starts_at(self) -> dt.datetime:
        return self._at(self.start)

    @property
    def ends_at(self) -> dt.datetime:
        """The first instant after the period (exclusive bound)."""
        return self._at(self.end + dt.timedelta(days=1))

    def months(self) -> list[Month]:
        out: list[Month] = []
        day = self.start
        while day <= self.end:
            nxt = dt.date(day.year + (day.month == 12), day.month % 12 + 1, 1)
            last = min(nxt, self.end + dt.timedelta(days=1))
            out.append(Month(f"{day.year}-{day.month:02d}", self._at(day), self._at(last)))
            day = nxt
        return out

    def covers(self, column: InstrumentedAttribute[dt.datetime]) -> ColumnElement[bool]:
        """``column`` (a stored UTC time) lies in the period."""
        return (column >= self.starts_at) & (column < self.ends_at)

    def month_of(self, column: InstrumentedAttribute[dt.datetime]) -> ColumnElement[str]:
        """The month key of ``column``, for GROUP BY (rows already restricted to the period)."""
        months = self.months()
        whens = [(column < m.ends_at, literal(m.key)) for m in months[:-1]]
        if not whens:
            return literal(months[0].key)
        return case(*whens, else_=literal(months[-1].key))


def quarter(year: int, number: int) -> tuple[dt.date, dt.date]:
    """The first and last day of quarter ``number`` (1–4) of ``year``."""
    first = dt.date(year, 3 * number - 2, 1)
    nxt = dt.date(year + (number == 4), (3 * number) % 12 + 1, 1)
    return first, nxt - dt.timedelta(days=1)
