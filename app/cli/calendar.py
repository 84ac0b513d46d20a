"""calendar show --year YYYY [--json] / calendar import FILE.xlsx|FILE.csv (DESIGN.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from app.cli.common import EXIT_OK, open_context
from app.domain.duty_calendar import weekday_zh
from app.domain.enums import CalendarKind
from app.domain.errors import InputError
from app.domain.messages import Problem, text
from app.services.roster import calendar as roster_calendar
from app.services.roster import notice

SENSITIVE = "sensitive_period"


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("calendar", help="the holiday calendar: show a year, import a notice")
    csub = parser.add_subparsers(dest="calendar_command", metavar="ACTION", required=True)
    show = csub.add_parser("show", help="holidays, make-up working days and sensitive periods")
    show.add_argument("--year", required=True, metavar="YYYY")
    show.add_argument("--json", action="store_true", help="one JSON array on stdout")
    show.set_defaults(handler=cmd_show)
    imp = csub.add_parser("import", help="a year's notice (columns 日期, 类型, 名称); the years "
                                         "in the file replace those held")
    imp.add_argument("file", type=Path, metavar="FILE.xlsx|FILE.csv")
    imp.set_defaults(handler=cmd_import)


def parse_year(value: str) -> int:
    raw = (value or "").strip()
    if not (raw.isdigit() and len(raw) == 4 and 1900 <= int(raw) <= 2200):
        raise InputError(Problem("calendar.bad_year", "calendar.year", {"value": value}))
    return int(raw)


def _days(year: int, periods: list[roster_calendar.PeriodInfo]) -> list[tuple[dt.date, str, str]]:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    out = []
    for p in periods:
        day = max(p.starts_on, first)
        while day <= min(p.ends_on, last):
            out.append((day, SENSITIVE, p.name))
            day += dt.timedelta(days=1)
    return out


def cmd_show(args: argparse.Namespace) -> int:
    year = parse_year(args.year)
    ctx = open_context(args)
    try:
        cal = roster_calendar.calendar_year(ctx, year)
        periods = roster_calendar.list_periods(ctx, year)
    finally:
        ctx.db.dispose()
    if args.json:
        if not cal.known:
            print(json.dumps([{"year": year, "known": False}]))
            return EXIT_OK
        rows = [(e.date, e.kind.value, e.name) for e in cal.entries] + _days(year, periods)
        order = {CalendarKind.HOLIDAY.value: 0, CalendarKind.MAKEUP_WORKDAY.value: 1, SENSITIVE: 2}
        rows.sort(key=lambda r: (r[0], order[r[1]]))
        print(json.dumps([{"date": d.isoformat(), "type": t, "name": n} for d, t, n in rows],
                         ensure_ascii=False, indent=2))
        return EXIT_OK
    if not cal.known:
        print(text("calendar.show.unknown", year=year))
        if cal.entries:
            print(text("calendar.show.partial", n=len(cal.entries)))
    else:
        print(text("calendar.show.head", year=year,
                   source=text(f"calendar.show.source.{cal.source or 'table'}")))
    for e in cal.entries:
        print(text("calendar.show.day", date=e.date.isoformat(), weekday=weekday_zh(e.date),
                   kind=e.kind.zh, name=e.name))
    for p in periods:
        print(text("calendar.show.period", start=p.starts_on.isoformat(),
                   end=p.ends_on.isoformat(), name=p.name))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    checked = notice.load_notice(args.file)  # a bad file is refused before any database opens
    ctx = open_context(args)
    try:
        result = notice.enter_notice(ctx, checked)
    finally:
        ctx.db.dispose()
    for y in result.years:
        print(text("calendar.import.done", year=y.year, holidays=y.holidays, makeups=y.makeups,
                   replaced=y.replaced))
    if result.deadlines:
        print(text("calendar.import.deadlines", n=len(result.deadlines)))
    return EXIT_OK
