"""plans list / add / import / export and drills list / add (DESIGN.md's command line).

The JSON of ``plans list --json`` and ``drills list --json`` goes back into ``plans add`` and
``drills add`` as it is: the keys of DESIGN.md plus the fields the register also keeps.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, open_context
from app.domain.errors import InputError
from app.domain.messages import Problem, language, text
from app.domain.plan_input import parse_drill, parse_plan

# The services load when a command runs: starting the desktop program builds the parser too.


def register(sub: argparse._SubParsersAction) -> None:
    plans = sub.add_parser("plans", help="the emergency plans register")
    psub = plans.add_subparsers(dest="plans_command", metavar="ACTION", required=True)
    ls = psub.add_parser("list", help="every plan with its next review and next drill")
    ls.add_argument("--json", action="store_true", help="print one JSON array")
    ls.set_defaults(handler=cmd_list)
    add = psub.add_parser("add", help="record a plan from JSON (keys as plans list --json)")
    add.add_argument("file", help="a JSON file, or - for standard input")
    add.set_defaults(handler=cmd_add)
    imp = psub.add_parser("import", help="add and update plans from a workbook")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.set_defaults(handler=cmd_import)
    exp = psub.add_parser("export", help="write the register as a workbook")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.set_defaults(handler=cmd_export)

    drills = sub.add_parser("drills", help="drills of the plans, with corrective actions")
    dsub = drills.add_subparsers(dest="drills_command", metavar="ACTION", required=True)
    dls = dsub.add_parser("list", help="every drill, the newest first")
    dls.add_argument("--json", action="store_true", help="print one JSON array")
    dls.set_defaults(handler=cmd_drills_list)
    dadd = dsub.add_parser("add", help="record a drill from JSON (keys as drills list --json)")
    dadd.add_argument("file", help="a JSON file, or - for standard input")
    dadd.set_defaults(handler=cmd_drills_add)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _read_json(source: str) -> dict[str, Any]:
    """One JSON object from a file or standard input; InputError otherwise (before any database
    is opened, so a bad file writes nothing and creates nothing)."""
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(Problem("plan.unreadable_file", None, {"path": source})) from exc
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(Problem("plan.not_json", None, {"line": exc.lineno, "col": exc.colno})) from exc
    if not isinstance(data, dict):
        raise InputError(Problem("plan.not_object"))
    return data


def cmd_list(args: argparse.Namespace) -> int:
    from app.services.office.zone import local_today
    from app.services.plans import register as plans

    ctx = open_context(args)
    try:
        found = plans.list_plans(ctx)
        today = local_today(ctx)
    finally:
        ctx.db.dispose()
    if args.json:
        print(json.dumps([{
            "name": p.name, "type": p.type.value, "unit": p.unit,
            "approved_on": p.approved_on.isoformat(), "filed_on": _iso(p.filed_on),
            "next_review": _iso(p.next_review), "next_drill": _iso(p.next_drill),
            "number": p.number, "filed_with": p.filed_with, "review_years": p.review_years,
            "drill_months": p.drill_months, "status": p.status.value, "document": p.document,
            "note": p.note,
        } for p in found], ensure_ascii=False, indent=1))
        return EXIT_OK
    if not found:
        print(text("plans.none"))
    zh = language() == "zh_CN"
    for p in found:
        late = ("（逾期）" if zh else " (overdue)") if p.overdue(today) else ""
        kind, status = (p.type.short, p.status.zh) if zh else (p.type.value, p.status.value)
        print(f"{p.name}  {kind}  {p.unit}  {p.approved_on}  {status}  "
              f"{_iso(p.next_review) or '-'}  {_iso(p.next_drill) or '-'}{late}")
    return EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from app.services.office.zone import local_today
    from app.services.plans import register as plans

    data = _read_json(args.file)
    ctx = open_context(args)
    try:
        given, problems = parse_plan(data, local_today(ctx))
        if problems or given is None:
            raise InputError(problems)
        info = plans.add_plan(ctx, given)
    finally:
        ctx.db.dispose()
    print(text("plans.added", name=info.name, unit=info.unit))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.plans import workbook

    ctx = open_context(args)
    try:
        report = workbook.import_plans(ctx, args.file.expanduser(), dry_run=args.dry_run)
    finally:
        ctx.db.dispose()
    print(text("plans.checked" if report.dry_run else "plans.imported", added=report.added, updated=report.updated,
               unchanged=report.unchanged, units=report.units_created))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from app.export.files import check_target
    from app.services.plans import workbook

    path = check_target(args.output)  # before the database opens: a bad path creates nothing
    ctx = open_context(args)
    try:
        count = workbook.export_plans(ctx, path)
    finally:
        ctx.db.dispose()
    print(text("plans.exported", count=count, path=path))
    return EXIT_OK


def cmd_drills_list(args: argparse.Namespace) -> int:
    from app.services.plans import drills

    ctx = open_context(args)
    try:
        found = drills.list_drills(ctx)
    finally:
        ctx.db.dispose()
    rows = [{
        "plan": d.plan, "plan_unit": d.plan_unit, "date": d.held_on.isoformat(),
        "type": d.type.value, "place": d.place, "organizer": d.organizer,
        "participants": {"units": list(d.units), "count": d.participant_count},
        "scenario": d.scenario, "evaluation": d.evaluation, "problems": d.problems,
        "incident": d.incident_number,
        "actions": [{"text": a.text, "owner": a.owner, "due": a.due_on.isoformat(),
                     "done": _iso(a.done_on)} for a in d.actions],
    } for d in found]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    if not found:
        print(text("drills.none"))
    zh = language() == "zh_CN"
    for d in found:
        open_actions = sum(a.done_on is None for a in d.actions)
        tail = (f"  整改 {len(d.actions)} 项，未完成 {open_actions} 项" if zh
                else f"  {len(d.actions)} actions, {open_actions} open") if d.actions else ""
        kind = d.type.zh if zh else d.type.value
        print(f"{d.held_on}  {kind}  {d.plan}  {d.place}{tail}")
    return EXIT_OK


def cmd_drills_add(args: argparse.Namespace) -> int:
    from app.services.office.zone import local_today
    from app.services.plans import drills

    data = _read_json(args.file)
    ctx = open_context(args)
    try:
        given, problems = parse_drill(data, local_today(ctx))
        if problems or given is None:
            raise InputError(problems)
        info = drills.add_drill(ctx, given)
    finally:
        ctx.db.dispose()
    print(text("drills.added", plan=info.plan, date=info.held_on.isoformat()))
    return EXIT_OK
