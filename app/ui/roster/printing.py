"""Print preview and PDF of the roster for filing, as text (QTextDocument), never a screenshot."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from app.export.files import atomic_write, check_target


def document(html: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setHtml(html)
    return doc


def _setup(printer: QPrinter) -> None:
    layout = QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                         QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    printer.setPageLayout(layout)


def _fit_scale(doc: QTextDocument, width: float, height: float) -> float:
    """The largest scale (down to a third) at which the whole document lies on one page."""
    scale = 1.0
    while doc.pageCount() > 1 and scale > 0.34:
        scale -= 0.02
        doc.setPageSize(QSizeF(width / scale, height / scale))
    return scale


def print_document(doc: QTextDocument, printer: QPrinter, *, one_page: bool = False) -> None:
    """Lay the text out on the printer's pages and print each with "第 N 页 / 共 M 页".

    The layout runs on the printer itself, so point sizes are true on paper; the table's
    header row (<thead>) is repeated on every page by Qt's pagination. With ``one_page`` (a
    month's roster) the text is scaled down until it fits one page, as the workbook is.
    """
    doc.documentLayout().setPaintDevice(printer)
    rect = printer.pageLayout().paintRectPixels(printer.resolution())
    footer = printer.resolution() * 0.3  # about 7.5 mm under the text for the page number
    height = rect.height() - footer
    doc.setPageSize(QSizeF(rect.width(), height))
    scale = _fit_scale(doc, rect.width(), height) if one_page else 1.0
    pages = doc.pageCount()
    painter = QPainter(printer)
    font = QFont(doc.defaultFont())
    font.setPointSizeF(9)
    painter.setFont(font)
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            painter.save()
            painter.scale(scale, scale)
            painter.translate(0, -page * height / scale)
            doc.drawContents(painter, QRectF(0, page * height / scale, rect.width() / scale,
                                             height / scale))
            painter.restore()
            painter.drawText(QRectF(0, height, rect.width(), footer),
                             Qt.AlignmentFlag.AlignCenter,
                             f"第 {page + 1} 页 / 共 {pages} 页")
    finally:
        painter.end()


def save_pdf(html: str, path: str, *, one_page: bool = False) -> None:
    """The document as a PDF at ``path``, written whole (a temporary file renamed at the end)."""
    with atomic_write(check_target(Path(path))) as part:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(part))
        _setup(printer)
        print_document(document(html), printer, one_page=one_page)


def preview(html: str, parent: QWidget | None = None, *, one_page: bool = False) -> QPrintPreviewDialog:
    """A print preview of the roster; the caller shows it with exec()."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    _setup(printer)
    doc = document(html)
    dialog = _Preview(printer, doc, parent)
    dialog.paintRequested.connect(lambda p: print_document(doc, p, one_page=one_page))
    dialog.resize(1000, 720)
    return dialog


class _Preview(QPrintPreviewDialog):
    """The dialog does not own the printer: it keeps the printer and the document alive."""

    def __init__(self, printer: QPrinter, doc: QTextDocument, parent: QWidget | None) -> None:
        super().__init__(printer, parent)
        self._printer, self._document = printer, doc
