"""The roster section (值班安排): month calendar and list, a day's places edited from the
keyboard, conflicts highlighted, generation, swaps, history, workbook, printing, iCalendar.

This module builds the page, moves between months and keeps the views in step, and runs the
generator. The chosen day's places live in day_panel.py, the swap requests in swaps_panel.py,
the documents (workbook, print, PDF, iCalendar) in documents.py.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import UserRole
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.roster import calendar as roster_calendar
from app.services.roster import generate as roster_generate
from app.services.roster import schedule as roster
from app.services.roster.schedule import Conflict, ShiftDay
from app.ui.roster.day_panel import DayPanel
from app.ui.roster.dialogs import GenerateDialog, ReportDialog
from app.ui.roster.documents import RosterDocuments
from app.ui.roster.models import DayListModel, HistoryModel, MonthModel
from app.ui.roster.swaps_panel import SwapsPanel
from app.ui.roster.views import month_end, table_view


class RosterPage(QWidget):
    """Signals:
        sig_roster_changed(): the roster was written (the on-duty header reads it again).
    """

    sig_roster_changed = Signal()
    """Something in the roster changed: generation, an edit, an import, an approved swap."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        today = self.today()
        self.year, self.month = today.year, today.month
        self.selected = today
        self._days: list[ShiftDay] = []
        self._conflicts: list[Conflict] = []
        self.documents = RosterDocuments(ctx, self.month_range, self)
        self.documents.sig_imported.connect(self._changed)

        # top bar
        self.prev_button = QPushButton("◀")
        self.prev_button.setToolTip(self.tr("Previous month (Ctrl+PgUp)"))
        self.prev_button.clicked.connect(lambda: self.move_month(-1))
        self.next_button = QPushButton("▶")
        self.next_button.setToolTip(self.tr("Next month (Ctrl+PgDown)"))
        self.next_button.clicked.connect(lambda: self.move_month(1))
        self.month_label = QLabel()
        self.month_label.setObjectName("rosterMonth")
        self.today_button = QPushButton(self.tr("T&oday"))
        self.today_button.clicked.connect(self.go_today)
        self.generate_button = QPushButton(self.tr("&Generate…"))
        self.generate_button.clicked.connect(self.on_generate)
        self.export_button = QPushButton(self.tr("E&xport…"))
        self.export_button.clicked.connect(self.documents.on_export)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.clicked.connect(self.documents.on_import)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.documents.on_print)
        self.pdf_button = QPushButton(self.tr("P&DF…"))
        self.pdf_button.clicked.connect(self.documents.on_pdf)
        self.ics_button = QPushButton(self.tr("iCa&lendar…"))
        self.ics_button.clicked.connect(self.documents.on_ics)
        bar = QHBoxLayout()
        for w in (self.prev_button, self.month_label, self.next_button, self.today_button):
            bar.addWidget(w)
        bar.addStretch()
        for w in (self.generate_button, self.export_button, self.import_button, self.print_button,
                  self.pdf_button, self.ics_button):
            bar.addWidget(w)
        self.banner = QLabel()
        self.banner.setObjectName("rosterBanner")
        self.banner.setWordWrap(True)
        self.banner.hide()

        # month, list, swaps, history
        self.month_model = MonthModel()
        self.month_view = table_view(self.month_model, stretch_last=False)
        self.month_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.month_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.setWordWrap(True)
        self.month_view.setObjectName("rosterMonthView")
        self.list_model = DayListModel()
        self.list_view = table_view(self.list_model, stretch=6)  # 备注
        self.swaps = SwapsPanel(ctx, zone)
        self.swaps.sig_decided.connect(self._changed)
        self.swaps.sig_withdrawn.connect(self.reload)
        self.history_model = HistoryModel(ctx, zone)
        self.history_view = table_view(self.history_model, stretch=3)  # the change in words
        self.tabs = QTabWidget()
        self.tabs.addTab(self.month_view, self.tr("&Month"))
        self.tabs.addTab(self.list_view, self.tr("Li&st"))
        self.tabs.addTab(self.swaps, self.tr("S&waps"))
        self.tabs.addTab(self.history_view, self.tr("&History"))
        self.tabs.currentChanged.connect(self._tab_changed)

        # the selected day
        self.day = DayPanel(ctx, zone)
        self.day.sig_changed.connect(self._changed)
        self.day.sig_swap_requested.connect(self._swap_requested)
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(self.day)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([690, 490])  # the day panel shows its 职务 in full
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self._shortcuts()
        self.month_view.selectionModel().currentChanged.connect(self._month_current)
        self.list_view.selectionModel().currentChanged.connect(self._list_current)
        self.month_view.activated.connect(lambda _i: self.day.focus_places())
        self.list_view.activated.connect(lambda _i: self.day.focus_places())
        self.reload()

    # --- setup ---------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        def add(key: str, slot: Callable[[], None], name: str) -> None:
            action = QAction(name, self)  # named: the shortcut page lists it
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

        # while the section shows (a hidden widget's shortcuts do not fire); the places' keys
        # are the day panel's
        add("Ctrl+PgUp", lambda: self.move_month(-1), self.tr("Previous month"))
        add("Ctrl+PgDown", lambda: self.move_month(1), self.tr("Next month"))

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.history_model.ctx = ctx
        self.documents.set_context(ctx)
        self.reload()

    def today(self) -> dt.date:
        return self.ctx.clock.now().astimezone(self.zone).date()

    def month_range(self) -> tuple[dt.date, dt.date]:
        """The first and last day of the month shown (the documents' default range)."""
        return dt.date(self.year, self.month, 1), month_end(self.year, self.month)

    @property
    def is_admin(self) -> bool:
        return self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN

    @property
    def is_leader(self) -> bool:
        return self.ctx.actor is not None and self.ctx.actor.role.rank >= UserRole.LEADER.rank

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        first, last = self.month_range()
        grid_first = first - dt.timedelta(days=first.weekday())
        grid_last = grid_first + dt.timedelta(days=41)
        days = roster.roster_range(self.ctx, grid_first, grid_last)
        conflicts = roster.conflicts(self.ctx, grid_first, grid_last)
        periods = [p for p in roster_calendar.list_periods(self.ctx)
                   if p.ends_on >= grid_first and p.starts_on <= grid_last]
        self.month_model.load(self.year, self.month, days, conflicts, self.today(), periods)
        self.list_model.load([d for d in days if first <= d.date <= last],
                             [c for c in conflicts if first <= c.date <= last])
        self._conflicts = conflicts
        self._days = days
        self.month_label.setText(self.tr("%1-%2").replace("%1", str(self.year))
                                 .replace("%2", f"{self.month:02d}"))
        unknown = roster_calendar.unknown_years(self.ctx, grid_first, grid_last)
        if unknown:
            self.banner.setText(self.tr(
                "The public holidays of %1 are not known yet (no State Council notice entered): "
                "only weekends are marked, no holiday is guessed. Enter the notice under "
                "Settings → Calendar.").replace("%1", "、".join(str(y) for y in unknown)))
        self.banner.setVisible(bool(unknown))
        self.swaps.set_state(self.ctx, self.is_leader)
        self.swaps.reload()
        if self.tabs.currentWidget() is self.history_view:
            self.history_model.reload()
        for w in (self.generate_button, self.import_button):
            w.setEnabled(self.is_admin)
        self.day.set_state(self.ctx, self.is_admin)
        self.select_day(self.selected if grid_first <= self.selected <= grid_last else first)

    def select_day(self, day: dt.date) -> None:
        self.selected = day
        index = self.month_model.index_of(day)
        if index.isValid() and self.month_view.currentIndex() != index:
            self.month_view.setCurrentIndex(index)
        self.day.load(day, [d for d in self._days if d.date == day],
                      [c for c in self._conflicts if c.date == day])

    def _month_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            self.select_day(self.month_model.date_at(index))

    def _list_current(self, index: QModelIndex, _previous: QModelIndex) -> None:
        if index.isValid():
            self.select_day(self.list_model.rows[index.row()].date)

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.history_view:
            self.history_model.reload()

    def move_month(self, step: int) -> None:
        month = self.month + step
        self.year, self.month = self.year + (month - 1) // 12, (month - 1) % 12 + 1
        self.selected = dt.date(self.year, self.month, 1)
        self.reload()

    def go_today(self) -> None:
        today = self.today()
        self.year, self.month, self.selected = today.year, today.month, today
        self.reload()

    def _changed(self) -> None:
        self.reload()
        self.sig_roster_changed.emit()

    def _swap_requested(self) -> None:
        self.reload()
        self.tabs.setCurrentWidget(self.swaps)

    # --- generation ----------------------------------------------------------------------
    def on_generate(self) -> None:
        dialog = GenerateDialog(*self.month_range(), self)
        if dialog.exec():
            start, end = dialog.range()
            self.generate(start, end, dialog.replace.isChecked())

    def generate(self, start: dt.date, end: dt.date, replace: bool) -> list[str] | None:
        """Generate, asking first when the range reaches into the past; show the report."""
        today = self.today()
        if start < today:
            answer = QMessageBox.question(self, self.tr("Rewrite the past?"), self.tr(
                "The range starts on %1, before today: the roster of days already worked will "
                "change. Go on?").replace("%1", start.isoformat()))
            if answer != QMessageBox.StandardButton.Yes:
                return None
        try:
            report = roster_generate.generate_roster(self.ctx, start, end, replace=replace)
        except DutyDeskError as exc:
            QMessageBox.warning(self, self.tr("Roster"), exc.message)
            return None
        self._changed()
        lines = report.lines()
        if self.show_report(lines):  # Enter on the report: the workbook, then its preview
            self.documents.export_and_preview(start, end)
        return lines

    def show_report(self, lines: list[str]) -> bool:
        """The quality report; True when the officer goes on to export and preview."""
        return bool(ReportDialog(lines, self).exec())
