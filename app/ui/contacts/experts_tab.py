"""Experts and rescue teams: the pool and the teams, filtered by the incident at hand.

Choosing a category and sub-type lists what ``experts.suggest`` proposes (this sub-type's
experts and teams first); Enter copies the main number of the current row; F9 switches a
team between ready and deployed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QObject,
    Qt,
)
from PySide6.QtGui import QBrush, QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.contacts import TeamKind, TeamStatus
from app.domain.errors import DutyDeskError
from app.domain.incident_types import SUBTYPES, Category, Subtype
from app.domain.terms import term
from app.services.contacts import experts
from app.services.contacts.experts import ExpertInfo, TeamInfo
from app.services.context import Context
from app.ui import style, table_model
from app.ui.table_model import Index
from app.ui.widgets import fit_columns


def category_text(category: Category) -> str:
    return {
        Category.NATURAL: QCoreApplication.translate("IncidentTypes", "Natural disaster"),
        Category.ACCIDENT: QCoreApplication.translate("IncidentTypes", "Accident"),
        Category.HEALTH: QCoreApplication.translate("IncidentTypes", "Public health"),
        Category.SOCIAL: QCoreApplication.translate("IncidentTypes", "Social security"),
    }[category]


def team_kind_text(kind: TeamKind) -> str:
    # the Chinese term is the name every office uses; shown as is in both languages
    return term(kind)


def status_text(status: TeamStatus) -> str:
    return {
        TeamStatus.READY: QCoreApplication.translate("IncidentTypes", "Ready"),
        TeamStatus.DEPLOYED: QCoreApplication.translate("IncidentTypes", "Deployed"),
        TeamStatus.UNAVAILABLE: QCoreApplication.translate("IncidentTypes", "Resting"),
    }[status]


class RowsModel(table_model.RowsModel):
    """A short list (tens of rows) shown whole: columns are (header, value of a row)."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], str]]],
                 red: Callable[[Any], bool] = lambda _r: False, numbers: Sequence[int] = ()) -> None:
        super().__init__()
        self._columns = list(columns)
        self.headers = [header for header, _ in self._columns]
        self._red = red
        self.numbers = set(numbers)  # columns of quantities: right-aligned

    def set_rows(self, rows: Sequence[Any]) -> None:
        super().set_rows(list(rows))

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[index.column()][1](row)
        if role == Qt.ItemDataRole.ForegroundRole and self._red(row):
            return QBrush(style.colour("danger_text"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numbers:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class ExpertsTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for c in Category:
            self.category.addItem(category_text(c), c.value)
        self.subtype = QComboBox()
        self.category.currentIndexChanged.connect(lambda _i: self._fill_subtypes())
        self.subtype.currentIndexChanged.connect(lambda _i: self.refresh())
        self.expert_model = RowsModel([
            (self.tr("Name"), lambda e: e.name), (self.tr("Unit"), lambda e: e.organization),
            (self.tr("Title"), lambda e: e.title),
            (self.tr("Specialties"), lambda e: "、".join(e.specialties)),
            (self.tr("Incidents"), lambda e: "、".join(term(s) for s in e.subtypes)),
            (self.tr("Main number"), lambda e: e.main_phone),
            (self.tr("Status"), lambda e: self.tr("Away") if e.away else ""),
        ], red=lambda e: e.away)
        self.team_model = RowsModel([
            (self.tr("Team"), lambda t: t.name), (self.tr("Kind"), lambda t: team_kind_text(t.kind)),
            (self.tr("Leader"), lambda t: t.leader_name), (self.tr("Leader's mobile"), lambda t: t.leader_phone),
            (self.tr("Duty phone"), lambda t: t.phone), (self.tr("Headcount"), lambda t: str(t.headcount)),
            (self.tr("Equipment"), lambda t: t.equipment), (self.tr("Status"), lambda t: status_text(t.status)),
        ], red=lambda t: t.status is not TeamStatus.READY, numbers=(5,))
        self.expert_table = self._table(self.expert_model, 4)  # the incidents they know
        self.team_table = self._table(self.team_model, 6)  # the equipment
        self.note = QLabel(self.tr("Enter: copy the number · F9: team ready / deployed"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Incident:")))
        top.addWidget(self.category)
        top.addWidget(self.subtype)
        top.addStretch()
        split = QSplitter(Qt.Orientation.Vertical)
        for title, table in ((self.tr("Experts"), self.expert_table),
                             (self.tr("Rescue teams"), self.team_table)):
            box = QWidget()
            box_layout = QVBoxLayout(box)
            box_layout.setContentsMargins(0, 0, 0, 0)
            box_layout.addWidget(QLabel(title))
            box_layout.addWidget(table)
            split.addWidget(box)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)
        self._stale = True  # loaded when first shown: kept off the start-up path
        self._fill_subtypes()

    def _table(self, model: RowsModel, stretch: int) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        fit_columns(table, stretch)
        table.installEventFilter(self)
        return table

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.refresh()

    def _fill_subtypes(self) -> None:
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem(self.tr("All sub-types"), None)
        category = self.category.currentData()
        for c in ([Category(category)] if category else list(Category)):
            for s in SUBTYPES[c]:
                self.subtype.addItem(term(s), s.value)
        self.subtype.blockSignals(False)
        self.refresh()

    def choose(self, category: Category | None, subtype: Subtype | None) -> None:
        self.category.setCurrentIndex(self.category.findData(category.value if category else None))
        self.subtype.setCurrentIndex(self.subtype.findData(subtype.value if subtype else None))
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def refresh(self) -> None:
        """Reload now if the tab shows, else when it is next shown."""
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def load(self) -> None:
        self._stale = False
        category, subtype = self.category.currentData(), self.subtype.currentData()
        if category is None and subtype is None:
            pool: list[ExpertInfo] = experts.list_experts(self.ctx)
            teams: list[TeamInfo] = experts.list_teams(self.ctx)
        else:
            found = experts.suggest(self.ctx, category, subtype, limit=50)
            pool, teams = found.experts, found.teams
        self.expert_model.set_rows(pool)
        self.team_model.set_rows(teams)

    def toggle_team(self) -> None:
        team: TeamInfo | None = self.team_model.row_at(self.team_table.currentIndex().row())
        if team is None:
            return
        status = TeamStatus.READY if team.status is not TeamStatus.READY else TeamStatus.DEPLOYED
        try:
            experts.save_team(self.ctx, team.id, experts.TeamInput(
                team.name, team.kind, team.organization_id, team.leader_id, team.phone, team.headcount,
                team.equipment, status, team.base, team.notes), expected_version=team.version)
        except DutyDeskError as exc:  # changed on another workstation meanwhile (已被他人修改)
            QMessageBox.warning(self, self.tr("Rescue teams"), exc.message)
            self.refresh()
            return
        row = self.team_table.currentIndex().row()
        self.refresh()
        self.team_table.selectRow(min(row, self.team_model.rowCount() - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress
                and watched in (self.expert_table, self.team_table)):
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy_current(self.team_table if watched is self.team_table
                                  else self.expert_table)
                return True
            if key == Qt.Key.Key_F9 and watched is self.team_table:
                self.toggle_team()
                return True
        return super().eventFilter(watched, event)

    def copy_current(self, table: QTableView) -> str:
        """Copy the main number of ``table``'s current row (the experts' or the teams')."""
        model = self.team_model if table is self.team_table else self.expert_model
        row = model.row_at(table.currentIndex().row())
        if row is None:
            return ""
        number = row.main_phone if isinstance(row, ExpertInfo) else (row.leader_phone or row.phone)
        if number:
            QGuiApplication.clipboard().setText(number)
            self.note.setText(self.tr("Copied %1 (%2)").replace("%1", number).replace("%2", row.name))
        return number
