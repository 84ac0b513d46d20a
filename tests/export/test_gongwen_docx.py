"""The 公文 .docx: A4 with the official margins, the official font names kept (with their
alternatives in the font table), a fixed line pitch, "— PAGE —" at the foot."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.domain.gongwen import LAYOUT, Align, OfficialDocument, Paragraph, Run, Style, Table
from app.export import gongwen_docx

DOC = OfficialDocument("关于东湖区化工园区储罐爆燃事故的首报", (
    Paragraph.of("江州市人民政府总值班室：", align=Align.LEFT, indent=False),
    Paragraph((Run("一、事发时间：", Style.HEADING1), Run("2026年11月28日9时05分"))),
    Paragraph.of("报送单位：江州市应急管理局", align=Align.RIGHT, indent=False, gap_before=True),
))


def east_asia(run) -> str:  # type: ignore[no-untyped-def]
    return run._element.rPr.rFonts.get(qn("w:eastAsia"))


def test_the_page_the_type_and_the_words(tmp_path: Path) -> None:
    path = gongwen_docx.write(DOC, tmp_path / "r.docx")
    doc = Document(str(path))
    section = doc.sections[0]
    measured = (section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                section.left_margin, section.right_margin)
    wanted = (210, 297, 37, 35, 28, 26)  # mm; the file keeps twentieths of a point
    assert all(abs(m - Mm(w)) < Mm(0.05) for m, w in zip(measured, wanted, strict=True))
    title, blank, addressee, first, gap, signed = doc.paragraphs
    assert title.text == DOC.title and title.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert (east_asia(title.runs[0]), title.runs[0].font.size) == ("方正小标宋简体", Pt(22))
    assert blank.text == "" and gap.text == "" and addressee.paragraph_format.first_line_indent is None
    assert [(r.text, east_asia(r), r.font.size) for r in first.runs] == [
        ("一、事发时间：", "黑体", Pt(16)), ("2026年11月28日9时05分", "仿宋_GB2312", Pt(16))]
    assert first.paragraph_format.first_line_indent == Pt(32)  # two characters
    assert first.paragraph_format.line_spacing_rule == WD_LINE_SPACING.EXACTLY
    assert first.paragraph_format.line_spacing == Pt(LAYOUT.line_pitch_pt)
    assert signed.alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_page_numbers_and_font_fallbacks(tmp_path: Path) -> None:
    path = gongwen_docx.write(DOC, tmp_path / "r.docx")
    footer = Document(str(path)).sections[0].footer.paragraphs[0]
    assert footer.alignment == WD_ALIGN_PARAGRAPH.CENTER and footer.text == "— 1 —"
    assert "PAGE" in footer._element.xml and east_asia(footer.runs[0]) == "宋体"
    with zipfile.ZipFile(path) as z:
        fonts = z.read("word/fontTable.xml").decode("utf-8")
    assert '<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>' in fonts
    assert '<w:font w:name="楷体_GB2312"><w:altName w:val="楷体"/>' in fonts


TABLED = OfficialDocument("江州市应急管理局\n2026年第一季度应急值守工作情况报告", (
    Paragraph.of("一、信息接报和报送情况", style=Style.HEADING1, keep_with_next=True),
    Table("表1　信息报送时限执行情况", ("报送事项", "应报", "按时率"),
          (("首报", "48", "97.9%"), ("续报", "30", "100.0%")), (Align.LEFT, Align.RIGHT, Align.RIGHT),
          ("合计", "78", "98.7%")),
    Paragraph.of("【请填写：迟报、漏报的原因分析及整改措施】", marked=True),
))


def test_a_table_under_its_caption_ruled_with_its_header_repeated(tmp_path: Path) -> None:
    path = gongwen_docx.write(TABLED, tmp_path / "r.docx")
    doc = Document(str(path))
    title, _blank, heading, caption, placeholder = doc.paragraphs
    assert title.text == "江州市应急管理局\n2026年第一季度应急值守工作情况报告"  # a line break
    assert doc.core_properties.title == "江州市应急管理局2026年第一季度应急值守工作情况报告"
    assert heading.paragraph_format.keep_with_next and caption.paragraph_format.keep_with_next
    assert (caption.text, caption.alignment) == ("表1　信息报送时限执行情况", WD_ALIGN_PARAGRAPH.CENTER)
    assert (east_asia(caption.runs[0]), caption.runs[0].font.size) == ("黑体", Pt(14))
    assert placeholder.runs[0].font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert heading.runs[0].font.highlight_color is None
    (grid,) = doc.tables
    assert grid.style.name == "Table Grid"
    cells = [[c.text for c in row.cells] for row in grid.rows]
    assert cells == [["报送事项", "应报", "按时率"], ["首报", "48", "97.9%"], ["续报", "30", "100.0%"],
                     ["合计", "78", "98.7%"]]
    header, first, *_rest, total = grid.rows
    assert header._tr.trPr.find(qn("w:tblHeader")) is not None
    assert first._tr.trPr.find(qn("w:tblHeader")) is None
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in grid.rows)
    aligns = [c.paragraphs[0].alignment for c in first.cells]
    assert aligns == [WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.RIGHT]
    assert {c.paragraphs[0].alignment for c in header.cells} == {WD_ALIGN_PARAGRAPH.CENTER}
    fonts = [(east_asia(c.paragraphs[0].runs[0]), c.paragraphs[0].runs[0].font.size)
             for c in (header.cells[0], first.cells[0], total.cells[0])]
    assert fonts == [("黑体", Pt(12)), ("仿宋_GB2312", Pt(12)), ("黑体", Pt(12))]
    widths = [c.width for c in grid.columns]
    assert abs(sum(widths) - Mm(LAYOUT.type_width_mm)) < Mm(0.5)  # the type area's width
    assert widths == [c.width for c in first.cells]
    with zipfile.ZipFile(path) as z:
        fonts_xml = z.read("word/fontTable.xml").decode("utf-8")
    assert fonts_xml.count('<w:font w:name="黑体">') == 1  # named once, though three styles use it
