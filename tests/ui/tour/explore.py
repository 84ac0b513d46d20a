"""The tour: every section, every tab, every dialog a button, a menu or a row opens.

Dialogs are found by walking: every shown button and action is pressed and every list's first
row opened, and whatever window appears is inspected, then its own buttons are pressed (one
level down) and it is closed. Nothing is listed by hand, so a dialog added later is toured as
soon as a button or an action opens it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import shiboken6
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QTabWidget,
    QWidget,
)

from tests.ui.tour import inspect

# Buttons and actions the tour never presses: they end the program or the session.
# About Qt is Qt's own box, in Qt's English (Qt ships no Chinese text of it).
NEVER_PRESS = {"quit_action", "about_qt"}
DIALOG_DEPTH = 2


@dataclass
class Finding:
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}"


@dataclass
class Tour:
    """Walks a window; ``check`` inspects one window in one state and returns findings."""

    check: Callable[[QWidget, str], list[Finding]]
    findings: list[Finding] = field(default_factory=list)
    windows_seen: set[str] = field(default_factory=set)
    pressed: int = 0

    def inspect(self, window: QWidget, where: str) -> None:
        self.windows_seen.add(window.windowTitle() or type(window).__name__)
        for finding in self.check(window, where):
            if str(finding) not in {str(f) for f in self.findings}:
                self.findings.append(finding)

    # --- states of one window --------------------------------------------------------------
    def tab_states(self, root: QWidget, where: str, seen: set[int] | None = None) -> Iterator[str]:
        """Shows every tab of every tab widget in ``root`` (nested ones too), yielding each state."""
        seen = set() if seen is None else seen
        tabs = [t for t in root.findChildren(QTabWidget) if t.isVisible() and id(t) not in seen]
        if not tabs:
            yield where
            return
        widget = tabs[0]
        seen.add(id(widget))
        for index in range(widget.count()):
            if not widget.isTabEnabled(index) or not widget.isTabVisible(index):
                continue
            widget.setCurrentIndex(index)
            settle()
            yield from self.tab_states(root, f"{where} / {widget.tabText(index).replace('&', '')}", seen)

    # --- dialogs -------------------------------------------------------------------------------
    def press_all(self, window: QWidget, where: str, depth: int) -> None:
        """Press every shown button and action of the window, and open every list's first row."""
        for name, trigger in list(triggers(window)):
            if window.isVisible() is False:
                return
            self.probe(trigger, f"{where} > {name}", depth)

    def probe(self, trigger: Callable[[], object], where: str, depth: int) -> None:
        """Run ``trigger``; inspect, explore and close whatever window it opens."""
        before = set(map(address, QApplication.topLevelWidgets()))
        self.pressed += 1
        handled: list[QWidget] = []

        def look() -> None:
            for window in new_windows(before):
                if window in handled:
                    continue
                handled.append(window)
                self.visit_dialog(window, where, depth)
                return
            timer.start()

        timer = QTimer()
        timer.setSingleShot(True)
        timer.setInterval(30)
        timer.timeout.connect(look)
        timer.start()
        try:
            trigger()
        finally:
            timer.stop()
        settle()
        for window in new_windows(before):  # a window shown without a modal loop
            if window not in handled:
                handled.append(window)
                self.visit_dialog(window, where, depth)

    def visit_dialog(self, window: QWidget, where: str, depth: int) -> None:
        label = f"{where} → [{window.windowTitle() or type(window).__name__}]"
        settle()
        if isinstance(window, QMenu):
            self.findings += [Finding(label, c) for c in inspect.menu_mnemonic_clashes(window, label)]
            self.inspect(window, label)
            window.close()
            return
        for state in self.tab_states(window, label):
            self.inspect(window, state)
            # a file dialog's buttons act on the disk (New Folder, the parent folder): read, never press
            if depth < DIALOG_DEPTH and not isinstance(window, QFileDialog):
                self.press_all(window, state, depth + 1)
        close(window)


def settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def address(widget: QWidget) -> int:
    """The widget's C++ address: Python's id() of a wrapper may be reused by the next one."""
    return int(shiboken6.getCppPointer(widget)[0])


def new_windows(before: set[int]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if address(w) not in before and w.isVisible() and w.isWindow()
            and type(w).__name__ not in {"QTipLabel", "QComboBoxPrivateContainer"}]


def close(window: QWidget) -> None:
    if isinstance(window, QDialog):
        window.reject()
        if window.isVisible():  # a message box without an escape button
            window.done(QMessageBox.StandardButton.Cancel.value)
    window.close()
    settle()


def triggers(window: QWidget) -> Iterator[tuple[str, Callable[[], object]]]:
    """(name, how to press it) for every enabled button, action and list of the window."""
    for widget in inspect.shown_widgets(window):
        if not widget.isEnabled() or widget.objectName() in NEVER_PRESS:
            continue
        if isinstance(widget, QAbstractButton) and widget.objectName() != "qt_scrollarea_viewport":
            yield from _button_triggers(widget)
        elif isinstance(widget, QAbstractItemView) and widget.model() is not None \
                and widget.model().rowCount() > 0:
            index = widget.model().index(0, 0)
            yield f"{type(widget).__name__} row 1", lambda v=widget, i=index: v.doubleClicked.emit(i)
            yield f"{type(widget).__name__} row 1 (Enter)", lambda v=widget, i=index: v.activated.emit(i)
    for action in _window_actions(window):
        yield f"action {action.text()}", action.trigger


def _button_triggers(button: QAbstractButton) -> Iterator[tuple[str, Callable[[], object]]]:
    menu = getattr(button, "menu", lambda: None)()
    if isinstance(menu, QMenu):
        for action in menu.actions():
            if action.isEnabled() and not action.isSeparator() and action.menu() is None:
                yield f"{button.text()} > {action.text()}", action.trigger
        return
    if button.isCheckable():  # a check box or a toggle opens nothing
        return
    yield f"button {button.text() or button.toolTip()}", button.click


def _window_actions(window: QWidget) -> Iterator[QAction]:
    """Actions in the window's menus (its menu bar's, each once)."""
    menubar = getattr(window, "menuBar", None)
    if menubar is None or not callable(menubar):
        return
    for top in menubar().actions():
        menu = top.menu()
        if menu is None:
            continue
        for action in menu.actions():
            if action.isEnabled() and not action.isSeparator() and action.menu() is None \
                    and action.objectName() not in NEVER_PRESS:
                yield action
