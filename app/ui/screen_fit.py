"""Windows that fit the duty room's screens: the main window maximized on screens up to
1440 px wide and sized to fit otherwise; every dialog kept inside the screen and below the
countdown strip, so the clocks stay in sight while the operator types (1366×768 included)."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QWidget

MAXIMIZE_UP_TO = 1440  # px of available width: a laptop or office monitor at 100 %
LARGE_SCREEN_SIZE = QSize(1440, 900)  # the window on a larger screen, centred
MARGIN = 8


def fit_main_window(window: QMainWindow) -> None:
    """Maximized on a screen up to ``MAXIMIZE_UP_TO`` wide; otherwise a comfortable size,
    centred, never larger than the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(1280, 720)
        return
    available = screen.availableGeometry()
    if available.width() <= MAXIMIZE_UP_TO:
        window.resize(available.size())
        window.setWindowState(window.windowState() | window.windowState().WindowMaximized)
        return
    size = LARGE_SCREEN_SIZE.boundedTo(available.size())
    frame = QRect(QPoint(0, 0), size)
    frame.moveCenter(available.center())
    window.setGeometry(frame)


def place(dialog: QWidget, keep_visible: QRect) -> None:
    """Move (and if need be shrink) ``dialog`` so it stays on its screen and below
    ``keep_visible`` (the header and the countdown strip, in global coordinates)."""
    screen = dialog.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    available = screen.availableGeometry()
    top = max(available.top(), keep_visible.bottom() + 1) if keep_visible.isValid() else available.top()
    room = QRect(available.left(), top, available.width(), available.bottom() - top + 1)
    frame = dialog.frameGeometry()
    extra = QSize(frame.width() - dialog.width(), frame.height() - dialog.height())
    width = min(dialog.width(), room.width() - extra.width() - 2 * MARGIN)
    height = min(dialog.height(), room.height() - extra.height() - MARGIN)
    if (width, height) != (dialog.width(), dialog.height()):
        dialog.resize(max(width, dialog.minimumWidth()), max(height, 200))
    frame = dialog.frameGeometry()
    x = min(max(frame.left(), room.left() + MARGIN), room.right() - frame.width() - MARGIN + 1)
    y = min(max(frame.top(), room.top() + MARGIN), room.bottom() - frame.height() + 1)
    dialog.move(QPoint(max(room.left(), x), max(room.top(), y)))


class DialogPlacer(QObject):
    """Watches the application for dialogs being shown and places each with ``place`` below
    the header and countdown strip of the main window it serves (one placer for the program,
    owned by the application, so it never outlives what it filters; the window it serves may
    change or go)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QMainWindow | None = None
        self.strip: QWidget | None = None

    def visible_band(self) -> QRect:
        """The window's top down to the strip's bottom, in global coordinates (empty without a
        shown window)."""
        window, strip = self.window, self.strip
        if window is None or strip is None or not (shiboken6.isValid(window) and shiboken6.isValid(strip)):
            return QRect()
        if not window.isVisible() or window.isMinimized():
            return QRect()
        top_left = window.mapToGlobal(QPoint(0, 0))
        bottom = strip.mapToGlobal(QPoint(0, strip.height())).y()
        return QRect(top_left, QPoint(top_left.x() + window.width(), bottom))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QDialog)
                and watched.isWindow() and self.window is not None):
            dialog = watched
            # after Qt's own placement (centred on the parent), in the next event-loop turn
            QTimer.singleShot(0, lambda: _place_if_alive(dialog, self.visible_band()))
        return False


def _place_if_alive(dialog: QDialog, keep_visible: QRect) -> None:
    if shiboken6.isValid(dialog) and dialog.isVisible() and keep_visible.isValid():
        place(dialog, keep_visible)


_placer: list[DialogPlacer] = []  # the program's one placer, once made


def keep_strip_visible(window: QMainWindow, strip: QWidget) -> DialogPlacer | None:
    """Dialogs open below ``window``'s countdown strip (the latest window asked for wins)."""
    app = QApplication.instance()
    if app is None:
        return None
    if not _placer or not shiboken6.isValid(_placer[0]):
        _placer[:] = [DialogPlacer(app)]
        app.installEventFilter(_placer[0])
    _placer[0].window, _placer[0].strip = window, strip
    return _placer[0]
