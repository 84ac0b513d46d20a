"""Settings → Users: administrators add users, change roles, deactivate, reset passwords."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import UserRole
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.office import users
from app.services.office.users import UserInfo
from app.ui.table_model import Index, RowsModel
from app.ui.widgets import error_label, fit_columns, ok_cancel


def role_label(role: UserRole) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        UserRole.OFFICER: QCoreApplication.translate("UsersTab", "Duty officer"),
        UserRole.LEADER: QCoreApplication.translate("UsersTab", "Leader"),
        UserRole.ADMIN: QCoreApplication.translate("UsersTab", "Administrator"),
    }[role]


class UsersModel(RowsModel):
    """The users, one row each."""

    def __init__(self, rows: list[UserInfo] | None = None) -> None:
        super().__init__()
        self.rows = rows or []
        self.headers = [self.tr("User name"), self.tr("Name"), self.tr("Role"),
                         self.tr("Active"), self.tr("Last sign-in")]

    def user_at(self, row: int) -> UserInfo:
        return self.rows[row]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role != Qt.ItemDataRole.DisplayRole:
            return None
        u = self.rows[index.row()]
        col = index.column()
        if col == 0:
            return u.username
        if col == 1:
            return u.display_name
        if col == 2:
            return role_label(u.role)
        if col == 3:
            return self.tr("Yes") if u.active else self.tr("No")
        return u.last_sign_in.astimezone().strftime("%Y-%m-%d %H:%M") if u.last_sign_in else ""


class UserDialog(QDialog):
    """Add a user (with a password) or edit one (name, role, active)."""

    def __init__(self, ctx: Context, user: UserInfo | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        self.setWindowTitle(self.tr("Edit user") if user else self.tr("Add user"))
        self.username = QLineEdit(user.username if user else "")
        self.username.setEnabled(user is None)
        self.display_name = QLineEdit(user.display_name if user else "")
        self.role = QComboBox()
        for r in UserRole:
            self.role.addItem(role_label(r), r.value)
        self.role.setCurrentIndex(self.role.findData((user.role if user else UserRole.OFFICER).value))
        self.active = QCheckBox(self.tr("May sign in"))
        self.active.setChecked(user.active if user else True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&User name:"), self.username)
        form.addRow(self.tr("Full na&me:"), self.display_name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow("", self.active)
        if user is None:
            form.addRow(self.tr("&Password:"), self.password)
            form.addRow(self.tr("&Confirm password:"), self.confirm)
        self.error = error_label()
        buttons = ok_cancel(self, self.tr("Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            if self.user is None:
                users.create_user(
                    self.ctx, username=self.username.text(), display_name=self.display_name.text(),
                    role=self.role.currentData(), password=self.password.text(),
                    confirm=self.confirm.text(),
                )
            else:
                users.update_user(
                    self.ctx, self.user.id, expected_version=self.user.version,
                    display_name=self.display_name.text(), role=self.role.currentData(),
                    active=self.active.isChecked(),
                )
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class PasswordDialog(QDialog):
    """Set a new password: one's own (with the current one) or, by an administrator, anyone's."""

    def __init__(self, ctx: Context, user: UserInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.user = user
        own = ctx.actor is not None and ctx.actor.user_id == user.id
        self.setWindowTitle(self.tr("Change password: %1").replace("%1", user.display_name))
        self.current = QLineEdit()
        self.current.setEchoMode(QLineEdit.EchoMode.Password)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        if own:
            form.addRow(self.tr("C&urrent password:"), self.current)
        form.addRow(self.tr("&New password:"), self.password)
        form.addRow(self.tr("&Confirm password:"), self.confirm)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.hide()
        buttons = ok_cancel(self, self.tr("Save"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            users.set_password(self.ctx, self.user.id, self.password.text(), self.confirm.text(),
                               current_password=self.current.text())
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


class UsersTab(QWidget):
    """The list of users with the administrator's actions."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = UsersModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        fit_columns(self.table, 1)  # the user's name
        self.table.verticalHeader().hide()
        self.table.doubleClicked.connect(lambda _i: self.edit_user())
        self.add_button = QPushButton(self.tr("&Add user…"))
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.password_button = QPushButton(self.tr("Set &password…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button.clicked.connect(self.change_password)
        self.note = QLabel()
        row = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.password_button):
            row.addWidget(b)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table)
        layout.addWidget(self.note)
        self.reload()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reload()

    def reload(self) -> None:
        self.model.set_rows(users.list_users(self.ctx))
        admin = self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN
        self.add_button.setEnabled(admin)
        self.edit_button.setEnabled(admin)
        self.note.setText("" if admin else self.tr("Only an administrator can manage users; "
                                                   "you can change your own password."))

    def _selected(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.user_at(rows[0].row()) if rows else None

    def add_user(self) -> None:
        if UserDialog(self.ctx, None, self).exec():
            self.reload()

    def edit_user(self) -> None:
        user = self._selected()
        if user is not None and self.edit_button.isEnabled() and UserDialog(self.ctx, user, self).exec():
            self.reload()

    def change_password(self) -> None:
        user = self._selected()
        if user is None and self.ctx.actor is not None:
            user = next((u for u in users.list_users(self.ctx) if u.id == self.ctx.actor.user_id), None)
        if user is not None and PasswordDialog(self.ctx, user, self).exec():
            self.reload()
