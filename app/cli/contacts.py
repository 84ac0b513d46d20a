"""contacts search / import / export / template."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.cli.common import EXIT_OK, bounded, open_context, output_file
from app.domain.contacts import ContactLabel, PersonTag
from app.domain.messages import language, text

# The services load when a contacts command runs, not when the parser is built: starting the
# desktop program builds the parser too, and openpyxl and pypinyin are slow to import.
DEFAULT_LIMIT, MAX_LIMIT = 20, 500


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("contacts", help="the contact book: search, import, export")
    commands = parser.add_subparsers(dest="contacts_command", metavar="ACTION", required=True)

    search = commands.add_parser("search", help="find people and units by name, pinyin, "
                                                "initials or any digits of a number")
    search.add_argument("query")
    search.add_argument("--json", action="store_true", help="print one JSON array")
    search.add_argument("--limit", type=int, default=DEFAULT_LIMIT)
    search.set_defaults(handler=cmd_search)

    imp = commands.add_parser("import", help="add and update people from a workbook")
    imp.add_argument("file", type=Path)
    imp.add_argument("--dry-run", action="store_true", help="check the file, write nothing")
    imp.set_defaults(handler=cmd_import)

    exp = commands.add_parser("export", help="write the contact book as a workbook "
                                             "(or vCards, for a file ending in .vcf)")
    exp.add_argument("-o", "--output", type=Path, required=True)
    exp.add_argument("--query", help="only the people this search finds")
    exp.add_argument("--limit", type=int, default=MAX_LIMIT)
    exp.set_defaults(handler=cmd_export)

    tpl = commands.add_parser("template", help="write an empty import workbook")
    tpl.add_argument("-o", "--output", type=Path, required=True)
    tpl.set_defaults(handler=cmd_template)


def _label(value: ContactLabel | PersonTag) -> str:
    return value.zh if language() == "zh_CN" else value.value


def cmd_search(args: argparse.Namespace) -> int:
    from app.services.contacts import search as contact_search

    limit = bounded(args.limit, "limit", MAX_LIMIT)
    ctx = open_context(args)
    try:
        hits = contact_search.search(ctx, args.query, limit=limit)
    finally:
        ctx.db.dispose()
    if args.json:
        print(json.dumps([{
            "name": h.name, "organization": h.organization, "title": h.title,
            "phones": [{"label": p.label.value, "number": p.number} for p in h.phones],
            "tags": [t.value for t in h.tags],
        } for h in hits], ensure_ascii=False, indent=2))
        return EXIT_OK
    if not hits:
        print(text("contacts.none", query=args.query))
    away = "外出" if language() == "zh_CN" else "away"
    for h in hits:
        phones = "  ".join(f"{_label(p.label)} {p.number}" for p in h.phones)
        tags = "、".join(_label(t) for t in h.tags)
        parts = [h.name, h.organization, h.title, phones, f"[{tags}]" if tags else "",
                 f"（{away}）" if h.away else ""]
        print("  ".join(p for p in parts if p))
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    from app.services.contacts import workbook as contacts_io

    ctx = open_context(args)
    try:
        report = contacts_io.import_contacts(ctx, args.file.expanduser(), dry_run=args.dry_run)
    finally:
        ctx.db.dispose()
    print(text("import.dry_run" if report.dry_run else "import.done", added=report.added,
               updated=report.updated, unchanged=report.unchanged, units=report.units_created))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from app.services.contacts import search as contact_search
    from app.services.contacts import workbook as contacts_io

    limit = bounded(args.limit, "limit", 10**6)
    path = output_file(args, args.output)
    ctx = open_context(args)
    try:
        ids = None
        if args.query:
            ids = [h.id for h in contact_search.search(ctx, args.query, limit=limit)
                   if h.kind == "person"]
        if path.suffix.lower() == ".vcf":
            if ids is None:
                from app.services.contacts import book as contacts

                ids = [r.id for r in contacts.list_people(ctx, limit=10**7)]
            count = contacts_io.export_vcard(ctx, path, ids)
        else:
            count = contacts_io.export_contacts(ctx, path, ids)
    finally:
        ctx.db.dispose()
    print(text("contacts.exported", count=count, path=path))
    return EXIT_OK


def cmd_template(args: argparse.Namespace) -> int:
    from app.services.contacts import workbook as contacts_io

    path = output_file(args, args.output)
    contacts_io.write_template(path)
    print(text("contacts.template", path=path))
    return EXIT_OK
