"""Dialogs of the contacts section: a person (add or edit) and an absence notice."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.contacts import AbsenceKind, ContactLabel, PersonTag, split_list, split_numbers
from app.domain.errors import DutyDeskError
from app.domain.incident_types import Subtype
from app.domain.terms import term
from app.services.contacts import absences, experts
from app.services.contacts import book as contacts
from app.services.contacts.absences import AbsenceInfo
from app.services.contacts.book import PersonDetails, PersonInput, UnitInfo
from app.services.context import Context
from app.ui.contacts.models import label_text, tag_text
from app.ui.widgets import error_label, ok_cancel


def unit_label(unit: UnitInfo, by_id: dict[int, UnitInfo]) -> str:
    """"东湖区 › 城关街道": the unit with its parent, so namesakes can be told apart."""
    parent = by_id.get(unit.parent_id or 0)
    return f"{parent.name} › {unit.name}" if parent else unit.name


class PersonDialog(QDialog):
    """Add a person or edit one: name, unit, title, numbers by kind, tags, notes."""

    def __init__(self, ctx: Context, units: list[UnitInfo], person: PersonDetails | None = None,
                 unit_id: int | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.saved: PersonDetails | None = None
        self.setWindowTitle(self.tr("Edit contact") if person else self.tr("Add contact"))
        self.setMinimumWidth(500)
        self.name = QLineEdit(person.name if person else "")
        self.unit = QComboBox()
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        by_id = {u.id: u for u in units}
        for u in units:
            self.unit.addItem(unit_label(u, by_id), u.id)
        chosen = person.organization_id if person else unit_id
        if chosen is not None:
            self.unit.setCurrentIndex(self.unit.findData(chosen))
        self.title = QLineEdit(person.title if person else "")
        self.numbers: dict[ContactLabel, QLineEdit] = {}
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Unit:"), self.unit)
        form.addRow(self.tr("&Title:"), self.title)
        held = person.phones if person else ()
        for label in ContactLabel:
            edit = QLineEdit("、".join(p.number for p in held if p.label is label))
            edit.setPlaceholderText(self.tr("Several numbers: separate with 、"))
            self.numbers[label] = edit
            form.addRow(label_text(label) + ":", edit)
        tags_row = QHBoxLayout()
        self.tags: dict[PersonTag, QCheckBox] = {}
        for tag in PersonTag:
            box = QCheckBox(tag_text(tag))
            box.setChecked(bool(person and tag in person.tags))
            self.tags[tag] = box
            tags_row.addWidget(box)
        tags_row.addStretch()
        form.addRow(self.tr("Tags:"), tags_row)
        self.specialties = QLineEdit("、".join(person.specialties) if person else "")
        self.specialties.setPlaceholderText(self.tr("For the expert pool, e.g. 危险化学品、消防"))
        form.addRow(self.tr("&Specialties:"), self.specialties)
        self.subtypes = QListWidget()
        self.subtypes.setFixedHeight(96)
        held_subtypes = set(person.expert_subtypes) if person else set()
        for sub in Subtype:
            item = QListWidgetItem(f"{term(sub)}（{term(sub.category)}）")
            item.setData(256, sub.value)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if sub.value in held_subtypes
                               else Qt.CheckState.Unchecked)
            self.subtypes.addItem(item)
        form.addRow(self.tr("Helps with:"), self.subtypes)
        self.notes = QPlainTextEdit(person.notes if person else "")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(60)
        form.addRow(self.tr("N&otes:"), self.notes)
        self.error = error_label()
        buttons = ok_cancel(self, self.tr("Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def data(self) -> PersonInput:
        phones = [(label, number) for label, edit in self.numbers.items()
                  for number in split_numbers(edit.text())]
        return PersonInput(
            name=self.name.text(), organization_id=self.unit.currentData(),
            title=self.title.text(), phones=phones,
            tags=[t for t, box in self.tags.items() if box.isChecked()],
            notes=self.notes.toPlainText())

    def chosen_subtypes(self) -> list[str]:
        return [self.subtypes.item(i).data(256) for i in range(self.subtypes.count())
                if self.subtypes.item(i).checkState() == Qt.CheckState.Checked]

    def submit(self) -> None:
        try:
            data = self.data()
            specialties = split_list(self.specialties.text())
            if specialties and PersonTag.EXPERT not in data.tags:
                data.tags.append(PersonTag.EXPERT)
            self.saved = contacts.save_person(
                self.ctx, self.person.id if self.person else None, data,
                expected_version=self.person.version if self.person else None)
            self.person = self.saved  # saved: a retry after an error below edits, never re-adds
            if specialties:
                experts.save_expert(self.ctx, self.saved.id, specialties, self.chosen_subtypes())
                self.saved = contacts.get_person(self.ctx, self.saved.id)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


class AbsenceDialog(QDialog):
    """Report that a person is away (from, to, where, deputy), or withdraw a notice."""

    def __init__(self, ctx: Context, person: PersonDetails, colleagues: list[tuple[int, str]],
                 today: dt.date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.person = person
        self.today = today
        self.setWindowTitle(self.tr("Absence notice: %1").replace("%1", person.name))
        self.setMinimumWidth(420)
        self.starts = QDateEdit(_qdate(today))
        self.ends = QDateEdit(_qdate(today))
        for edit in (self.starts, self.ends):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.kind = QComboBox()
        for kind, text in ((AbsenceKind.TRIP, self.tr("Trip")), (AbsenceKind.LEAVE, self.tr("Leave")),
                           (AbsenceKind.OTHER, self.tr("Other"))):
            self.kind.addItem(text, kind.value)
        self.place = QLineEdit()
        self.deputy = QComboBox()
        self.deputy.addItem(self.tr("(none)"), None)
        for person_id, name in colleagues:
            if person_id != person.id:
                self.deputy.addItem(name, person_id)
        self.note = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.starts)
        form.addRow(self.tr("&To (last day away):"), self.ends)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Where:"), self.place)
        form.addRow(self.tr("&Deputy:"), self.deputy)
        form.addRow(self.tr("N&ote:"), self.note)
        self.current = QListWidget()
        self.current.setMaximumHeight(90)
        self.cancel_button = QPushButton(self.tr("&Withdraw selected notice"))
        self.cancel_button.clicked.connect(self.withdraw)
        self.fill_current(person.absences)
        self.error = error_label()
        buttons = ok_cancel(self, self.tr("Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Notices on record:")))
        layout.addWidget(self.current)
        layout.addWidget(self.cancel_button)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.changed = False

    def fill_current(self, notices: tuple[AbsenceInfo, ...] | list[AbsenceInfo]) -> None:
        self.current.clear()
        for a in notices:
            item = QListWidgetItem(f"{a.starts_on:%Y-%m-%d} – {a.ends_on:%Y-%m-%d}  {a.place}"
                                   + (f"  ({a.deputy_name})" if a.deputy_name else ""))
            item.setData(256, a.id)
            self.current.addItem(item)
        self.cancel_button.setEnabled(self.current.count() > 0)

    def withdraw(self) -> None:
        item = self.current.currentItem() or self.current.item(0)
        if item is None:
            return
        try:
            absences.cancel_absence(self.ctx, item.data(256))
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.changed = True
        self.fill_current(absences.list_absences(self.ctx, person_id=self.person.id,
                                                 from_day=self.today))

    def submit(self) -> None:
        try:
            absences.report_absence(
                self.ctx, self.person.id, starts_on=_pydate(self.starts.date()),
                ends_on=_pydate(self.ends.date()), kind=self.kind.currentData(),
                place=self.place.text(), deputy_id=self.deputy.currentData(), note=self.note.text())
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.changed = True
        self.accept()
