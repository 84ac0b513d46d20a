"""The intake section (接报): the form for a new call and the list of incidents."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from app.domain.incident_facts import IncidentFacts
from app.services.context import Context
from app.ui.intake.detail import IncidentDialog
from app.ui.intake.form import IntakeForm
from app.ui.intake.incident_list import IncidentListPage


class IntakePage(QWidget):
    """Signals:
        sig_changed(): an incident was recorded or changed here (deadlines may have moved).
    """

    sig_changed = Signal()
    """Refresh what shows incidents or deadlines."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None, *,
                 between: Callable[[], object] = lambda: None) -> None:
        """``between`` runs between the form and the list (MainWindow's own ``between``)."""
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.form = IntakeForm(ctx, zone)
        between()
        self.list = IncidentListPage(ctx, zone)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.form, self.tr("&New intake"))
        self.tabs.addTab(self.list, self.tr("&Incidents"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.form.sig_recorded.connect(self._recorded)
        self.list.sig_open_incident.connect(self.open_incident)
        self.form.sig_open_incident.connect(self.open_incident)
        self.tabs.currentChanged.connect(self._tab_shown)
        # the signed-in operator's draft (a window built before sign-in: when they sign in)
        self.restored = ctx.actor is not None and self.form.restore_latest_draft()

    def signed_in(self, ctx: Context) -> None:
        """The window built while the password was typed is now ``ctx``'s operator's: their
        draft comes back, else the empty form names them as taking the call."""
        self.set_context(ctx)
        self.restored = self.form.restore_latest_draft()
        if not self.restored:
            self.form.clear()

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.list:
            view = self.list.view
            view.setFocus()  # the newest open case is picked: Enter opens it
            if not view.selectionModel().hasSelection() and view.model().rowCount():
                view.selectRow(0)

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.form.ctx = ctx
        self.list.set_context(ctx)

    def new_intake(self) -> None:
        self.tabs.setCurrentWidget(self.form)
        self.form.fields.title.setFocus()

    def record_call(self, facts: IncidentFacts) -> None:
        """A call recorded on F2 becomes an intake: the form opens with the caller's details."""
        self.tabs.setCurrentWidget(self.form)
        self.form.prefill(facts)

    def _recorded(self, number: str) -> None:
        self.list.refresh()
        self.sig_changed.emit()

    def open_incident(self, number: str) -> None:
        IncidentDialog(self.ctx, number, self.zone, self).exec()
        self.list.refresh()
        self.sig_changed.emit()
