"""The quarterly work report and the annual summary as documents, on a large office.

    python bench/report_documents.py --db COPY_OF_LARGE.db [--year 2026] [--quarter 4] [--runs 3]

For each document: the draft from the records (content and 公文 layout, what the 统计 button's
worker does), the .docx, the PDF LibreOffice makes from it (the command line's ``-o FILE.pdf``,
when LibreOffice is installed) and the PDF Qt draws (the window's); prints the median of each
and the pages. Use a copy of a large demo database: opening it may migrate it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import median_seconds

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.domain.clock import SystemClock
from app.domain.gongwen import OfficialDocument
from app.domain.report_outline import DocumentKind
from app.export import office_pdf
from app.services.context import Actor, Context
from app.services.office import health
from app.services.stats import report_document
from app.ui import gongwen


def _bench(ctx: Context, name: str, draft: Callable[[], OfficialDocument], runs: int, folder: Path) -> None:
    doc = draft()
    print(f"{name}:")
    print(f"  draft from the records:  {median_seconds(runs, draft):.3f} s")
    print(f"  .docx:                   {median_seconds(runs, lambda: report_document.save(doc, folder / 'r.docx')):.3f} s")
    if office_pdf.find_office() is not None:
        print(f"  PDF by LibreOffice:      {median_seconds(runs, lambda: report_document.save(doc, folder / 'r.pdf')):.3f} s")
    print(f"  PDF drawn by Qt:         {median_seconds(runs, lambda: gongwen.write_pdf(doc, folder / 'q.pdf')):.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--quarter", type=int, default=4)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    app = QApplication([])  # Qt draws the window's PDF
    opened = health.open_database(args.db, SystemClock())
    ctx = Context(opened.db, SystemClock(), Actor.command_line())
    with tempfile.TemporaryDirectory() as tmp:
        _bench(ctx, f"quarterly report {args.year} Q{args.quarter}",
               lambda: report_document.draft(ctx, DocumentKind.QUARTERLY, args.year, args.quarter),
               args.runs, Path(tmp))
        _bench(ctx, f"annual summary {args.year}",
               lambda: report_document.draft(ctx, DocumentKind.ANNUAL, args.year), args.runs, Path(tmp))
    opened.db.dispose()
    del app


if __name__ == "__main__":
    main()
