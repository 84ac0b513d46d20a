"""Help (issue 14 point 6): the shortcut page read from the window's own keys; About."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QPushButton

from app import __version__
from app.services.context import Context
from app.ui import help
from app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, office_ctx: Context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _keys(sequence: QKeySequence) -> str:
    return sequence.toString(QKeySequence.SequenceFormat.NativeText)


def test_every_action_with_a_key_is_on_the_shortcut_page(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    listed = {(keys, what) for _where, what, keys in dialog.texts()}
    keys_listed = {keys for keys, _what in listed}
    actions = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(actions) >= 15
    for action in actions:
        assert (_keys(action.shortcut()), help.plain(action.text())) in listed, action.text()
    for button in window.findChildren(QAbstractButton):
        keys = button.shortcut().toString(QKeySequence.SequenceFormat.PortableText)
        if keys and not help.MNEMONIC.fullmatch(keys):  # Alt+letter: the underlined letter
            assert _keys(button.shortcut()) in keys_listed, button.text()
    for shortcut in window.findChildren(QShortcut):
        assert _keys(shortcut.key()) in keys_listed, shortcut.key().toString()
    assert all(what for _where, what, _keys_ in dialog.texts())
    assert ("F1", "快捷键") in listed and ("Ctrl+N", "新接报") in listed


def test_a_new_action_appears_without_anyone_listing_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    extra = QAction("演示用的新动作", window)
    extra.setShortcut(QKeySequence("Ctrl+Shift+F12"))
    window.addAction(extra)
    dialog = window.show_shortcuts()
    qtbot.addWidget(dialog)
    assert any(what == "演示用的新动作" for _where, what, _keys in dialog.texts())


def test_plain_removes_mnemonics_and_written_keys() -> None:
    assert help.plain("导出(&X)… Ctrl+E") == "导出…"
    assert help.plain("E&xport… (Ctrl+E)") == "Export…"
    assert help.plain("编辑(&E) F2") == "编辑"
    assert help.plain("保存并开始计时(&R)（Ctrl+Enter）") == "保存并开始计时"


def test_about_names_the_version_the_database_and_the_licences(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    dialog = help.AboutDialog(window.ctx.db.display_location, window)
    qtbot.addWidget(dialog)
    assert dialog.version.text() == __version__
    assert dialog.database.text() == window.ctx.db.display_location
    names = [dialog.choice.itemText(i) for i in range(dialog.choice.count())]
    assert {"LGPL-3", "GPL-3", "LGPL-2.1"} <= set(names)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.text.toPlainText()
    assert any(b.text() == "关于 Qt(&Q)" for b in dialog.findChildren(QPushButton))
