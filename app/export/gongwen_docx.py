"""A 公文 document as .docx (python-docx), laid out by ``app.domain.gongwen.LAYOUT``.

A4 with the official margins, the title in 小标宋 2号, the body in 仿宋 3号 on a fixed line
pitch, headings in 黑体/楷体, the page number "— 1 —" in 宋体 4号 at the foot. Runs keep the
official font names, and the font table gives each its usual Windows name as the alternative
(仿宋_GB2312 → 仿宋), so WPS or Word on the office machine renders them as intended. Tables
(the periodic reports') sit under their caption, ruled, with fixed column widths from the
layout, the header row repeated on each page and no row split across two; marked text (what
the office must still write) is highlighted.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.table import Table as DocxTable
from docx.table import _Row
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

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

_ALIGN = {Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT, Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
          Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT, Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY}
_GB2312 = "86"  # the font table's charset for simplified Chinese


def write(doc: OfficialDocument, path: Path, layout: Layout = LAYOUT) -> Path:
    """Write ``doc`` to ``path`` (a .docx)."""
    out = Document()
    _page(out.sections[0], layout)
    _defaults(out, layout)
    body = layout.font(Style.BODY)
    title = out.paragraphs[0] if out.paragraphs else out.add_paragraph()
    _lay(title, Align.CENTER, indent_pt=0, layout=layout, pitch=max(layout.line_pitch_pt,
                                                                     layout.font(Style.TITLE).size_pt * 1.3))
    _font(title.add_run(doc.title), layout.font(Style.TITLE))  # a \n in it breaks the line
    _blank(out, layout)
    for p in doc.paragraphs:
        if isinstance(p, Table):
            _table(out, p, layout)
            continue
        if p.gap_before:
            _blank(out, layout).paragraph_format.keep_with_next = p.keep_with_next or None
        _paragraph(out, p, layout, body)
    _footer(out.sections[0], layout)
    _font_table(out, layout)
    out.core_properties.title = doc.title.replace("\n", "")
    out.core_properties.language = "zh-CN"
    out.save(str(path))
    return path


def _page(section: Section, layout: Layout) -> None:
    section.page_width, section.page_height = Mm(layout.page_mm[0]), Mm(layout.page_mm[1])
    section.top_margin, section.bottom_margin = Mm(layout.top_mm), Mm(layout.bottom_mm)
    section.left_margin, section.right_margin = Mm(layout.left_mm), Mm(layout.right_mm)
    # The page number's top sits page_number_gap_mm below the type area; the footer distance
    # is measured from the page's edge to the foot of the footer's line.
    number = layout.font(Style.PAGE_NUMBER)
    section.footer_distance = Mm(layout.bottom_mm - layout.page_number_gap_mm) - Pt(number.size_pt * 1.2)
    section.header_distance = Mm(layout.top_mm / 2)


def _defaults(out: DocxDocument, layout: Layout) -> None:
    """The Normal style: the body font and size, simplified Chinese."""
    normal = out.styles["Normal"]
    body = layout.font(Style.BODY)
    normal.font.size = Pt(body.size_pt)
    normal.font.name = body.official
    rpr = normal.element.get_or_add_rPr()
    rpr.get_or_add_rFonts().set(qn("w:eastAsia"), body.official)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    # Latin words and figures as English: LibreOffice breaks them at spaces and hyphens, not
    # inside (2026-07-23 17:30 in a narrow cell); Chinese stays Chinese (eastAsia below).
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def _lay(para: DocxParagraph, align: Align, *, indent_pt: float, layout: Layout,
         pitch: float | None = None) -> None:
    fmt = para.paragraph_format
    para.alignment = _ALIGN[align]
    fmt.first_line_indent = Pt(indent_pt) if indent_pt else None
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(pitch or layout.line_pitch_pt)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.widow_control = True


def _blank(out: DocxDocument, layout: Layout) -> DocxParagraph:
    para = out.add_paragraph()
    _lay(para, Align.LEFT, indent_pt=0, layout=layout)
    return para


def _paragraph(out: DocxDocument, p: Paragraph, layout: Layout, body: FontRole) -> None:
    para = out.add_paragraph()
    _lay(para, p.align, indent_pt=body.size_pt * layout.indent_chars if p.indent else 0, layout=layout)
    para.paragraph_format.keep_with_next = p.keep_with_next or None
    for run in p.runs:
        _run(para, run, layout)


def _run(para: DocxParagraph, run: Run, layout: Layout) -> None:
    made = para.add_run(run.text)
    _font(made, layout.font(run.style))
    if run.marked:
        made.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _font(run: DocxRun, role: FontRole) -> None:
    run.font.size = Pt(role.size_pt)
    run.font.name = role.official
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), role.official)


# --- tables ----------------------------------------------------------------------------------

_CELL_ALIGN = {**_ALIGN, Align.JUSTIFY: WD_ALIGN_PARAGRAPH.LEFT}  # a cell's words are not spread


def _table(out: DocxDocument, t: Table, layout: Layout) -> None:
    """The caption (kept with the table), then the ruled table at the layout's column widths."""
    caption = out.add_paragraph()
    _lay(caption, Align.CENTER, indent_pt=0, layout=layout)
    caption.paragraph_format.keep_with_next = True
    _font(caption.add_run(t.caption), layout.font(Style.CAPTION))
    grid = out.add_table(rows=1 + len(t.rows) + len(t.totals), cols=len(t.header))
    grid.style = out.styles["Table Grid"]  # single rules of 0.5 pt round every cell
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    _cell_margins(grid, layout.cell_padding_pt)
    widths = [Mm(layout.type_width_mm * share) for share in column_shares(t, layout)]
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width
    lines = [(t.header, Style.TABLE_HEAD, True), *((r, Style.TABLE, False) for r in t.rows),
             *((r, Style.TABLE_HEAD, False) for r in t.totals)]
    for row, (cells, style, is_header) in zip(grid.rows, lines, strict=True):
        _row_properties(row, header=is_header)
        for i, (cell, words) in enumerate(zip(row.cells, cells, strict=True)):
            cell.width = widths[i]
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            para = cell.paragraphs[0]
            para.alignment = _CELL_ALIGN[Align.CENTER if is_header else t.aligns[i]]
            fmt = para.paragraph_format
            fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            fmt.line_spacing = Pt(layout.table_pitch_pt)
            fmt.space_before = fmt.space_after = Pt(0)
            _font(para.add_run(words), layout.font(style))


def _row_properties(row: _Row, *, header: bool) -> None:
    """No row split across two pages; the header row repeated at the top of each page."""
    props = row._tr.get_or_add_trPr()
    props.append(OxmlElement("w:cantSplit"))
    if header:
        props.append(OxmlElement("w:tblHeader"))


def _cell_margins(grid: DocxTable, padding_pt: float) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margins.append(OxmlElement(f"w:{side}", {qn("w:w"): str(round(padding_pt * 20)),
                                                  qn("w:type"): "dxa"}))
    grid._tbl.tblPr.append(margins)


def _footer(section: Section, layout: Layout) -> None:
    """— PAGE — centred at the foot, in the page number's font."""
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    role = layout.font(Style.PAGE_NUMBER)
    before, after = layout.page_number(0).split("0")
    _font(para.add_run(before), role)
    for kind, text in (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "1"),
                       ("end", None)):
        run = para.add_run()
        _font(run, role)
        if kind == "instr":
            node = OxmlElement("w:instrText")
            node.set(qn("xml:space"), "preserve")
            node.text = text
        elif kind == "text":
            node = OxmlElement("w:t")
            node.text = text
        else:
            node = OxmlElement("w:fldChar")
            node.set(qn("w:fldCharType"), kind)
        run._element.append(node)
    _font(para.add_run(after), role)


def _font_table(out: DocxDocument, layout: Layout) -> None:
    """Name each official font in the font table with its usual alternative (w:altName)."""
    part = next((p for p in out.part.package.iter_parts()
                 if str(p.partname) == "/word/fontTable.xml"), None)
    if part is None:
        return
    fonts = parse_xml(part.blob)
    named: set[str] = set()
    for style in Style:
        role = layout.font(style)
        if role.official in named:
            continue
        named.add(role.official)
        node = OxmlElement("w:font", {qn("w:name"): role.official})
        values = [("w:charset", _GB2312), ("w:family", "modern" if role.official == layout.font(Style.HEADING1).official else "roman"),
                  ("w:pitch", "variable")]
        if len(role.families) > 1:
            values.insert(0, ("w:altName", role.families[1]))
        for tag, value in values:
            node.append(OxmlElement(tag, {qn("w:val"): value}))
        fonts.append(node)
    part._blob = serialize_part_xml(fonts)
