"""Sign-in at start and "switch operator" during the shift."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import SignInFailed
from app.ui.widgets import error_label, ok_cancel

if TYPE_CHECKING:  # the dialog is on screen before the database layer is loaded (start-up)
    from app.services.context import Actor, Context


class SignInDialog(QDialog):
    """Asks for a user name and password; ``actor`` holds the signed-in operator.

    At start-up it is shown before the database is open (``ctx`` None): the operator types
    while the rest loads, and ``set_context`` hands it the database before it is used."""

    def __init__(
        self, ctx: Context | None, office_name: str = "", switching: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._pending = False
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Switch operator") if switching else self.tr("Sign in"))
        self.setMinimumWidth(360)

        self.heading = heading = QLabel(office_name or self.tr("DutyDesk"))
        heading.setObjectName("officeName")
        self.username = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("&Password:"), self.password)

        self.error = error_label()

        self.buttons = ok_cancel(self, self.tr("Sign in"), self.submit)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.username.setFocus()

        self._unlock_timer = QTimer(self)
        self._unlock_timer.setSingleShot(True)
        self._unlock_timer.timeout.connect(lambda: self.ok_button.setEnabled(True))

    def set_context(self, ctx: Context, office_name: str) -> None:
        """The database is open: sign in against it, under the office's name."""
        self.ctx = ctx
        if office_name:
            self.heading.setText(office_name)
        if self._pending:  # Sign in was pressed while the database was still opening
            self._pending = False
            self.submit()

    def submit(self) -> None:
        # Loaded here, not at the top: the dialog shows before the database layer is loaded.
        from app.services.office import users

        if self.ctx is None:  # still opening: signs in as soon as it is open (set_context)
            self._pending = True
            return
        try:
            self.actor = users.authenticate(self.ctx, self.username.text(), self.password.text())
        except SignInFailed as exc:
            self.error.setText(exc.message)
            self.error.show()
            self.password.clear()
            self.password.setFocus()
            if exc.retry_after_seconds:
                self.ok_button.setEnabled(False)
                self._unlock_timer.start(exc.retry_after_seconds * 1000)
            return
        self.accept()
