"""The roster section (值班安排): month calendar and list, a day's places edited from the
keyboard, conflicts highlighted, generation, swaps, history, workbook, printing, iCalendar."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DutyRole, SwapStatus, UserRole
from app.domain.errors import DutyDeskError, InputError
from app.services.context import Context
from app.services.roster import calendar as roster_calendar
from app.services.roster import generate as roster_generate
from app.services.roster import schedule as roster
from app.services.roster import setup as roster_setup
from app.services.roster import swaps as roster_swaps
from app.services.roster.schedule import AssignmentInfo, ShiftDay
from app.ui.roster.dialogs import GenerateDialog, PlaceDialog, RangeDialog, ReportDialog, SwapDialog
from app.ui.roster.models import DayListModel, HistoryModel, MonthModel, PlacesModel, SwapsModel


def _printing():  # type: ignore[no-untyped-def]
    from app.ui.roster import printing  # QtPrintSupport: loaded when first printing

    return printing


def _files():  # type: ignore[no-untyped-def]
    """The workbook and calendar-file services, loaded on first use (openpyxl is slow to
    import and no document is needed to start the program)."""
    from app.services.roster import files as roster_files

    return roster_files


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _table(model, *, stretch_last: bool = True) -> QTableView:  # type: ignore[no-untyped-def]
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    return view


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
        self.day_shifts: list[ShiftDay] = []

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
        self.export_button.clicked.connect(self.on_export)
        self.import_button = QPushButton(self.tr("&Import…"))
        self.import_button.clicked.connect(self.on_import)
        self.print_button = QPushButton(self.tr("&Print…"))
        self.print_button.clicked.connect(self.on_print)
        self.pdf_button = QPushButton(self.tr("P&DF…"))
        self.pdf_button.clicked.connect(self.on_pdf)
        self.ics_button = QPushButton(self.tr("iCa&lendar…"))
        self.ics_button.clicked.connect(self.on_ics)
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
        self.month_view = _table(self.month_model, stretch_last=False)
        self.month_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.month_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.month_view.setWordWrap(True)
        self.month_view.setObjectName("rosterMonthView")
        self.list_model = DayListModel()
        self.list_view = _table(self.list_model)
        self.swaps_model = SwapsModel(zone)
        self.swaps_view = _table(self.swaps_model)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self.tr("Re&ject"))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.withdraw_button = QPushButton(self.tr("&Withdraw"))
        self.withdraw_button.clicked.connect(self.withdraw)
        swaps = QWidget()
        sl = QVBoxLayout(swaps)
        sl.addWidget(self.swaps_view)
        sb = QHBoxLayout()
        for w in (self.approve_button, self.reject_button, self.withdraw_button):
            sb.addWidget(w)
        sb.addStretch()
        sl.addLayout(sb)
        self.history_model = HistoryModel(ctx, zone)
        self.history_view = _table(self.history_model)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.month_view, self.tr("&Month"))
        self.tabs.addTab(self.list_view, self.tr("Li&st"))
        self.tabs.addTab(swaps, self.tr("S&waps"))
        self.tabs.addTab(self.history_view, self.tr("&History"))
        self.tabs.currentChanged.connect(self._tab_changed)

        # the selected day
        self.day_label = QLabel()
        self.day_label.setObjectName("rosterDay")
        self.places_model = PlacesModel()
        self.places_view = _table(self.places_model)
        self.places_view.setObjectName("rosterPlaces")
        self.places_view.setWordWrap(False)
        self.places_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.places_view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.places_view.horizontalHeader().resizeSection(3, 90)
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Enter"))
        self.edit_button.clicked.connect(self.edit_place)
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.clear_button.setToolTip(self.tr("Delete"))
        self.clear_button.clicked.connect(self.clear_place)
        self.lock_button = QPushButton(self.tr("&Lock / unlock"))
        self.lock_button.setToolTip(self.tr("Ctrl+K"))
        self.lock_button.clicked.connect(self.toggle_lock)
        self.swap_button = QPushButton(self.tr("Ask for a s&wap…"))
        self.swap_button.clicked.connect(self.ask_swap)
        self.day_conflicts = QLabel()
        self.day_conflicts.setWordWrap(True)
        self.day_conflicts.setObjectName("rosterConflicts")
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.day_label)
        rl.addWidget(self.places_view, 1)
        pb = QHBoxLayout()
        for w in (self.edit_button, self.clear_button, self.lock_button, self.swap_button):
            pb.addWidget(w)
        pb.addStretch()
        rl.addLayout(pb)
        rl.addWidget(self.day_conflicts)
        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)

        self._shortcuts()
        self.month_view.selectionModel().currentChanged.connect(self._month_current)
        self.list_view.selectionModel().currentChanged.connect(self._list_current)
        self.month_view.activated.connect(lambda _i: self.focus_places())
        self.list_view.activated.connect(lambda _i: self.focus_places())
        self.places_view.activated.connect(lambda _i: self.edit_place())
        self.reload()

    # --- setup ---------------------------------------------------------------------------
    def _shortcuts(self) -> None:
        def add(view: QWidget, key: str, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut) -> None:  # type: ignore[no-untyped-def]
            action = QAction(view)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(context)
            action.triggered.connect(slot)
            view.addAction(action)

        # while the section shows (a hidden widget's shortcuts do not fire)
        add(self, "Ctrl+PgUp", lambda: self.move_month(-1), Qt.ShortcutContext.WindowShortcut)
        add(self, "Ctrl+PgDown", lambda: self.move_month(1), Qt.ShortcutContext.WindowShortcut)
        add(self.places_view, "Delete", self.clear_place)
        add(self.places_view, "F2", self.edit_place)
        add(self.places_view, "Ctrl+K", self.toggle_lock)  # Ctrl+L switches the operator

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.history_model.ctx = ctx
        self.reload()

    def today(self) -> dt.date:
        return self.ctx.clock.now().astimezone(self.zone).date()

    @property
    def is_admin(self) -> bool:
        return self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN

    @property
    def is_leader(self) -> bool:
        return self.ctx.actor is not None and self.ctx.actor.role.rank >= UserRole.LEADER.rank

    # --- loading -------------------------------------------------------------------------
    def reload(self) -> None:
        first = dt.date(self.year, self.month, 1)
        last = _month_end(self.year, self.month)
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
        self.swaps_model.set_rows(roster_swaps.list_swaps(self.ctx))
        if self.tabs.currentWidget() is self.history_view:
            self.history_model.reload()
        for w in (self.generate_button, self.import_button, self.edit_button, self.clear_button,
                  self.lock_button):
            w.setEnabled(self.is_admin)
        self.approve_button.setEnabled(self.is_leader)
        self.reject_button.setEnabled(self.is_leader)
        self.select_day(self.selected if grid_first <= self.selected <= grid_last else first)

    def select_day(self, day: dt.date) -> None:
        self.selected = day
        index = self.month_model.index_of(day)
        if index.isValid() and self.month_view.currentIndex() != index:
            self.month_view.setCurrentIndex(index)
        self.day_shifts = [d for d in self._days if d.date == day]
        conflicts = [c for c in self._conflicts if c.date == day]
        self.places_model.load(self.day_shifts, conflicts)
        words = "、".join(self.day_shifts[0].remark_words) if self.day_shifts else ""
        self.day_label.setText(day.isoformat() + (f"  {words}" if words else ""))
        self.day_conflicts.setText("\n".join("⚠ " + c.message for c in conflicts))

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

    def focus_places(self) -> None:
        self.places_view.setFocus()
        if self.places_model.rowCount() and not self.places_view.currentIndex().isValid():
            self.places_view.setCurrentIndex(self.places_model.index(0, 0))

    def _changed(self) -> None:
        self.reload()
        self.sig_roster_changed.emit()

    def _error(self, exc: DutyDeskError) -> None:
        QMessageBox.warning(self, self.tr("Roster"), exc.message)

    # --- editing -------------------------------------------------------------------------
    def current_place(self) -> tuple[ShiftDay, DutyRole, int, AssignmentInfo | None] | None:
        index = self.places_view.currentIndex()
        if not index.isValid():
            return None
        return self.places_model.place(index.row())

    def edit_place(self) -> None:
        place = self.current_place()
        if place is None or not self.is_admin:
            return
        day, role, position, who = place
        dialog = PlaceDialog(day, role, who, roster_setup.list_pool(self.ctx, role), self)
        if dialog.exec():
            self.set_place(day, role, position, dialog.person_id(), dialog.note.text(), who)

    def set_place(self, day: ShiftDay, role: DutyRole, position: int, person_id: int | None,
                  note: str = "", who: AssignmentInfo | None = None) -> bool:
        try:
            roster.set_place(self.ctx, day=day.date, shift_id=day.shift_id, role=role,
                             position=position, person_id=person_id, note=note,
                             expected_version=who.version if who else None)
        except DutyDeskError as exc:
            self._error(exc)
            return False
        row = self.places_view.currentIndex().row()
        self._changed()
        if 0 <= row < self.places_model.rowCount():
            self.places_view.setCurrentIndex(self.places_model.index(row, 0))
        return True

    def clear_place(self) -> None:
        place = self.current_place()
        if place is None or place[3] is None or not self.is_admin:
            return
        day, role, position, who = place
        self.set_place(day, role, position, None, "", who)

    def toggle_lock(self) -> None:
        place = self.current_place()
        if place is None or place[3] is None or not self.is_admin:
            return
        try:
            roster.set_locked(self.ctx, place[3].id, not place[3].locked)
        except DutyDeskError as exc:
            self._error(exc)
            return
        self._changed()

    # --- generation ----------------------------------------------------------------------
    def on_generate(self) -> None:
        dialog = GenerateDialog(dt.date(self.year, self.month, 1), _month_end(self.year, self.month), self)
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
            self._error(exc)
            return None
        self._changed()
        lines = report.lines()
        self.show_report(lines)
        return lines

    def show_report(self, lines: list[str]) -> None:
        ReportDialog(lines, self).exec()

    # --- swaps ---------------------------------------------------------------------------
    def ask_swap(self) -> None:
        place = self.current_place()
        if place is None or place[3] is None:
            return
        duty = place[3]
        pool = roster_setup.list_pool(self.ctx, duty.role)
        today = self.today()
        upcoming = [a for d in roster.roster_range(self.ctx, today, today + dt.timedelta(days=62))
                    for a in d.assignments if a.role is duty.role]
        theirs: dict[int, list[AssignmentInfo]] = {}
        for a in upcoming:
            theirs.setdefault(a.person_id, []).append(a)
        dialog = SwapDialog(duty, pool, theirs, self)
        if dialog.exec():
            to_person, other, reason = dialog.values()
            if to_person is not None:
                self.request_swap(duty.id, to_person, reason, other)

    def request_swap(self, assignment_id: int, to_person: int, reason: str = "",
                     other: int | None = None) -> bool:
        try:
            roster_swaps.request_swap(self.ctx, assignment_id, to_person, reason, other)
        except DutyDeskError as exc:
            self._error(exc)
            return False
        self.reload()
        self.tabs.setCurrentIndex(2)
        return True

    def _current_swap(self):  # type: ignore[no-untyped-def]
        index = self.swaps_view.currentIndex()
        return self.swaps_model.rows[index.row()] if index.isValid() else None

    def decide(self, approve: bool) -> None:
        swap = self._current_swap()
        if swap is None or swap.status is not SwapStatus.REQUESTED:
            return
        try:
            roster_swaps.decide_swap(self.ctx, swap.id, approve, swap.version)
        except DutyDeskError as exc:
            self._error(exc)
            return
        self._changed()

    def withdraw(self) -> None:
        swap = self._current_swap()
        if swap is None or swap.status is not SwapStatus.REQUESTED:
            return
        try:
            roster_swaps.withdraw_swap(self.ctx, swap.id)
        except DutyDeskError as exc:
            self._error(exc)
            return
        self.reload()

    # --- documents -----------------------------------------------------------------------
    def _range(self, title: str, **kwargs) -> RangeDialog | None:  # type: ignore[no-untyped-def]
        dialog = RangeDialog(title, dt.date(self.year, self.month, 1),
                             _month_end(self.year, self.month), parent=self, **kwargs)
        return dialog if dialog.exec() else None

    def on_export(self) -> None:
        dialog = self._range(self.tr("Export the roster for filing"), ask_title=True)
        if dialog is None:
            return
        start, end = dialog.range()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the roster"),
                                              f"值班安排表_{start}_{end}.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path), start, end, dialog.title_text())

    def export_to(self, path: Path, start: dt.date, end: dt.date, title: str | None = None) -> bool:
        try:
            _files().export_workbook(self.ctx, start, end, path, title)
        except (DutyDeskError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Export"), getattr(exc, "message", str(exc)))
            return False
        return True

    def on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import a roster workbook"), "",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bool:
        """Check the file first (nothing written), say what it will replace, then import."""
        try:
            check = _files().import_workbook(self.ctx, path, dry_run=True)
        except InputError as exc:
            QMessageBox.warning(self, self.tr("The workbook was refused"),
                                self.tr("Nothing was imported:") + "\n" + exc.message)
            return False
        except DutyDeskError as exc:
            self._error(exc)
            return False
        answer = QMessageBox.question(self, self.tr("Import the roster?"), self.tr(
            "%1 days with %2 duties; they replace the %3 duties held for those days.")
            .replace("%1", str(check.dates)).replace("%2", str(check.people))
            .replace("%3", str(check.replaced)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            _files().import_workbook(self.ctx, path)
        except DutyDeskError as exc:
            self._error(exc)
            return False
        self._changed()
        return True

    def on_print(self) -> None:
        dialog = self._range(self.tr("Print the roster"), ask_title=True)
        if dialog is None:
            return
        start, end = dialog.range()
        try:
            html = _files().filing_html(self.ctx, start, end, dialog.title_text())
        except DutyDeskError as exc:
            self._error(exc)
            return
        _printing().preview(html, self).exec()

    def on_pdf(self) -> None:
        dialog = self._range(self.tr("Roster as PDF"), ask_title=True)
        if dialog is None:
            return
        start, end = dialog.range()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the roster as PDF"),
                                              f"值班安排表_{start}_{end}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            self.pdf_to(Path(path), start, end, dialog.title_text())

    def pdf_to(self, path: Path, start: dt.date, end: dt.date, title: str | None = None) -> bool:
        try:
            _printing().save_pdf(_files().filing_html(self.ctx, start, end, title), str(path))
        except DutyDeskError as exc:
            self._error(exc)
            return False
        return True

    def on_ics(self) -> None:
        people = sorted({(e.person_id, e.name) for e in roster_setup.list_pool(self.ctx)},
                        key=lambda p: p[1])
        dialog = self._range(self.tr("Export shifts to a calendar (.ics)"), people=people)
        if dialog is None:
            return
        start, end = dialog.range()
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the calendar"),
                                              f"值班_{start}_{end}.ics", self.tr("iCalendar (*.ics)"))
        if path:
            try:
                _files().export_ics(self.ctx, start, end, Path(path), dialog.person_id())
            except (DutyDeskError, OSError) as exc:
                QMessageBox.warning(self, self.tr("iCalendar"), getattr(exc, "message", str(exc)))
