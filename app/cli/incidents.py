"""dutydesk incidents: add, fields, list, show, update, follow-up, final, send, report-text.

The JSON is read here, once (``parse_incident``); the services check the facts and trust their
types. Every refusal exits 2 with one line per problem, naming the field, nothing written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli import incident_views as views
from app.cli.common import EXIT_OK, bounded, open_context
from app.domain.enums import ReportKind
from app.domain.errors import InputError
from app.domain.incident_facts import IncidentFacts
from app.domain.incident_input import IncidentInput, parse_incident, read_as_of
from app.domain.messages import Problem, text
from app.domain.sendings import read_sending
from app.services.context import Context
from app.services.incidents import chain, documents, sending
from app.services.incidents import intake as incidents
from app.services.incidents import listing as incident_list
from app.services.office.zone import office_zone

_KINDS = {**{k.value: k for k in views.CHAIN_KINDS}, **{k.zh: k for k in views.CHAIN_KINDS},
          "预警信息": ReportKind.WARNING}


def _kind(value: str) -> ReportKind:
    try:
        return _KINDS[value.strip()]
    except KeyError:
        raise argparse.ArgumentTypeError(
            f"{value!r}: initial|follow-up|final|verified|warning (或 首报/续报/终报/核报/预警信息)") from None


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("incidents", help="incidents and their report chain")
    isub = p.add_subparsers(dest="incidents_command", metavar="ACTION", required=True)
    add = isub.add_parser("add", help="record an incident from JSON; `incidents fields` lists the fields",
                          description="Record an incident or warning from one JSON object. The fields, "
                                      "their types and allowed values: dutydesk incidents fields.")
    add.add_argument("file", help="a JSON file, or - for standard input")
    add.set_defaults(handler=cmd_add)
    fields = isub.add_parser("fields", help="the fields `incidents add` takes")
    fields.add_argument("--json", action="store_true")
    fields.set_defaults(handler=cmd_fields)
    ls = isub.add_parser("list", help="incidents, open cases first")
    ls.add_argument("--open", action="store_true", help="only open cases")
    ls.add_argument("--json", action="store_true")
    ls.add_argument("--limit", type=int, default=200)
    ls.set_defaults(handler=cmd_list)
    show = isub.add_parser("show", help="one incident: facts, reports with their sendings, deadlines")
    show.add_argument("number")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=cmd_show)
    for name, handler, helps in (
            ("update", cmd_update, "changed facts from JSON; regrading moves the deadlines"),
            ("follow-up", cmd_follow_up, "the next follow-up with the changes given (and as_of)"),
            ("final", cmd_final, "the final report: closes the incident, cancels what it owed")):
        sp = isub.add_parser(name, help=helps)
        sp.add_argument("number")
        sp.add_argument("file", nargs=None if name == "update" else "?",
                        help="a JSON file, or - for standard input")
        sp.set_defaults(handler=handler)
    send = isub.add_parser("send", help="record one sending of a report; meets its channel's deadlines")
    send.add_argument("number")
    send.add_argument("--kind", type=_kind, required=True, help="initial|follow-up|final|verified|warning")
    send.add_argument("--seq", type=int, help="which follow-up (default: the latest)")
    send.add_argument("--channel", required=True, help="phone|written (电话|书面)")
    send.add_argument("--means", help="written: fax|system|email|paper|sms (传真|信息报送系统|电子邮件|纸质公文|短信)")
    send.add_argument("--to", required=True, help="to whom (主送机关)")
    send.add_argument("--issued-by", default="", help="who signed it off (签发人); written only")
    send.add_argument("--at", help="when it went (ISO 8601, office time; default now)")
    send.set_defaults(handler=cmd_send)
    rt = isub.add_parser("report-text", help="a report's text, or its 公文 document with -o")
    rt.add_argument("number")
    rt.add_argument("--kind", type=_kind, default=None)
    rt.add_argument("--seq", type=int)
    rt.add_argument("-o", "--output", type=Path, help="FILE.docx or FILE.pdf")
    rt.set_defaults(handler=cmd_report_text)


def _read_json(source: str | None) -> dict[str, Any]:
    """One JSON object from a file or standard input (``-``); empty without a source."""
    if source is None:
        return {}
    try:
        raw = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
        data = json.loads(raw)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise InputError(Problem("incident.not_json", None, {"detail": str(exc)[:200]})) from exc
    if not isinstance(data, dict):
        raise InputError(Problem("incident.not_json", None, {"detail": "expected one JSON object"}))
    return data


def cmd_add(args: argparse.Namespace) -> int:
    data = _read_json(args.file)
    ctx = open_context(args)
    try:
        given = parse_incident(data, office_zone(ctx), now=ctx.clock.now())
        info = incidents.record(ctx, given.facts, flash=given.flash, unreadable=given.problems)
    finally:
        ctx.db.dispose()
    print(info.number)
    return EXIT_OK


def cmd_fields(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        required = incidents.required_elements(ctx)
    finally:
        ctx.db.dispose()
    rows = views.field_rows(required)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
    else:
        print(views.fields_text(rows))
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    limit = bounded(args.limit, "limit", 10**6)
    ctx = open_context(args)
    try:
        zone = office_zone(ctx)
        rows = incident_list.list_page(ctx, incident_list.ListFilter(open_only=args.open), 0, limit)
    finally:
        ctx.db.dispose()
    if args.json:
        print(json.dumps([views.list_row(r, zone) for r in rows], ensure_ascii=False, indent=1))
        return EXIT_OK
    for row in rows:
        status = "办理中" if row.status == "open" else "已办结"
        received = row.received_at.astimezone(zone).isoformat(timespec="seconds")
        print(f"{row.number}  {received[:16]}  {status}  {row.level or '-':<3}  {row.title}")
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        shown = views.show(ctx, args.number)
    finally:
        ctx.db.dispose()
    print(json.dumps([shown], ensure_ascii=False, indent=1) if args.json else views.show_text(shown))
    return EXIT_OK


def _changed(ctx: Context, number: str, data: dict[str, Any]) -> tuple[IncidentFacts, IncidentInput]:
    """The incident's facts with the fields ``data`` gives (refused, each named, when any cannot
    be read)."""
    current = incidents.get(ctx, number)
    given = parse_incident(data, office_zone(ctx), now=ctx.clock.now())
    return given.applied_to(current.facts), given


def cmd_update(args: argparse.Namespace) -> int:
    data = _read_json(args.file)
    ctx = open_context(args)
    try:
        facts, given = _changed(ctx, args.number, data)
        info = incidents.update(ctx, args.number, facts, unreadable=given.problems)
    finally:
        ctx.db.dispose()
    print(info.number)
    return EXIT_OK


def cmd_follow_up(args: argparse.Namespace) -> int:
    data = _read_json(args.file)
    raw_as_of = data.pop("as_of", None)
    ctx = open_context(args)
    try:
        as_of, problems = read_as_of(raw_as_of, office_zone(ctx))
        facts, given = _changed(ctx, args.number, data)
        if problems or given.problems:
            raise InputError([*given.problems, *problems])
        report = chain.follow_up(ctx, args.number, facts, as_of=as_of)
    finally:
        ctx.db.dispose()
    print(report.heading)
    return EXIT_OK


def cmd_final(args: argparse.Namespace) -> int:
    data = _read_json(args.file)
    ctx = open_context(args)
    try:
        facts, given = _changed(ctx, args.number, data)
        if given.problems:
            raise InputError(list(given.problems))
        report = chain.final(ctx, args.number, facts)
    finally:
        ctx.db.dispose()
    print(report.heading)
    return EXIT_OK


def cmd_send(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        given, problems = read_sending(channel=args.channel, means=args.means, to=args.to,
                                       issued_by=args.issued_by, at=args.at, zone=office_zone(ctx))
        if given is None or problems:
            raise InputError(problems)
        report_id = documents.report_id(ctx, args.number, args.kind, args.seq)
        result = sending.send(ctx, report_id, given)
    finally:
        ctx.db.dispose()
    print(result.summary())
    return EXIT_OK


def cmd_report_text(args: argparse.Namespace) -> int:
    target = documents.check_output(args.output) if args.output else None
    ctx = open_context(args)
    try:
        doc = documents.document(ctx, args.number, args.kind, args.seq)
    finally:
        ctx.db.dispose()
    if target is None:
        print(doc.plain_text())
        return EXIT_OK
    print(text("report.saved", path=documents.save(doc, target)))
    return EXIT_OK
