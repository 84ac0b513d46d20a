"""The 公文 .docx: A4 with the official margins, the official font names kept (with their
alternatives in the font table), a fixed line pitch, "— PAGE —" at the foot."""

from __future__ import annotations

import zipfile
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from app.domain.gongwen import LAYOUT, Align, OfficialDocument, Paragraph, Run, Style
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
