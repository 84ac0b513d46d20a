"""A whole year's holiday notice for the tests (made up for 2027, shaped like the State
Council's: seven holidays, make-up working days on weekends)."""

from __future__ import annotations

import datetime as dt

from app.domain.calendar_notice import RawCell, RawRow


def _span(first: str, days: int, name: str) -> list[tuple[str, str, str]]:
    start = dt.date.fromisoformat(first)
    return [((start + dt.timedelta(days=i)).isoformat(), "节假日", name) for i in range(days)]


NOTICE_2027: list[tuple[str, str, str]] = [
    *_span("2027-01-01", 3, "元旦"),
    *_span("2027-02-06", 9, "春节"), ("2027-02-20", "调休上班", "春节"),
    *_span("2027-04-03", 3, "清明节"),
    *_span("2027-05-01", 5, "劳动节"), ("2027-05-08", "调休上班", "劳动节"),
    *_span("2027-06-09", 3, "端午节"),
    *_span("2027-09-15", 3, "中秋节"),
    *_span("2027-10-01", 7, "国庆节"), ("2027-09-26", "调休上班", "国庆节"),
    ("2027-10-09", "调休上班", "国庆节"),
]
HOLIDAYS_2027 = sum(1 for _, kind, _ in NOTICE_2027 if kind == "节假日")


def rows(days: list[tuple[str, str, str]] = NOTICE_2027) -> list[RawRow]:
    """The notice as the year table hands it over: row 1 is the first day."""
    return [RawRow(i, RawCell(d, i, "A"), RawCell(k, i, "B"), RawCell(n, i, "C"))
            for i, (d, k, n) in enumerate(days, start=1)]


def csv_text(days: list[tuple[str, str, str]] = NOTICE_2027) -> str:
    return "日期,类型,名称\n" + "".join(f"{d},{k},{n}\n" for d, k, n in days)
