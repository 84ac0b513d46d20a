"""Driving the real window with key presses and counting them (issue 14's keyboard paths).

A key goes where the operator's key would: to the window that has the keyboard, through Qt's
shortcut map (QTest's window overload), so menus, shortcuts and Alt mnemonics answer as they do
on screen. Typed content (text, digits) is not counted; every other key is.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QInputMethodEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QWidget

ANIMATED_CLICK_MS = 150  # a mnemonic "clicks" a button after Qt's 100 ms animation


class Keys:
    """Presses keys, types content, and keeps count of the keys (content excluded)."""

    def __init__(self, qtbot) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.count = 0
        self.log: list[str] = []
        self.last: QWidget | None = None  # the main window the keys went to last

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
              name: str = "") -> None:
        """One key (a chord counts as one), sent to the window that has the keyboard."""
        active = QApplication.activeModalWidget() or QApplication.activeWindow()
        if active is None and self.last is not None and self.last.isVisible():
            # offscreen there is no window manager to give the keyboard back after a dialog
            self.last.activateWindow()
            active = self.last
        window = active.windowHandle() if active is not None else QGuiApplication.focusWindow()
        assert window is not None, "no window has the keyboard"
        if active is not None and not isinstance(active, QDialog):
            self.last = active
        self.count += 1
        self.log.append(name or f"{modifier.name}+{key.name}")
        QTest.keyClick(window, key, modifier)
        if modifier & Qt.KeyboardModifier.AltModifier:
            self.qtbot.wait(ANIMATED_CLICK_MS)
        QApplication.processEvents()

    def tab(self, times: int = 1) -> None:
        for _ in range(times):
            self.press(Qt.Key.Key_Tab, name="Tab")

    def alt(self, letter: str) -> None:
        self.press(getattr(Qt.Key, f"Key_{letter.upper()}"), Qt.KeyboardModifier.AltModifier,
                   f"Alt+{letter.upper()}")

    def type(self, text: str) -> None:
        """Content: ASCII as key presses, Chinese as an input-method commit (not counted)."""
        widget = QApplication.focusWidget()
        assert widget is not None, f"nowhere to type {text!r}"
        chunk = ""
        for ch in text + "\0":
            if ch != "\0" and ch.isascii() == (chunk[:1].isascii() if chunk else ch.isascii()):
                chunk += ch
                continue
            if chunk.isascii():
                QTest.keyClicks(widget, chunk)
            else:
                event = QInputMethodEvent()
                event.setCommitString(chunk)
                QApplication.sendEvent(QApplication.focusWidget() or widget, event)
            chunk = ch if ch != "\0" else ""
        QApplication.processEvents()


def when_modal(qtbot, act: Callable[[QWidget], None], timeout_ms: int = 5000) -> None:  # type: ignore[no-untyped-def]
    """Run ``act`` on the next modal window once it shows (a dialog's exec() blocks the test)."""
    waited = [0]

    def look() -> None:
        modal = QApplication.activeModalWidget()
        if modal is not None and modal.isVisible():
            act(modal)
            return
        waited[0] += 20
        if waited[0] < timeout_ms:
            QTimer.singleShot(20, look)

    QTimer.singleShot(20, look)
