"""Training (培训): the sessions held, and recording or correcting one."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DutyDeskError
from app.domain.plan_input import MAX_COUNT, MAX_HOURS, TrainingInput
from app.services.context import Context
from app.services.plans import training
from app.services.plans.training import TrainingInfo
from app.ui.plans.details import small_table
from app.ui.plans.fields import date_edit, date_of
from app.ui.plans.models import ListModel, day
from app.ui.widgets import LoadOnShow, error_label, ok_cancel

_SEPARATORS = re.compile(r"[、,，;；\n]+")


class TrainingDialog(QDialog):
    """Record a training session or correct one; people by name from the contact book, or a count."""

    def __init__(self, ctx: Context, today: dt.date, held: TrainingInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.held = ctx, held
        self.saved: TrainingInfo | None = None
        self.setWindowTitle(self.tr("Edit training") if held else self.tr("Record training"))
        self.setMinimumWidth(520)
        self.course = QLineEdit(held.course if held else "")
        self.held_on = date_edit(held.held_on if held else today)
        self.hours = QDoubleSpinBox()
        self.hours.setRange(0.5, MAX_HOURS)
        self.hours.setSingleStep(0.5)
        self.hours.setValue(held.hours if held else 2.0)
        self.organizer = QLineEdit(held.organizer if held else "")
        self.people = QLineEdit("、".join(n for _, n in held.people) if held else "")
        self.people.setPlaceholderText(self.tr("Names from the contact book, separated by 、"))
        self.count = QSpinBox()
        self.count.setRange(0, MAX_COUNT)
        self.count.setValue(held.participant_count if held and not held.people else 0)
        self.as_drill = QCheckBox(self.tr("Counted as a drill"))
        self.as_drill.setChecked(bool(held and held.counts_as_drill))
        self.note = QLineEdit(held.note if held else "")
        form = QFormLayout()
        form.addRow(self.tr("&Course:"), self.course)
        form.addRow(self.tr("&Date:"), self.held_on)
        form.addRow(self.tr("&Hours:"), self.hours)
        form.addRow(self.tr("&Organizer:"), self.organizer)
        form.addRow(self.tr("&Participants:"), self.people)
        form.addRow(self.tr("Or their &number:"), self.count)
        form.addRow("", self.as_drill)
        form.addRow(self.tr("No&te:"), self.note)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Save"), self.submit))

    def submit(self) -> None:
        try:
            names = [n for n in _SEPARATORS.split(self.people.text()) if n.strip()]
            people = tuple(training.people_named(self.ctx, names)) if names else ()
            data = TrainingInput(self.course.text(), date_of(self.held_on), self.hours.value(),
                                 self.organizer.text(), people, self.count.value(),
                                 self.as_drill.isChecked(), self.note.text())
            if self.held is None:
                self.saved = training.add_training(self.ctx, data)
            else:
                self.saved = training.update_training(self.ctx, self.held.id, data,
                                                       self.held.version)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class TrainingTab(LoadOnShow, QWidget):
    """The training sessions, newest first; Ins records one, Enter corrects the current one.

    Signals:
        sig_changed(): a session was recorded or corrected.
    """

    sig_changed = Signal()
    """The register's figures changed."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.model = ListModel([
            (self.tr("Date"), lambda t: day(t.held_on)), (self.tr("Course"), lambda t: t.course),
            (self.tr("Hours"), lambda t: t.hours), (self.tr("Organizer"), lambda t: t.organizer),
            (self.tr("Participants"), lambda t: t.participant_count),
            (self.tr("As a drill"), lambda t: self.tr("Yes") if t.counts_as_drill else "")])
        self.table = small_table(self.model, stretch=1)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.add_button = QPushButton(self.tr("Record trainin&g (Ins)"))
        self.add_button.clicked.connect(self.add)
        self.edit_button = QPushButton(self.tr("&Correct (Enter)"))
        self.edit_button.clicked.connect(self.edit)
        self.summary = QLabel()
        add = QShortcut(QKeySequence("Ins"), self)  # while the tab shows
        add.setContext(Qt.ShortcutContext.WindowShortcut)
        add.setWhatsThis(self.add_button.text())  # its line on the shortcut page
        add.activated.connect(self.add)
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.setWhatsThis(self.edit_button.text())
        enter.activated.connect(self.edit)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.edit_button)
        row.addStretch()
        row.addWidget(self.summary)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)

    @property
    def today(self) -> dt.date:
        """The office's date now (a window stays open for days)."""
        return self.ctx.clock.now().astimezone(self.zone).date()

    def set_admin(self, admin: bool) -> None:
        self.add_button.setEnabled(admin)
        self.edit_button.setEnabled(admin)

    def reload(self) -> None:
        rows = training.list_trainings(self.ctx)
        self.model.set_rows(rows)
        self.summary.setText(self.tr("%1 sessions, %2 hours").replace("%1", str(len(rows)))
                             .replace("%2", f"{sum(t.hours for t in rows):g}"))
        self.loaded = True

    def current(self) -> TrainingInfo | None:
        index = self.table.currentIndex()
        found = self.model.row_at(index.row()) if index.isValid() else None
        return found if isinstance(found, TrainingInfo) else None

    def add(self) -> None:
        if self.add_button.isEnabled() and TrainingDialog(self.ctx, self.today, None, self).exec():
            self.reload()
            self.sig_changed.emit()

    def edit(self) -> None:
        held = self.current()
        if held is not None and self.edit_button.isEnabled() and \
                TrainingDialog(self.ctx, self.today, held, self).exec():
            self.reload()
            self.sig_changed.emit()
