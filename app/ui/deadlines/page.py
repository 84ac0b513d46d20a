"""The deadlines section (报送时限): open ones, the whole record, statistics and export."""

from __future__ import annotations

import zoneinfo
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage
from app.domain.terms import term
from app.services.context import Context
from app.services.deadlines import export as deadline_report
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.lifecycle import DeadlineInfo
from app.ui import style
from app.ui.deadlines.dialogs import DeadlineDialog, NewDeadlineDialog, stage_name
from app.ui.table_model import Index, PagedModel, RowsModel
from app.ui.widgets import fit_columns
from app.ui.workers import Job, run_job

PAGE = 200  # record rows fetched at a time

COLOURED_STAGES = (DeadlineStage.NOTICE, DeadlineStage.URGENT, DeadlineStage.DUE,
                   DeadlineStage.OVERDUE)


class DeadlineModel(PagedModel[DeadlineInfo]):
    """Deadlines, one row each; the time left is computed from the clock when drawn."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.ctx = ctx
        self.zone = zone
        self.stages = dr.StageSettings()
        self.headers = [self.tr("What"), self.tr("Kind"), self.tr("Incident"), self.tr("Due"),
                         self.tr("Time left"), self.tr("State")]

    def set_rows(self, rows: list[DeadlineInfo], stages: dr.StageSettings | None = None) -> None:
        """The deadlines, staged by ``stages`` (unchanged when not given)."""
        if stages is not None:
            self.stages = stages
        self.show_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        d = self.row_of(index)
        if d is None:
            return None
        now = self.ctx.clock.now()
        stage = dr.stage_at(d.due_at, now, self.stages) if d.is_open else None
        if role == Qt.ItemDataRole.BackgroundRole and stage in COLOURED_STAGES:
            return QBrush(style.colour(f"{stage.value}_bg"))
        if role == Qt.ItemDataRole.ForegroundRole and stage in COLOURED_STAGES:
            return QBrush(style.colour(f"{stage.value}_text"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:  # time left
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return d.what
        if col == 1:
            return deadlines.label(d.report_kind, d.channel)
        if col == 2:
            return d.incident_number or ""
        if col == 3:
            return d.due_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
        if col == 4:
            return dr.format_remaining(d.remaining_seconds(now)) if d.is_open else ""
        return stage_name(stage) if stage else term(d.outcome)

    def info_at(self, row: int) -> DeadlineInfo | None:
        return self.row_at(row)


class RecordModel(DeadlineModel):
    """The whole record (or, with ``problems``, the late and missed ones), fetched page by page
    as the view scrolls (never capped, never read whole)."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, problems: bool = False) -> None:
        super().__init__(ctx, zone)
        self.total = 0
        self.problems = problems

    def _page(self, offset: int, limit: int) -> list[DeadlineInfo]:
        fetch = deadlines.problems_page if self.problems else deadlines.list_page
        return fetch(self.ctx, offset, limit)

    def reload(self, stages: dr.StageSettings) -> None:
        self.beginResetModel()
        self.stages = stages
        total = (deadlines.count_problems if self.problems else deadlines.count_all)(self.ctx)
        # a page let go is read again by its deadlines' ids: at any depth, a deadline met or
        # closed meanwhile shown in its place as it now is
        self.start_pages(self._page, PAGE, total, lambda ids: deadlines.by_ids(self.ctx, ids))
        self.endResetModel()


class DeadlinesPage(QWidget):
    """Signals:
        sig_changed(): the operator changed a deadline here.
    """

    sig_changed = Signal()
    """A deadline was created, met, cancelled or acknowledged from this page."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.open_model = DeadlineModel(ctx, zone)
        self.all_model = RecordModel(ctx, zone)
        self.open_view = self._view(self.open_model)
        self.all_view = self._view(self.all_model)
        self.stats_model = StatsModel()
        self.stats_view = QTableView()
        self.stats_view.setModel(self.stats_model)
        self.stats_view.verticalHeader().hide()
        fit_columns(self.stats_view, 1)  # the report kind
        self.problems_model = RecordModel(ctx, zone, problems=True)
        self.problems_view = self._view(self.problems_model)
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export())
        self.export_result = QLabel()
        stats = QWidget()
        sl = QVBoxLayout(stats)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("On-time rate by month and kind")))
        top.addStretch()
        top.addWidget(self.export_result)
        top.addWidget(self.export_button)
        sl.addLayout(top)
        sl.addWidget(self.stats_view, 1)
        sl.addWidget(QLabel(self.tr("Late and missed reports")))
        sl.addWidget(self.problems_view, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.open_view, self.tr("Open"))
        self.tabs.addTab(self.all_view, self.tr("Record"))
        self.tabs.addTab(stats, self.tr("Statistics"))
        self.new_button = QPushButton(self.tr("&New deadline…"))
        self.new_button.clicked.connect(self.new_deadline)
        self.open_button = QPushButton(self.tr("&Details…"))
        self.open_button.clicked.connect(self.open_selected)
        row = QHBoxLayout()
        row.addWidget(self.new_button)
        row.addWidget(self.open_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.tabs)
        QShortcut(QKeySequence("Return"), self.open_view, self.open_selected).setWhatsThis(
            self.open_button.text())
        self.reload()

    def _view(self, model: DeadlineModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        view.doubleClicked.connect(lambda idx, m=model: self.open_row(m, idx.row()))
        return view

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        for m in (self.open_model, self.all_model, self.problems_model):
            m.ctx = ctx
        self.reload()

    def reload(self) -> None:
        """Read the open deadlines and the first page of the record and of the late and missed
        ones; the month statistics (SQL aggregates) come from a background job."""
        stages = rule_profiles.stage_settings(self.ctx)
        self.open_model.set_rows(deadlines.list_open(self.ctx), stages)
        self.all_model.reload(stages)
        self.problems_model.reload(stages)
        ctx = self.ctx
        self.stats_job = run_job(self, self.tr("Statistics"),
                                 lambda _progress: deadlines.month_stats(ctx),
                                 self.stats_model.set_rows, quiet=True)

    def refresh_row(self, info: DeadlineInfo) -> None:
        """One deadline changed stage or state (an alarm): redraw its rows, read nothing else.
        An open deadline the open list lacks (made elsewhere) brings the whole reread."""
        shown = self.open_model.replace(info)
        self.all_model.replace(info)
        if info.is_open and not shown:
            self.reload()

    def tick(self) -> None:
        if self.open_model.rowCount():
            top = self.open_model.index(0, 4)
            bottom = self.open_model.index(self.open_model.rowCount() - 1, 5)
            self.open_model.dataChanged.emit(top, bottom)

    def open_selected(self) -> None:
        view = self.tabs.currentWidget()
        if isinstance(view, QTableView) and isinstance(model := view.model(), DeadlineModel):
            rows = view.selectionModel().selectedRows()
            if rows:
                self.open_row(model, rows[0].row())

    def open_row(self, model: DeadlineModel, row: int) -> None:
        info = model.info_at(row)
        if info is not None:  # None: a line whose deadline left the list since it was shown
            self.open_deadline(info.id)

    def open_deadline(self, deadline_id: int) -> None:
        if DeadlineDialog(self.ctx, deadline_id, self.zone, self).exec():
            self.reload()
            self.sig_changed.emit()

    def new_deadline(self) -> None:
        if NewDeadlineDialog(self.ctx, self.zone, self).exec():
            self.reload()
            self.sig_changed.emit()

    def export(self, path: Path | None = None) -> Job | None:
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export the record"),
                                                  "报送时限统计.xlsx", self.tr("Excel workbook (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        ctx, target = self.ctx, path
        return run_job(self, self.tr("Export the record"),
                       lambda progress: deadline_report.export(ctx, target, progress),
                       lambda saved: self.export_result.setText(
                           self.tr("Saved to %1").replace("%1", str(saved))),
                       on_cancelled=lambda: self.export_result.setText(
                           self.tr("Export cancelled; no file was written.")),
                       key="export-deadlines", written=target)


class StatsModel(RowsModel):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[deadlines.MonthStats] = []
        self.headers = [self.tr("Month"), self.tr("Kind"), self.tr("Total"), self.tr("On time"),
                         self.tr("Late"), self.tr("Missed"), self.tr("On-time rate")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        """The months and kinds, then their 合计 row."""
        return 0 if parent.isValid() or not self.rows else len(self.rows) + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        is_sum = index.row() == len(self.rows)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 2:  # numbers
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and is_sum:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and is_sum:
            return QBrush(style.colour("total_bg"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if is_sum:
            return self._sum(index.column())
        m = self.rows[index.row()]
        return [m.month, term(m.report_kind), m.total, m.on_time, m.late, m.missed,
                f"{m.on_time_rate:.0%}"][index.column()]

    def _sum(self, column: int) -> Any:
        total = sum(m.total for m in self.rows)
        on_time = sum(m.on_time for m in self.rows)
        return [self.tr("Sum"), "", total, on_time, sum(m.late for m in self.rows),
                sum(m.missed for m in self.rows),
                f"{(on_time / total if total else 1.0):.0%}"][column]


