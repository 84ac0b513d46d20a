"""Settings → Required elements: what each kind of report must contain."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import incidents as rules
from app.domain.enums import ReportKind, UserRole
from app.domain.errors import DutyDeskError
from app.domain.terms import term
from app.services.context import Context
from app.services.incidents import intake as incidents
from app.services.office import settings

KINDS = (ReportKind.WARNING, ReportKind.INITIAL, ReportKind.FOLLOW_UP, ReportKind.FINAL, ReportKind.VERIFIED)
ELEMENTS = [e for e in rules.ELEMENTS if e not in ("casualties",)]


class ElementsTab(QWidget):
    """A grid: one row per element, one column per report kind, ticked when required."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.table = QTableWidget(len(ELEMENTS), len(KINDS))
        self.table.setHorizontalHeaderLabels([term(k) for k in KINDS])
        self.table.setVerticalHeaderLabels([rules.element_term(e) for e in ELEMENTS])
        self.save_button = QPushButton(self.tr("&Save required elements"))
        self.reset_button = QPushButton(self.tr("&Restore the defaults"))
        self.save_button.clicked.connect(self.save)
        self.reset_button.clicked.connect(self.reset)
        self.message = QLabel()
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.reset_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Ticked elements must be filled in before a report of that kind "
                                        "goes (a flash report may go first without them).")))
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.reload()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reload()

    def reload(self, required: dict[str, tuple[str, ...]] | None = None) -> None:
        required = required or incidents.required_elements(self.ctx)
        admin = self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN
        for r, element in enumerate(ELEMENTS):
            for c, kind in enumerate(KINDS):
                item = QTableWidgetItem()
                flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if admin else flags)
                item.setCheckState(Qt.CheckState.Checked if element in required.get(kind.value, ())
                                   else Qt.CheckState.Unchecked)
                self.table.setItem(r, c, item)
        self.save_button.setEnabled(admin)
        self.reset_button.setEnabled(admin)

    def values(self) -> dict[str, list[str]]:
        return {kind.value: [e for r, e in enumerate(ELEMENTS) if self._checked(r, c)]
                for c, kind in enumerate(KINDS)}

    def _checked(self, row: int, col: int) -> bool:
        item = self.table.item(row, col)
        return item is not None and item.checkState() == Qt.CheckState.Checked

    def save(self) -> None:
        values = self.values()
        if not values[ReportKind.INITIAL.value] or "title" not in values[ReportKind.INITIAL.value]:
            self.message.setText(self.tr("The initial report must at least require its title."))
            return
        try:
            settings.put(self.ctx, incidents.REQUIRED_KEY, values)
        except DutyDeskError as exc:
            self.message.setText(exc.message)
            return
        self.message.setText(self.tr("Saved."))

    def reset(self) -> None:
        self.reload(dict(rules.DEFAULT_REQUIRED))
