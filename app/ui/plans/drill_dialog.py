"""Dialogs of drills: record a drill with its corrective actions; add an action later; mark
one done."""

from __future__ import annotations

import datetime as dt
import re

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DutyDeskError, InputError
from app.domain.messages import Problem
from app.domain.plan_input import MAX_COUNT, ActionInput, DrillInput, Unreadable, read_date
from app.domain.plans import DrillType, PlanStatus
from app.services.context import Context
from app.services.plans import drills, register
from app.services.plans.drills import ActionInfo, DrillInfo
from app.services.plans.register import PlanInfo
from app.ui.plans.fields import UnitBox, date_edit, date_of
from app.ui.plans.models import drill_type_text
from app.ui.widgets import error_label, ok_cancel

_SEPARATORS = re.compile(r"[、,，;；\n]+")


def _text_box(height: int = 52) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


class DrillDialog(QDialog):
    """Record a drill: the plan, when, what kind, where, who took part, what it showed, and
    the corrective actions it ended in (each with its owner unit, due date, done date)."""

    def __init__(self, ctx: Context, plans: list[PlanInfo], today: dt.date,
                 plan_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.today = ctx, today
        self.saved: DrillInfo | None = None
        self.setWindowTitle(self.tr("Record a drill"))
        self.setMinimumWidth(680)
        self.plan = QComboBox()
        for p in plans:
            if p.status is not PlanStatus.WITHDRAWN:
                self.plan.addItem(f"{p.name}（{p.unit}）", p.id)
        if plan_id is not None:
            self.plan.setCurrentIndex(self.plan.findData(plan_id))
        self.held_on = date_edit(today)
        self.type = QComboBox()
        for kind in DrillType:
            self.type.addItem(drill_type_text(kind), kind.value)
        self.place = QLineEdit()
        self.organizer = QLineEdit()
        self.units = QLineEdit()
        self.units.setPlaceholderText(self.tr("Units of the contact book, separated by 、"))
        self.count = QSpinBox()
        self.count.setRange(-1, MAX_COUNT)
        self.count.setSpecialValueText(self.tr("not given"))
        self.count.setValue(-1)
        self.incident = QComboBox()
        self.incident.addItem(self.tr("(none)"), "")
        for found in drills.drill_incidents(ctx):
            self.incident.addItem(f"{found.number} {found.title}", found.number)
        self.scenario, self.evaluation, self.problems = _text_box(), _text_box(), _text_box()
        self.action_table = QTableWidget(0, 4)
        self.action_table.setHorizontalHeaderLabels([self.tr("Corrective action"), self.tr("Owner unit"),
                                                self.tr("Due (YYYY-MM-DD)"), self.tr("Done")])
        header = self.action_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.action_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.action_table.setTabKeyNavigation(False)  # Tab leaves the table; arrows move inside
        self.action_table.setMinimumHeight(110)
        add = QPushButton(self.tr("&Add action"))
        add.clicked.connect(self.add_action_row)
        remove = QPushButton(self.tr("Re&move action"))
        remove.clicked.connect(self._remove_row)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch()
        fields = QWidget()
        form = QFormLayout(fields)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("&Plan:"), self.plan)
        form.addRow(self.tr("&Date:"), self.held_on)
        form.addRow(self.tr("&Type:"), self.type)
        form.addRow(self.tr("Pla&ce:"), self.place)
        form.addRow(self.tr("&Organizer:"), self.organizer)
        form.addRow(self.tr("Participating &units:"), self.units)
        form.addRow(self.tr("Participa&nts:"), self.count)
        form.addRow(self.tr("Drill &incident:"), self.incident)
        form.addRow(self.tr("&Scenario:"), self.scenario)
        form.addRow(self.tr("&Evaluation:"), self.evaluation)
        form.addRow(self.tr("Problems &found:"), self.problems)
        self.error = error_label()
        scroll = QScrollArea()  # the fields scroll when the screen is short (1366×768)
        scroll.setWidget(fields)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setMinimumHeight(200)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.action_table)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Record"), self.submit))

    def add_action_row(self, values: tuple[str, str, str, str] | None = None) -> None:
        row = self.action_table.rowCount()
        self.action_table.insertRow(row)
        for column, value in enumerate(values or ("", "", "", "")):
            self.action_table.setItem(row, column, QTableWidgetItem(value))
        self.action_table.setCurrentCell(row, 0)
        self.action_table.setFocus()

    def _remove_row(self) -> None:
        if self.action_table.currentRow() >= 0:
            self.action_table.removeRow(self.action_table.currentRow())

    def _cell(self, row: int, column: int) -> str:
        item = self.action_table.item(row, column)
        return item.text().strip() if item is not None else ""

    def _actions(self) -> tuple[tuple[ActionInput, ...], list[Problem]]:
        out, problems = [], []
        for row in range(self.action_table.rowCount()):
            values = [self._cell(row, c) for c in range(4)]
            if not any(values):
                continue
            dates: list[dt.date | None] = []
            for value, field in ((values[2], "action.due"), (values[3], "action.done")):
                try:
                    dates.append(read_date(value))
                except Unreadable:
                    dates.append(None)
                    detail = Problem("plan.bad_date", field, {"value": value}).message()
                    problems.append(Problem("action.problem", None, {"n": row + 1, "detail": detail}))
            if dates[0] is None and values[2] == "":
                detail = Problem("required", "action.due").message()
                problems.append(Problem("action.problem", None, {"n": row + 1, "detail": detail}))
            elif dates[0] is not None:
                out.append(ActionInput(values[0], values[1], dates[0], dates[1]))
        return tuple(out), problems

    def data(self) -> DrillInput:
        """What the form says; InputError for what cannot be read at all (a date in a cell)."""
        actions, problems = self._actions()
        if self.plan.currentData() is None:
            problems.insert(0, Problem("required", "plan"))
        if problems:
            raise InputError(problems)
        units = tuple(u.strip() for u in _SEPARATORS.split(self.units.text()) if u.strip())
        return DrillInput(
            plan=int(self.plan.currentData()), held_on=date_of(self.held_on),
            type=DrillType(self.type.currentData()), place=self.place.text(),
            organizer=self.organizer.text(), units=units,
            participant_count=None if self.count.value() < 0 else self.count.value(),
            scenario=self.scenario.toPlainText(), evaluation=self.evaluation.toPlainText(),
            problems=self.problems.toPlainText(), actions=actions,
            incident_number=str(self.incident.currentData() or ""))

    def submit(self) -> None:
        try:
            self.saved = drills.add_drill(self.ctx, self.data())
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class ActionDialog(QDialog):
    """A corrective action added to a recorded drill (its evaluation came later)."""

    def __init__(self, ctx: Context, drill: DrillInfo, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.drill = ctx, drill
        self.saved: ActionInfo | None = None
        self.setWindowTitle(self.tr("Corrective action"))
        self.setMinimumWidth(480)
        self.text = QLineEdit()
        self.owner = UnitBox(register.unit_names(ctx))
        self.due = date_edit(max(today, drill.held_on) + dt.timedelta(days=30))
        form = QFormLayout()
        form.addRow(self.tr("&Action:"), self.text)
        form.addRow(self.tr("&Owner unit:"), self.owner)
        form.addRow(self.tr("&Due:"), self.due)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Add"), self.submit))

    def submit(self) -> None:
        try:
            self.saved = drills.add_action(self.ctx, self.drill.id, ActionInput(
                self.text.text(), self.owner.unit(), date_of(self.due)))
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class DoneDialog(QDialog):
    """When a corrective action was done: its deadline is met, on time or late."""

    def __init__(self, ctx: Context, action: ActionInfo, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.action = ctx, action
        self.saved: ActionInfo | None = None
        self.setWindowTitle(self.tr("Action done"))
        self.done_on = date_edit(today)
        form = QFormLayout()
        form.addRow(self.tr("Action:"), QLineEdit(action.text, readOnly=True))
        form.addRow(self.tr("Due:"), QLineEdit(action.due_on.isoformat(), readOnly=True))
        form.addRow(self.tr("&Done on:"), self.done_on)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Record"), self.submit))
        self.done_on.setFocus()

    def submit(self) -> None:
        try:
            self.saved = drills.mark_done(self.ctx, self.action.id, date_of(self.done_on),
                                          self.action.version)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()
