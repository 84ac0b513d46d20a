"""Drills (演练): every drill, newest first, and the chosen one's evaluation and corrective
actions; while the tab shows, Ins records a drill, F6 marks the current action done,
Ctrl+Shift+N adds one."""

from __future__ import annotations

import datetime as dt
import html
import zoneinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.context import Context
from app.services.plans import drills, register
from app.services.plans.drills import ActionInfo, DrillInfo
from app.ui.plans.details import small_table
from app.ui.plans.drill_dialog import ActionDialog, DoneDialog, DrillDialog
from app.ui.plans.models import ListModel, day, drill_type_text
from app.ui.widgets import LoadOnShow


class DrillsTab(LoadOnShow, QWidget):
    """Signals:
        sig_changed(): a drill or an action was recorded (deadlines moved).
    """

    sig_changed = Signal()
    """Deadlines and the register's figures changed."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.model = ListModel([
            (self.tr("Date"), lambda d: day(d.held_on)), (self.tr("Plan"), lambda d: d.plan),
            (self.tr("Type"), lambda d: drill_type_text(d.type)), (self.tr("Place"), lambda d: d.place),
            (self.tr("Participants"), lambda d: d.participant_count),
            (self.tr("Actions"), lambda d: len(d.actions)),
            (self.tr("Open"), lambda d: sum(a.done_on is None for a in d.actions))],
            late=lambda d, c: c == 6 and any(a.done_on is None and a.due_on < self.today
                                            for a in d.actions))
        self.table = small_table(self.model, stretch=1)
        self.table.setObjectName("drillTable")
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show())
        self.actions_model = ListModel([
            (self.tr("Corrective action"), lambda a: a.text), (self.tr("Owner unit"), lambda a: a.owner),
            (self.tr("Due"), lambda a: day(a.due_on)), (self.tr("Done"), lambda a: day(a.done_on))],
            late=lambda a, _c: a.late(self.today))
        self.action_table: QTableView = small_table(self.actions_model, stretch=0)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.add_button = QPushButton(self.tr("Re&cord drill (Ins)"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda: self.record())
        self.done_button = QPushButton(self.tr("Action do&ne (F6)"))
        self.done_button.setAutoDefault(False)
        self.done_button.clicked.connect(self.mark_done)
        self.action_button = QPushButton(self.tr("Add &action (Ctrl+Shift+N)"))
        self.action_button.setAutoDefault(False)
        self.action_button.clicked.connect(self.add_action)
        for keys, slot, button in (("Ins", self.record, self.add_button),
                                   ("F6", self.mark_done, self.done_button),
                                   ("Ctrl+Shift+N", self.add_action, self.action_button)):
            shortcut = QShortcut(QKeySequence(keys), self)  # while the tab shows
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.setWhatsThis(button.text())  # its line on the shortcut page
            shortcut.activated.connect(lambda s=slot: s())
        right = QWidget()
        side = QVBoxLayout(right)
        side.addWidget(self.detail)
        side.addWidget(self.action_table, 1)
        side.addWidget(self.done_button)
        side.addWidget(self.action_button)
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

    @property
    def today(self) -> dt.date:
        """The office's date now (a window stays open for days)."""
        return self.ctx.clock.now().astimezone(self.zone).date()

    def set_admin(self, admin: bool) -> None:
        for button in (self.add_button, self.done_button, self.action_button):
            button.setEnabled(admin)

    def reload(self) -> None:
        chosen = self.current()
        self.model.set_rows(drills.list_drills(self.ctx))
        rows = [d.id for d in self.model.rows]
        if rows:
            self.table.selectRow(rows.index(chosen.id) if chosen and chosen.id in rows else 0)
        self._show()
        self.loaded = True

    def current(self) -> DrillInfo | None:
        index = self.table.currentIndex()
        found = self.model.row_at(index.row()) if index.isValid() else None
        return found if isinstance(found, DrillInfo) else None

    def current_action(self) -> ActionInfo | None:
        index = self.action_table.currentIndex()
        found = self.actions_model.row_at(index.row() if index.isValid() else 0)
        return found if isinstance(found, ActionInfo) else None

    def _show(self) -> None:
        drill = self.current()
        self.actions_model.set_rows(list(drill.actions) if drill else [])
        if drill is None:
            self.detail.setText(self.tr("No drills recorded yet."))
            return
        lines = [self.tr("Organizer: %1").replace("%1", drill.organizer or "—"),
                 self.tr("Units: %1").replace("%1", "、".join(drill.units) or "—"),
                 self.tr("Scenario: %1").replace("%1", drill.scenario or "—"),
                 self.tr("Evaluation: %1").replace("%1", drill.evaluation or "—"),
                 self.tr("Problems found: %1").replace("%1", drill.problems or "—")]
        if drill.incident_number:
            lines.append(self.tr("Drill incident: %1").replace("%1", drill.incident_number))
        head = f"<b>{html.escape(drill.plan)}</b>（{html.escape(drill.plan_unit)}）"
        self.detail.setText("<br>".join([head, *(html.escape(line) for line in lines)]))

    def record(self, plan_id: int | None = None) -> bool:
        if not self.add_button.isEnabled():
            return False
        dialog = DrillDialog(self.ctx, register.list_plans(self.ctx), self.today, plan_id, self)
        if not dialog.exec():
            return False
        self.reload()
        self.sig_changed.emit()
        return True

    def mark_done(self) -> None:
        action = self.current_action()
        if action is None or action.done_on is not None or not self.done_button.isEnabled():
            return
        if DoneDialog(self.ctx, action, self.today, self).exec():
            self.reload()
            self.sig_changed.emit()

    def add_action(self) -> None:
        drill = self.current()
        if drill is not None and self.action_button.isEnabled() and \
                ActionDialog(self.ctx, drill, self.today, self).exec():
            self.reload()
            self.sig_changed.emit()
