"""Settings → Office: the office's name, duty phone, fax and time zone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import UserRole
from app.domain.errors import DutyDeskError, InputError
from app.services.context import Context
from app.services.office import office
from app.ui import style
from app.ui.widgets import timezone_box


class OfficeTab(QWidget):
    """Edits the office; only administrators may save.

    Signals:
        sig_office_changed(): the office was saved.
    """

    sig_office_changed = Signal()
    """The office's details changed (the header shows its name)."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._version = 0
        self.name = QLineEdit()
        self.duty_phone = QLineEdit()
        self.fax = QLineEdit()
        self.timezone = timezone_box()
        form = QFormLayout()
        form.addRow(self.tr("Office &name:"), self.name)
        form.addRow(self.tr("&Duty phone:"), self.duty_phone)
        form.addRow(self.tr("&Fax:"), self.fax)
        form.addRow(self.tr("&Time zone:"), self.timezone)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.clicked.connect(self.save)
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addStretch()
        self.reload()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reload()

    def reload(self) -> None:
        info = office.get_office(self.ctx)
        if info is not None:
            self._version = info.version
            self.name.setText(info.name)
            self.duty_phone.setText(info.duty_phone)
            self.fax.setText(info.fax)
            self.timezone.set_zone(info.timezone)
        admin = self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN
        for w in (self.name, self.duty_phone, self.fax, self.timezone, self.save_button):
            w.setEnabled(admin)
        self.message.setText("" if admin else self.tr("Only an administrator can change the office."))
        self.message.setObjectName("")

    def save(self) -> None:
        try:
            office.update_office(
                self.ctx, expected_version=self._version, name=self.name.text(),
                duty_phone=self.duty_phone.text(), fax=self.fax.text(),
                timezone=self.timezone.zone(),
            )
        except InputError as exc:
            self._show(exc.message, error=True)
            return
        except DutyDeskError as exc:
            self._show(exc.message, error=True)
            return
        self.reload()
        self._show(self.tr("Saved."), error=False)
        self.sig_office_changed.emit()

    def _show(self, text: str, *, error: bool) -> None:
        style.set_tone(self.message, "error" if error else "ok")
        self.message.setText(text)
