"""Small inputs the plans section's dialogs share: dates, a date that may be absent, a unit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QCompleter, QDateEdit, QHBoxLayout, QWidget

from app.domain.plan_input import UnitRef


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def date_edit(value: dt.date) -> QDateEdit:
    """A date typed as YYYY-MM-DD or picked from a calendar."""
    edit = QDateEdit(to_qdate(value))
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setCalendarPopup(True)
    return edit


def date_of(edit: QDateEdit) -> dt.date:
    q = edit.date()
    return dt.date(q.year(), q.month(), q.day())


class OptionalDate(QWidget):
    """A date that may not have happened yet (filed, done): a box to tick, then the date."""

    def __init__(self, label: str, value: dt.date | None, default: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.check = QCheckBox(label)
        self.check.setChecked(value is not None)
        self.edit = date_edit(value or default)
        self.edit.setEnabled(value is not None)
        self.edit.setAccessibleName(label.replace("&", ""))  # the date of what the box says
        self.check.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.check)
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.check)

    def value(self) -> dt.date | None:
        return date_of(self.edit) if self.check.isChecked() else None


class UnitBox(QComboBox):
    """A unit of the contact book, by typing (completed) or choosing; a name typed that the book
    lacks is kept as text (a plan's owner unit is then created, as the import does)."""

    def __init__(self, units: list[tuple[int, str]], current: int | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for unit_id, name in units:
            self.addItem(name, unit_id)
        completer = self.completer()
        if completer is not None:
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setCurrentIndex(self.findData(current) if current is not None else -1)

    def unit(self) -> UnitRef:
        """The chosen unit's id, or the name typed."""
        text = self.currentText().strip()
        index = self.findText(text)
        data = self.itemData(index) if index >= 0 else None
        return data if isinstance(data, int) else text
