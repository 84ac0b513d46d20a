"""Plain-text sheets on paper (the handover sheet): a text document whose first line is the
heading, printed or saved as PDF with real, selectable text. Reports use the 公文 page
(``app.ui.gongwen``) instead."""

from __future__ import annotations

from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

from app.ui.style import FONT_FAMILIES


def text_document(text: str) -> QTextDocument:
    """The text as a text document (real, selectable text in PDFs; never a screenshot)."""
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(12)
    doc.setDefaultFont(font)
    lines = [escape(line) for line in text.split("\n")]  # typed text may hold < or &
    html = [f"<h2 style='text-align:center'>{lines[0]}</h2>"]
    html += [f"<p style='margin:4px 0'>{line or '&nbsp;'}</p>" for line in lines[1:]]
    doc.setHtml("".join(html))
    return doc


def configure_a4(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))


def write_pdf(text: str, path: Path) -> Path:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    configure_a4(printer)
    text_document(text).print_(printer)
    return path
