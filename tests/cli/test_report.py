"""report quarterly / annual -o FILE: the 公文 document written whole (.docx, or a PDF made by
LibreOffice from it), filed only after it is written; bad options refused before any work,
exit 2 naming them, no database created."""

from __future__ import annotations

import contextlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_COLOR_INDEX

from app.cli import build_parser
from app.domain.enums import DeadlineOutcome
from app.export import office_pdf
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines.recurring import quarterly_key
from tests.services.office.test_health import cli
from tests.services.stats.records import fill

TITLE = "江州市应急管理局2026年第二季度应急值守工作情况报告"


def _quarter_deadline(ctx: Context) -> DeadlineOutcome | None:
    found = deadlines.list_by_key(ctx, quarterly_key(2026, 2))
    return found[0].outcome if found else None


def test_the_quarterly_report_as_word_then_filed(office_ctx: Context, db_path: Path,
                                                 tmp_path: Path) -> None:
    fill(office_ctx, 3, n=120)
    target = tmp_path / "2026年第二季度.docx"
    code, out, err = cli("--db", str(db_path), "report", "quarterly", "--year", "2026",
                         "--quarter", "2", "-o", str(target), "--file")
    assert (code, err) == (0, "")
    saved, filed = out.splitlines()
    assert saved == f"已保存：{target}" and filed.startswith("已报送 2026 年第 2 季度工作报告：")
    doc = Document(str(target))
    title = doc.paragraphs[0].text
    assert title.replace("\n", "") == TITLE and "\n" in title  # broken after the office's name
    texts = [p.text for p in doc.paragraphs]
    assert "一、值班安排和值班表报备情况" in texts and "七、存在的问题和下一步工作" in texts
    captions = [t for t in texts if t.startswith("表")]
    assert len(doc.tables) == len(captions) >= 5 and captions[0].startswith("表1　")
    assert all(t.rows[-1].cells[0].text == "合计" for t in doc.tables[:2])
    marked = [r.text for p in doc.paragraphs for r in p.runs
              if r.font.highlight_color == WD_COLOR_INDEX.YELLOW]
    assert "【请填写：下一步工作打算】" in marked and "【请填写：主送机关（如 市应急管理局）】" in marked
    assert texts[-1].startswith("2026年") and texts[-2] == "报送单位：江州市应急管理局"
    assert _quarter_deadline(office_ctx) is not DeadlineOutcome.OPEN  # filed after it was written


@pytest.mark.skipif(office_pdf.find_office() is None, reason="LibreOffice is not installed")
def test_the_annual_summary_as_pdf(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    fill(office_ctx, 4, n=60)
    target = tmp_path / "年度总结.pdf"
    code, out, err = cli("--db", str(db_path), "report", "annual", "--year", "2026", "-o", str(target))
    assert (code, out.strip(), err) == (0, f"已保存：{target}", "")
    assert target.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "2026 年度应急值守工作总结" in text or "2026年度应急值守工作总结" in text
    assert "— 1 —" in text and ("表 1" in text or "表1" in text)


def test_a_file_that_cannot_be_made_files_nothing(office_ctx: Context, db_path: Path, tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(office_pdf, "find_office", lambda: None)
    target = tmp_path / "q2.pdf"
    code, out, err = cli("--db", str(db_path), "report", "quarterly", "--year", "2026",
                         "--quarter", "2", "-o", str(target), "--file")
    assert code == 1 and out == "" and "LibreOffice" in err
    assert not target.exists() and _quarter_deadline(office_ctx) in (None, DeadlineOutcome.OPEN)


@pytest.mark.parametrize(("args", "says"), [
    (("quarterly", "--year", "2026", "--quarter", "2", "-o", "report.txt"), "report.txt"),
    (("quarterly", "--year", "2026", "--quarter", "2", "-o", "nowhere/report.docx"), "nowhere"),
    (("annual", "--year", "1800", "-o", "a.docx"), "1800"),
])
def test_bad_options_are_refused_before_the_database_opens(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           args: tuple[str, ...], says: str) -> None:
    monkeypatch.chdir(tmp_path)
    db = tmp_path / "new" / "office.db"
    code, out, err = cli("--db", str(db), "report", *args)
    assert code == 2 and out == "" and says in err and len(err.strip().splitlines()) == 1
    assert not db.parent.exists() and not list(tmp_path.glob("*.docx"))


@pytest.mark.parametrize(("args", "names"), [
    (("quarterly", "--year", "2026", "--quarter", "5"), "--quarter"),
    (("quarterly", "--year", "abc", "--quarter", "1"), "--year"),
    (("annual", "--year", "2026", "--file"), "--file"),
])
def test_options_argparse_refuses_exit_2_naming_them(tmp_path: Path, args: tuple[str, ...],
                                                     names: str) -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as stopped:
        build_parser().parse_args(["--db", str(tmp_path / "office.db"), "report", *args])
    assert stopped.value.code == 2 and names in err.getvalue()
    assert not (tmp_path / "office.db").exists()
