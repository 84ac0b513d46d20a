"""The 公文 page drawn by Qt (print preview and PDF): real text, A4, page numbers "— n —"."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from app.domain.gongwen import Align, OfficialDocument, Paragraph, Run, Style
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
