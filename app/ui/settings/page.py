"""The Settings section: office, users, audit trail, database."""

from __future__ import annotations

import zoneinfo

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.context import Context
from app.ui.settings.audit_tab import AuditTab
from app.ui.settings.calendar_tab import CalendarTab
from app.ui.settings.database_tab import DatabaseTab
from app.ui.settings.duty_tab import DutyTab
from app.ui.settings.elements_tab import ElementsTab
from app.ui.settings.office_tab import OfficeTab
from app.ui.settings.rules_tab import RulesTab
from app.ui.settings.users_tab import UsersTab


class SettingsPage(QWidget):
    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tabs = QTabWidget()
        self.office_tab = OfficeTab(ctx)
        self.users_tab = UsersTab(ctx)
        self.audit_tab = AuditTab(ctx, zone)
        self.database_tab = DatabaseTab(ctx, zone)
        self.rules_tab = RulesTab(ctx)
        self.elements_tab = ElementsTab(ctx)
        self.duty_tab = DutyTab(ctx)
        self.calendar_tab = CalendarTab(ctx, zone)
        self.tabs.addTab(self.office_tab, self.tr("&Office"))
        self.tabs.addTab(self.users_tab, self.tr("&Users"))
        self.tabs.addTab(self.duty_tab, self.tr("Dut&y"))
        self.tabs.addTab(self.calendar_tab, self.tr("&Calendar"))
        self.tabs.addTab(self.rules_tab, self.tr("Deadline &rules"))
        self.tabs.addTab(self.elements_tab, self.tr("Required &elements"))
        self.tabs.addTab(self.audit_tab, self.tr("&Audit trail"))
        self.tabs.addTab(self.database_tab, self.tr("Data&base"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

    def set_context(self, ctx: Context) -> None:
        for tab in (self.office_tab, self.users_tab, self.duty_tab, self.calendar_tab, self.rules_tab,
                    self.elements_tab, self.audit_tab, self.database_tab):
            tab.set_context(ctx)
