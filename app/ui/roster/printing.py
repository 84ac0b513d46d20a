"""Print preview and PDF of the roster for filing, as text (QTextDocument), never a screenshot."""

from __future__ import annotations

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def _setup(printer: QPrinter) -> None:
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)


def print_document(doc: QTextDocument, printer: QPrinter) -> None:
    """Fit the text to the page's width and print it (page numbers: Qt's own)."""
    rect = printer.pageLayout().paintRectPixels(printer.resolution())
    doc.setPageSize(QSizeF(rect.width(), rect.height()))
    doc.print_(printer)


def save_pdf(html: str, path: str) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    _setup(printer)
    print_document(document(html), printer)


def preview(html: str, parent: QWidget | None = None) -> QPrintPreviewDialog:
    """A print preview of the roster; the caller shows it with exec()."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _setup(printer)
    doc = document(html)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.paintRequested.connect(lambda p: print_document(doc, p))
    dialog.resize(1000, 720)
    dialog._document = doc  # type: ignore[attr-defined]  # kept alive with the dialog
    return dialog
