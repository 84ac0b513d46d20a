"""Sign-in at start and "switch operator" during the shift."""

from __future__ import annotations

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
from app.services.context import Actor, Context
from app.services.office import users
from app.ui.widgets import error_label, ok_cancel


class SignInDialog(QDialog):
    """Asks for a user name and password; ``actor`` holds the signed-in operator."""

    def __init__(
        self, ctx: Context, office_name: str = "", switching: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Switch operator") if switching else self.tr("Sign in"))
        self.setMinimumWidth(360)

        heading = QLabel(office_name or self.tr("DutyDesk"))
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

    def submit(self) -> None:
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
