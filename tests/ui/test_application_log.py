"""The log lines the installers' smoke tests wait for: "started vX on DB", "window shown"."""

from __future__ import annotations

import logging

import pytest
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from app import __version__
from app.ui import application


def test_started_line_names_version_and_database(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="app.ui.application"):
        application.log_started("/srv/duty/dutydesk.db")
    assert caplog.messages == [f"started v{__version__} on /srv/duty/dutydesk.db"]


def test_first_window_is_logged_once(qtbot, caplog: pytest.LogCaptureFixture) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    watcher = application.FirstWindowLog(app)
    app.installEventFilter(watcher)
    try:
        with caplog.at_level(logging.INFO, logger="app.ui.qt_app"):
            button = QPushButton("not a window")  # a child widget shown first does not count
            dialog = QDialog()
            button.setParent(dialog)
            qtbot.addWidget(dialog)
            assert caplog.messages == []
            dialog.show()
            qtbot.waitExposed(dialog)
            second = QDialog()
            qtbot.addWidget(second)
            second.show()
        assert caplog.messages == ["window shown: QDialog"]
    finally:
        app.removeEventFilter(watcher)
