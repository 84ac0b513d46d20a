"""The duty log of one duty day: entries, check-in, corrections, carrying an entry forward."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from PySide6.QtCore import (
    QDate,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QFont
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import audit_terms
from app.domain.duty import LogKind
from app.domain.errors import DutyDeskError
from app.domain.terms import term
from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.dutylog import handover
from app.services.dutylog import search as log_search
from app.services.dutylog.entries import LogEntry
from app.ui import style
from app.ui.table_model import Index, PagedModel
from app.ui.widgets import LoadOnShow, labelled

PAGE = 200  # entries fetched at a time


class DutyLogModel(PagedModel[LogEntry]):
    """One duty day's entries in time order, fetched page by page as the view scrolls."""

    def __init__(self, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.ctx: Context | None = None
        self.day: dt.date | None = None
        self.words = ""  # searching the whole log (every day) for these, when not empty
        self.time_format = "%m-%d %H:%M"  # a search spans years: the year too
        self.found = 0  # how many entries the search found (its pages are read knowing it)
        self.total = 0
        self.headers = [self.tr("Time"), self.tr("Kind"), self.tr("Content"), self.tr("Caller"),
                        self.tr("Incident"), self.tr("Operator")]

    def content(self, e: LogEntry) -> str:
        words = e.text.replace("\n", " ")
        if e.corrects_id:
            words = self.tr("[Corrects %1] ").replace("%1", str(e.corrects_id)) + words
        if e.corrected_by:
            words += self.tr(" (corrected by %1)").replace("%1", str(e.corrected_by))
        return words

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        e = self.row_of(index)
        if e is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and e.corrected_by:
            return QBrush(style.colour("text_disabled"))
        if role == Qt.ItemDataRole.FontRole and e.corrected_by and col == 2:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and e.kind in (LogKind.HANDOVER, LogKind.CHECK_IN):
            return QBrush(style.colour("accent_soft"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            recorded = e.recorded_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
            return e.text + "\n" + self.tr("Recorded %1 by %2").replace("%1", recorded).replace(
                "%2", e.operator_name or audit_terms.actor(e.operator))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if col == 0:
            return e.at.astimezone(self.zone).strftime(self.time_format)
        if col == 1:
            return term(e.kind)
        if col == 2:
            return self.content(e)
        if col == 3:
            return e.caller
        if col == 4:
            return e.incident_number or ""
        return e.operator_name or audit_terms.actor(e.operator)

    def entry_at(self, row: int) -> LogEntry | None:
        return self.row_at(row)

    def load(self, ctx: Context, day: dt.date) -> None:
        """The first page of the day's log; the rest as the view asks (fetchMore)."""
        self.beginResetModel()
        self.ctx, self.day, self.words = ctx, day, ""
        self.time_format = "%m-%d %H:%M"
        self.start_pages(self._page, PAGE, dutylog.count_shift(ctx, day), self._again)
        self.endResetModel()

    def search(self, ctx: Context, words: str) -> None:
        """The entries of every day holding ``words``, newest first, page by page."""
        self.beginResetModel()
        self.ctx, self.words = ctx, words.strip()
        self.time_format = "%Y-%m-%d %H:%M"
        self.found = log_search.count(ctx, self.words)
        self.start_pages(self._page, PAGE, self.found, self._again)
        self.endResetModel()

    def _again(self, ids: list[int]) -> list[LogEntry]:
        """A page let go, read again by its entries' ids (at any depth, a correction shown)."""
        assert self.ctx is not None
        return log_search.entries_by_id(self.ctx, ids)

    def _page(self, offset: int, limit: int) -> list[LogEntry]:
        assert self.ctx is not None
        if self.words:
            return log_search.search_page(self.ctx, self.words, offset, limit, self.found)
        assert self.day is not None
        return dutylog.list_shift_page(self.ctx, self.day, offset, limit)


class LogTab(LoadOnShow, QWidget):
    """Signals:
        sig_changed(): an entry, a check-in or a carried item was written here.
    """

    sig_changed = Signal()
    """Something was written: the handover sheet may have changed."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.model = DutyLogModel(zone)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 95), (1, 70), (3, 240), (4, 90), (5, 80)):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(lambda _i: self.correct())

        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.prev_button = QPushButton(self.tr("◀ Previous day"))
        self.next_button = QPushButton(self.tr("Next day ▶"))
        self.today_button = QPushButton(self.tr("&Current shift"))
        self.shift_label = QLabel()
        self.check_in_button = QPushButton(self.tr("Sign &in for duty"))
        self.check_ins_label = QLabel()
        self.check_ins_label.setTextFormat(Qt.TextFormat.RichText)
        self.new_button = QPushButton(self.tr("&New entry… (F2)"))
        self.correct_button = QPushButton(self.tr("C&orrect…"))
        self.carry_button = QPushButton(self.tr("Carry &forward…"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search the whole log"))
        self.search.setAccessibleName(self.tr("Search the whole log"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.reload)
        self.search.textChanged.connect(self._debounce.start)
        top = QHBoxLayout()
        top.addWidget(labelled(self.tr("Duty day:"), self.day))
        for w in (self.day, self.prev_button, self.next_button, self.today_button):
            top.addWidget(w)
        top.addWidget(self.shift_label, 1)
        top.addWidget(self.search)
        top.addWidget(self.check_in_button)
        buttons = QHBoxLayout()
        for b in (self.new_button, self.correct_button, self.carry_button):
            buttons.addWidget(b)
        buttons.addWidget(self.check_ins_label, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.prev_button.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(-1)))
        self.next_button.clicked.connect(lambda: self.day.setDate(self.day.date().addDays(1)))
        self.today_button.clicked.connect(self.show_current)
        self.day.dateChanged.connect(self.reload)
        self.check_in_button.clicked.connect(self.check_in)
        self.correct_button.clicked.connect(self.correct)
        self.carry_button.clicked.connect(self.carry_forward)

    def shown_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def first_load(self) -> None:
        self.show_current()

    def show_current(self) -> None:
        day = dutylog.open_shift_date(self.ctx)
        if day == self.shown_day():
            self.reload()
        self.day.setDate(QDate(day.year, day.month, day.day))

    def reload(self) -> None:
        self.loaded = True
        if self.search.text().strip():
            self.model.search(self.ctx, self.search.text())
            self.shift_label.setText(self.tr("%n entries found in the whole log", "", self.model.total or 0))
            return
        day = self.shown_day()
        info = dutylog.shift_info(self.ctx, day)
        self.model.load(self.ctx, day)
        self.view.scrollToBottom()
        a, b = info.begins_at.astimezone(self.zone), info.ends_at.astimezone(self.zone)
        words = self.tr("%1 to %2 · %n entries", "", self.model.total or 0).replace(
            "%1", a.strftime("%m-%d %H:%M")).replace("%2", b.strftime("%m-%d %H:%M"))
        if info.locked_at:
            words += self.tr(" · handed over and locked at %1").replace(
                "%1", info.locked_at.astimezone(self.zone).strftime("%m-%d %H:%M"))
        self.shift_label.setText(words)
        signed = []
        for c in dutylog.check_ins(self.ctx, day):
            when = c.at.astimezone(self.zone).strftime("%H:%M")
            item = f"{c.display_name} {when}"
            if c.late:
                item = "<span style='color:#b00020;font-weight:bold'>" + item + self.tr(
                    " (late, %1 min)").replace("%1", str(c.minutes_after_start)) + "</span>"
            signed.append(item)
        self.check_ins_label.setText(self.tr("Signed in: %1").replace("%1", "；".join(signed)) if signed
                                     else self.tr("Nobody has signed in for this shift."))

    def say(self, words: str, *, error: bool = False) -> None:
        style.set_tone(self.message, "error" if error else "info")
        self.message.setText(words)

    def selected(self) -> LogEntry | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.entry_at(rows[0].row()) if rows else None

    def check_in(self) -> None:
        try:
            info = dutylog.check_in(self.ctx)
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        when = info.at.astimezone(self.zone).strftime("%H:%M")
        self.say(self.tr("Signed in at %1 (late).").replace("%1", when) if info.late
                             else self.tr("Signed in at %1.").replace("%1", when))
        self.day.setDate(QDate(info.shift_date.year, info.shift_date.month, info.shift_date.day))
        self.reload()
        self.sig_changed.emit()

    def correct(self) -> None:
        from app.ui.dutylog.entry_dialog import EntryDialog

        entry = self.selected()
        if entry is None:
            self.say(self.tr("Select the entry to correct."), error=True)
            return
        dialog = EntryDialog(self.ctx, self.zone, self, correcting=entry)
        if dialog.exec() and dialog.entry is not None:
            self.say(self.tr("Correction recorded as entry %1 in the shift of %2.").replace(
                "%1", str(dialog.entry.id)).replace("%2", dialog.entry.shift_date.isoformat()))
            self.reload()
            self.sig_changed.emit()

    def carry_forward(self) -> None:
        entry = self.selected()
        suggestion = entry.text if entry else ""
        words, ok = QInputDialog.getMultiLineText(
            self, self.tr("Carry forward"),
            self.tr("What the next shifts must see (until someone clears it):"), suggestion)
        if not ok:
            return
        try:
            handover.flag(self.ctx, words, incident_id=entry.incident_id if entry else None,
                          log_entry_id=entry.id if entry else None)
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        self.say(self.tr("Carried forward: it shows at every handover until cleared."))
        self.sig_changed.emit()
