"""The tour of the whole screen in Chinese and in English (issue 14).

Every section, every tab, every dialog that a button, an action or a list's row opens (found
by walking, see explore.py), in the demo office at 1366×768.
"""

from __future__ import annotations

import getpass
import re
import sqlite3
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QDesktopServices

from app.domain.clock import FixedClock
from app.ui import application
from app.ui.main_window import MainWindow
from tests.conftest import START
from tests.ui.tour import rules
from tests.ui.tour.explore import Finding, Tour, settle


def open_window(copy: Path, language: str, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = application.signed_in_window(copy, "admin", "admin-2026", language,
                                          clock=FixedClock(START), settings=settings)
    window.showNormal()  # not maximized on the offscreen screen: the size an operator has
    window.resize(1366, 768)
    settle()
    return window


def walk(window: MainWindow, tour: Tour) -> None:
    for row in range(window.navigation.count()):
        window.navigation.setCurrentRow(row)
        settle()
        section = window.navigation.item(row).text()
        for state in tour.tab_states(window.pages.currentWidget(), section):
            tour.inspect(window, state)
            tour.press_all(window.pages.currentWidget(), state, depth=1)
            window.navigation.setCurrentRow(row)
            settle()
    window.navigation.setCurrentRow(1)
    tour.press_all(window.strip, "countdown strip", depth=1)
    for name, trigger in _menu_triggers(window):
        tour.probe(trigger, f"menu {name}", depth=1)


def _menu_triggers(window: MainWindow):  # type: ignore[no-untyped-def]
    from tests.ui.tour.explore import _window_actions

    return [(a.text(), a.trigger) for a in _window_actions(window)]


@pytest.fixture
def quiet_desktop(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> list[object]:
    """No browser or viewer opens; file dialogs start in the test's own folder, not the checkout."""
    monkeypatch.chdir(tmp_path)
    opened: list[object] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    return opened


def report(findings: list[Finding], name: str) -> str:
    """The findings, one a line (all of them also in tour-NAME.txt in the temporary folder)."""
    lines = sorted({str(f) for f in findings})
    (Path(tempfile.gettempdir()) / f"tour-{name}.txt").write_text("\n".join(lines), encoding="utf-8")
    return f"{len(lines)} problems:\n" + "\n".join(lines[:80])


def test_the_chinese_screen(qtbot, demo_file, demo_copy, settings, quiet_desktop) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_copy, "zh_CN", settings)
    qtbot.addWidget(window)
    # user names and the machine's account are the office's data, not the program's words
    data_words = {w for name in set(demo_file[1]) | {getpass.getuser()} for w in re.findall(r"[A-Za-z]+", name)}
    strip_bottom = window.strip.mapToGlobal(window.strip.rect().bottomLeft()).y()
    tour = Tour(lambda w, where: rules.zh_checks(w, where, data_words)
                + rules.fits_below_the_strip(w, where, strip_bottom))
    walk(window, tour)
    assert tour.pressed > 100 and len(tour.windows_seen) > 20, (tour.pressed, tour.windows_seen)
    assert not tour.findings, report(tour.findings, "zh")


def test_the_english_screen(qtbot, demo_copy, settings, quiet_desktop) -> None:  # type: ignore[no-untyped-def]
    window = open_window(demo_copy, "en", settings)
    qtbot.addWidget(window)
    forms = rules.chinese_forms()
    with sqlite3.connect(demo_copy) as db:  # titles people hold, which may equal a term
        data = {row[0] for row in db.execute("SELECT DISTINCT title FROM person") if row[0]}
        names = {row[0] for row in db.execute("SELECT name FROM plan UNION SELECT name FROM organization")}
    tour = Tour(lambda w, where: rules.en_checks(w, where, forms, data, names))
    try:
        walk(window, tour)
    finally:
        application.create_application([], "zh_CN")
        from app.domain import messages

        messages.set_language("zh_CN")
    assert not tour.findings, report(tour.findings, "en")
