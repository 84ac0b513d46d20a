"""First-run setup and sign-in, driven from the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from app.services.context import Context
from app.services.office import office
from app.ui.setup_dialog import SetupDialog
from app.ui.signin_dialog import SignInDialog
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import type_text


def _ok(dialog) -> None:  # type: ignore[no-untyped-def]
    buttons = dialog.findChild(QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_setup_dialog_creates_the_office_and_signs_in(qtbot, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "应急值守台：首次设置"
    type_text(qtbot, dialog.name, "江州市应急管理局")
    type_text(qtbot, dialog.duty_phone, "0576-88001234")
    type_text(qtbot, dialog.admin_name, "王建国")
    type_text(qtbot, dialog.password, ADMIN_PASSWORD)
    type_text(qtbot, dialog.confirm, ADMIN_PASSWORD)
    _ok(dialog)
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.name == "admin"
    assert office.get_office(ctx).name == "江州市应急管理局"  # type: ignore[union-attr]


def test_setup_dialog_names_the_bad_fields_and_writes_nothing(qtbot, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    dialog = SetupDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.name, "江州市应急管理局")
    type_text(qtbot, dialog.duty_phone, "值班室")
    type_text(qtbot, dialog.admin_name, "王建国")
    type_text(qtbot, dialog.password, "short")
    type_text(qtbot, dialog.confirm, "other")
    _ok(dialog)
    assert dialog.isVisible()
    text = dialog.error.text()
    assert "值班电话" in text and "密码至少 8 个字符" in text and "两次输入的密码不一致" in text
    assert office.needs_setup(ctx)


def test_sign_in_dialog(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(office_ctx, "江州市应急管理局")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.windowTitle() == "登录"
    type_text(qtbot, dialog.username, "admin")
    type_text(qtbot, dialog.password, "wrong-password")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.isVisible() and "用户名或密码不正确" in dialog.error.text()
    assert dialog.password.text() == ""
    type_text(qtbot, dialog.password, ADMIN_PASSWORD)
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert dialog.result() == SignInDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.display_name == "王建国"


def test_sign_in_dialog_waits_out_the_throttle(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    dialog = SignInDialog(office_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.username, "admin")
    for _ in range(3):
        type_text(qtbot, dialog.password, "wrong-password")
        qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "秒后再试" in dialog.error.text()
    assert not dialog.ok_button.isEnabled()
