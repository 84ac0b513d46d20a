"""A year's holiday notice (the State Council's 节假日安排) as the office enters it: one row per
day, 日期, 类型 (节假日 | 调休上班), 名称. Pure Python: read the raw cells, check them, say what is
wrong by row and column as Excel numbers them (RULES.md §6).

The same checks serve the table editor in the settings (one year, rows as the operator sees
them) and ``calendar import`` (a file; the years in it replace those held).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from app.domain.enums import CalendarKind
from app.domain.messages import Problem

DATE_COLUMN, KIND_COLUMN, NAME_COLUMN = "日期", "类型", "名称"
COLUMNS = (DATE_COLUMN, KIND_COLUMN, NAME_COLUMN)
NAME_MAX = 50
HOLIDAY_NAMES = ("元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节")

# What the 类型 column may say: the notice's own words or the identifiers.
KIND_WORDS = {
    "节假日": CalendarKind.HOLIDAY, "法定节假日": CalendarKind.HOLIDAY, "放假": CalendarKind.HOLIDAY,
    "holiday": CalendarKind.HOLIDAY,
    "调休上班": CalendarKind.MAKEUP_WORKDAY, "上班": CalendarKind.MAKEUP_WORKDAY,
    "makeup_workday": CalendarKind.MAKEUP_WORKDAY, "makeup-workday": CalendarKind.MAKEUP_WORKDAY,
}


@dataclass(frozen=True)
class RawCell:
    """A cell as read: its text (or a date) and where it is (row 5, column "A")."""

    value: object
    row: int
    column: str


@dataclass(frozen=True)
class RawRow:
    """One row of a notice as read, before any check."""

    row: int
    date: RawCell
    kind: RawCell
    name: RawCell


@dataclass(frozen=True)
class NoticeDay:
    """One checked day of a notice."""

    date: dt.date
    kind: CalendarKind
    name: str


def _at(cell: RawCell) -> dict[str, object]:
    return {"row": cell.row, "col": cell.column}


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def parse_date(value: object) -> dt.date | None:
    """A real date, or text such as 2027-10-01, 2027/10/1, 2027年10月1日, 20271001."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    if len(text) == 8 and text.isdigit():
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    text = text.replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-")
    text = text.replace(".", "-")
    try:
        y, m, d = (int(p) for p in text.split("-"))
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        return None


def parse_kind(value: object) -> CalendarKind | None:
    return KIND_WORDS.get(_text(value).lower())


def _read_row(raw: RawRow) -> tuple[NoticeDay | None, list[Problem]]:
    problems: list[Problem] = []
    day = parse_date(raw.date.value)
    if day is None:
        problems.append(Problem("notice.bad_date", None,
                                {**_at(raw.date), "value": _text(raw.date.value)}))
    kind = parse_kind(raw.kind.value)
    if kind is None:
        problems.append(Problem("notice.bad_kind", None,
                                {**_at(raw.kind), "value": _text(raw.kind.value)}))
    name = _text(raw.name.value)
    if kind is CalendarKind.HOLIDAY and not name:
        problems.append(Problem("notice.no_name", None, _at(raw.name)))
    if len(name) > NAME_MAX:
        problems.append(Problem("notice.name_too_long", None, {**_at(raw.name), "max": NAME_MAX}))
    if day is None or kind is None or problems:
        return None, problems
    return NoticeDay(day, kind, name), []


def _conflicts(read: list[tuple[RawRow, NoticeDay]], year: int | None) -> list[Problem]:
    """Across rows: the year, a day twice, a make-up day on a holiday or not on a weekend."""
    problems: list[Problem] = []
    first: dict[dt.date, tuple[RawRow, NoticeDay]] = {}
    for raw, day in read:
        if year is not None and day.date.year != year:
            problems.append(Problem("notice.wrong_year", None,
                                    {**_at(raw.date), "value": day.date.isoformat(), "year": year}))
            continue
        held = first.get(day.date)
        if held is not None:
            kinds = {held[1].kind, day.kind}
            code = "notice.makeup_on_holiday" if len(kinds) == 2 else "notice.twice"
            problems.append(Problem(code, None, {**_at(raw.date), "value": day.date.isoformat(),
                                                 "first": held[0].row}))
            continue
        first[day.date] = (raw, day)
        if day.kind is CalendarKind.MAKEUP_WORKDAY and day.date.weekday() < 5:
            problems.append(Problem("notice.makeup_on_weekday", None,
                                    {**_at(raw.date), "value": day.date.isoformat()}))
    return problems


def check(rows: list[RawRow], year: int | None = None) -> tuple[dict[int, list[NoticeDay]], list[Problem]]:
    """The notice's days by year, or every problem (row and column named).

    With ``year`` every date must be in it (the table editor); without, the years are those of
    the dates (a file). Each year must name at least one holiday, so a stray date cannot
    silently empty a year.
    """
    problems: list[Problem] = []
    read: list[tuple[RawRow, NoticeDay]] = []
    for raw in rows:
        day, wrong = _read_row(raw)
        problems += wrong
        if day is not None:
            read.append((raw, day))
    problems += _conflicts(read, year)
    by_year: dict[int, list[NoticeDay]] = defaultdict(list)
    for _, day in read:
        by_year[day.date.year].append(day)
    if year is None and not rows:
        problems.append(Problem("notice.empty"))
    for y in sorted(set(by_year) | ({year} if year is not None else set())):
        if not problems and not any(d.kind is CalendarKind.HOLIDAY for d in by_year.get(y, [])):
            problems.append(Problem("notice.no_holiday", None, {"year": y}))
    if problems:
        return {}, problems
    return {y: sorted(days, key=lambda d: d.date) for y, days in by_year.items()}, []
