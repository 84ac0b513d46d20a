"""The plans and drills section (预案演练): the register of plans with their clocks, the
drills with their corrective actions, and training.

Everyone reads it; the administrator keeps it (DESIGN.md), so the buttons that write are
disabled for other operators.
"""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from app.domain.enums import UserRole
from app.services.context import Context
from app.ui.plans.drills_tab import DrillsTab
from app.ui.plans.files import PlanFiles
from app.ui.plans.plans_tab import PlansTab
from app.ui.plans.training_tab import TrainingTab


class PlansPage(QWidget):
    """Signals:
        sig_changed(): deadlines may have changed here (a plan, review, drill or action).
    """

    sig_changed = Signal()
    """Refresh what shows deadlines."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.plans_tab = PlansTab(ctx, zone)
        self.drills_tab = DrillsTab(ctx, zone)
        self.training_tab = TrainingTab(ctx, zone)
        self.files = PlanFiles(ctx, self)
        self.note = QLabel()
        self.note.setObjectName("planNote")
        self.tabs = QTabWidget()
        self.tabs.addTab(self.plans_tab, self.tr("&Plans"))
        self.tabs.addTab(self.drills_tab, self.tr("D&rills"))
        self.tabs.addTab(self.training_tab, self.tr("&Training"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        self.plans_tab.sig_changed.connect(self._changed)
        self.plans_tab.sig_record_drill.connect(self.record_drill)
        self.plans_tab.sig_import.connect(self.files.choose_import)
        self.plans_tab.sig_export.connect(self.files.choose_export)
        self.drills_tab.sig_changed.connect(self._changed)
        self.training_tab.sig_changed.connect(self.plans_tab.refresh)
        self.files.sig_imported.connect(self._changed)
        self.files.sig_note.connect(self.note.setText)
        self._apply_role()

    def _apply_role(self) -> None:
        admin = self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN
        for tab in (self.plans_tab, self.drills_tab, self.training_tab):
            tab.set_admin(admin)

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.files.ctx = ctx
        for tab in (self.plans_tab, self.drills_tab, self.training_tab):
            tab.set_context(ctx)
        self.plans_tab.details.ctx = ctx
        self._apply_role()

    def _changed(self) -> None:
        for tab in (self.plans_tab, self.drills_tab):
            tab.refresh()
        self.sig_changed.emit()

    def record_drill(self, plan_id: int) -> None:
        """F7 on a plan: the drill dialog with that plan chosen."""
        self.tabs.setCurrentWidget(self.drills_tab)
        self.drills_tab.record(plan_id)
