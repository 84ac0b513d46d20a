"""Presence checks (查岗): record a spot check of our duty phone; call each subordinate unit's
duty phone and mark it in one key; statistics per unit."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    Qt,
    QTimeZone,
    Signal,
)
from PySide6.QtGui import QBrush, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.dutylog import presence
from app.services.dutylog.presence import PresenceInfo, UnitPhone, UnitStats
from app.ui import style
from app.ui.table_model import Index, RowsModel
from app.ui.workers import Job, run_job

CALLERS = ("省应急管理厅", "市政府总值班室", "市委总值班室")


class OutgoingModel(RowsModel):
    """The units to call in this round, with what each call gave."""

    def __init__(self, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.results: dict[int, PresenceInfo] = {}
        self.headers = [self.tr("Unit"), self.tr("Belongs to"), self.tr("Duty phone"), self.tr("Result"),
                        self.tr("Rings"), self.tr("Answered by"), self.tr("Time")]

    @property
    def units(self) -> list[UnitPhone]:
        return self.rows

    def set_units(self, units: list[UnitPhone]) -> None:
        self.beginResetModel()
        self.rows = units
        self.results = {}
        self.endResetModel()

    def set_result(self, row: int, info: PresenceInfo) -> None:
        self.results[self.units[row].id] = info
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        unit = self.units[index.row()]
        result = self.results.get(unit.id)
        if role == Qt.ItemDataRole.BackgroundRole and result is not None:
            return QBrush(style.colour("answered_bg" if result.answered else "unanswered_bg"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return ("└ " if unit.parent else "") + unit.name
        if col == 1:
            return unit.parent
        if col == 2:
            return unit.duty_phone
        if result is None:
            return ""
        if col == 3:
            return self.tr("Answered") if result.answered else self.tr("Not answered")
        if col == 4:
            return "" if result.rings is None else str(result.rings)
        if col == 5:
            return result.answered_by
        return result.at.astimezone(self.zone).strftime("%H:%M")

    def counts(self) -> tuple[int, int]:
        """(checked, not answered) in this round."""
        return len(self.results), sum(1 for r in self.results.values() if not r.answered)


class CheckTable(QTableView):
    """The outgoing list: one key marks the selected unit and moves on.

    Signals:
        sig_mark(int, bool, int): row, answered, rings (-1: not counted).
    """

    sig_mark = Signal(int, bool, int)
    """The operator marked a unit: answered or not, after how many rings."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.currentIndex().row()
        key = event.key()
        text = event.text().lower()
        if row >= 0 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if text == "y" or key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.sig_mark.emit(row, True, -1)
                return
            if text in ("n", "0"):
                self.sig_mark.emit(row, False, -1)
                return
            if text.isdigit():
                self.sig_mark.emit(row, True, int(text))
                return
        super().keyPressEvent(event)


class StatsModel(RowsModel):
    def __init__(self, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.limit = 3
        self.headers = [self.tr("Unit"), self.tr("Checks"), self.tr("Answered"), self.tr("Rate"),
                        self.tr("Within %1 rings"), self.tr("Average rings"), self.tr("Last check")]

    def set_rows(self, rows: list[UnitStats], limit: int | None = None) -> None:
        """The statistics, counted against ``limit`` rings (unchanged when not given)."""
        self.beginResetModel()
        self.rows = rows
        if limit is not None:
            self.limit = limit
        self.endResetModel()

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        text = super().headerData(section, orientation, role)
        return None if text is None else text.replace("%1", str(self.limit))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        s = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole and col == 3 and s.answered_rate < 1:
            return QBrush(style.colour("danger_text"))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (s.unit, str(s.checks), str(s.answered), f"{s.answered_rate:.0%}", str(s.within_limit),
                "" if s.average_rings is None else f"{s.average_rings:.1f}",
                s.last_at.astimezone(self.zone).strftime("%m-%d %H:%M"))[col]


class PresenceTab(QWidget):
    """Signals:
        sig_changed(): a check was recorded (an incoming one also enters the duty log).
    """

    sig_changed = Signal()
    """A presence check was written."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        # incoming spot check
        self.caller = QComboBox()
        self.caller.setEditable(True)
        self.caller.addItems(CALLERS)
        self.rings = QSpinBox()
        self.rings.setRange(0, presence.RING_LIMIT)
        self.rings.setValue(1)
        self.answered_by = QLineEdit()
        self.at = QDateTimeEdit()
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setTimeZone(QTimeZone(zone.key.encode()))
        self.record_button = QPushButton(self.tr("&Record spot check"))
        incoming_box = QGroupBox(self.tr("Spot check of our duty phone"))
        form = QFormLayout(incoming_box)
        form.addRow(self.tr("Caller's unit:"), self.caller)
        form.addRow(self.tr("Rings before answering:"), self.rings)
        form.addRow(self.tr("Answered by:"), self.answered_by)
        form.addRow(self.tr("Time:"), self.at)
        form.addRow(self.record_button)
        # outgoing round
        self.outgoing_model = OutgoingModel(zone)
        self.table = CheckTable()
        self.table.setModel(self.outgoing_model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 80), (2, 115), (3, 70), (4, 45), (5, 80), (6, 50)):
            self.table.setColumnWidth(col, width)
        self.who = QLineEdit()
        self.who.setPlaceholderText(self.tr("Who answered at the unit (optional)"))
        self.new_round_button = QPushButton(self.tr("New &round"))
        self.progress = QLabel()
        hint = QLabel(self.tr("Call the selected unit, then press Y (answered), 1–9 (answered after that "
                              "many rings) or N (not answered); the next unit is selected."))
        hint.setWordWrap(True)
        outgoing_box = QGroupBox(self.tr("Check the units' duty phones"))
        ol = QVBoxLayout(outgoing_box)
        ol.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.who, 1)
        row.addWidget(self.new_round_button)
        ol.addLayout(row)
        ol.addWidget(self.table, 1)
        ol.addWidget(self.progress)
        # statistics
        self.direction = QComboBox()
        self.direction.addItem(self.tr("Our checks of the units"), presence.OUTGOING)
        self.direction.addItem(self.tr("Spot checks of our phone"), presence.INCOMING)
        self.stats_model = StatsModel(zone)
        self.stats = QTableView()
        self.stats.setModel(self.stats_model)
        self.stats.verticalHeader().hide()
        self.stats.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col, width in ((1, 50), (2, 50), (3, 55), (4, 70), (5, 70), (6, 90)):
            self.stats.setColumnWidth(col, width)
        stats_box = QGroupBox(self.tr("Statistics per unit"))
        sl = QVBoxLayout(stats_box)
        sl.addWidget(self.direction)
        sl.addWidget(self.stats, 1)
        self.message = QLabel()
        self.message.setWordWrap(True)
        left = QVBoxLayout()
        left.addWidget(incoming_box)
        left.addWidget(stats_box, 1)
        left.addWidget(self.message)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 5)
        layout.addWidget(outgoing_box, 6)

        self.record_button.clicked.connect(self.record_incoming)
        self.table.sig_mark.connect(self.mark)
        self.who.returnPressed.connect(lambda: self.mark(self.table.currentIndex().row(), True, -1))
        self.new_round_button.clicked.connect(self.new_round)
        self.direction.currentIndexChanged.connect(self.reload_stats)
        self.reset_incoming()
        self.loaded = False  # the units and statistics are read on first show

    def showEvent(self, event: QShowEvent) -> None:
        if not self.loaded:
            self.new_round()
        super().showEvent(event)

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reset_incoming()
        if self.loaded:
            self.reload_stats()

    def say(self, words: str, *, error: bool = False) -> None:
        style.set_tone(self.message, "error" if error else "info")
        self.message.setText(words)

    def reset_incoming(self) -> None:
        actor = self.ctx.actor
        self.answered_by.setText((actor.display_name or actor.name) if actor else "")
        now = self.ctx.clock.now()
        self.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(now.timestamp()), QTimeZone(self.zone.key.encode())))

    def new_round(self) -> None:
        self.loaded = True
        self.outgoing_model.set_units(presence.targets(self.ctx))
        if self.outgoing_model.rowCount():
            self.table.setCurrentIndex(self.outgoing_model.index(0, 0))
        self._progress()
        self.reload_stats()

    def _progress(self) -> None:
        done, missed = self.outgoing_model.counts()
        self.progress.setText(self.tr("Checked %1 of %2 units; %3 not answered.")
                              .replace("%1", str(done)).replace("%2", str(self.outgoing_model.rowCount()))
                              .replace("%3", str(missed)))

    def reload_stats(self) -> Job:
        """The statistics per unit read every check: a background job, no dialog."""
        ctx, direction = self.ctx, self.direction.currentData()
        self.stats_job = run_job(
            self, self.tr("Statistics per unit"),
            lambda _progress: (presence.statistics(ctx, direction), presence.max_rings(ctx)),
            lambda result: self.stats_model.set_rows(*result), quiet=True)
        return self.stats_job

    def record_incoming(self) -> None:
        at = dt.datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), dt.UTC)
        try:
            presence.record_incoming(self.ctx, caller_unit=self.caller.currentText(), rings=self.rings.value(),
                                     answered_by=self.answered_by.text(), at=min(at, self.ctx.clock.now()))
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        self.say(self.tr("Spot check recorded in the duty log."))
        self.reset_incoming()
        self.reload_stats()
        self.sig_changed.emit()

    def mark(self, row: int, answered: bool, rings: int) -> None:
        if not 0 <= row < self.outgoing_model.rowCount():
            return
        unit = self.outgoing_model.units[row]
        try:
            info = presence.record_outgoing(self.ctx, organization_id=unit.id, answered=answered,
                                            rings=None if rings < 0 else rings, answered_by=self.who.text())
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        self.outgoing_model.set_result(row, info)
        self.who.clear()
        if row + 1 < self.outgoing_model.rowCount():
            self.table.setCurrentIndex(self.outgoing_model.index(row + 1, 0))
        self.table.setFocus()
        self._progress()
        self.reload_stats()
        self.sig_changed.emit()
