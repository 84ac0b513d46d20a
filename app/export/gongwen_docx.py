"""A 公文 document as .docx (python-docx), laid out by ``app.domain.gongwen.LAYOUT``.

A4 with the official margins, the title in 小标宋 2号, the body in 仿宋 3号 on a fixed line
pitch, headings in 黑体/楷体, the page number "— 1 —" in 宋体 4号 at the foot. Runs keep the
official font names, and the font table gives each its usual Windows name as the alternative
(仿宋_GB2312 → 仿宋), so WPS or Word on the office machine renders them as intended.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.opc.oxml import serialize_part_xml
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from docx.text.run import Run as DocxRun

from app.domain.gongwen import LAYOUT, Align, FontRole, Layout, OfficialDocument, Paragraph, Style

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
    _font(title.add_run(doc.title), layout.font(Style.TITLE))
    _blank(out, layout)
    for p in doc.paragraphs:
        if p.gap_before:
            _blank(out, layout)
        _paragraph(out, p, layout, body)
    _footer(out.sections[0], layout)
    _font_table(out, layout)
    out.core_properties.title = doc.title
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
    lang.set(qn("w:val"), "zh-CN")
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


def _blank(out: DocxDocument, layout: Layout) -> None:
    _lay(out.add_paragraph(), Align.LEFT, indent_pt=0, layout=layout)


def _paragraph(out: DocxDocument, p: Paragraph, layout: Layout, body: FontRole) -> None:
    para = out.add_paragraph()
    _lay(para, p.align, indent_pt=body.size_pt * layout.indent_chars if p.indent else 0, layout=layout)
    for run in p.runs:
        _font(para.add_run(run.text), layout.font(run.style))


def _font(run: DocxRun, role: FontRole) -> None:
    run.font.size = Pt(role.size_pt)
    run.font.name = role.official
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), role.official)


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
    for style in Style:
        role = layout.font(style)
        node = OxmlElement("w:font", {qn("w:name"): role.official})
        values = [("w:charset", _GB2312), ("w:family", "modern" if style is Style.HEADING1 else "roman"),
                  ("w:pitch", "variable")]
        if len(role.families) > 1:
            values.insert(0, ("w:altName", role.families[1]))
        for tag, value in values:
            node.append(OxmlElement(tag, {qn("w:val"): value}))
        fonts.append(node)
    part._blob = serialize_part_xml(fonts)
