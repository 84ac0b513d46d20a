"""dutydesk log [--date DATE] [--json] / log add TEXT [--kind KIND] / handover show [--json]."""

from __future__ import annotations

import argparse
import datetime as dt
import json

from app.cli.common import EXIT_OK, open_context, parse_date
from app.domain.duty import USER_KINDS
from app.domain.messages import language
from app.services.dutylog import entries as dutylog
from app.services.dutylog import handover


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("log", help="the duty log of a duty day (the shift that starts that date)")
    p.add_argument("--date", help="YYYY-MM-DD (default: the duty day now)")
    p.add_argument("--json", action="store_true", help="one JSON array on stdout")
    p.set_defaults(handler=cmd_log)
    lsub = p.add_subparsers(dest="log_command", metavar="ACTION")
    add = lsub.add_parser("add", help="write an entry into the duty log (as this account, marked cli)")
    add.add_argument("text")
    add.add_argument("--kind", default="note",
                     help="one of call, " + ", ".join(k.value for k in USER_KINDS) + " (or the Chinese term)")
    add.add_argument("--at", help="when it happened (ISO 8601, office time; default now)")
    for name, helps in CALL_OPTIONS:
        add.add_argument(f"--{name.replace('_', '-')}", dest=name, default="", help=helps)
    add.set_defaults(handler=cmd_log_add)

    h = sub.add_parser("handover", help="the shift handover sheet")
    hsub = h.add_subparsers(dest="handover_command", metavar="ACTION", required=True)
    show = hsub.add_parser("show", help="the handover sheet of the current shift")
    show.add_argument("--date", help="another duty day, YYYY-MM-DD")
    show.add_argument("--json", action="store_true", help="one JSON array on stdout")
    show.set_defaults(handler=cmd_handover_show)


def _date(value: str | None) -> dt.date | None:
    return parse_date(value, "date", "dutylog.bad_date") if value else None


def cmd_log(args: argparse.Namespace) -> int:
    day = _date(args.date)
    ctx = open_context(args)
    try:
        zone = dutylog.shift_settings(ctx).zone
        shift = dutylog.shift_info(ctx, day)
        entries = dutylog.list_shift(ctx, shift.date)
    finally:
        ctx.db.dispose()
    if args.json:
        print(json.dumps([e.to_json(zone) for e in entries], ensure_ascii=False, indent=1))
        return EXIT_OK
    zh = language() == "zh_CN"
    a, b = shift.begins_at.astimezone(zone), shift.ends_at.astimezone(zone)
    print(f"{shift.date.isoformat()}  {a:%m-%d %H:%M} – {b:%m-%d %H:%M}"
          + (("  已交接锁定" if zh else "  handed over, locked") if shift.locked else ""))
    for e in entries:
        kind = e.kind.zh if zh else e.kind.value
        fix = (f"[更正 #{e.corrects_id}] " if zh else f"[corrects #{e.corrects_id}] ") if e.corrects_id else ""
        caller = f"［{e.caller}］" if e.caller else ""
        print(f"{e.id:>5}  {e.at.astimezone(zone):%m-%d %H:%M}  {kind}  {e.operator}  {fix}{caller}{e.text}")
    return EXIT_OK


# The call record's fields (RULES.md §4) a call entry takes.
CALL_OPTIONS = (("caller_unit", "the caller's unit (来电单位)"), ("caller_name", "the caller's name"),
                ("caller_title", "the caller's title"), ("caller_phone", "the caller's phone"),
                ("place", "where it happened"), ("notified", "whom the caller has already told"))


def cmd_log_add(args: argparse.Namespace) -> int:
    call = {name: getattr(args, name) for name, _ in CALL_OPTIONS if getattr(args, name)}
    ctx = open_context(args)
    try:
        entry = dutylog.append(ctx, args.text, args.kind, at=args.at, **call)
    finally:
        ctx.db.dispose()
    print(entry.id)
    return EXIT_OK


def cmd_handover_show(args: argparse.Namespace) -> int:
    day = _date(args.date)
    ctx = open_context(args)
    try:
        sheet = handover.sheet(ctx, day)
        office = handover.office_name(ctx)
    finally:
        ctx.db.dispose()
    if args.json:
        print(json.dumps([sheet.to_json()], ensure_ascii=False, indent=1))
        return EXIT_OK
    print(handover.sheet_text(sheet, office))
    return EXIT_OK
