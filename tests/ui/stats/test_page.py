"""The statistics section: the period's tables (numbers right-aligned, totals in bold), the
charts saved as PNG, the tables as a workbook, the quarterly report filed."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QMessageBox

from app.domain.enums import DeadlineOutcome
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.ui.stats import page as stats_page
from app.ui.stats.models import TableModel
from app.ui.stats.page import LAST_YEAR, THIS_YEAR, QuarterDialog, StatsPage
from tests.services.stats.records import fill, recompute

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
D = dt.date


@pytest.fixture
def page(qtbot, office_ctx: Context) -> StatsPage:  # type: ignore[no-untyped-def]
    fill(office_ctx, 4, n=250)
    widget = StatsPage(office_ctx, ZONE)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()  # the first show counts this quarter (the clock: 28 November 2026)
    return widget


def test_the_period_is_counted_into_tables_and_charts(page: StatsPage, office_ctx: Context) -> None:
    assert page.result is not None and (page.result.period.start, page.result.period.end) == (
        D(2026, 10, 1), D(2026, 12, 31))
    page.period.setCurrentIndex(THIS_YEAR)
    assert page.count()
    expected = recompute(office_ctx, D(2026, 1, 1), D(2026, 12, 31))
    months = page.models[2]
    total_row = months.rowCount() - 1
    assert months.rowCount() == 13 and months.is_total(total_row)  # twelve months and 合计
    assert months.data(months.index(total_row, 0)) == "合计"
    last = months.columnCount() - 1
    assert months.data(months.index(total_row, last)) == str(expected["incidents"]["total"])
    assert [months.data(months.index(r, last)) for r in range(12)] == [
        str(n) for n in expected["incidents"]["by_month"].values()]
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    assert months.data(months.index(0, last), Qt.ItemDataRole.TextAlignmentRole) == right
    assert months.data(months.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) != right
    assert months.data(months.index(total_row, 1), Qt.ItemDataRole.FontRole).bold()
    rates = page.models[5]
    rate = rates.data(rates.index(rates.rowCount() - 1, 7))
    assert rate == f"{expected['deadlines']['on_time_rate']:.1%}"
    assert page.captions[5].text().startswith("表5")
    assert page.month_view.chart().title() == "各月突发事件"
    assert len(page.month_view.chart().series()) == 1
    page.period.setCurrentIndex(LAST_YEAR)
    assert page.start.date().year() == 2025 and not page.start.isEnabled()


def test_models_hold_up_to_qt(page: StatsPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    for model in page.models.values():
        qtmodeltester.check(model)
    qtmodeltester.check(TableModel())


def test_charts_are_saved_as_png_and_tables_as_a_workbook(page: StatsPage, tmp_path: Path,
                                                          monkeypatch) -> None:  # type: ignore[no-untyped-def]
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: warned.append(text))
    png = tmp_path / "month.png"
    assert page.save_chart(page.month_view, png)
    image = QImage(str(png))
    assert not image.isNull() and image.width() == 2 * page.month_view.width()
    assert not list(tmp_path.glob(".*.part"))  # written whole
    book = tmp_path / "stats.xlsx"
    assert page.export_tables(book)
    wb = load_workbook(book)
    assert wb.sheetnames[:2] == ["表1 概况", "表2 各月突发事件"] and len(wb.sheetnames) == 8
    ws = wb["表2 各月突发事件"]
    assert ws["A1"].value == "江州市应急管理局2026年10月1日至2026年12月31日统计\n表2　各月突发事件"
    last_row = ws.max_row
    assert ws.cell(last_row, 1).value == "合计" and ws.cell(last_row, 1).font.b
    assert ws.cell(3, 2).alignment.horizontal == "right"
    sums = [sum(ws.cell(r, c).value for r in range(3, last_row)) for c in range(2, ws.max_column + 1)]
    assert [ws.cell(last_row, c).value for c in range(2, ws.max_column + 1)] == sums
    rates = wb["表5 报送时限执行情况（按报送事项）"]
    assert rates.cell(rates.max_row, 8).number_format == "0.0%"
    assert not page.export_tables(tmp_path)  # a folder: refused, said, nothing written
    assert warned and "是一个文件夹" in warned[0]


def test_the_quarterly_report_is_filed_from_the_section(page: StatsPage, office_ctx: Context,
                                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(QDialog, "exec", lambda self: QDialog.DialogCode.Accepted.value)
    seen: list[QuarterDialog] = []
    original = QuarterDialog.__init__

    def remember(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        original(self, *args, **kwargs)
        seen.append(self)

    monkeypatch.setattr(stats_page.QuarterDialog, "__init__", remember)
    page.on_file_quarterly()
    assert (seen[0].year.value(), seen[0].quarter.currentData()) == (2026, 3)  # the last quarter
    filed = [d for d in deadlines.list_all(office_ctx) if d.what == "2026年第3季度应急工作报送"]
    assert len(filed) == 1 and filed[0].outcome is DeadlineOutcome.LATE  # due 10 October
    assert page.message.text().startswith("2026 年第 3 季度工作报告已报送：迟报")
