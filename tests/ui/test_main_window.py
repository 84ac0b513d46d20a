"""The main window: header, clock, operator, settings pages, switch operator."""

from __future__ import annotations

import datetime as dt

import pytest
from pytestqt.qt_compat import qt_api

from app.domain.errors import DatabaseDamaged
from app.services.context import Context
from app.services.office import audit, backup, users
from app.ui import application
from app.ui.main_window import MainWindow
from app.ui.settings.audit_tab import PAGE, AuditModel
from app.ui.settings.users_tab import UserDialog, UsersModel
from tests.ui.conftest import type_text


@pytest.fixture
def window(qtbot, office_ctx: Context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_header_shows_office_date_clock_and_operator(window: MainWindow, clock) -> None:  # type: ignore[no-untyped-def]
    assert window.office_label.text() == "江州市应急管理局"
    assert window.clock_label.text() == "09:30:00"  # 01:30 UTC in Shanghai
    assert window.date_label.text() == "2026年11月28日 星期六"
    assert window.operator_label.text() == "操作员：王建国（管理员）"
    assert window.db_label.text().startswith("数据库：")
    clock.advance(dt.timedelta(hours=15, minutes=1))
    window.tick()
    assert window.clock_label.text() == "00:31:00"
    assert window.date_label.text() == "2026年11月29日 星期日"


def test_only_working_sections_are_shown(window: MainWindow) -> None:
    names = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert names == ["值班安排", "接报", "报送时限", "通讯录", "值班日志", "预案演练", "统计", "设置"]


def test_switch_operator_changes_who_writes(window: MainWindow, office_ctx: Context) -> None:
    users.create_user(office_ctx, username="duty", display_name="李值班", role="officer",
                      password="officer-pass")
    officer = users.authenticate(office_ctx, "duty", "officer-pass")
    window.set_context(office_ctx.acting_as(officer))
    assert window.operator_label.text() == "操作员：李值班（值班员）"
    assert not window.settings_page.users_tab.add_button.isEnabled()
    assert not window.settings_page.office_tab.save_button.isEnabled()


def test_office_tab_saves_and_the_header_follows(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = window.settings_page.office_tab
    tab.name.clear()
    type_text(qtbot, tab.name, "江州市应急管理局值班室")
    tab.save_button.click()
    assert tab.message.text() == "已保存。"
    assert window.office_label.text() == "江州市应急管理局值班室"
    tab.duty_phone.clear()
    tab.save_button.click()
    assert "值班电话不能为空" in tab.message.text()


def test_users_tab_adds_a_user(qtbot, window: MainWindow, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    tab = window.settings_page.users_tab
    dialog = UserDialog(office_ctx, None, tab)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.username, "zhang")
    type_text(qtbot, dialog.display_name, "张三")
    dialog.role.setCurrentIndex(dialog.role.findData("leader"))
    type_text(qtbot, dialog.password, "leader-pass")
    type_text(qtbot, dialog.confirm, "leader-pass")
    dialog.submit()
    assert dialog.result() == UserDialog.DialogCode.Accepted
    tab.reload()
    names = [tab.model.user_at(r).display_name for r in range(tab.model.rowCount())]
    assert "张三" in names
    assert tab.model.data(tab.model.index(names.index("张三"), 2)) == "领导"


def test_users_model_passes_the_model_tester(qtmodeltester, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(UsersModel(users.list_users(office_ctx)))


def test_audit_model_fetches_lazily(qtmodeltester, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.db.write() as s:
        for i in range(PAGE + 50):
            audit.record(s, office_ctx, "note", "test", i)
    model = AuditModel(office_ctx, dt.UTC)  # type: ignore[arg-type]
    model.reload()
    assert model.rowCount() == PAGE
    assert model.canFetchMore(qt_api.QtCore.QModelIndex())
    model.fetchMore(qt_api.QtCore.QModelIndex())
    assert model.rowCount() == audit.count(office_ctx)
    assert not model.canFetchMore(qt_api.QtCore.QModelIndex())
    qtmodeltester.check(model)


def test_audit_tab_verifies_the_chain(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    tab = window.settings_page.audit_tab
    tab.verify_button.click()  # off the GUI thread
    qtbot.waitUntil(lambda: tab.result.text().startswith("记录链完整"))


def test_database_tab_backs_up_and_checks(qtbot, window: MainWindow, db_path) -> None:  # type: ignore[no-untyped-def]
    tab = window.settings_page.database_tab
    tab.backup_button.click()  # off the GUI thread
    qtbot.waitUntil(lambda: "备份已写入" in tab.result.text())
    assert tab.backups.count() == 1 and backup.list_backups(db_path)[0].kind == "manual"
    tab.check_button.click()
    qtbot.waitUntil(lambda: "数据库完好" in tab.result.text())


def test_health_banner(window: MainWindow) -> None:
    assert window.health_banner.isHidden()
    window.show_health_problem("审计记录链在第 3 条处断开")
    assert window.health_banner.isVisible() and "第 3 条" in window.health_banner.text()


def test_geometry_is_kept(qtbot, office_ctx: Context, settings) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    win.move(12, 34)
    saved = win.saveGeometry()
    win.close()
    assert settings.value("main_window/geometry") == saved
    assert settings.contains("main_window/state")
    # the offscreen screen is 800×600, so the restored window is clamped to it: compare
    # with what the same bytes give a fresh window
    again = MainWindow(office_ctx, settings)
    qtbot.addWidget(again)
    probe = MainWindow(office_ctx, settings)
    qtbot.addWidget(probe)
    probe.restoreGeometry(saved)
    assert again.geometry() == probe.geometry()


def test_damaged_database_offers_the_backup_and_restores_it(
    office_ctx: Context, db_path, clock, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from tests.services.office.test_health import overwrite_pages

    taken = backup.auto_backup(db_path, "daily", clock.now())
    office_ctx.db.dispose()
    overwrite_pages(db_path)
    offered: list[DatabaseDamaged] = []

    def accept(parent, error):  # type: ignore[no-untyped-def]
        offered.append(error)
        return True

    monkeypatch.setattr(application.recovery, "offer_backup", accept)
    opened = application.open_with_recovery(str(db_path))
    assert opened is not None and offered and offered[0].latest_backup.path == taken
    assert opened.db.quick_check() is None
    opened.db.dispose()


def test_exception_hook_logs_and_shows(qtbot, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    import sys

    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    previous = sys.excepthook
    application.install_exception_hook()
    try:
        try:
            raise RuntimeError("boom")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    assert shown and "日志" in shown[0]
    assert any("unexpected exception" in r.message for r in caplog.records)


def test_a_stale_record_anywhere_is_a_plain_message_not_a_bug(qtbot, monkeypatch, caplog) -> None:  # type: ignore[no-untyped-def]
    """Whatever screen lets a concurrent edit through, the operator reads 已被他人修改."""
    import sys

    from PySide6.QtWidgets import QMessageBox

    from app.domain.errors import StaleRecord

    shown: list[str] = []
    # errors.explain builds its own box (Retry for a busy database): read what it would show
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.text()) or 0)
    previous = sys.excepthook
    application.install_exception_hook()
    try:
        try:
            raise StaleRecord()
        except StaleRecord:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    assert shown == ["这条记录已被他人修改，请刷新后重试。"]
    assert not any("unexpected exception" in r.message for r in caplog.records)
