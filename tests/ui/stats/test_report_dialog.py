"""Drafting the quarterly report or the annual summary from 统计: the chosen period's document
assembled on a worker, its 公文 pages in the preview, saved as Word (on a worker) and PDF, and
the quarterly report filed, meeting its deadline."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import unicodedata
import zoneinfo
from pathlib import Path

import pytest
from docx import Document
from PySide6.QtWidgets import QMessageBox

from app.domain.enums import DeadlineOutcome
from app.domain.report_outline import DocumentKind
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines.recurring import quarterly_key
from app.ui.stats.page import CUSTOM, LAST_QUARTER, THIS_YEAR, StatsPage
from app.ui.stats.report_dialog import ReportDialog, suggested
from tests.services.stats.records import fill

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
D = dt.date


@pytest.fixture
def page(qtbot, office_ctx: Context) -> StatsPage:  # type: ignore[no-untyped-def]
    fill(office_ctx, 6, n=150)
    widget = StatsPage(office_ctx, ZONE)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _drafted(qtbot, page: StatsPage) -> ReportDialog:  # type: ignore[no-untyped-def]
    dialog = page.on_report()
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.doc is not None, timeout=20_000)
    return dialog


def test_the_chosen_period_names_the_document() -> None:
    today = D(2026, 11, 28)
    assert suggested(D(2026, 7, 1), D(2026, 9, 30), today) == (DocumentKind.QUARTERLY, 2026, 3)
    assert suggested(D(2025, 1, 1), D(2025, 12, 31), today) == (DocumentKind.ANNUAL, 2025, None)
    assert suggested(D(2026, 3, 5), D(2026, 4, 9), today) == (DocumentKind.QUARTERLY, 2026, 3)
    assert suggested(D(2026, 3, 5), D(2026, 4, 9), D(2027, 2, 1)) == (DocumentKind.QUARTERLY, 2026, 4)


def test_last_quarters_report_drafted_previewed_saved_and_filed(qtbot, page: StatsPage, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                               tmp_path: Path, monkeypatch) -> None:
    page.period.setCurrentIndex(LAST_QUARTER)
    dialog = _drafted(qtbot, page)
    assert dialog.choice() == (DocumentKind.QUARTERLY, 2026, 3)
    assert dialog.doc is not None and dialog.doc.title.replace("\n", "") == \
        "江州市应急管理局2026年第三季度应急值守工作情况报告"
    assert dialog.preview.pageCount() >= 3  # the 公文 pages, as they print
    assert dialog.buttons["file"].isVisible() and dialog.buttons["word"].isEnabled()
    word = tmp_path / "q3.docx"
    job = dialog.save_word(word)
    assert job is not None
    qtbot.waitUntil(lambda: not job.running, timeout=20_000)
    assert Document(str(word)).paragraphs[0].text.endswith("2026年第三季度应急值守工作情况报告")
    assert dialog.message.text().endswith(str(word))
    pdf = dialog.save_pdf(tmp_path / "q3.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              check=True).stdout
        assert "【请填写:下一步工作打算】" in unicodedata.normalize("NFKC", text)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dialog.buttons["file"].click()
    key = quarterly_key(2026, 3)
    qtbot.waitUntil(lambda: "工作报告已报送" in dialog.message.text(), timeout=20_000)
    (filed,) = deadlines.list_by_key(office_ctx, key)
    assert filed.outcome in (DeadlineOutcome.ON_TIME, DeadlineOutcome.LATE)
    filed_text = dialog.message.text()
    again = dialog.file(2026, 3)  # filed twice: refused, said in the dialog, nothing changed
    qtbot.waitUntil(lambda: not again.running, timeout=20_000)
    assert dialog.message.text() != filed_text and "2026" in dialog.message.text()


def test_the_years_summary_and_a_bad_file_name(qtbot, page: StatsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page.period.setCurrentIndex(THIS_YEAR)
    dialog = _drafted(qtbot, page)
    assert dialog.choice() == (DocumentKind.ANNUAL, 2026, None)
    assert not dialog.quarter.isEnabled() and not dialog.buttons["file"].isVisibleTo(dialog)
    assert dialog.doc is not None and "2026年度应急值守工作总结" in dialog.doc.title.replace("\n", "")
    assert dialog.save_word(tmp_path / "summary.txt") is None  # neither .docx nor .pdf
    assert "summary.txt" in dialog.message.text() and not (tmp_path / "summary.txt").exists()
    dialog.kind.setCurrentIndex(0)  # the quarterly report instead: drafted again
    qtbot.waitUntil(lambda: dialog.doc is not None and "季度" in dialog.doc.title, timeout=20_000)
    assert dialog.quarter.isEnabled()


def test_other_dates_draft_the_last_quarter(qtbot, page: StatsPage) -> None:  # type: ignore[no-untyped-def]
    page.period.setCurrentIndex(CUSTOM)
    page.start.setDate(D(2026, 5, 3))
    dialog = _drafted(qtbot, page)
    assert dialog.choice() == (DocumentKind.QUARTERLY, 2026, 3)  # the clock: 28 November 2026
