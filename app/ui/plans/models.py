"""The plans section's words and lists: the glossary's terms through tr(), and one table model
per list (plans, drills, corrective actions, training, a plan's history)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush

from app.domain.enums import DeadlineOutcome, Level
from app.domain.plans import DrillType, PlanStatus, PlanType, ReviewConclusion
from app.ui import style, table_model
from app.ui.table_model import Index


def type_text(kind: PlanType) -> str:
    return {
        PlanType.OVERALL: QCoreApplication.translate("PlanTerms", "Overall"),
        PlanType.SPECIAL: QCoreApplication.translate("PlanTerms", "Special"),
        PlanType.DEPARTMENT: QCoreApplication.translate("PlanTerms", "Department"),
        PlanType.TOWNSHIP: QCoreApplication.translate("PlanTerms", "Township"),
        PlanType.ENTERPRISE: QCoreApplication.translate("PlanTerms", "Enterprise"),
        PlanType.ONSITE: QCoreApplication.translate("PlanTerms", "On-site"),
    }[kind]


def status_text(status: PlanStatus) -> str:
    return {
        PlanStatus.IN_FORCE: QCoreApplication.translate("PlanTerms", "In force"),
        PlanStatus.UNDER_REVISION: QCoreApplication.translate("PlanTerms", "Under revision"),
        PlanStatus.WITHDRAWN: QCoreApplication.translate("PlanTerms", "Withdrawn"),
    }[status]


def drill_type_text(kind: DrillType) -> str:
    return {
        DrillType.TABLETOP: QCoreApplication.translate("PlanTerms", "Tabletop"),
        DrillType.LIVE: QCoreApplication.translate("PlanTerms", "Live"),
        DrillType.COMBINED: QCoreApplication.translate("PlanTerms", "Combined"),
    }[kind]


def conclusion_text(conclusion: ReviewConclusion) -> str:
    return {
        ReviewConclusion.VALID: QCoreApplication.translate("PlanTerms", "Remains valid"),
        ReviewConclusion.REVISE: QCoreApplication.translate("PlanTerms", "To be revised"),
    }[conclusion]


def outcome_text(outcome: DeadlineOutcome) -> str:
    return {
        DeadlineOutcome.OPEN: QCoreApplication.translate("PlanTerms", "Open"),
        DeadlineOutcome.ON_TIME: QCoreApplication.translate("PlanTerms", "On time"),
        DeadlineOutcome.LATE: QCoreApplication.translate("PlanTerms", "Late"),
        DeadlineOutcome.MISSED: QCoreApplication.translate("PlanTerms", "Missed"),
        DeadlineOutcome.CANCELLED: QCoreApplication.translate("PlanTerms", "Cancelled"),
    }[outcome]


def level_text(level: Level | None) -> str:
    """A response level as the glossary writes it (Ⅲ级)."""
    if level is None:
        return ""
    return {
        Level.I: QCoreApplication.translate("PlanTerms", "Level I"),
        Level.II: QCoreApplication.translate("PlanTerms", "Level II"),
        Level.III: QCoreApplication.translate("PlanTerms", "Level III"),
        Level.IV: QCoreApplication.translate("PlanTerms", "Level IV"),
    }[level]


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


Column = tuple[str, Callable[[Any], object]]


class ListModel(table_model.RowsModel):
    """Rows of plain data under ``columns`` (header, value of a row); numbers align right,
    ``late`` rows (or cells) turn red and ``muted`` rows grey."""

    def __init__(self, columns: Sequence[Column], *,
                 late: Callable[[Any, int], bool] = lambda _r, _c: False,
                 muted: Callable[[Any], bool] = lambda _r: False) -> None:
        super().__init__()
        self.columns = list(columns)
        self.headers = [header for header, _ in self.columns]
        self._late, self._muted = late, muted

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        value = self.columns[column][1](row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, int | float):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._late(row, column):
                return QBrush(style.colour("danger_text"))
            if self._muted(row):
                return QBrush(style.colour("text_muted"))
        return None
