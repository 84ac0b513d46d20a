"""The statistics section (统计): pick a period, count, read the tables and charts, export them
(.xlsx with totals, each chart as PNG), draft the quarterly work report or the annual summary
(``report_dialog``), and record that the quarterly work report was filed.

Each long job is one method (``count``, ``export_tables``, ``save_chart``,
``file_quarterly``), so the worker that runs jobs off the GUI thread can wrap it whole.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtCharts import QChart, QChartView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DutyDeskError
from app.domain.terms import term
from app.services import stats
from app.services.context import Context
from app.services.office.zone import local_today
from app.services.stats import export as stats_export
from app.services.stats import report_filing, tables
from app.services.stats.period import quarter
from app.ui import workers
from app.ui.roster.dialogs import date_edit, pydate, qdate
from app.ui.roster.views import table_view
from app.ui.stats import charts, words
from app.ui.stats.models import TableModel
from app.ui.stats.report_dialog import ReportDialog, suggested
from app.ui.widgets import LoadOnShow, accept_cancel, fit_columns

THIS_QUARTER, LAST_QUARTER, THIS_YEAR, LAST_YEAR, CUSTOM = range(5)


def quarter_of(day: dt.date) -> tuple[int, int]:
    return day.year, (day.month - 1) // 3 + 1


def previous_quarter(day: dt.date) -> tuple[int, int]:
    year, number = quarter_of(day)
    return (year, number - 1) if number > 1 else (year - 1, 4)


class QuarterDialog(QDialog):
    """Which quarter's work report went up (the last one by default)."""

    def __init__(self, today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Quarterly work report filed"))
        year, number = previous_quarter(today)
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.quarter = QComboBox()
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Quarter %1").replace("%1", str(q)), q)
        self.quarter.setCurrentIndex(number - 1)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("The report went up now; its deadline is met.")))
        form.addRow(self.tr("&Year:"), self.year)
        form.addRow(self.tr("&Quarter:"), self.quarter)
        form.addRow(accept_cancel(self))


class StatsPage(LoadOnShow, QWidget):
    """Tables and charts of a period's records."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.result: stats.Stats | None = None
        today = local_today(ctx)
        self.period = QComboBox()
        for name in (self.tr("This quarter"), self.tr("Last quarter"), self.tr("This year"),
                     self.tr("Last year"), self.tr("Other dates")):
            self.period.addItem(name)
        self.start, self.end = date_edit(today), date_edit(today)
        self.period.currentIndexChanged.connect(self.choose_period)
        self.count_button = QPushButton(self.tr("&Count"))
        self.count_button.clicked.connect(lambda: self.count())
        self.export_button = QPushButton(self.tr("E&xport tables…"))
        self.export_button.clicked.connect(self.on_export)
        self.file_button = QPushButton(self.tr("File the &quarterly report…"))
        self.file_button.clicked.connect(self.on_file_quarterly)
        self.report_button = QPushButton(self.tr("Dr&aft the report…"))
        self.report_button.setToolTip(self.tr("The quarterly work report or the annual summary of "
                                              "the chosen period, as Word or PDF"))
        self.report_button.clicked.connect(self.on_report)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.models = {t: TableModel() for t in range(1, 9)}
        self.views = {t: table_view(m, stretch_last=False) for t, m in self.models.items()}
        self.captions = {t: QLabel() for t in self.models}
        self.month_view = charts.view(QChart())
        self.rate_view = charts.view(QChart())
        self.month_png = QPushButton(self.tr("Save the &month chart…"))
        self.month_png.clicked.connect(lambda: self.on_save_chart(self.month_view, "各月突发事件.png"))
        self.rate_png = QPushButton(self.tr("Save the &rate chart…"))
        self.rate_png.clicked.connect(lambda: self.on_save_chart(self.rate_view, "报送按时率.png"))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._overview(), self.tr("Overview"))
        self.tabs.addTab(self._column(2, 3, 4), self.tr("Incidents"))
        self.tabs.addTab(self._column(5, 6), self.tr("Reporting deadlines"))
        self.tabs.addTab(self._column(7, 8), self.tr("Duty"))
        top = QHBoxLayout()
        for label, widget in ((self.tr("&Period:"), self.period), (self.tr("Fr&om:"), self.start),
                              (self.tr("&To:"), self.end)):
            buddy = QLabel(label)
            buddy.setBuddy(widget)
            top.addWidget(buddy)
            top.addWidget(widget)
        top.addWidget(self.count_button)
        top.addStretch()
        top.addWidget(self.export_button)
        top.addWidget(self.report_button)
        top.addWidget(self.file_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self.choose_period(THIS_QUARTER)

    # --- layout -------------------------------------------------------------------------
    def _table(self, number: int) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.captions[number])
        inner.addWidget(self.views[number], 1)
        return box

    def _column(self, *numbers: int) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        for i, number in enumerate(numbers):
            grid.addWidget(self._table(number), i // 2, i % 2)
        return page

    def _overview(self) -> QWidget:
        page = QWidget()
        grid = QGridLayout(page)
        grid.addWidget(self._table(1), 0, 0, 2, 1)
        grid.addWidget(self.month_view, 0, 1)  # side by side: each as tall as the tab allows
        grid.addWidget(self.rate_view, 0, 2)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.month_png)
        buttons.addWidget(self.rate_png)
        grid.addLayout(buttons, 1, 1, 1, 2)
        grid.setColumnStretch(1, 2)
        grid.setColumnStretch(2, 2)
        grid.setRowStretch(0, 1)
        return page

    # --- the period ---------------------------------------------------------------------
    def choose_period(self, choice: int) -> None:
        today = local_today(self.ctx)
        year, number = quarter_of(today)
        spans = {THIS_QUARTER: quarter(year, number), LAST_QUARTER: quarter(*previous_quarter(today)),
                 THIS_YEAR: (dt.date(year, 1, 1), dt.date(year, 12, 31)),
                 LAST_YEAR: (dt.date(year - 1, 1, 1), dt.date(year - 1, 12, 31))}
        custom = choice == CUSTOM
        self.start.setEnabled(custom)
        self.end.setEnabled(custom)
        if not custom:
            first, last = spans[choice]
            self.start.setDate(qdate(first))
            self.end.setDate(qdate(last))

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        if self.loaded:
            self.reload()

    def reload(self) -> None:
        self.loaded = True
        self.count()

    # --- jobs -----------------------------------------------------------------------------
    def count(self) -> bool:
        """Count the chosen period and show it (a job: reads the whole period)."""
        try:
            result = stats.compute(self.ctx, pydate(self.start.date()), pydate(self.end.date()))
        except DutyDeskError as exc:
            self.message.setText(exc.message)
            return False
        self.show_result(result)
        return True

    def show_result(self, result: stats.Stats) -> None:
        self.result = result
        for table in map(words.on_screen, tables.all_tables(result)):
            self.models[table.number].show_table(table)
            self.captions[table.number].setText(self.tr("Table %1  %2").replace("%1", str(table.number))
                                                .replace("%2", table.title))
            fit_columns(self.views[table.number], 0)  # the row's name takes the room
        self.month_view.setChart(charts.month_chart(result))
        self.rate_view.setChart(charts.rate_chart(result))
        start, end = result.period.start, result.period.end
        self.message.setText(self.tr("Counted %1 to %2.").replace("%1", start.isoformat())
                             .replace("%2", end.isoformat()))

    def export_tables(self, path: Path) -> bool:
        """Write every table of the counted period to ``path`` (.xlsx; a job)."""
        if self.result is None:
            return False
        try:
            written = stats_export.export_workbook(self.ctx, self.result, path)
        except (DutyDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Statistics"), getattr(exc, "message", str(exc)))
            return False
        self.message.setText(self.tr("Saved to %1").replace("%1", str(written)))
        workers.announce(self.tr("Export the tables"), written)
        return True

    def save_chart(self, chart_view: QChartView, path: Path) -> bool:
        """One chart as a PNG (a job)."""
        try:
            written = charts.save_png(chart_view, path)
        except (DutyDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Statistics"), getattr(exc, "message", str(exc)))
            return False
        self.message.setText(self.tr("Saved to %1").replace("%1", str(written)))
        workers.announce(self.tr("Save the chart"), written)
        return True

    def file_quarterly(self, year: int, number: int) -> bool:
        """The quarter's work report went up now: its deadline is met (a job)."""
        try:
            filed = report_filing.file_quarterly(self.ctx, year, number)
        except DutyDeskError as exc:
            QMessageBox.warning(self, self.tr("Quarterly work report"), exc.message)
            return False
        due = filed.deadline.due_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
        self.message.setText(self.tr("Quarter %1 of %2 filed: %3 (due %4).")
                             .replace("%1", str(number)).replace("%2", str(year))
                             .replace("%3", term(filed.deadline.outcome)).replace("%4", due))
        return True

    # --- buttons --------------------------------------------------------------------------
    def on_export(self) -> None:
        if self.result is None:
            return
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the tables"),
            f"统计_{self.result.period.start}_{self.result.period.end}.xlsx",
            self.tr("Excel workbook (*.xlsx)"))
        if name:
            self.export_tables(Path(name))

    def on_save_chart(self, chart_view: QChartView, suggested: str) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the chart"), suggested,
                                              self.tr("PNG image (*.png)"))
        if name:
            self.save_chart(chart_view, Path(name))

    def on_report(self) -> ReportDialog:
        """The quarter's report or the year's summary of the chosen period (a dialog)."""
        choice = suggested(pydate(self.start.date()), pydate(self.end.date()), local_today(self.ctx))
        dialog = ReportDialog(self.ctx, self.zone, choice, self)
        dialog.open()
        return dialog

    def on_file_quarterly(self) -> None:
        dialog = QuarterDialog(local_today(self.ctx), self)
        if dialog.exec():
            self.file_quarterly(dialog.year.value(), dialog.quarter.currentData())

