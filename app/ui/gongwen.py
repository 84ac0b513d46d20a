"""The 公文 page on screen, in the print preview and in PDFs: an ``OfficialDocument`` laid out
by ``app.domain.gongwen.LAYOUT`` in a QTextDocument (real, selectable text; never a picture of
a widget), page by page, with "— 1 —" at the foot.

Fonts are asked for by their official names with the layout's fallbacks after them; Qt takes
the first this machine has (仿宋_GB2312 → 仿宋 → FangSong → … → Noto Serif CJK SC). The same
page as the .docx the command line writes, drawn by Qt instead of LibreOffice: tables ruled
under their captions at the layout's column widths, the header row repeated on each page,
marked text highlighted, no paragraph leaving a single line on either side of a page break, and
a heading, a caption or the closing lines never left alone at the foot of a page.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrameFormat,
    QTextLength,
    QTextTable,
    QTextTableCellFormat,
    QTextTableFormat,
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
    Table,
    column_shares,
)
from app.export.files import atomic_write, check_target

_ALIGN = {Align.LEFT: Qt.AlignmentFlag.AlignLeft, Align.CENTER: Qt.AlignmentFlag.AlignHCenter,
          Align.RIGHT: Qt.AlignmentFlag.AlignRight, Align.JUSTIFY: Qt.AlignmentFlag.AlignJustify}
PDF_DPI = 300
QT_DEFAULT_DPI = 96
MARK = QColor("#ffeb3b")  # the highlight of what the office must still write


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
    """Fills a QTextDocument with the blocks, in the units of the device it is drawn on."""

    def __init__(self, layout: Layout, dpi: float) -> None:
        self.layout = layout
        self.px_per_pt = dpi / 72
        self.doc = QTextDocument()
        self.doc.setDocumentMargin(0)
        self.cursor = QTextCursor(self.doc)
        self.reuse_block = True  # the empty block the document starts with (or a table leaves)
        self.kept: set[int] = set()  # numbers of the blocks kept on the page of the next one

    def block(self, align: Align, *, indent_pt: float = 0, pitch_pt: float | None = None) -> None:
        fmt = _block_format(align, pitch_pt or self.layout.line_pitch_pt)
        fmt.setTextIndent(indent_pt * self.px_per_pt)  # Qt takes the indent in device pixels
        if self.reuse_block:
            self.cursor.setBlockFormat(fmt)
            self.reuse_block = False
        else:
            self.cursor.insertBlock(fmt)

    def run(self, run: Run) -> None:
        self.cursor.insertText(run.text, _char_format(self.layout.font(run.style), run.marked))

    def paragraph(self, p: Paragraph) -> None:
        if p.gap_before:
            self.block(Align.LEFT)
            self._keep(p.keep_with_next)
        body = self.layout.font(Style.BODY).size_pt
        self.block(p.align, indent_pt=body * self.layout.indent_chars if p.indent else 0)
        self._keep(p.keep_with_next)
        for run in p.runs:
            self.run(run)

    def table(self, t: Table) -> None:
        """The caption, then the ruled table; the next block reuses the one Qt adds after it."""
        self.block(Align.CENTER)
        self._keep(True)
        self.run(Run(t.caption, Style.CAPTION))
        lines = [(t.header, Style.TABLE_HEAD, True), *((r, Style.TABLE, False) for r in t.rows),
                 *((r, Style.TABLE_HEAD, False) for r in t.totals)]
        grid = self.cursor.insertTable(len(lines), len(t.header), self._table_format(t))
        padding = self._cell_format()
        for r, (cells, style, is_header) in enumerate(lines):
            for c, words in enumerate(cells):
                cell = grid.cellAt(r, c)
                cell.setFormat(padding)
                at = cell.firstCursorPosition()
                at.setBlockFormat(_block_format(Align.CENTER if is_header else t.aligns[c],
                                                self.layout.table_pitch_pt))
                at.insertText(words, _char_format(self.layout.font(style)))
        self.cursor.movePosition(QTextCursor.MoveOperation.End)
        self.reuse_block = True

    def _keep(self, kept: bool) -> None:
        if kept:
            self.kept.add(self.cursor.block().blockNumber())

    def _table_format(self, t: Table) -> QTextTableFormat:
        # A table's lengths are in pixels of Qt's default 96 dpi, scaled to the device by Qt.
        fmt = QTextTableFormat()
        fmt.setBorder(_px96(self.layout.border_pt))
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QColor("black"))
        fmt.setBorderCollapse(True)
        fmt.setCellSpacing(0)
        fmt.setCellPadding(0)
        fmt.setHeaderRowCount(1)
        fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setWidth(QTextLength(QTextLength.Type.PercentageLength, 100))
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.Type.PercentageLength, 100 * share)
                                       for share in column_shares(t, self.layout)])
        return fmt

    def _cell_format(self) -> QTextTableCellFormat:
        """Room left and right of a cell's words, a little above and below, words centred
        between the rules."""
        fmt = QTextTableCellFormat()
        side, edge = _px96(self.layout.cell_padding_pt), _px96(self.layout.cell_padding_pt / 3)
        fmt.setLeftPadding(side)
        fmt.setRightPadding(side)
        fmt.setTopPadding(edge)
        fmt.setBottomPadding(edge)
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignMiddle)
        fmt.setBorder(_px96(self.layout.border_pt))  # with collapsed borders the cells rule
        fmt.setBorderStyle(QTextFrameFormat.BorderStyle.BorderStyle_Solid)
        fmt.setBorderBrush(QColor("black"))
        return fmt


def _px96(pt: float) -> float:
    return pt * QT_DEFAULT_DPI / 72


def _block_format(align: Align, pitch_pt: float) -> QTextBlockFormat:
    fmt = QTextBlockFormat()
    fmt.setAlignment(_ALIGN[align])
    fmt.setTopMargin(0)
    fmt.setBottomMargin(0)
    # Qt takes a fixed line height in pixels of its default 96 dpi and scales it to the device.
    fmt.setLineHeight(_px96(pitch_pt), QTextBlockFormat.LineHeightTypes.FixedHeight.value)
    return fmt


def _char_format(role: FontRole, marked: bool = False) -> QTextCharFormat:
    fmt = QTextCharFormat()
    fmt.setFont(font(role))
    if marked:
        fmt.setBackground(MARK)
    return fmt


def text_document(doc: OfficialDocument, dpi: float, layout: Layout = LAYOUT) -> QTextDocument:
    """``doc`` as a QTextDocument for a device of ``dpi`` (title, a blank line, the blocks)."""
    return _build(doc, dpi, layout).doc


def _build(doc: OfficialDocument, dpi: float, layout: Layout) -> _Builder:
    b = _Builder(layout, dpi)
    title = layout.font(Style.TITLE)
    b.block(Align.CENTER, pitch_pt=max(layout.line_pitch_pt, title.size_pt * 1.3))
    b.run(Run(doc.title, Style.TITLE))  # a \n in it starts a second centred line
    b.block(Align.LEFT)
    for p in doc.paragraphs:
        if isinstance(p, Table):
            b.table(p)
        else:
            b.paragraph(p)
    return b


def _paginate(b: _Builder, page_height: float) -> None:
    """What Word does and QTextDocument does not, block by block down the page: a paragraph
    never leaves a single line on one page and the rest on the other (widow and orphan
    control), and a kept block (a heading, a caption, the closing lines) never ends a page
    while what follows starts the next: the run of kept blocks goes over with it."""
    pages = _Pages(b.doc, page_height)
    b.doc.pageCount()  # lays the whole document out (Qt lays out lazily)
    pages.unrepeat_split_headers()
    block = b.doc.begin()
    while block.isValid():
        if b.doc.frameAt(block.position()) is b.doc.rootFrame():  # not a table's cell
            kept = block.blockNumber() in b.kept
            if (kept and pages.parted_from_next(block)) or pages.leaves_a_line_alone(block):
                pages.break_before(_run_start(block, b.kept))
        block = block.next()
    pages.unrepeat_split_headers()


class _Pages:
    """Where blocks fall on the pages of a laid-out document, and moving one to the next."""

    def __init__(self, doc: QTextDocument, page_height: float) -> None:
        self.doc = doc
        self.layout = doc.documentLayout()
        self.height = page_height

    def unrepeat_split_headers(self) -> None:
        """A table with a row of several lines broken over two pages neither repeats its header
        row nor centres its cells between the rules: Qt would draw the header over the row's
        lines carried to the next page, and centring shifts lines off the page they were
        placed on."""
        for frame in self.doc.rootFrame().childFrames():
            if isinstance(frame, QTextTable) and frame.format().headerRowCount() and \
                    any(self._row_split(frame, r) for r in range(frame.rows())):
                edit = QTextCursor(self.doc)
                edit.beginEditBlock()  # laid out again once, not once per cell
                fmt = frame.format()
                fmt.setHeaderRowCount(0)
                frame.setFormat(fmt)
                for r in range(frame.rows()):
                    for c in range(frame.columns()):
                        cell = frame.cellAt(r, c)
                        top = cell.format().toTableCellFormat()
                        top.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignTop)
                        cell.setFormat(top)
                edit.endEditBlock()
                self.doc.pageCount()

    def _row_split(self, table: QTextTable, row: int) -> bool:
        cells = [table.cellAt(row, c) for c in range(table.columns())]
        tops = [self.layout.blockBoundingRect(c.firstCursorPosition().block()).top() for c in cells]
        bottoms = [self.layout.blockBoundingRect(c.lastCursorPosition().block()).bottom() - 1
                   for c in cells]
        return self.page(min(tops)) != self.page(max(bottoms))

    def page(self, y: float) -> int:
        return int(y // self.height)

    def line_pages(self, block: QTextBlock) -> list[int]:
        """The page of each line of ``block`` (Qt moves a line that does not fit to the next
        page without moving the top of its block)."""
        top = self.layout.blockBoundingRect(block).top()
        lines = block.layout()
        return [self.page(top + lines.lineAt(i).y()) for i in range(lines.lineCount())] or \
            [self.page(top)]

    def parted_from_next(self, block: QTextBlock) -> bool:
        after = block.next()
        return after.isValid() and self.line_pages(after)[0] > self.line_pages(block)[-1]

    def leaves_a_line_alone(self, block: QTextBlock) -> bool:
        pages = self.line_pages(block)
        if len(pages) < 2 or pages[0] == pages[-1] or pages[-1] - pages[0] > 1:
            return False
        return pages.count(pages[0]) == 1 or pages.count(pages[-1]) == 1

    def break_before(self, block: QTextBlock) -> None:
        if block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            return  # already moved once: the run is longer than a page
        fmt = block.blockFormat()
        fmt.setPageBreakPolicy(QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore)
        QTextCursor(block).setBlockFormat(fmt)
        block.document().pageCount()  # laid out again before the next block is judged


def _run_start(block: QTextBlock, kept: set[int]) -> QTextBlock:
    """The first of the kept blocks that run up to ``block``."""
    while block.previous().isValid() and block.previous().blockNumber() in kept:
        block = block.previous()
    return block


def paint(device: QPagedPaintDevice, doc: OfficialDocument, layout: Layout = LAYOUT) -> int:
    """Draw ``doc`` on ``device`` (a printer or a PDF writer whose page is the whole sheet),
    page by page with its number at the foot. Returns the number of pages."""
    dpi = device.logicalDpiY()
    mm = dpi / 25.4
    width, height = layout.page_mm[0] * mm, layout.page_mm[1] * mm
    inner = QSizeF(width - (layout.left_mm + layout.right_mm) * mm,
                   height - (layout.top_mm + layout.bottom_mm) * mm)
    built = _build(doc, dpi, layout)
    text = built.doc
    text.documentLayout().setPaintDevice(device)
    text.setPageSize(inner)
    _paginate(built, inner.height())
    number_font = font(layout.font(Style.PAGE_NUMBER))
    rule = layout.border_pt * dpi / 72 / 2  # half a rule: it straddles the page's foot
    pages = text.pageCount()
    painter = QPainter(device)
    try:
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.translate(layout.left_mm * mm, layout.top_mm * mm - page * inner.height())
            # a little below the page's text too: the rule under a table's last row on the page
            text.drawContents(painter, QRectF(-rule, page * inner.height(), inner.width() + 2 * rule,
                                              inner.height() + rule))
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
