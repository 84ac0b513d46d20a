"""roster generate / show / export / import (DESIGN.md's command-line contract)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

from app.cli.common import EXIT_OK, open_context, output_file, parse_date, parse_datetime, stderr
from app.domain.enums import DutyRole
from app.domain.errors import InputError
from app.domain.messages import Problem, text
from app.services.context import Context
from app.services.office.zone import office_zone
from app.services.roster import calendar as roster_calendar
from app.services.roster import files as roster_files
from app.services.roster import generate as roster_generate
from app.services.roster import schedule as roster


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("roster", help="the duty roster: generate, show, export, import")
    rsub = parser.add_subparsers(dest="roster_command", metavar="ACTION", required=True)

    gen = rsub.add_parser("generate", help="fill a range fairly and print the quality report")
    gen.add_argument("--from", dest="start", required=True, metavar="DATE")
    gen.add_argument("--to", dest="end", required=True, metavar="DATE")
    gen.add_argument("--replace", action="store_true",
                     help="rewrite what is not locked by hand (default: only fill empty places)")
    gen.set_defaults(handler=cmd_generate)

    show = rsub.add_parser("show", help="who is on duty (now, or at --at)")
    show.add_argument("--at", metavar="DATETIME", help="ISO 8601; without an offset: office time")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)

    exp = rsub.add_parser("export", help="the roster for filing (值班安排表) as .xlsx")
    exp.add_argument("--from", dest="start", required=True, metavar="DATE")
    exp.add_argument("--to", dest="end", required=True, metavar="DATE")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="FILE.xlsx")
    exp.add_argument("--title", help="the sheet's title (default: <unit><period>值班安排表)")
    exp.add_argument("--filled-by", dest="filled_by", metavar="NAME",
                     help="填报人 (default: the person of the DutyDesk user named like your "
                          "operating-system account)")
    exp.add_argument("--phone", metavar="NUMBER", help="联系电话 (default: the duty phone)")
    exp.set_defaults(handler=cmd_export)

    imp = rsub.add_parser("import", help="read a filing workbook back; its dates replace the roster's")
    imp.add_argument("file", type=Path, metavar="FILE.xlsx")
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.set_defaults(handler=cmd_import)


def _dates(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    problems, dates = [], []
    for value, field in ((args.start, "roster.from"), (args.end, "roster.to")):
        try:
            dates.append(parse_date(value, field))
        except InputError as exc:
            problems += exc.problems
    if problems:
        raise InputError(problems)
    return dates[0], dates[1]


def cmd_generate(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    ctx = open_context(args)
    try:
        report = roster_generate.generate_roster(ctx, start, end, replace=args.replace)
    finally:
        ctx.db.dispose()
    print("\n".join(report.lines()))
    return EXIT_OK


def _role(role: DutyRole, lang: str) -> str:
    return role.zh if lang == "zh_CN" else text(f"role.{role.value}")


def cmd_show(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        zone = office_zone(ctx)
        at = parse_datetime(args.at, zone, "at") if args.at else None
        duty = roster.on_duty(ctx, at)
        shown = [d.date for d in (duty.current, duty.next) if d is not None]
        if shown:
            _warn_unknown(ctx, min(shown), max(shown))
    finally:
        ctx.db.dispose()
    if args.json:
        shifts = [duty.current] if duty.current else []
        print(json.dumps([{
            "date": d.date.isoformat(), "shift": d.shift_name,
            "starts_at": d.starts_at.astimezone(zone).isoformat(),
            "ends_at": d.ends_at.astimezone(zone).isoformat(),
            "assignments": [{"role": a.role.value, "name": a.name, "phone": a.phone}
                            for a in d.assignments],
        } for d in shifts], ensure_ascii=False, indent=2))
        return EXIT_OK
    fmt = "%Y-%m-%d %H:%M"
    if duty.current is None:
        print(text("roster.show.none"))
    for label, day in (("roster.show.current", duty.current), ("roster.show.next", duty.next)):
        if day is None:
            continue
        print(text(label, date=day.date.isoformat(), shift=day.shift_name,
                   starts=day.starts_at.astimezone(zone).strftime(fmt),
                   ends=day.ends_at.astimezone(zone).strftime(fmt)))
        for a in day.assignments:
            print(text("roster.show.person", role=_role(a.role, args.lang), name=a.name,
                       phone=a.phone))
        if not day.assignments:
            print(text("roster.show.nobody"))
    return EXIT_OK


def _warn_unknown(ctx: Context, start: dt.date, end: dt.date) -> None:
    """An unknown year of the range is said on stderr (stdout may be JSON)."""
    for year in roster_calendar.unknown_years(ctx, start, end):
        stderr(text("calendar.unknown_year", year=year))


def cmd_export(args: argparse.Namespace) -> int:
    start, end = _dates(args)
    if end < start:
        raise InputError(Problem("roster.bad_range", "roster.to"))
    output_file(args, args.output)  # before the database is opened: a bad path writes nothing
    ctx = open_context(args)
    try:
        rows = roster_files.export_workbook(ctx, start, end, args.output, args.title,
                                            filer=args.filled_by, filer_phone=args.phone)
        _warn_unknown(ctx, start, end)
        if args.filled_by is None and not roster_files.default_filer(ctx):
            stderr(text("roster.export.no_filer"))
    finally:
        ctx.db.dispose()
    print(text("roster.export.done", path=args.output, rows=rows))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        result = roster_files.import_workbook(ctx, args.file, dry_run=args.dry_run)
    finally:
        ctx.db.dispose()
    code = "roster.import.dry_run" if args.dry_run else "roster.import.done"
    print(text(code, dates=result.dates, people=result.people, replaced=result.replaced))
    return EXIT_OK
