"""The operator's core tasks driven by key presses on the real window, and counted (issue 14).

Each test starts from the signed-in main window on the demo office, presses the keys an
officer would, and checks both the outcome and the number of keys against the goal. Content
(a title, a phone's initials where the task says so, passwords) is typed and not counted
unless the goal counts it. ``Keys.log`` names every key, for the note.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QWidget

from app.domain.clock import FixedClock
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import handover
from app.services.incidents import intake
from app.services.office import health
from app.ui import application
from app.ui.main_window import MainWindow
from tests.conftest import START
from tests.ui.keys import Keys, when_modal

CTRL, ALT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def open_main(path: Path, settings: QSettings, qtbot, clock: FixedClock) -> MainWindow:  # type: ignore[no-untyped-def]
    window = application.signed_in_window(path, "admin", "admin-2026", clock=clock, settings=settings)
    qtbot.addWidget(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


@pytest.mark.qt_log_ignore("This plugin does not support grabbing")  # offscreen: the suggestion lists
def test_a_phone_report_of_a_larger_accident_with_its_text_copied(qtbot, demo_copy, settings) -> None:  # type: ignore[no-untyped-def]
    """Goal: at most 12 keys beyond the content, every key counted (Tab to the next field too):
    the caller's words are typed, everything else is a key."""
    window = open_main(demo_copy, settings, qtbot, FixedClock(START))
    keys = Keys(qtbot)
    form = window.intake_page.form
    QGuiApplication.clipboard().clear()
    keys.press(Qt.Key.Key_N, CTRL, "Ctrl+N")
    keys.type("芦浦镇境内危化品运输车辆侧翻事故")
    keys.tab()
    keys.type("0905")
    keys.tab()
    keys.type("王桂薇")  # the caller's name as she gives it: the contact book's suggestion shows
    keys.press(Qt.Key.Key_Return, name="Enter")  # its first: unit, person, title, phone; on to 地点
    lines = form.fields.lines
    assert [lines[k].text() for k in ("source", "source_person", "source_title")] == ["芦浦镇", "王桂薇", "镇长"]
    assert lines["source_phone"].text()
    assert QApplication.focusWidget() is lines["location"]
    keys.type("芦浦镇沿江公路与镇东路交叉口")
    keys.tab()
    keys.type("交通")  # the sub-type; it names the category
    keys.press(Qt.Key.Key_Return, name="Enter")  # the first it finds; on to the figures
    assert form.fields.subtype.currentData() is not None
    keys.type("3")  # deaths: the figures reach 较大, which becomes the level
    keys.alt("b")  # on to 事件性质, past the figures nobody knows yet
    keys.type("危化品运输车辆侧翻，发生泄漏")
    keys.tab()
    keys.type("道路双向封闭，周边 200 米人员疏散")
    keys.tab()
    keys.type("泄漏已基本控制")
    keys.tab()
    keys.type("消防、交警、环保部门到场处置")
    keys.tab()
    keys.type("继续监测空气质量，做好善后")
    keys.press(Qt.Key.Key_Return, CTRL | SHIFT, "Ctrl+Shift+Enter")  # recorded, its text copied
    number = form.last_recorded
    assert number is not None, form.message.text()
    info = intake.get(window.ctx, number)
    assert info.facts.level is not None and info.facts.level.value == "III"
    assert not info.missing_elements and info.facts.source_person and info.facts.source_phone
    copied = QGuiApplication.clipboard().text()
    assert "危化品运输车辆侧翻" in copied and "较大" in copied
    print(f"\nphone report: {keys.count} keys beyond the content ({keys.log})")
    assert keys.count <= 12


def test_the_report_just_recorded_is_one_key_away(qtbot, demo_copy, settings) -> None:  # type: ignore[no-untyped-def]
    """Ctrl+O opens it; Alt+C there copies its text (the way to it after a plain record)."""
    window = open_main(demo_copy, settings, qtbot, FixedClock(START))
    keys = Keys(qtbot)
    form = window.intake_page.form
    keys.press(Qt.Key.Key_N, CTRL, "Ctrl+N")
    keys.type("芦浦镇沿江公路山体滑坡")
    keys.tab()
    keys.type("0850")
    form.fields.lines["source"].setText("芦浦镇")
    form.fields.lines["location"].setText("芦浦镇沿江公路")
    form.flash_button.click()  # a flash report: what is known so far
    assert form.last_recorded is not None, form.message.text()
    copied: list[str] = []
    when_modal(qtbot, lambda dialog: (keys.alt("c"), copied.append(QGuiApplication.clipboard().text()),
                                      dialog.close()))
    keys.press(Qt.Key.Key_O, CTRL, "Ctrl+O")
    qtbot.waitUntil(lambda: bool(copied))
    assert "山体滑坡" in copied[0]


def test_next_months_roster_generated_exported_and_previewed(qtbot, demo_copy, settings, tmp_path,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    """Goal: at most 6 actions."""
    window = open_main(demo_copy, settings, qtbot, FixedClock(START))
    keys = Keys(qtbot)
    saved: list[Path] = []
    target = tmp_path / "值班安排表.xlsx"

    def save_as(*_args, **_kwargs):  # type: ignore[no-untyped-def]
        keys.count += 1  # the save dialog's Enter, accepting the name offered
        keys.log.append("Enter (save)")
        saved.append(target)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    previewed: list[str] = []
    keys.press(Qt.Key.Key_1, CTRL, "Ctrl+1")
    keys.press(Qt.Key.Key_PageDown, CTRL, "Ctrl+PgDown")  # next month
    roster = window.roster_page
    assert roster.month == 12

    def in_generate(dialog: QWidget) -> None:
        when_modal(qtbot, in_report)
        keys.press(Qt.Key.Key_Return, name="Enter (generate)")

    def in_report(dialog: QWidget) -> None:
        when_modal(qtbot, lambda preview: (previewed.append(preview.windowTitle()), preview.close()),
                   timeout_ms=20_000)
        keys.press(Qt.Key.Key_Return, name="Enter (export and preview)")

    when_modal(qtbot, in_generate)
    keys.alt("g")
    qtbot.waitUntil(lambda: bool(previewed), timeout=20_000)
    assert target.exists() and target.stat().st_size > 0
    print(f"\nroster: {keys.count} actions ({keys.log})")
    assert keys.count <= 6


def test_a_handover_with_two_passwords(qtbot, demo_copy, demo_file, settings) -> None:  # type: ignore[no-untyped-def]
    """Goal: at most 3 actions plus two passwords. Near the end of a shift whose next officer
    the roster names."""
    opened = health.open_database(demo_copy, FixedClock(START))
    ctx = Context(opened.db, FixedClock(START), Actor.command_line())
    day = next(START.date() + dt.timedelta(days=n) for n in range(40)
               if handover.next_officer(ctx, START.date() + dt.timedelta(days=n)) not in (None, "admin"))
    incoming = handover.next_officer(ctx, day)
    opened.db.dispose()
    assert incoming is not None
    end = dt.datetime.combine(day + dt.timedelta(days=1), dt.time(0, 10), dt.UTC)  # 08:10 Shanghai
    window = open_main(demo_copy, settings, qtbot, FixedClock(end))
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_H, CTRL, "Ctrl+H")
    tab = window.duty_log_page.handover_tab
    outgoing = tab.outgoing.currentData()  # who signed in for the shift ending
    assert outgoing and tab.incoming.currentData() == incoming, day
    assert QApplication.focusWidget() is tab.outgoing_password
    keys.type(demo_file[1][outgoing])
    keys.press(Qt.Key.Key_Return, name="Enter")
    keys.type(demo_file[1][incoming])
    keys.press(Qt.Key.Key_Return, name="Enter")
    assert tab.sheet is not None and tab.sheet.handed_over, tab.message.text()
    print(f"\nhandover ({day}, {outgoing} to {incoming}): {keys.count} actions plus two passwords ({keys.log})")
    assert keys.count <= 3


def test_a_handover_long_before_the_shift_ends_asks_why(qtbot, demo_copy, demo_file, settings) -> None:  # type: ignore[no-untyped-def]
    """23 hours before the shift ends: the handover asks, naming the end; going back hands
    nothing over, a reason goes into the sheet's notes."""
    window = open_main(demo_copy, settings, qtbot, FixedClock(START))
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_H, CTRL, "Ctrl+H")
    tab = window.duty_log_page.handover_tab
    incoming = tab.incoming.currentData() or "officer2"
    tab.incoming.setCurrentIndex(tab.incoming.findData(incoming))
    asked: list[str] = []

    def answer(dialog: QWidget, reason: str) -> None:
        asked.append(dialog.findChild(QLabel).text())
        if reason:
            keys.type(reason)
            keys.press(Qt.Key.Key_Return, name="Enter")
        else:
            keys.press(Qt.Key.Key_Escape, name="Esc")

    for reason in ("", "值班员突发疾病，提前交班"):
        tab.outgoing_password.setText(demo_file[1][tab.outgoing.currentData()])
        tab.incoming_password.setText(demo_file[1][incoming])
        tab.incoming_password.setFocus()
        before = len(asked)
        when_modal(qtbot, lambda dialog, r=reason: answer(dialog, r))
        keys.press(Qt.Key.Key_Return, name="Enter")
        qtbot.waitUntil(lambda n=before: len(asked) > n)
        if not reason:
            assert tab.sheet is not None and not tab.sheet.handed_over
    assert "08:30" in asked[0] and len(asked) == 2, asked
    assert tab.sheet is not None and tab.sheet.handed_over, tab.message.text()
    assert "值班员突发疾病，提前交班" in tab.sheet.notes


def test_a_townships_duty_phone(qtbot, demo_copy, settings) -> None:  # type: ignore[no-untyped-def]
    """Goal: at most 5 keys, the initials included."""
    window = open_main(demo_copy, settings, qtbot, FixedClock(START))
    keys = Keys(qtbot)
    keys.press(Qt.Key.Key_F, CTRL, "Ctrl+F")
    for letter in "yfz":  # 云峰镇
        keys.press(getattr(Qt.Key, f"Key_{letter.upper()}"), name=letter)
    window.contacts_page.run_search()  # what the search's pause does by itself
    keys.press(Qt.Key.Key_Return, name="Enter")
    assert QGuiApplication.clipboard().text() == "0576-84803396"
    print(f"\ntownship phone: {keys.count} keys ({keys.log})")
    assert keys.count <= 5


def test_the_top_alarm_is_one_key(qtbot, demo_copy, settings) -> None:  # type: ignore[no-untyped-def]
    clock = FixedClock(START)
    window = open_main(demo_copy, settings, qtbot, clock)
    info = deadlines.create(window.ctx, what="测试：一键确认", due_at=START + dt.timedelta(minutes=5))
    window.alarms.on_alarm(info.id, "urgent")
    assert window.alarms.top_ringing() is not None
    keys = Keys(qtbot)
    top = window.alarms.top_ringing()
    keys.press(Qt.Key.Key_A, CTRL | SHIFT, "Ctrl+Shift+A")
    assert window.alarms.top_ringing() != top
    print(f"\ntop alarm: {keys.count} key")
    assert keys.count == 1


@pytest.fixture(autouse=True)
def _no_leftover_windows(qtbot):  # type: ignore[no-untyped-def]
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.quitting = True
