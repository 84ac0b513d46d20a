"""The duty log section (值班日志): the log, the handover, presence checks, the daily report;
and the quick entry reachable from anywhere in the window (F2)."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.services.context import Context
from app.ui.dutylog.daily_tab import DailyReportTab
from app.ui.dutylog.entry_dialog import EntryDialog
from app.ui.dutylog.handover_tab import HandoverTab
from app.ui.dutylog.log_tab import LogTab
from app.ui.dutylog.presence_tab import PresenceTab


class DutyLogPage(QWidget):
    """Signals:
        sig_changed(): deadlines may have changed here (a daily report was sent).
        sig_record_as_incident(IncidentFacts): a call on the quick entry reports an incident.
        sig_show(): the section is wanted on screen (the handover shortcut).
    """

    sig_changed = Signal()
    """Refresh what shows deadlines."""
    sig_record_as_incident = Signal(object)
    """Open the intake form with these facts (the caller's details)."""
    sig_show = Signal()
    """Show this section (a shortcut from another section asks for it)."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.log_tab = LogTab(ctx, zone)
        self.handover_tab = HandoverTab(ctx, zone)
        self.presence_tab = PresenceTab(ctx, zone)
        self.daily_tab = DailyReportTab(ctx, zone)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.log_tab, self.tr("&Log"))
        self.tabs.addTab(self.handover_tab, self.tr("&Handover"))
        self.tabs.addTab(self.presence_tab, self.tr("&Presence checks"))
        self.tabs.addTab(self.daily_tab, self.tr("&Daily report"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        # Added to the window's Duty menu, so the keys work in every section.
        self.quick_entry_action = QAction(self.tr("Duty &log entry…"), self)
        self.quick_entry_action.setShortcuts([QKeySequence("F2"), QKeySequence("Ctrl+Shift+L")])
        self.quick_entry_action.triggered.connect(self.quick_entry)
        self.log_tab.new_button.clicked.connect(self.quick_entry)
        self.handover_action = QAction(self.tr("&Handover…"), self)
        self.handover_action.setShortcut(QKeySequence("Ctrl+H"))
        self.handover_action.triggered.connect(self.show_handover)
        self.log_tab.sig_changed.connect(self.handover_tab.refresh)
        self.presence_tab.sig_changed.connect(self._written)
        self.handover_tab.sig_handed_over.connect(self.log_tab.show_current)
        self.daily_tab.sig_sent.connect(self._written)
        self.daily_tab.sig_sent.connect(self.sig_changed)
        self.tabs.currentChanged.connect(self._tab_shown)

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        for tab in (self.log_tab, self.handover_tab, self.presence_tab, self.daily_tab):
            tab.set_context(ctx)

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.presence_tab:
            self.presence_tab.table.setFocus()  # ready for the one-key marks
        elif self.tabs.currentWidget() is self.handover_tab:
            self.handover_tab.ready_for_passwords()

    def show_handover(self) -> None:
        """Ctrl+H from anywhere: the handover of the shift now, the keyboard at the passwords."""
        self.sig_show.emit()
        self.tabs.setCurrentWidget(self.handover_tab)
        self.handover_tab.show_current()
        self.handover_tab.ready_for_passwords()

    def _written(self) -> None:
        self.log_tab.refresh()
        self.handover_tab.refresh()

    def quick_entry(self) -> bool:
        """Write an entry from wherever the operator is; True when one was written."""
        dialog = EntryDialog(self.ctx, self.zone, self.window())
        accepted = dialog.exec()
        if dialog.as_incident is not None:
            self.sig_record_as_incident.emit(dialog.as_incident)
            return False
        if not accepted or dialog.entry is None:
            return False
        self.log_tab.show_current()
        self.handover_tab.refresh()
        return True
