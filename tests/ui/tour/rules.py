"""The rules the tour checks in each window and state (issue 14, DESIGN.md "Screen")."""

from __future__ import annotations

import enum
import importlib
import re
import xml.etree.ElementTree as ET

from PySide6.QtWidgets import (
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QMenu,
    QMenuBar,
    QTabBar,
    QWidget,
)

from app.domain import messages
from tests.ui.tour import inspect
from tests.ui.tour.explore import Finding
from tools.i18n import TS

ENUM_MODULES = ("app.domain.enums", "app.domain.contacts", "app.domain.duty",
                "app.domain.incident_types", "app.domain.plans")


def zh_checks(window: QWidget, where: str, data_words: set[str]) -> list[Finding]:
    """A Chinese screen: no Latin words, no mnemonic twice, no ambiguous key, no elided header."""
    found = [Finding(where, f"Latin {words} in {spot}: {text!r}")
             for spot, text in inspect.texts(window)
             if (words := inspect.latin_words(text, data_words))]
    found += [Finding(where, f"Alt+{key} claimed by {claims}")
              for key, claims in inspect.mnemonics(window).items() if len(claims) > 1]
    found += [Finding(where, f"{key} is ambiguous: {sorted(owners)}")
              for key, owners in inspect.shortcuts(window).items()
              if len(owners) > 1 and key.startswith(("Ctrl", "F", "Shift", "Alt")) is not False]
    found += [Finding(where, text) for text in inspect.header_elisions(window)]
    found += [Finding(where, text) for text in inspect.unnamed_fields(window)]
    return found


def fits_below_the_strip(window: QWidget, where: str, strip_bottom: int) -> list[Finding]:
    """A dialog lies within the screen (1366×768 here) and leaves the countdown strip in sight."""
    if not isinstance(window, QDialog) or not window.isVisible():
        return []
    frame = window.frameGeometry()
    screen = window.screen().availableGeometry()
    found = []
    if not screen.contains(frame):
        found.append(Finding(where, f"dialog {frame.width()}×{frame.height()} at ({frame.x()}, "
                                    f"{frame.y()}) runs off the {screen.width()}×{screen.height()} screen"))
    if frame.top() <= strip_bottom:
        found.append(Finding(where, f"dialog covers the countdown strip (top {frame.top()}, "
                                    f"strip bottom {strip_bottom})"))
    return found


def chinese_forms() -> set[str]:
    """Every Chinese word the program would show in Chinese: its translations and glossary terms."""
    forms: set[str] = set()
    for message in ET.parse(TS).getroot().iter("message"):
        text = "".join(message.find("translation").itertext())
        if text and "%" not in text:
            forms.add(_bare(text))
    for module_name in ENUM_MODULES:
        module = importlib.import_module(module_name)
        for value in vars(module).values():
            if isinstance(value, type) and issubclass(value, enum.Enum):
                forms |= {m.zh for m in value if isinstance(getattr(type(m), "zh", None), property)}
    forms |= {zh for zh, _en in messages.CATALOG.values() if "{" not in zh}
    return {f for f in forms if len(f) >= 2}


def _bare(text: str) -> str:
    return re.sub(r"\(&\w\)|&", "", text).strip().rstrip("：:")


def _is_chrome(widget: QWidget) -> bool:
    """Words of the program (not the office's data): tabs, headers, titles, menus, form labels."""
    return isinstance(widget, (QTabBar, QHeaderView, QGroupBox, QMenu, QMenuBar)) or (
        isinstance(widget, QLabel) and widget.buddy() is not None)


def en_checks(window: QWidget, where: str, forms: set[str], data: set[str],
              names: set[str]) -> list[Finding]:
    """An English screen: no Chinese where the program has an English word. ``data`` holds the
    office's own words that may equal a term (a person's title 值班员), ``names`` the names of
    plans and units (a title may hold one)."""
    found = []
    for widget in inspect.shown_widgets(window):
        for spot, text in inspect.widget_texts(widget):
            if not text or not inspect.has_chinese(text) or text in data:
                continue
            if spot.endswith(" title"):
                bare = text
                for name in sorted(names, key=len, reverse=True):  # a plan's or a unit's name
                    bare = bare.replace(name, "")
                wrong = any(form in bare for form in forms)
            else:
                wrong = (_is_chrome(widget) and "row" not in spot) or _bare(inspect.plain(text)) in forms
            if wrong:
                found.append(Finding(where, f"Chinese in {spot}: {text!r}"))
    return found
