"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 lost a reference to None on every call
of a method that returns nothing, so a window running for hours (the clock, the countdown
strip) would abort the interpreter ("none_dealloc"). pyproject.toml excludes that release;
this fails on any release that does the same."""

from __future__ import annotations

import sys

from PySide6.QtGui import QTextBlockFormat
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

CALLS = 2000


def test_calls_that_return_nothing_keep_none_alive(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    fmt = QTextBlockFormat()
    before = sys.getrefcount(None)
    for n in range(CALLS):
        label.setText(str(n))
        fmt.setTopMargin(0)
    assert sys.getrefcount(None) > before - CALLS // 10  # a leak would take 2 × CALLS
