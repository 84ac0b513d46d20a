"""Settings → Audit trail: who changed what, newest first, fetched page by page."""

from __future__ import annotations

import zoneinfo
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain import audit_terms
from app.services.context import Context
from app.services.office import audit
from app.services.office.audit import AuditRow
from app.ui import style
from app.ui.table_model import Index, PagedModel
from app.ui.workers import Job, run_job

PAGE = 200


class AuditModel(PagedModel[AuditRow]):
    """Audit entries, newest first; more rows arrive as the view scrolls (fetchMore)."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.ctx = ctx
        self.zone = zone
        self.headers = [self.tr("Time"), self.tr("Operator"), self.tr("Action"),
                         self.tr("Record"), self.tr("Change")]

    def reload(self) -> None:
        self.show_pages(lambda offset, limit: audit.recent(self.ctx, limit, offset), PAGE)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        r = self.row_of(index)
        if r is None:
            return None
        col = index.column()
        if col == 0:
            return r.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S")
        if col == 1:
            return audit_terms.actor(r.actor)
        if col == 2:
            return audit_terms.action(r.action)
        if col == 3:
            return audit_terms.record(r.entity, r.entity_id)
        lines = audit_terms.changes(r.before, r.after, self.zone)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(lines)
        return "；".join(lines)


class AuditTab(QWidget):
    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = AuditModel(ctx, zone)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.verify_button = QPushButton(self.tr("&Verify the chain"))
        self.verify_button.clicked.connect(self.verify)
        self.refresh_button = QPushButton(self.tr("&Refresh"))
        self.refresh_button.clicked.connect(self.model.reload)
        self.result = QLabel()
        self.result.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.refresh_button)
        row.addWidget(self.verify_button)
        row.addWidget(self.result, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        self.model.reload()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.model.ctx = ctx
        self.model.reload()

    def verify(self) -> Job:
        """Walk the whole chain off the GUI thread."""
        ctx = self.ctx
        return run_job(self, self.tr("Verify the chain"), lambda _progress: audit.verify(ctx),
                       self._verified, cancellable=False, key="audit-verify")

    def _verified(self, report: audit.ChainReport) -> None:
        if report.ok:
            style.set_tone(self.result, "ok")
            self.result.setText(self.tr("The chain is intact: %n entries.", "", report.count))
        else:
            style.set_tone(self.result, "error_strong")
            self.result.setText(report.sentence())
