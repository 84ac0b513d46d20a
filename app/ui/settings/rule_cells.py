"""The cells of the deadline-rule table in words: each identifier of a rule (``after``,
``initial``, ``quarter_end``, ``IV,none``) shown as its term, chosen from a list, and read back.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from app.domain import deadline_rules as dr
from app.domain.enums import Category, Channel, IncidentKind, Level, ReportKind
from app.domain.terms import term

CODE = Qt.ItemDataRole.UserRole
SEPARATOR = "、"


def choices(key: str) -> dict[str, str] | None:
    """identifier -> term for a column whose cells take one of a list (None: free text)."""
    single: dict[str, Callable[[], dict[str, str]]] = {
        "kind": lambda: {"after": QCoreApplication.translate("RuleCells", "Within a time limit"), "time_of_day": QCoreApplication.translate("RuleCells", "By a time of day"),
                         "calendar": QCoreApplication.translate("RuleCells", "On a calendar date")},
        "report_kind": lambda: {k.value: term(k) for k in ReportKind},
        "channel": lambda: {c.value: term(c) for c in Channel},
        "incident_kind": lambda: {k.value: term(k) for k in IncidentKind},
        "clock": lambda: {"received": QCoreApplication.translate("RuleCells", "after receipt"), "occurred": QCoreApplication.translate("RuleCells", "after occurrence")},
        "event": lambda: {"": "", "quarter_end": QCoreApplication.translate("RuleCells", "after the quarter ends"),
                          "holiday_day": QCoreApplication.translate("RuleCells", "each holiday")},
        "sensitive": lambda: {"": QCoreApplication.translate("RuleCells", "no"), "yes": QCoreApplication.translate("RuleCells", "yes")},
    }
    return single[key]() if key in single else None


def _many(key: str) -> dict[str, str] | None:
    if key == "categories":
        return {c.value: term(c) for c in Category}
    if key == "levels":
        return {**{lv.value: term(lv) for lv in Level}, dr.NO_LEVEL: QCoreApplication.translate("RuleCells", "no level yet")}
    return None


def display(key: str, value: object) -> str:
    """A rule's stored value as its cell shows it."""
    if isinstance(value, bool):
        value = "yes" if value else ""
    many = _many(key)
    if many is not None and isinstance(value, list | tuple):
        return SEPARATOR.join(many.get(str(v), str(v)) for v in value)
    if isinstance(value, list | tuple):
        return SEPARATOR.join(str(v) for v in value)
    single = choices(key)
    if single is not None:
        return single.get(str(value), str(value))
    return str(value)


def parse(key: str, text: str) -> str:
    """A cell's text back as the rule's identifier(s), joined by commas for lists."""
    text = text.strip()
    many = _many(key)
    if many is not None or key == "times":
        words = [w.strip() for w in text.replace(",", SEPARATOR).replace("，", SEPARATOR).split(SEPARATOR)]
        back = {label: code for code, label in (many or {}).items()}
        return ",".join(back.get(w, w) for w in words if w)
    single = choices(key)
    if single is not None:
        back = {label: code for code, label in single.items()}
        return back.get(text, text)
    return text


class ChoiceDelegate(QStyledItemDelegate):
    """A list of terms for the cells of one-choice columns; typing for the rest."""

    def __init__(self, keys: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.keys = keys

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,
                     index: QModelIndex | QPersistentModelIndex) -> QWidget:
        single = choices(self.keys[index.column()])
        if single is None:
            return super().createEditor(parent, option, index)
        box = QComboBox(parent)
        for code, label in single.items():
            box.addItem(label, code)
        return box

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findText(str(index.data()))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,
                     index: QModelIndex | QPersistentModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentText())
        else:
            super().setModelData(editor, model, index)
