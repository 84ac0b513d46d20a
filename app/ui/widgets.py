"""Small widgets shared by several screens."""

from __future__ import annotations

import zoneinfo

from PySide6.QtWidgets import QComboBox, QCompleter

COMMON_ZONES = ["Asia/Shanghai", "Asia/Urumqi", "Asia/Hong_Kong", "Asia/Macau", "Asia/Taipei"]


def timezone_box(current: str = "Asia/Shanghai") -> QComboBox:
    """An editable list of IANA time zones, the Chinese ones first."""
    box = QComboBox()
    box.setEditable(True)
    others = sorted(z for z in zoneinfo.available_timezones() if z not in COMMON_ZONES)
    box.addItems(COMMON_ZONES + others)
    box.setCurrentText(current)
    box.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    return box
