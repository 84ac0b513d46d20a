"""First start on an empty database: the office and the first administrator."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import InputError
from app.services.context import Actor, Context
from app.services.office import office
from app.ui.widgets import error_label, ok_cancel, timezone_box


class SetupDialog(QDialog):
    """Asks for the office and the first administrator, then signs that administrator in."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("DutyDesk: first-time setup"))
        self.setMinimumWidth(460)

        intro = QLabel(self.tr("Welcome. Enter your office and create the first administrator."))
        intro.setWordWrap(True)

        office_box = QGroupBox(self.tr("Office"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. Jiangzhou Emergency Management Bureau"))
        self.duty_phone = QLineEdit()
        self.fax = QLineEdit()
        self.timezone = timezone_box()
        form = QFormLayout(office_box)
        form.addRow(self.tr("Office &name:"), self.name)
        form.addRow(self.tr("&Duty phone:"), self.duty_phone)
        form.addRow(self.tr("&Fax:"), self.fax)
        form.addRow(self.tr("&Time zone:"), self.timezone)

        admin_box = QGroupBox(self.tr("First administrator"))
        self.admin_name = QLineEdit()
        self.username = QLineEdit("admin")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form2 = QFormLayout(admin_box)
        form2.addRow(self.tr("Full na&me:"), self.admin_name)
        form2.addRow(self.tr("&User name:"), self.username)
        form2.addRow(self.tr("&Password:"), self.password)
        form2.addRow(self.tr("&Confirm password:"), self.confirm)

        self.error = error_label()

        buttons = ok_cancel(self, self.tr("Create"), self.submit)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(office_box)
        layout.addWidget(admin_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.name.setFocus()

    def submit(self) -> None:
        try:
            self.actor = office.set_up(
                self.ctx,
                name=self.name.text(),
                duty_phone=self.duty_phone.text(),
                fax=self.fax.text(),
                timezone=self.timezone.zone(),
                admin_username=self.username.text(),
                admin_name=self.admin_name.text(),
                admin_password=self.password.text(),
                admin_confirm=self.confirm.text(),
            )
        except InputError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()
