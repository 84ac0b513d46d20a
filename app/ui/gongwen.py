"""The 公文 page on screen, in the print preview and in PDFs: an ``OfficialDocument`` laid out
by ``app.domain.gongwen.LAYOUT`` in a QTextDocument (real, selectable text; never a picture of
a widget), page by page, with "— 1 —" at the foot.

Fonts are asked for by their official names with the layout's fallbacks after them; Qt takes
the first this machine has (仿宋_GB2312 → 仿宋 → FangSong → … → Noto Serif CJK SC). The same
page as the .docx the command line writes, drawn by Qt instead of LibreOffice.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtPrintSupport import QPrinter

from app.domain.gongwen import (
    LAYOUT,
    Align,
    FontRole,
    Layout,
    OfficialDocument,
    Paragraph,
    Run,
    Style,
)
from app.export.files import atomic_write, check_target

_ALIGN = {Align.LEFT: Qt.AlignmentFlag.AlignLeft, Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
          Align.RIGHT: Qt.AlignmentFlag.AlignRight, Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify}
PDF_DPI = 300
QT_DEFAULT_DPI = 96


def font(role: FontRole) -> QFont:
    """The role's font: its official name first, then its fallbacks."""
    f = QFont()
    f.setFamilies(list(role.families))
    f.setPointSizeF(role.size_pt)
    return f


def page_layout(layout: Layout = LAYOUT) -> QPageLayout:
    """A4 portrait with no printer margins: the page draws its own (the official ones)."""
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)


class _Builder:
    """Fills a QTextDocument with the paragraphs, in the units of the device it is drawn on."""

    def __init__(self, layout: Layout, dpi: float) -> None:
        self.layout = layout
        self.px_per_pt = dpi / 72
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.cursor = QTextCursor(self.doc)
        self.first = True

    def block(self, align: Align, *, indent_pt: float = 0, pitch_pt: float | None = None) -> None:
        fmt = QTextBlockFormat()
        fmt.setAlignment(_ALIGN[align])
        fmt.setTextIndent(indent_pt * self.px_per_pt)
        fmt.setTopMargin(0)
        fmt.setBottomMargin(0)
        # Qt takes a fixed line height in pixels of its default 96 dpi and scales it to the
        # device itself; the indent it takes in device pixels.
        fmt.setLineHeight((pitch_pt or self.layout.line_pitch_pt) * QT_DEFAULT_DPI / 72,
                          QTextBlockFormat.LineHeightTypes.FixedHeight.value)
        if self.first:
            self.cursor.setBlockFormat(fmt)
            self.first = False
        else:
            self.cursor.insertBlock(fmt)

    def run(self, run: Run) -> None:
        fmt = QTextCharFormat()
        fmt.setFont(font(self.layout.font(run.style)))
        self.cursor.insertText(run.text, fmt)

    def paragraph(self, p: Paragraph) -> None:
        if p.gap_before:
            self.block(Align.LEFT)
        body = self.layout.font(Style.BODY).size_pt
        self.block(p.align, indent_pt=body * self.layout.indent_chars if p.indent else 0)
        for run in p.runs:
            self.run(run)


def text_document(doc: OfficialDocument, dpi: float, layout: Layout = LAYOUT) -> QTextDocument:
    """``doc`` as a QTextDocument for a device of ``dpi`` (title, a blank line, paragraphs)."""
    b = _Builder(layout, dpi)
    title = layout.font(Style.TITLE)
    b.block(Align.CENTER, pitch_pt=max(layout.line_pitch_pt, title.size_pt * 1.3))
    b.run(Run(doc.title, Style.TITLE))
    b.block(Align.LEFT)
    for p in doc.paragraphs:
        b.paragraph(p)
    return b.doc


def paint(device: QPagedPaintDevice, doc: OfficialDocument, layout: Layout = LAYOUT) -> int:
    """Draw ``doc`` on ``device`` (a printer or a PDF writer whose page is the whole sheet),
    page by page with its number at the foot. Returns the number of pages."""
    dpi = device.logicalDpiY()
    mm = dpi / 25.4
    width, height = layout.page_mm[0] * mm, layout.page_mm[1] * mm
    inner = QSizeF(width - (layout.left_mm + layout.right_mm) * mm,
                   height - (layout.top_mm + layout.bottom_mm) * mm)
    text = text_document(doc, dpi, layout)
    text.documentLayout().setPaintDevice(device)
    text.setPageSize(inner)
    number_font = font(layout.font(Style.PAGE_NUMBER))
    pages = text.pageCount()
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(layout.left_mm * mm, layout.top_mm * mm - page * inner.height())
            text.drawContents(painter, QRectF(0, page * inner.height(), inner.width(), inner.height()))
            painter.restore()
            painter.setFont(number_font)
            foot = height - (layout.bottom_mm - layout.page_number_gap_mm) * mm
            painter.drawText(QRectF(0, foot, width, layout.bottom_mm * mm), Qt.AlignmentFlag.AlignHCenter
                             | Qt.AlignmentFlag.AlignTop, layout.page_number(page + 1))
    finally:
        painter.end()
    return pages


def prepare(printer: QPrinter) -> None:
    """A printer (or the print preview's) set to draw the whole A4 sheet itself."""
    printer.setFullPage(True)
    printer.setPageLayout(page_layout())


def write_pdf(doc: OfficialDocument, path: Path) -> Path:
    """``doc`` as a PDF with real text at ``path``, whole or not at all (written under a
    temporary name and renamed at the end). Drawn in the GUI thread: Qt's text layout is not
    for worker threads, and the page is already composed."""
    target = check_target(path)
    with atomic_write(target) as tmp:
        writer = QPdfWriter(str(tmp))
        writer.setResolution(PDF_DPI)
        writer.setPageLayout(page_layout())
        writer.setTitle(doc.title)
        writer.setCreator("DutyDesk 应急值守台")
        paint(writer, doc)
        del writer  # closes the file before the rename
    return target
