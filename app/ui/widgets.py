"""Small widgets shared by several screens."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt
from PySide6.QtGui import QFocusEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QTreeView,
    QWidget,
)

if TYPE_CHECKING:
    from app.services.context import Context
    # LoadOnShow is mixed in before QWidget: to the type checker it is one, so its
    # showEvent may call QWidget's.
    _Widget = QWidget
else:
    _Widget = object

COMMON_ZONES = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei"]


def zone_names() -> dict[str, str]:
    """The time zones of China by the names people use (never "Asia/Shanghai" on screen)."""
    return {"Asia/Shanghai": QCoreApplication.translate("TimezoneBox", "Beijing time"),
            "Asia/Urumqi": QCoreApplication.translate("TimezoneBox", "Xinjiang time (Urumqi)"),
            "Asia/Hong_Kong": QCoreApplication.translate("TimezoneBox", "Hong Kong time"),
            "Asia/Macau": QCoreApplication.translate("TimezoneBox", "Macao time"),
            "Asia/Taipei": QCoreApplication.translate("TimezoneBox", "Taipei time")}


class TimezoneBox(QComboBox):
    """The office's time zone: China's by name first, every other zone after them.

    ``zone()`` is the chosen zone's key. The full list (hundreds of zones read from disk) is
    filled in on first use, not at construction, to keep it off the start-up path.
    """

    def __init__(self, current: str = "Asia/Shanghai") -> None:
        super().__init__()
        self.setEditable(True)
        for key, name in zone_names().items():
            self.addItem(name, key)
        self._complete = False
        self.set_zone(current)
        completer = self.completer()
        if completer is not None:  # an editable combo box always has one
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)

    def zone(self) -> str:
        """The key of the zone chosen (or typed)."""
        index = self.findText(self.currentText())
        data = self.itemData(index) if index >= 0 else None
        return str(data) if data else self.currentText().strip()

    def set_zone(self, key: str) -> None:
        index = self.findData(key)
        if index < 0:
            self.fill()
            index = self.findData(key)
        if index >= 0:
            self.setCurrentIndex(index)
        else:
            self.setCurrentText(key)

    def fill(self) -> None:
        if self._complete:
            return
        self._complete = True
        current = self.zone()
        for key in sorted(z for z in zoneinfo.available_timezones() if z not in COMMON_ZONES):
            self.addItem(key, key)
        self.set_zone(current)

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


def weekday_name(day: dt.date) -> str:
    """星期一 … 星期日 in Chinese, Monday … in English (the screen's locale)."""
    return QLocale().dayName(day.isoweekday(), QLocale.FormatType.LongFormat)


def long_date(day: dt.date) -> str:
    """2026年1月5日 星期一 in Chinese, Monday, January 5, 2026 in English (not zero-padded)."""
    locale = QLocale()
    if locale.language() == QLocale.Language.Chinese:
        return f"{locale.toString(QDate(day.year, day.month, day.day), 'yyyy年M月d日')} {weekday_name(day)}"
    return locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)


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


def fit_columns(view: QAbstractItemView, stretch: int) -> QHeaderView:
    """Every column as wide as its content and its header; the free space goes to column
    ``stretch`` (the longest text, which is the one to shorten when the room runs out)."""
    if isinstance(view, QTableView):
        header = view.horizontalHeader()
    elif isinstance(view, QTreeView):
        header = view.header()
    else:
        raise TypeError(f"{type(view).__name__} has no columns")
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return header


_MNEMONIC_MARK = re.compile(r"\(&[^&\s]\)|（&[^&\s]）")


def spoken(text: str) -> str:
    """A label's text as a screen reader should say it: no mnemonic mark (姓名(&N)： → 姓名),
    no closing colon."""
    bare = _MNEMONIC_MARK.sub("", text).replace("&&", "\0").replace("&", "").replace("\0", "&")
    return bare.strip().rstrip(":：").strip()


def labelled(text: str, field: QWidget) -> QLabel:
    """The label of ``field`` (its buddy: the mnemonic moves there), which also names the field
    for screen readers."""
    label = QLabel(text)
    label.setBuddy(field)
    field.setAccessibleName(spoken(text))
    return label
