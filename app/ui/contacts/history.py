"""A number's history: when a person's or a unit's number changed, old → new, and by whom."""

from __future__ import annotations

import zoneinfo
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.contacts.book import NumberChangeInfo
from app.ui.contacts.models import label_text
from app.ui.table_model import Index, RowsModel


class NumberHistoryModel(RowsModel):
    """The recorded changes, newest first (an owner has tens, never thousands)."""

    def __init__(self, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.headers = [self.tr("When"), self.tr("Kind"), self.tr("Old number"),
                        self.tr("New number"), self.tr("Changed by"), self.tr("Note")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid() \
                or not 0 <= index.row() < len(self.rows):
            return None
        c: NumberChangeInfo = self.rows[index.row()]
        return (c.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M"), label_text(c.label),
                c.old_number or self.tr("(none)"), c.new_number or self.tr("(removed)"),
                c.changed_by, c.note)[index.column()]


class NumberHistoryDialog(QDialog):
    """The changes of one owner's numbers, read-only; Esc or Enter closes it."""

    def __init__(self, owner: str, changes: list[NumberChangeInfo], zone: zoneinfo.ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Number history: %1").replace("%1", owner))
        self.resize(640, 320)
        self.model = NumberHistoryModel(zone)
        self.model.set_rows(list(changes))
        self.table = QTableView()
        self.table.setObjectName("numberHistory")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.resizeColumnsToContents()
        self.empty = QLabel(self.tr("No number of %1 has changed since it was entered.")
                            .replace("%1", owner))
        self.empty.setVisible(not changes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.empty)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.table.setFocus()
