"""The 公文 page drawn by Qt (print preview and PDF): real text, A4, page numbers "— n —"."""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from app.domain.gongwen import Align, OfficialDocument, Paragraph, Run, Style, Table
from app.ui import gongwen

BODY = tuple(Paragraph((Run(f"第{n}段：", Style.HEADING1), Run("城区多处积水，排涝车辆到场抽排，交通部分恢复。" * 3)))
             for n in range(40))
LONG = OfficialDocument("关于北岭区暴雨内涝的续报三", (
    *BODY, Paragraph.of("报送单位：江州市应急管理局", align=Align.RIGHT, indent=False)))


def test_a_long_report_runs_over_pages_with_their_numbers(tmp_path: Path) -> None:
    path = gongwen.write_pdf(LONG, tmp_path / "r.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and b"/Font" in data  # text with fonts, not a bitmap
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    pages = text.split("\f")
    assert len([p for p in pages if p.strip()]) >= 3
    assert "— 1 —" in pages[0] and "— 2 —" in pages[1]
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "595.2 x 841.9 pts" in info or "595 x 842 pts" in info  # A4


def _pages(path: Path) -> list[str]:
    """The text of each page. Qt's PDF names some glyphs by their Kangxi radical (大 as ⼤),
    which NFKC folds back."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [unicodedata.normalize("NFKC", p) for p in text.split("\f") if p.strip()]


# A page holds 22 lines of the body: the title and the blank line under it take two.
ONE_LINERS = tuple(Paragraph.of(f"第{n}段。") for n in range(1, 20))


def test_a_heading_never_ends_a_page_and_no_line_is_left_alone(tmp_path: Path) -> None:
    kept = OfficialDocument("标题", (
        *ONE_LINERS, Paragraph.of("三、突发事件情况", style=Style.HEADING1, keep_with_next=True),
        Paragraph.of("正文。")))
    first, second = _pages(gongwen.write_pdf(kept, tmp_path / "kept.pdf"))
    assert "第19段" in first and "三、突发事件情况" not in first  # it would be the 22nd line
    assert second.strip().startswith("三、突发事件情况")
    widow = OfficialDocument("标题", (*ONE_LINERS, Paragraph.of("接报信息较多的来源单位" * 4)))
    first, second = _pages(gongwen.write_pdf(widow, tmp_path / "widow.pdf"))
    assert "来源单位" not in first and second.count("来源单位") == 4  # both lines go over


def _table(rows: int, words: str) -> Table:
    return Table("表1　迟报事项", ("序号", "事项", "方式"),
                 tuple((str(n), words, "书面") for n in range(1, rows + 1)),
                 (Align.CENTER, Align.LEFT, Align.LEFT), ("合计", "", str(rows)))


def test_a_table_runs_over_pages_under_its_caption(tmp_path: Path) -> None:
    doc = OfficialDocument("标题", (*ONE_LINERS[:10], _table(40, "临江市龙潭镇山体滑坡"),
                                    Paragraph.of("【请填写：处置情况】", marked=True)))
    first, second, *_rest = pages = _pages(gongwen.write_pdf(doc, tmp_path / "t.pdf"))
    assert "表1 迟报事项" in first and "序号" in first
    header = [line for line in second.splitlines() if "序号" in line]
    assert header and "事项" in header[0] and "方式" in header[0]  # the header row repeated
    assert sum(p.count("书面") for p in pages) == 40
    assert "合计" in "".join(pages) and "【请填写:处置情况】" in pages[-1]  # (NFKC's colon)
    built = gongwen.text_document(doc, 96)
    marked = built.findBlockByNumber(built.blockCount() - 1)
    fmt = marked.begin().fragment().charFormat()
    assert fmt.background().color() == gongwen.MARK  # what the office must still write


def test_a_row_broken_over_two_pages_is_not_drawn_under_a_repeated_header(tmp_path: Path) -> None:
    doc = OfficialDocument("标题", (*ONE_LINERS[:12], _table(12, "优化队伍集结点位，开展拉动演练" * 3)))
    pages = _pages(gongwen.write_pdf(doc, tmp_path / "t.pdf"))
    assert len(pages) >= 2 and "序号" in pages[0]
    assert "序号" not in pages[1]  # the header would overlap the row's carried lines
    assert sum(p.count("书面") for p in pages) == 12  # every row drawn
