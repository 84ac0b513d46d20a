"""A numbered statistics table (app.domain.report_outline.Table) as a Qt model: numbers
right-aligned, rates as percentages, the 合计 row in bold."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QFont

from app.domain.report_outline import Cell, Table
from app.ui import style
from app.ui.table_model import Index, RowsModel


def cell_text(value: Cell, numeric: bool) -> str:
    """A count as digits, a rate as a percentage, nothing to rate as —."""
    if value is None:
        return "—" if numeric else ""
    if isinstance(value, float):
        return f"{value:.1%}"
    return str(value)


class TableModel(RowsModel):
    """The rows of one table, then its 合计 row."""

    def __init__(self) -> None:
        super().__init__()
        self.table: Table | None = None

    def show_table(self, table: Table) -> None:
        self.beginResetModel()
        self.table = table
        self.headers = list(table.columns)
        self.rows = [*table.rows, *([table.total] if table.total is not None else [])]
        self.endResetModel()

    def is_total(self, row: int) -> bool:
        return self.table is not None and self.table.total is not None and row == len(self.rows) - 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.table is None:
            return None
        numeric = self.table.numeric[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(self.rows[index.row()][index.column()], numeric)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft
            return horizontal | Qt.AlignmentFlag.AlignVCenter
        if role == Qt.ItemDataRole.FontRole and self.is_total(index.row()):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole and self.is_total(index.row()):
            return QBrush(style.colour("total_bg"))
        return None
