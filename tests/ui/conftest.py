"""UI fixtures: the real QApplication (offscreen), our translation loaded, a signed-in context."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.ui import application


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_teardown(item):  # type: ignore[no-untyped-def]
    """The test is over: its windows close without asking about open alarms or jobs (before
    pytest-qt closes them, which would otherwise wait on that question forever)."""
    from app.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.quitting = True
    yield


@pytest.fixture(scope="session", autouse=True)
def qt_own_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Qt's own settings (a file dialog keeps its last folder in ~/.config/QtProject.conf) go
    to a temporary folder: tests never write the machine's settings."""
    folder = str(tmp_path_factory.mktemp("qt-settings"))
    for kind in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(kind, QSettings.Scope.UserScope, folder)
        QSettings.setPath(kind, QSettings.Scope.SystemScope, folder)


@pytest.fixture(scope="session", autouse=True)
def chinese_ui(qapp: QApplication, qt_own_settings: None) -> None:
    """The default language, as an operator sees it."""
    application.create_application([], "zh_CN")


@pytest.fixture(autouse=True)
def screen_messages() -> None:
    """Messages as a window says them: terms without the command line's identifiers."""
    from app.domain import messages

    messages.set_audience("screen")


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """The demo office, made once per run; tests open copies (``demo_copy``). Returns the file
    and the demo users' passwords by user name."""
    from app.demo import build as demo
    from app.domain.clock import FixedClock
    from app.services.context import Actor, Context
    from app.services.office import health
    from tests.conftest import START

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    opened = health.open_database(path, FixedClock(START))
    result = demo.create_demo(Context(opened.db, FixedClock(START), Actor.command_line()))
    opened.db.dispose()
    return path, {u.username: u.password for u in result.users}


@pytest.fixture
def demo_copy(demo_file, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    copy = tmp_path / "demo.db"
    shutil.copyfile(demo_file[0], copy)
    return copy


@pytest.fixture
def settings(tmp_path) -> QSettings:  # type: ignore[no-untyped-def]
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def type_text(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    """Type as an operator would: keys for ASCII, an input-method commit for Chinese.

    QTest can only press keys that exist on the keyboard; Chinese arrives through the IME.
    """
    from PySide6.QtGui import QInputMethodEvent

    widget.setFocus()
    for chunk_is_ascii, chunk in _chunks(text):
        if chunk_is_ascii:
            qtbot.keyClicks(widget, chunk)
        else:
            event = QInputMethodEvent()
            event.setCommitString(chunk)
            QApplication.sendEvent(widget, event)


def _chunks(text: str) -> list[tuple[bool, str]]:
    out: list[tuple[bool, str]] = []
    for ch in text:
        kind = ch.isascii()
        if out and out[-1][0] == kind:
            out[-1] = (kind, out[-1][1] + ch)
        else:
            out.append((kind, ch))
    return out
