"""report quarterly --year YYYY --quarter Q [-o FILE.docx|FILE.pdf] [--json] [--file] /
report annual --year YYYY [-o FILE.docx|FILE.pdf] [--json]

The office's periodic documents, drafted from the records: as text on stdout (paragraphs,
numbered tables, 【请填写：……】 where the office writes), as JSON, or with ``-o`` as the 公文
document (.docx, or a PDF that LibreOffice makes from it). The year, the quarter and the output
file are checked before any work (exit 2 naming them, nothing written). ``--file`` records that
the quarterly report went up, meeting the quarter's deadline, once the file is written.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from app.cli.common import EXIT_OK, open_context
from app.domain import report_document
from app.domain.messages import text
from app.domain.report_outline import DocumentContent, DocumentKind, Paragraph, Placeholder, Table
from app.services.office.zone import office_zone
from app.services.stats import report_content, report_filing
from app.services.stats import report_document as report_files


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("report", help="the quarterly work report and the annual summary")
    rsub = parser.add_subparsers(dest="report_command", metavar="DOCUMENT", required=True)
    quarterly = rsub.add_parser("quarterly", help="the quarterly work report (季度工作报告)")
    quarterly.add_argument("--year", type=int, required=True, metavar="YYYY")
    quarterly.add_argument("--quarter", type=int, required=True, metavar="Q", choices=(1, 2, 3, 4))
    _common(quarterly)
    quarterly.add_argument("--file", action="store_true",
                           help="record that it was filed now (after -o is written): meets the "
                                "quarter's deadline")
    quarterly.set_defaults(handler=cmd_report, kind=DocumentKind.QUARTERLY)
    annual = rsub.add_parser("annual", help="the annual duty-work summary (年度值守工作总结)")
    annual.add_argument("--year", type=int, required=True, metavar="YYYY")
    _common(annual)
    annual.set_defaults(handler=cmd_report, kind=DocumentKind.ANNUAL, quarter=None, file=False)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write the 公文 document: FILE.docx, or FILE.pdf (made by LibreOffice)")
    parser.add_argument("--json", action="store_true", help="the content as one JSON array")


def _block(block: Paragraph | Placeholder | Table) -> dict[str, Any]:
    if isinstance(block, Table):
        return {"type": "table", "number": block.number, "title": block.title,
                "columns": list(block.columns), "rows": [list(r) for r in block.rows],
                "total": list(block.total) if block.total else None}
    kind = "placeholder" if isinstance(block, Placeholder) else "paragraph"
    return {"type": kind, "text": block.text}


def _words(value: Placeholder | str) -> str:
    return value.text if isinstance(value, Placeholder) else value


def as_json(doc: DocumentContent) -> dict[str, Any]:
    return {"kind": doc.kind.value, "title": doc.title, "from": doc.first_day.isoformat(),
            "to": doc.last_day.isoformat(), "addressed_to": _words(doc.addressed_to),
            "opening": doc.opening.text,
            "sections": [{"heading": s.heading, "blocks": [_block(b) for b in s.blocks]}
                         for s in doc.sections],
            "office": doc.office, "contact": _words(doc.contact),
            "contact_phone": doc.contact_phone, "dated": doc.dated.isoformat()}


def as_text(doc: DocumentContent) -> list[str]:
    """The draft as plain lines: headings, paragraphs, tables with tabs, placeholders."""
    lines = [doc.title, "", f"{_words(doc.addressed_to)}：", "", doc.opening.text]
    for section in doc.sections:
        lines += ["", section.heading]
        for block in section.blocks:
            if isinstance(block, Table):
                lines.append(block.caption)
                lines += ["\t".join("" if v is None else str(v) for v in row)
                          for row in (block.columns, *block.rows, *([block.total] if block.total else []))]
            else:
                lines.append(block.text)
    lines += ["", doc.office, f"联系人：{_words(doc.contact)}　联系电话：{doc.contact_phone}",
              f"{doc.dated.year}年{doc.dated.month}月{doc.dated.day}日"]
    return lines


def cmd_report(args: argparse.Namespace) -> int:
    report_content.period(args.kind, args.year, args.quarter)  # refused before the database opens
    target = report_files.check_output(args.output) if args.output else None
    ctx = open_context(args)
    try:
        zone = office_zone(ctx)
        doc = report_content.assemble(ctx, args.kind, args.year, args.quarter)
        if target is not None:  # written before it is filed: a failed file files nothing
            saved = report_files.save(report_document.compose(doc), target)
            print(text("report.saved", path=saved), file=sys.stderr if args.json else sys.stdout)
        filed = report_filing.file_quarterly(ctx, args.year, args.quarter) if args.file else None
    finally:
        ctx.db.dispose()
    if args.json:
        print(json.dumps([as_json(doc)], ensure_ascii=False, indent=2))
    elif target is None:
        print("\n".join(as_text(doc)))
    if filed is not None:  # stdout stays one JSON array with --json
        print(text("report.filed", year=args.year, quarter=args.quarter,
                   outcome=filed.deadline.outcome.zh,
                   due=filed.deadline.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")),
              file=sys.stderr if args.json else sys.stdout)
    return EXIT_OK
