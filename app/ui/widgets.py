"""Small widgets shared by several screens."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import QComboBox, QCompleter, QDialog, QDialogButtonBox, QLabel, QWidget

if TYPE_CHECKING:
    from app.services.context import Context
    # LoadOnShow is mixed in before QWidget: to the type checker it is one, so its
    # showEvent may call QWidget's.
    _Widget = QWidget
else:
    _Widget = object

COMMON_ZONES = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei"]


class TimezoneBox(QComboBox):
    """An editable list of IANA time zones, the Chinese ones first.

    The full list (hundreds of zones read from disk) is filled in on first use, not at
    construction, to keep it off the start-up path.
    """

    def __init__(self, current: str = "Asia/Shanghai") -> None:
        super().__init__()
        self.setEditable(True)
        self.addItems(COMMON_ZONES)
        self.setCurrentText(current)
        self._complete = False
        completer = self.completer()
        if completer is not None:  # an editable combo box always has one
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def fill(self) -> None:
        if self._complete:
            return
        self._complete = True
        current = self.currentText()
        self.addItems(sorted(z for z in zoneinfo.available_timezones() if z not in COMMON_ZONES))
        self.setCurrentText(current)

    def showPopup(self) -> None:
        self.fill()
        super().showPopup()

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.fill()  # so typing completes against every zone
        super().focusInEvent(event)


class LoadOnShow(_Widget):
    """Mixed in (before QWidget) by tabs that read the database on first show, not at start-up.

    The tab's ``reload`` reads its data and sets ``loaded``; the first show runs ``first_load``.
    """

    ctx: Context
    loaded = False

    def reload(self) -> None:
        raise NotImplementedError

    def first_load(self) -> None:
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if not self.loaded:
            self.first_load()
        super().showEvent(event)

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        """Reload if shown once already (else the first show loads it)."""
        if self.loaded:
            self.reload()


def timezone_box(current: str = "Asia/Shanghai") -> TimezoneBox:
    return TimezoneBox(current)


def error_label() -> QLabel:
    """The red line under a form where a refused input is explained (hidden until needed)."""
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    label.hide()
    return label


def ok_cancel(dialog: QDialog, ok_text: str, on_ok: Callable[[], None]) -> QDialogButtonBox:
    """OK (named ``ok_text``) runs ``on_ok``, which accepts the dialog when the input is good."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
        QCoreApplication.translate("Dialogs", "Cancel"))
    buttons.accepted.connect(on_ok)
    buttons.rejected.connect(dialog.reject)
    return buttons


def accept_cancel(dialog: QDialog) -> QDialogButtonBox:
    """Qt's own OK and Cancel, accepting or rejecting the dialog straight away."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons
