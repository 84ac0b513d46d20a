"""A date and time typed as digits in one stop, the value it was read as shown beside it.

``202611300840`` (year, month, day, hour, minute), ``11300840`` (this year), ``0840`` (today),
or the shown form ``2026-11-30 08:40``: one field instead of five sections to tab through.
An empty field is "not known yet"; a field that cannot be read says so beside it.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget

from app.ui.widgets import long_date

SHOWN = "%Y-%m-%d %H:%M"
_SEPARATORS = re.compile(r"[\s\-/:.年月日时分]+")


def read_when(text: str, today: dt.date, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
    """The moment ``text`` means in ``zone`` (aware, UTC), None if it cannot be read or is empty."""
    digits = _SEPARATORS.sub("", text.strip())
    if not digits.isdigit():
        return None
    parts: tuple[int, int, int, int, int]
    if len(digits) == 12:
        parts = (int(digits[:4]), int(digits[4:6]), int(digits[6:8]), int(digits[8:10]), int(digits[10:]))
    elif len(digits) == 8:
        parts = (today.year, int(digits[:2]), int(digits[2:4]), int(digits[4:6]), int(digits[6:]))
    elif len(digits) == 4:
        parts = (today.year, today.month, today.day, int(digits[:2]), int(digits[2:]))
    else:
        return None
    try:
        local = dt.datetime(*parts, tzinfo=zone)
    except ValueError:
        return None
    return local.astimezone(dt.UTC)


class DateTimeField(QWidget):
    """One line for a moment, with the moment read from it beside.

    Signals:
        sig_changed(): the value read from the field changed (or the text, while unreadable).
    """

    sig_changed = Signal()
    """The officer typed: ``value()`` may have changed."""

    def __init__(self, zone: zoneinfo.ZoneInfo, today: Callable[[], dt.date],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.today = today
        self.edit = QLineEdit()
        self.edit.setPlaceholderText(QCoreApplication.translate(
            "DateTimeField", "digits: 0840, 11300840 or 202611300840"))
        self.edit.setMaxLength(19)
        self.shown = QLabel()
        self.shown.setObjectName("parsedWhen")
        self.shown.setMinimumWidth(self.shown.fontMetrics().horizontalAdvance(
            f"{long_date(dt.date(2026, 12, 30))} 23:59") + 8)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.shown)
        self.setFocusProxy(self.edit)
        self.edit.textChanged.connect(self._typed)
        self._typed()

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    def value(self) -> dt.datetime | None:
        """The moment typed (UTC), None when empty or unreadable."""
        return read_when(self.edit.text(), self.today(), self.zone)

    def readable(self) -> bool:
        return not self.edit.text().strip() or self.value() is not None

    def set_value(self, value: dt.datetime | None) -> None:
        self.edit.setText(value.astimezone(self.zone).strftime(SHOWN) if value is not None else "")

    def _typed(self) -> None:
        text = self.edit.text().strip()
        value = self.value()
        if not text:
            self.shown.setText(QCoreApplication.translate("DateTimeField", "not given"))
            self.shown.setProperty("problem", False)
        elif value is None:
            self.shown.setText(QCoreApplication.translate("DateTimeField", "cannot be read"))
            self.shown.setProperty("problem", True)
        else:
            local = value.astimezone(self.zone)
            self.shown.setText(f"{long_date(local.date())} {local:%H:%M}")
            self.shown.setProperty("problem", False)
        self.shown.style().unpolish(self.shown)
        self.shown.style().polish(self.shown)
        self.sig_changed.emit()
