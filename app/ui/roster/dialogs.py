"""Dialogs of the roster screen: edit a place, pick a range, generate, report, ask for a swap."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DutyRole
from app.services.roster.schedule import AssignmentInfo, ShiftDay
from app.services.roster.setup import PoolEntry
from app.ui.roster.models import role_word, tier_word
from app.ui.widgets import accept_cancel


def qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def pydate(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def date_edit(value: dt.date) -> QDateEdit:
    edit = QDateEdit(qdate(value))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


class PlaceDialog(QDialog):
    """Put someone of the role's pool in a place (or leave it empty), with a note."""

    def __init__(self, day: ShiftDay, role: DutyRole, current: AssignmentInfo | None,
                 pool: list[PoolEntry], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit duty"))
        self.person = QComboBox()
        self.person.setEditable(True)
        self.person.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.person.addItem(self.tr("(nobody)"), None)
        for entry in pool:
            if not entry.active and (current is None or entry.person_id != current.person_id):
                continue
            tier = f"（{tier_word(entry.tier)}）" if role.leads else ""
            self.person.addItem(f"{entry.name} {entry.title} {entry.mobile}{tier}", entry.person_id)
        if current is not None:
            found = self.person.findData(current.person_id)
            if found < 0:
                self.person.addItem(f"{current.name} {current.title} {current.phone}", current.person_id)
                found = self.person.count() - 1
            self.person.setCurrentIndex(found)
        self.note = QLineEdit(current.note if current else "")
        form = QFormLayout()
        form.addRow(self.tr("Duty:"), QLabel(f"{day.date.isoformat()} {day.shift_name} {role_word(role)}"))
        form.addRow(self.tr("&Person:"), self.person)
        form.addRow(self.tr("&Note:"), self.note)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("The place is locked: generating again keeps it.")))
        layout.addWidget(accept_cancel(self))
        self.person.setFocus()

    def person_id(self) -> int | None:
        if self.person.currentText() != self.person.itemText(self.person.currentIndex()):
            found = self.person.findText(self.person.currentText())
            return self.person.itemData(found) if found >= 0 else None
        return self.person.currentData()


class RangeDialog(QDialog):
    """A date range, optionally a title (workbook, print) or a person (iCalendar)."""

    def __init__(self, title: str, start: dt.date, end: dt.date, *, ask_title: bool = False,
                 people: list[tuple[int, str]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.start, self.end = date_edit(start), date_edit(end)
        form = QFormLayout()
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Default: unit, period, then 值班安排表"))
        if ask_title:
            form.addRow(self.tr("T&itle:"), self.title)
        self.person = QComboBox()
        if people is not None:
            self.person.addItem(self.tr("Everyone (the whole roster)"), None)
            for pid, name in people:
                self.person.addItem(name, pid)
            form.addRow(self.tr("&Whose shifts:"), self.person)
        self.box = QVBoxLayout(self)  # GenerateDialog inserts its own rows
        self.box.addLayout(form)
        self.box.addWidget(accept_cancel(self))

    def range(self) -> tuple[dt.date, dt.date]:
        return pydate(self.start.date()), pydate(self.end.date())

    def title_text(self) -> str | None:
        return self.title.text().strip() or None

    def person_id(self) -> int | None:
        return self.person.currentData()


class GenerateDialog(RangeDialog):
    def __init__(self, start: dt.date, end: dt.date, parent: QWidget | None = None) -> None:
        super().__init__("", start, end, parent=parent)
        self.setWindowTitle(self.tr("Generate the roster"))
        self.replace = QCheckBox(self.tr("&Rewrite what is not locked by hand"))
        self.box.insertWidget(1, self.replace)
        self.box.insertWidget(2, QLabel(self.tr(
            "Without it only empty places are filled. Places locked by hand always stay.")))


class ReportDialog(QDialog):
    """The generator's quality report, as text the operator can copy. Its default button (Enter)
    goes on to what follows a generation: the filing workbook and its print preview (accepted);
    Close (Esc) only closes (rejected)."""

    def __init__(self, lines: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Roster generated: quality report"))
        self.text = QPlainTextEdit("\n".join(lines))
        self.text.setReadOnly(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.export_button = box.addButton(self.tr("E&xport and preview"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)
        box.rejected.connect(self.reject)
        box.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(box)
        self.resize(640, 480)
        self.export_button.setFocus()  # not the text: Enter goes on


class SwapDialog(QDialog):
    """Ask a colleague of the same pool to take a duty, or to trade it with one of theirs."""

    def __init__(self, duty: AssignmentInfo, pool: list[PoolEntry],
                 their_duties: dict[int, list[AssignmentInfo]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ask for a swap"))
        self.their_duties = their_duties
        self.colleague = QComboBox()
        for entry in pool:
            if entry.active and entry.person_id != duty.person_id:
                self.colleague.addItem(f"{entry.name} {entry.mobile}", entry.person_id)
        self.trade = QComboBox()
        self.reason = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("Duty:"), QLabel(f"{duty.date.isoformat()} {role_word(duty.role)} {duty.name}"))
        form.addRow(self.tr("&Colleague:"), self.colleague)
        form.addRow(self.tr("&In exchange:"), self.trade)
        form.addRow(self.tr("&Reason:"), self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(accept_cancel(self))
        self.colleague.currentIndexChanged.connect(self._fill_trades)
        self._fill_trades()

    def _fill_trades(self) -> None:
        self.trade.clear()
        self.trade.addItem(self.tr("nothing (they take it over)"), None)
        for a in self.their_duties.get(self.colleague.currentData(), []):
            self.trade.addItem(self.tr("their duty of %1").replace("%1", a.date.isoformat()), a.id)

    def values(self) -> tuple[int | None, int | None, str]:
        return self.colleague.currentData(), self.trade.currentData(), self.reason.text()
