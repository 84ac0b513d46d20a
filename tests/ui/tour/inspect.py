"""What a screen shows, read from its widgets, and the rules it must keep (issue 14).

Everything here reads a window that is on screen (offscreen platform) and returns findings as
sentences naming the window and the widget; the tour (explore.py) calls it in every state.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import (
    QAccessible,
    QAction,
    QFontMetrics,
    QKeySequence,
    QShortcut,
    QTextDocumentFragment,
)
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMenuBar,
    QPlainTextEdit,
    QSlider,
    QStyle,
    QTabBar,
    QTextEdit,
    QWidget,
)

# Latin words allowed on a Chinese screen: key names and the names of file formats and programs.
ALLOWED_LATIN = {"PDF", "Excel", "Ctrl", "Shift", "Alt", "Enter", "Esc", "Tab", "vCard",
                 "iCalendar", "WPS", "Word", "PySide", "Python"}  # Word: the .docx documents (a program, as Excel)
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# Data, not words: e-mail addresses, web addresses, file paths (the database's, an export's).
_NOT_WORDS = re.compile(r"[\w.+-]+@[\w.-]+|https?://\S+|(?:[A-Za-z]:)?[\\/][^\s，。；（）()]*"
                        r"|\b[0-9A-Z]+(?:-[0-9A-Z]+){2,}\b"  # a code: the anchor 602-264-BB9W2-4XVMW
                        r"|\*?\.[A-Za-z0-9]{2,5}\b")
_CJK = re.compile(r"[\u3400-\u9fff]")
_MNEMONIC = re.compile(r"&([^&\s])")
ROWS_READ = 40
FILE_VIEWS = {"treeView", "listView", "sidebar"}


def plain(text: str) -> str:
    """A label's text as the operator reads it (rich text without its tags)."""
    if "<" in text and ">" in text:
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def latin_words(text: str, data: set[str]) -> list[str]:
    """Latin words of 3+ letters that are neither allowed nor data the office typed in."""
    words = _LATIN_WORD.findall(_NOT_WORDS.sub(" ", plain(text).replace("&", "")))
    return [w for w in words if w not in ALLOWED_LATIN and w not in data]


def has_chinese(text: str) -> bool:
    return bool(_CJK.search(text))


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    if isinstance(model, QAbstractListModel):  # whose columnCount is private
        return 1
    return model.columnCount(parent)


def _model_texts(model: QAbstractItemModel, where: str) -> Iterator[tuple[str, str]]:
    for column in range(_columns(model, QModelIndex())):
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = model.headerData(column, Qt.Orientation.Horizontal, role)
            if isinstance(value, str):
                yield f"{where} header {column}", value
    yield from _rows(model, QModelIndex(), where, depth=0)


def _rows(model: QAbstractItemModel, parent: QModelIndex, where: str,
          depth: int) -> Iterator[tuple[str, str]]:
    for row in range(min(model.rowCount(parent), ROWS_READ)):
        for column in range(_columns(model, parent)):
            index = model.index(row, column, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(index, role)
                if isinstance(value, str):
                    yield f"{where} row {row} col {column}", value
        if depth < 2 and not isinstance(model, (QAbstractListModel, QAbstractTableModel)) \
                and model.hasChildren(model.index(row, 0, parent)):
            yield from _rows(model, model.index(row, 0, parent), where, depth + 1)


def widget_texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything the widget itself shows, its tooltip included."""
    name = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"
    if widget.toolTip():
        yield f"{name} tooltip", widget.toolTip()
    if widget.isWindow() and widget.windowTitle():
        yield f"{name} title", widget.windowTitle()
    yield from _own_texts(widget, name)


def _own_texts(widget: QWidget, name: str) -> Iterator[tuple[str, str]]:
    if isinstance(widget, (QLabel, QAbstractButton)):
        yield name, widget.text()
    elif isinstance(widget, QGroupBox):
        yield name, widget.title()
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"{name} tab {i}", widget.tabText(i)
            yield f"{name} tab {i} tooltip", widget.tabToolTip(i)
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"{name} item {i}", widget.itemText(i)
    elif isinstance(widget, QLineEdit):
        yield f"{name} placeholder", widget.placeholderText()
        yield name, widget.text()
    elif isinstance(widget, (QTextEdit, QPlainTextEdit)):
        yield name, widget.toPlainText()
    elif isinstance(widget, QHeaderView) and widget.model() is not None:
        for section in range(widget.count()):
            value = widget.model().headerData(section, widget.orientation())
            if isinstance(value, str):
                yield f"{name} header {section}", value
    elif isinstance(widget, QAbstractItemView) and widget.model() is not None:
        if isinstance(widget.window(), QFileDialog) and widget.objectName() in FILE_VIEWS:
            return  # the files and folders on the disk: the machine's names, not ours
        yield from _model_texts(widget.model(), name)
    elif isinstance(widget, (QMenu, QMenuBar)):
        for action in widget.actions():
            yield f"{name} action", action.text()
            if action.menu() is not None:
                yield from _menu_texts(action.menu(), f"{name}>{action.text()}")


def _menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    for action in menu.actions():
        yield f"{where} action", action.text()
        yield f"{where} action tooltip", action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""


def shown_widgets(window: QWidget) -> list[QWidget]:
    """The widget and every widget of its window under it on screen now (not its dialogs)."""
    top = window.window()
    return [window] + [w for w in window.findChildren(QWidget) if w.isVisible() and w.window() is top]


def texts(window: QWidget) -> list[tuple[str, str]]:
    return [(where, text) for w in shown_widgets(window) for where, text in widget_texts(w) if text]


def mnemonics(window: QWidget) -> dict[str, list[str]]:
    """Alt+letter -> who claims it among the shown widgets (menu bar titles included)."""
    claims: dict[str, list[str]] = defaultdict(list)
    for widget in shown_widgets(window):
        for text in _mnemonic_texts(widget):
            for letter in _MNEMONIC.findall(text):
                claims[letter.upper()].append(text)
    return claims


def _mnemonic_texts(widget: QWidget) -> list[str]:
    if isinstance(widget, QAbstractButton):
        return [widget.text()]
    if isinstance(widget, QLabel) and widget.buddy() is not None:
        return [widget.text()]
    if isinstance(widget, QGroupBox):
        return [widget.title()]
    if isinstance(widget, QTabBar):
        return [widget.tabText(i) for i in range(widget.count()) if widget.isTabVisible(i)]
    if isinstance(widget, QMenuBar):
        return [a.text() for a in widget.actions() if a.isVisible()]
    return []


def menu_mnemonic_clashes(menu: QMenu, where: str) -> list[str]:
    claims: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        for letter in _MNEMONIC.findall(action.text()):
            claims[letter.upper()].append(action.text())
    found = [f"{where}: menu {menu.title()!r} gives &{k} to {v}" for k, v in claims.items() if len(v) > 1]
    for action in menu.actions():
        if action.menu() is not None:
            found += menu_mnemonic_clashes(action.menu(), where)
    return found


def shortcuts(window: QWidget) -> dict[str, set[str]]:
    """Key sequence -> who answers it in the window now: actions of shown widgets, shortcuts,
    and the Alt+letter of every mnemonic."""
    owners: dict[str, set[str]] = defaultdict(set)
    seen: set[int] = set()
    for widget in shown_widgets(window):
        for action in widget.actions():
            if id(action) in seen or action.shortcutContext() == Qt.ShortcutContext.WidgetShortcut:
                continue
            seen.add(id(action))
            for key in action.shortcuts():
                owners[key.toString()].add(f"action {action.text() or action.objectName()}")
        for shortcut in widget.findChildren(QShortcut, options=Qt.FindChildOption.FindDirectChildrenOnly):
            if shortcut.isEnabled() and shortcut.context() != Qt.ShortcutContext.WidgetShortcut:
                owners[shortcut.key().toString()].add(f"shortcut on {type(widget).__name__}")
    for letter, claims in mnemonics(window).items():
        for claim in set(claims):
            owners[QKeySequence(f"Alt+{letter}").toString()].add(f"mnemonic {claim}")
    return owners


def header_elisions(window: QWidget) -> list[str]:
    """Column headers too narrow for their text."""
    found = []
    for header in [w for w in shown_widgets(window) if isinstance(w, QHeaderView)]:
        if header.orientation() != Qt.Orientation.Horizontal or header.model() is None:
            continue
        metrics = QFontMetrics(header.font())
        margin = 2 * header.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        for column in range(header.count()):
            text = header.model().headerData(column, Qt.Orientation.Horizontal)
            if header.isSectionHidden(column) or not isinstance(text, str) or not text:
                continue
            need = max(metrics.horizontalAdvance(line) for line in text.split("\n")) + margin
            if header.sectionSize(column) < need:
                found.append(f"header {text!r} is {header.sectionSize(column)} px, needs {need}")
    return found


def actions_of(window: QWidget) -> list[QAction]:
    found: list[QAction] = []
    for widget in shown_widgets(window):
        found += [a for a in widget.actions() if a not in found]
    return found


FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QPlainTextEdit, QTextEdit, QSlider)
# Qt's own dialogs: their fields are Qt's (a multi-line QInputDialog has no buddy for its text)
QT_DIALOGS = ("QFileDialog", "QPrintPreviewDialog", "QInputDialog", "QPrintDialog", "QPageSetupDialog")


def unnamed_fields(window: QWidget) -> list[str]:
    """Inputs a screen reader cannot name: no accessible name of their own and no label whose
    buddy they are (custom widgets included: a field inside one counts). Qt's own file dialog
    is Qt's."""
    if type(window.window()).__name__ in QT_DIALOGS:
        return []
    found = []
    for widget in shown_widgets(window):
        if not isinstance(widget, FIELDS) or not widget.isEnabled() or _part_of_an_input(widget):
            continue
        if isinstance(widget, (QTextEdit, QPlainTextEdit)) and widget.isReadOnly():
            continue  # a text shown, not asked for
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name) if interface is not None else ""
        if not name.strip():
            label = widget.placeholderText() if isinstance(widget, QLineEdit) else ""
            found.append(f"unnamed {type(widget).__name__}({widget.objectName()}) {label!r} "
                         f"in {type(widget.parentWidget()).__name__}")
    return found


def _part_of_an_input(widget: QWidget) -> bool:
    """The line inside a combo box or a spin box (the outer input carries the name)."""
    parent = widget.parentWidget()
    return isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox))
