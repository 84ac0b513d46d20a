"""Quitting safely (issue 12): SIGTERM and Ctrl+C end the real program cleanly, and closing the
window with alarms open asks first (or goes to the tray)."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.ui.bridge import SchedulerBridge
from app.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]


def _wait_for(path: Path, words: str, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if path.exists() and words in path.read_text(encoding="utf-8", errors="replace"):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_shuts_the_program_down_cleanly(office_ctx: Context, db_path: Path, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                 signum: int) -> None:
    office_ctx.db.dispose()
    home = tmp_path / "gui-home"
    env = {**os.environ, "DUTYDESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    program = subprocess.Popen([sys.executable, "-m", "app", "--db", str(db_path)], cwd=ROOT, env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    log = home / "logs" / "dutydesk.log"
    try:
        assert _wait_for(log, "scheduler started", 30), "the program did not start"
        time.sleep(0.5)  # the sign-in dialog is up
        program.send_signal(signum)
        code = program.wait(20)
    finally:
        if program.poll() is None:
            program.kill()
    text = log.read_text(encoding="utf-8")
    assert code == 0
    assert f"signal {int(signum)}: shutting down" in text
    assert text.index("scheduler stopped") < text.index("database closed")
    wal = db_path.with_name(db_path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0  # the WAL was checkpointed at close


def test_closing_with_an_alarm_open_asks_first(qtbot, office_ctx: Context, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    bridge = SchedulerBridge()
    window = MainWindow(office_ctx, settings, bridge)
    qtbot.addWidget(window)
    window.show()
    d = deadlines.create(office_ctx, what="森林火情 首报", due_at=office_ctx.clock.now() + dt.timedelta(minutes=5))
    bridge.alarm(d.id, "urgent")
    asked: list[str] = []
    answer = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a: asked.append(text) or answer)
    assert not window.alarms.tray.available  # offscreen: no tray, so it asks
    window.close()
    assert window.isVisible() and asked == ["还有 1 个报警未确认。关闭应急值守台后将无人听到报警。仍要退出吗？"]
    answer = QMessageBox.StandardButton.Yes
    window.close()
    assert not window.isVisible()
