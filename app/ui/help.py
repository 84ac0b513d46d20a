"""Help: the shortcut page, made from the window's own actions and shortcuts (so it cannot go
stale), and About (version, database, licences, About Qt)."""

from __future__ import annotations

import platform
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, qVersion
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import __version__, paths

# Alt+letter: a mnemonic (the underlined letter), which the page explains once, not a shortcut.
MNEMONIC = re.compile(r"Alt\+\w")


@dataclass(frozen=True)
class Shortcut:
    where: str  # the section (or "everywhere")
    what: str
    keys: str


def plain(text: str) -> str:
    """A button's or action's words without the mnemonic marker and the key written after them:
    "导出(&X)… (Ctrl+E)" → "导出…"."""
    text = re.sub(r"\(&\w\)|&(?=\w)", "", text)
    text = re.sub(r"\s*[（(]?(Ctrl|Shift|Alt|F\d{1,2}\b|Ins\b|Del\b)[^）)]*[）)]?\s*$", "", text)
    return text.replace("&&", "&").strip()


def key_text(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def _describe(shortcut: QShortcut) -> str:
    """A QShortcut's purpose: its What's This, else the button that names the same key."""
    if shortcut.whatsThis():
        return shortcut.whatsThis()
    keys = shortcut.key().toString(QKeySequence.SequenceFormat.PortableText)
    owner = shortcut.parent()
    if isinstance(owner, QWidget):
        for button in owner.findChildren(QAbstractButton):
            if keys and keys in button.text():
                return plain(button.text())
        if owner.accessibleName():
            return owner.accessibleName()
    return ""


def collect(window: QMainWindow, sections: list[tuple[str, QWidget]],
            everywhere: str) -> list[Shortcut]:
    """Every key of the window: its menus' and its own actions (``everywhere``), then each
    section's actions, buttons and shortcuts under the section's name."""
    found: list[Shortcut] = []
    seen: set[tuple[str, str, str]] = set()

    def add(where: str, what: str, sequence: QKeySequence) -> None:
        keys = key_text(sequence)
        if not keys or not what or (where, keys, what) in seen or MNEMONIC.fullmatch(
                sequence.toString(QKeySequence.SequenceFormat.PortableText)):
            return
        seen.add((where, keys, what))
        found.append(Shortcut(where, what, keys))

    inside = {id(page) for _name, page in sections}
    for action in window.findChildren(QAction):
        if not _in_a_section(action.parent(), inside):
            for sequence in action.shortcuts():
                add(everywhere, plain(action.text()), sequence)
    for name, page in sections:
        for action in page.findChildren(QAction):
            for sequence in action.shortcuts():
                add(name, plain(action.text()), sequence)
        for button in page.findChildren(QAbstractButton):
            if not button.shortcut().isEmpty():
                add(name, plain(button.text()), button.shortcut())
        for shortcut in page.findChildren(QShortcut):
            add(name, _describe(shortcut), shortcut.key())
    return found


def _in_a_section(owner: object, pages: set[int]) -> bool:
    while isinstance(owner, QWidget):
        if id(owner) in pages:
            return True
        owner = owner.parentWidget()
    return False


class ShortcutsDialog(QDialog):
    """快捷键: every key the window answers, by section, read from the window itself."""

    def __init__(self, rows: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = rows
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("What"), self.tr("Keys")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        previous = ""
        for row, s in enumerate(rows):
            where = QTableWidgetItem(s.where if s.where != previous else "")  # once per group
            font = where.font()
            font.setBold(True)
            where.setFont(font)
            where.setToolTip(s.where)
            self.table.setItem(row, 0, where)
            self.table.setItem(row, 1, QTableWidgetItem(s.what))
            self.table.setItem(row, 2, QTableWidgetItem(s.keys))
            previous = s.where
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        note = QLabel(self.tr("Besides these, Alt with the underlined letter presses a button or "
                              "opens a menu; Tab moves between fields."))
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def texts(self) -> list[tuple[str, str, str]]:
        return [(s.where, s.what, s.keys) for s in self.rows]


def licence_dir() -> Path:
    """The licence texts: resources/licenses (a checkout, a wheel); a bundle carries them too."""
    return paths.resources_dir() / "licenses"


class AboutDialog(QDialog):
    """Version, database, the components and their licences, About Qt."""

    def __init__(self, database: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About DutyDesk"))
        tabs = QTabWidget()
        about = QWidget()
        form = QFormLayout(about)
        title = QLabel(self.tr("DutyDesk"))
        title.setObjectName("pageTitle")
        form.addRow(title)
        form.addRow(QLabel(self.tr("The duty-room desk of an emergency-management office.")))
        self.version = QLabel(__version__)
        self.database = QLabel(database)
        self.data_folder = QLabel(str(paths.data_dir()))
        for label in (self.version, self.database, self.data_folder):
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
        form.addRow(self.tr("Version:"), self.version)
        form.addRow(self.tr("Database:"), self.database)
        form.addRow(self.tr("Data folder:"), self.data_folder)
        form.addRow(self.tr("Built with:"), QLabel(
            f"Qt {qVersion()} · PySide6 {pyside_version} · Python {platform.python_version()}"))
        tabs.addTab(about, self.tr("&About"))
        tabs.addTab(self._licences(), self.tr("&Licences"))
        about_qt = QPushButton(self.tr("About &Qt"))
        about_qt.setObjectName("about_qt")
        about_qt.setAutoDefault(False)
        about_qt.clicked.connect(lambda: QApplication.aboutQt())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(about_qt)
        row.addStretch()
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addLayout(row)
        self.resize(680, 520)

    def _licences(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        note = QLabel(self.tr(
            "Qt and PySide6 are used under the GNU Lesser General Public License 3.0, unmodified; "
            "their libraries sit replaceable in the program's folder. FFmpeg, which Qt's sound "
            "uses, under the LGPL 2.1 or later. The texts follow."))
        note.setWordWrap(True)
        layout.addWidget(note)
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Licence"))
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Licence text"))
        order = {"LGPL-3": 0, "GPL-3": 1, "LGPL-2.1": 2}  # the one Qt is used under first
        for path in sorted(licence_dir().glob("*.txt"), key=lambda p: (order.get(p.stem, 9), p.stem)):
            self.choice.addItem(path.stem, str(path))
        bundle = Path(getattr(sys, "_MEIPASS", "")) / "licenses" / "README.txt"
        if getattr(sys, "frozen", False) and bundle.is_file():
            self.choice.addItem(self.tr("Every component"), str(bundle))
        self.choice.currentIndexChanged.connect(self._show_licence)
        layout.addWidget(self.choice)
        layout.addWidget(self.text, 1)
        self._show_licence()
        return box

    def _show_licence(self) -> None:
        path = self.choice.currentData()
        self.text.setPlainText(Path(path).read_text(encoding="utf-8") if path else "")
