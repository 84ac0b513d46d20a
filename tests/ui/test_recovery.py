"""The window and the database: a damaged file found at start (dialog in Chinese, the latest
good backup offered, writes stopped), a server out of reach (no backup, a retry), and one
program per database (a second start brings the running window forward)."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.clock import FixedClock
from app.domain.errors import DatabaseDamaged, DatabaseUnavailable
from app.scheduler.runtime import DutyScheduler
from app.services.context import Context
from app.services.office import backup, instance
from app.ui import application, recovery, single_instance
from app.ui.bridge import SchedulerBridge
from tests.reliability.test_startup_damage import _office_with_a_log, zero_a_page


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[QMessageBox]:
    """Every message box that would be shown, answered with its default button."""
    boxes: list[QMessageBox] = []

    def exec_(self: QMessageBox) -> int:
        boxes.append(self)
        default = self.defaultButton()
        if default is not None:
            default.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return boxes


def test_a_zeroed_page_found_at_start_offers_the_backup_in_chinese_within_5_seconds(
        qtbot, office_ctx: Context, db_path: Path, clock: FixedClock,
        shown: list[QMessageBox], monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    _office_with_a_log(office_ctx)
    taken = backup.auto_backup(db_path, "daily", clock.now())
    office_ctx.db.dispose()
    zero_a_page(db_path)
    exits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: exits.append(code))

    started = time.monotonic()
    opened = application.open_with_recovery(str(db_path))  # header and schema: it opens
    assert opened is not None and not shown
    bridge = SchedulerBridge()
    watcher = recovery.DamageWatcher()
    bridge.sig_database_damaged.connect(watcher.handle)
    scheduler = DutyScheduler(Context(opened.db, clock), bridge)
    scheduler.start()
    try:
        qtbot.waitUntil(lambda: bool(shown), timeout=5000)
        print(f"\ndamaged-file dialog {time.monotonic() - started:.2f} s after the start")
        box = shown[0]
        words = box.text()
        assert box.windowTitle() == "数据库已损坏"
        assert "数据库文件已损坏" in words and str(taken) in words and "恢复" in words
        assert not re.search(r"[A-Za-z]", words.replace(str(taken), ""))  # no driver English
        assert "http" not in words
        assert watcher.restore_from is not None and exits == [0]  # restore, then start again
        assert opened.db.stopped is not None
    finally:
        scheduler.shutdown()
        opened.db.dispose()


def test_a_damaged_file_met_by_a_read_goes_to_the_watcher_not_to_a_bug_dialog(
        qtbot, shown: list[QMessageBox]) -> None:  # type: ignore[no-untyped-def]
    import sys

    watcher = recovery.DamageWatcher()
    asked: list[bool] = []
    watcher.recheck = lambda: asked.append(True)
    banner: list[str] = []
    watcher.sig_writes_stopped.connect(banner.append)
    previous = sys.excepthook
    application.install_exception_hook(lambda: None, watcher)
    try:
        try:
            raise DatabaseDamaged("数据库文件已损坏（完整性检查未通过）。")
        except DatabaseDamaged:
            sys.excepthook(*sys.exc_info())  # type: ignore[arg-type]
    finally:
        sys.excepthook = previous
    assert not shown  # no "unexpected error" box: the background check finds the backup
    assert asked == [True] and banner == ["数据库文件已损坏，已停止写入以免损坏扩大。请恢复最近的完好备份。"]
    # once the backup has been offered, a write refused later says why, in a plain box
    watcher.error = DatabaseDamaged("数据库文件已损坏（完整性检查未通过）。")
    watcher.handle(DatabaseDamaged("数据库文件已损坏，已停止写入以免损坏扩大。请恢复最近的完好备份。"))
    assert len(shown) == 1 and "已停止写入" in shown[0].text()


def test_a_server_out_of_reach_is_not_a_damaged_file(
        qtbot, shown: list[QMessageBox], monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from app.services.office import health

    attempts: list[str] = []

    def unreachable(target, clock=None, **_):  # type: ignore[no-untyped-def]
        attempts.append(str(target))
        raise DatabaseUnavailable("无法连接数据库服务器 db.example.org:5432：connection refused")

    monkeypatch.setattr(health, "open_database", unreachable)
    answers = iter([True, False])  # try again once, then quit
    monkeypatch.setattr(recovery, "retry_server", lambda parent, error: next(answers))
    monkeypatch.setattr(recovery, "offer_backup", lambda *a: pytest.fail("a backup was offered"))
    assert application.open_with_recovery("postgresql+psycopg://duty@db.example.org/d") is None
    assert len(attempts) == 2


def test_the_server_dialog_names_host_and_port_and_offers_a_retry(
        qtbot, shown: list[QMessageBox]) -> None:  # type: ignore[no-untyped-def]
    error = DatabaseUnavailable("无法连接数据库服务器 db.example.org:5432：connection refused")
    assert recovery.retry_server(None, error)  # the default button is 重试
    box = shown[0]
    assert box.windowTitle() == "无法连接数据库服务器" and "db.example.org:5432" in box.text()
    assert sorted(b.text() for b in box.buttons()) == sorted(["重试(&R)", "退出"])


def test_a_second_start_brings_the_running_window_forward(qtbot, db_path: Path) -> None:  # type: ignore[no-untyped-def]
    lock, name = instance.for_target(db_path)
    assert lock.acquire()
    channel = single_instance.InstanceChannel(name)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    window.showMinimized()
    channel.window = window
    try:
        second, _ = instance.for_target(db_path)
        assert not second.acquire()  # the database is taken
        assert single_instance.knock(name)
        qtbot.waitUntil(lambda: channel.knocks == 1, timeout=3000)
        assert not window.isMinimized()
    finally:
        channel.close()
        lock.release()
    assert second.acquire()  # released with the program
    second.release()


def test_claim_knocks_instead_of_opening_twice(qtbot, db_path: Path, shown: list[QMessageBox]) -> None:  # type: ignore[no-untyped-def]
    import argparse

    lock, name = instance.for_target(db_path)
    assert lock.acquire()
    channel = single_instance.InstanceChannel(name)
    try:
        assert application.claim(argparse.Namespace(db=str(db_path))) is None
        qtbot.waitUntil(lambda: channel.knocks == 1, timeout=3000)
        assert not shown  # nothing to tell: the running window came forward
    finally:
        channel.close()
        lock.release()
    claimed = application.claim(argparse.Namespace(db=str(db_path)))
    assert claimed is not None
    claimed[0].release()


def test_restoring_from_the_dialog_replaces_the_file_and_starts_again(
        qtbot, office_ctx: Context, db_path: Path, clock: FixedClock,
        monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """The whole way through run_gui: damage found during sign-in, the backup chosen, the
    program closes, restores the backup under its own lock, and starts itself again."""
    import argparse

    _office_with_a_log(office_ctx)
    taken = backup.auto_backup(db_path, "daily", clock.now())
    office_ctx.db.dispose()
    zero_a_page(db_path)
    offered: list[DatabaseDamaged] = []

    def choose(parent: QWidget | None, error: DatabaseDamaged) -> bool:
        offered.append(error)
        return True

    def sign_in(ctx: Context, *_early: object) -> None:  # the sign-in dialog waits while the check runs
        qtbot.waitUntil(lambda: bool(offered), timeout=5000)

    relaunched: list[bool] = []
    monkeypatch.setattr(recovery, "offer_backup", choose)
    monkeypatch.setattr(application, "sign_in", sign_in)
    monkeypatch.setattr(application, "relaunch", lambda: relaunched.append(True))
    monkeypatch.setattr(QApplication, "exit", lambda code=0: None)
    monkeypatch.setattr(application, "install_exception_hook", lambda *a: None)
    code = application.run_gui(argparse.Namespace(db=str(db_path), lang="zh_CN"))
    assert code == 0 and relaunched == [True]
    assert offered[0].latest_backup is not None and offered[0].latest_backup.path == taken
    assert backup.file_problem(db_path) is None  # the good copy is in place
    kept = [b for b in backup.list_backups(db_path) if b.kind == "replaced"]
    assert len(kept) == 1  # and the damaged file is kept beside the backups
    after, _ = instance.for_target(db_path)
    assert after.acquire()  # the program let go of the database before starting again
    after.release()
