"""dutydesk incidents add FILE.json|- / list [--open] [--json] / report-text NUMBER."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from app.cli.common import EXIT_OK, bounded, open_context
from app.domain.enums import IncidentKind
from app.domain.errors import InputError
from app.domain.incident_input import parse_incident
from app.domain.messages import Problem
from app.services.incidents import chain as incident_chain
from app.services.incidents import intake as incidents
from app.services.incidents import listing as incident_list
from app.services.office.zone import office_zone


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("incidents", help="record and list incidents; report texts")
    isub = p.add_subparsers(dest="incidents_command", metavar="ACTION", required=True)
    add = isub.add_parser("add", help="record an incident from JSON (fields as in the glossary)")
    add.add_argument("file", help="a JSON file, or - for standard input")
    add.set_defaults(handler=cmd_add)
    ls = isub.add_parser("list", help="incidents, open cases first")
    ls.add_argument("--open", action="store_true", help="only open cases")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--limit", type=int, default=200)
    ls.set_defaults(handler=cmd_list)
    rt = isub.add_parser("report-text", help="the official text of a report")
    rt.add_argument("number")
    rt.add_argument("--kind", choices=["initial", "follow-up", "final", "verified", "warning"], default=None)
    rt.add_argument("--seq", type=int)
    rt.set_defaults(handler=cmd_report_text)


def cmd_add(args: argparse.Namespace) -> int:
    try:
        raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(Problem("incident.not_json", None, {"detail": exc})) from exc
    if not isinstance(data, dict):
        raise InputError(Problem("incident.not_json", None, {"detail": "expected one JSON object"}))
    ctx = open_context(args)
    try:
        # The edge: the JSON is read here, once; the service trusts the facts it gets.
        given = parse_incident(data, office_zone(ctx), now=ctx.clock.now())
        info = incidents.record(ctx, given.facts, flash=given.flash, unreadable=given.problems)
    finally:
        ctx.db.dispose()
    print(info.number)
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    limit = bounded(args.limit, "limit", 10**6)
    ctx = open_context(args)
    try:
        zone = office_zone(ctx)
        rows = incident_list.list_page(ctx, incident_list.ListFilter(open_only=args.open), 0, limit)
    finally:
        ctx.db.dispose()

    def iso(value: dt.datetime | None) -> str | None:
        return value.astimezone(zone).isoformat(timespec="seconds") if value else None

    out = [{"number": r.number, "title": r.title, "kind": r.kind, "category": r.category, "level": r.level,
            "status": r.status, "occurred_at": iso(r.occurred_at), "received_at": iso(r.received_at),
            "location": r.location} for r in rows]
    if args.json:
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        status = "办理中" if row.status == "open" else "已办结"
        received = row.received_at.astimezone(zone).isoformat(timespec="seconds")
        print(f"{row.number}  {received[:16]}  {status}  {row.level or '-':<3}  {row.title}")
    return EXIT_OK


def cmd_report_text(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        kind = args.kind
        if kind is None:
            warning = incidents.get(ctx, args.number).facts.kind is IncidentKind.WARNING
            kind = "warning" if warning else "initial"
        print(incident_chain.report_text(ctx, args.number, kind, args.seq))
    finally:
        ctx.db.dispose()
    return EXIT_OK
