"""The swap requests: every one with its state; a leader approves or rejects a waiting one,
and whoever asked may withdraw it."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QPushButton, QVBoxLayout, QWidget

from app.domain.enums import SwapStatus
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.roster import swaps as roster_swaps
from app.services.roster.swaps import SwapInfo
from app.ui.roster.models import SwapsModel
from app.ui.roster.views import table_view


class SwapsPanel(QWidget):
    """The list of swap requests and what can be done to the chosen one.

    Signals:
        sig_decided(): a leader approved or rejected a request (an approval moves duties).
        sig_withdrawn(): a request was withdrawn.
    """

    sig_decided = Signal()
    """A request was approved or rejected: the page rereads the roster and tells the header."""
    sig_withdrawn = Signal()
    """A request was withdrawn: the page rereads the roster."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = SwapsModel(zone)
        self.view = table_view(self.model)
        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.clicked.connect(lambda: self.decide(True))
        self.reject_button = QPushButton(self.tr("Re&ject"))
        self.reject_button.clicked.connect(lambda: self.decide(False))
        self.withdraw_button = QPushButton(self.tr("&Withdraw"))
        self.withdraw_button.clicked.connect(self.withdraw)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        buttons = QHBoxLayout()
        for w in (self.approve_button, self.reject_button, self.withdraw_button):
            buttons.addWidget(w)
        buttons.addStretch()
        layout.addLayout(buttons)

    def set_state(self, ctx: Context, leader: bool) -> None:
        """The operator's context, and whether they may decide (a leader or an administrator)."""
        self.ctx = ctx
        self.approve_button.setEnabled(leader)
        self.reject_button.setEnabled(leader)

    def reload(self) -> None:
        self.model.set_rows(roster_swaps.list_swaps(self.ctx))

    def _current(self) -> SwapInfo | None:
        index = self.view.currentIndex()
        swap: SwapInfo | None = self.model.rows[index.row()] if index.isValid() else None
        return swap

    def _error(self, exc: DutyDeskError) -> None:
        QMessageBox.warning(self, self.tr("Roster"), exc.message)

    def decide(self, approve: bool) -> None:
        """Approve (the duties move at once) or reject the chosen waiting request."""
        swap = self._current()
        if swap is None or swap.status is not SwapStatus.REQUESTED:
            return
        try:
            roster_swaps.decide_swap(self.ctx, swap.id, approve, swap.version)
        except DutyDeskError as exc:
            self._error(exc)
            return
        self.sig_decided.emit()

    def withdraw(self) -> None:
        """Take back the chosen waiting request."""
        swap = self._current()
        if swap is None or swap.status is not SwapStatus.REQUESTED:
            return
        try:
            roster_swaps.withdraw_swap(self.ctx, swap.id)
        except DutyDeskError as exc:
            self._error(exc)
            return
        self.sig_withdrawn.emit()
