"""The quarterly work report and the annual duty-work summary as 公文 documents: drafted from
the records (``report_content``), laid out (``app.domain.report_document``), saved as .docx or
PDF (``app.export.gongwen_file``). The command line and the 统计 section both come here.
"""

from __future__ import annotations

from pathlib import Path

from app.domain import report_document
from app.domain.gongwen import OfficialDocument
from app.domain.progress import Progress, no_progress
from app.domain.report_outline import DocumentKind
from app.export import gongwen_file
from app.services.context import Context
from app.services.stats import report_content


def draft(ctx: Context, kind: DocumentKind, year: int, number: int | None = None,
          progress: Progress = no_progress) -> OfficialDocument:
    """The document of ``year`` (quarter ``number`` for the quarterly report), laid out."""
    return report_document.compose(report_content.assemble(ctx, kind, year, number, progress))


def check_output(path: Path) -> Path:
    """A .docx or .pdf the operator can write, asked before any work (InputError otherwise)."""
    return gongwen_file.check_output(path)


def save(doc: OfficialDocument, path: Path) -> Path:
    """``doc`` written to ``path`` (.docx, or a PDF made by LibreOffice), whole or not at all."""
    return gongwen_file.save(doc, path)
