"""The countdown strip, alarms, the deadlines section and the rules settings."""

from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QModelIndex, Qt

from app.domain.enums import DeadlineOutcome
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines import dialogs
from app.ui.deadlines.dialogs import DeadlineDialog, NewDeadlineDialog
from app.ui.deadlines.page import DeadlineModel
from app.ui.main_window import MainWindow
from tests.ui.conftest import type_text


@pytest.fixture
def bridge() -> SchedulerBridge:
    return SchedulerBridge()


@pytest.fixture
def window(qtbot, office_ctx: Context, settings, bridge) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings, bridge)
    qtbot.addWidget(win)
    win.show()
    return win


def add(ctx: Context, what: str, minutes: float) -> int:
    return deadlines.create(ctx, what=what, report_kind="initial", channel="phone",
                            due_at=ctx.clock.now() + dt.timedelta(minutes=minutes)).id


def test_strip_lists_open_deadlines_soonest_first_and_counts_down(window: MainWindow, office_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    strip = window.strip
    assert strip.empty.isVisible()
    add(office_ctx, "县道塌方 首报", 90)
    add(office_ctx, "化工厂泄漏 首报", 25)
    window.alarms.refresh()
    assert [c.info.what for c in strip.chips] == ["化工厂泄漏 首报", "县道塌方 首报"]
    assert strip.chips[0].text().endswith("0:25:00")
    assert strip.chips[0].stage.value == "notice"
    clock.advance(dt.timedelta(minutes=20, seconds=30))
    strip.tick()
    assert strip.chips[0].text().endswith("0:04:30") and strip.chips[0].stage.value == "urgent"
    clock.advance(dt.timedelta(minutes=7))
    strip.tick()
    assert strip.chips[0].text().endswith("-0:02:30") and strip.chips[0].stage.value == "overdue"


def test_more_than_fit_shows_a_count(window: MainWindow, office_ctx) -> None:  # type: ignore[no-untyped-def]
    window.showNormal()
    window.resize(1366, 768)  # seven chips fit whole at 1366 px
    for n in range(10):
        add(office_ctx, f"事项{n}", 60 + n)
    window.alarms.refresh()
    assert len([c for c in window.strip.chips if not c.isHidden()]) == 7
    assert window.strip.more.text() == "另有 3 项"
    window.resize(1000, 768)  # a narrower window: fewer chips, none squeezed, the rest counted
    shown = [c for c in window.strip.chips if not c.isHidden()]
    assert 3 <= len(shown) < 7 and window.strip.more.text() == f"另有 {10 - len(shown)} 项"
    assert all(c.width() >= c.MIN_WIDTH for c in shown)
    window.strip.more.click()
    assert window.pages.currentWidget() is window.deadlines_page


def test_an_alarm_rings_until_acknowledged_with_the_shortcut(qtbot, window: MainWindow, office_ctx, bridge) -> None:  # type: ignore[no-untyped-def]
    d = add(office_ctx, "泥石流预警", 8)
    window.alarms.refresh()
    bridge.alarm(d, "urgent")
    sounded = window.alarms.sounded[-1]
    assert sounded.deadline_id == d and sounded.sound in ("sound", "beep")
    assert sounded.tray is False  # no tray offscreen: the window alert and the strip carry it
    assert d in window.strip.ringing
    qtbot.keyClick(window, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert d not in window.alarms.ringing
    assert deadlines.get(office_ctx, d).acknowledged_stage == "urgent"


def test_acknowledging_an_overdue_alarm_asks_why(window: MainWindow, office_ctx, bridge, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    d = add(office_ctx, "森林火情 首报", 5)
    clock.advance(dt.timedelta(minutes=10))
    bridge.alarm(d, "overdue")
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: None)  # the operator cancels
    assert not window.alarms.acknowledge_top()
    assert d in window.alarms.ringing
    monkeypatch.setattr(dialogs, "ask_reason", lambda *a: "带班领导在现场，稍后电话补报")
    assert window.alarms.acknowledge_top()
    assert deadlines.get(office_ctx, d).acknowledged_stage == "overdue"


def test_alarm_sound_falls_back_to_the_beep_without_a_device(window: MainWindow) -> None:
    sound = window.alarms.sound
    # this machine has no audio device: the fallback is chosen and the reason known
    if sound.uses_beep:
        assert sound.fallback_reason
        assert sound.play() == "beep"


def test_a_sound_that_fails_to_play_beeps_and_says_so_once(caplog) -> None:  # type: ignore[no-untyped-def]
    import logging

    from app.ui.deadlines.alarm import AlarmSound

    class Broken:
        def status(self):  # type: ignore[no-untyped-def]
            raise RuntimeError("the audio backend died")

    sound = AlarmSound()
    sound._ready = True  # as if prepare() had found a device
    sound.effect = Broken()  # type: ignore[assignment]
    with caplog.at_level(logging.WARNING, logger="app.ui.deadlines.alarm"):
        assert [sound.play(), sound.play(), sound.play()] == ["beep"] * 3
    said = [r for r in caplog.records if "falls back to the system beep" in r.getMessage()]
    assert len(said) == 1 and sound.fallback_reason == "playing the alarm sound failed"
    assert any(r.exc_info for r in caplog.records)  # the failure itself, with its traceback


def test_deadline_dialog_records_sending(qtbot, office_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    d = add(office_ctx, "暴雨内涝 首报", 30)
    clock.advance(dt.timedelta(minutes=12))
    dialog = DeadlineDialog(office_ctx, d, dt.UTC)  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.how.setCurrentText("电话报市应急办值班室 张科长")
    dialog.meet_button.click()
    info = deadlines.get(office_ctx, d)
    assert info.outcome is DeadlineOutcome.ON_TIME and "张科长" in info.met_how


def test_new_deadline_dialog(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    dialog = NewDeadlineDialog(office_ctx, rule_profiles_zone())
    qtbot.addWidget(dialog)
    dialog.submit()
    assert "事项不能为空" in dialog.error.text()
    type_text(qtbot, dialog.what, "市领导批示反馈：核实伤亡人数")
    dialog.submit()
    assert dialog.result() == NewDeadlineDialog.DialogCode.Accepted
    assert deadlines.list_open(office_ctx)[0].what == "市领导批示反馈：核实伤亡人数"


def rule_profiles_zone():  # type: ignore[no-untyped-def]
    import zoneinfo

    return zoneinfo.ZoneInfo("Asia/Shanghai")


def test_page_statistics_and_export(qtbot, window: MainWindow, office_ctx, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    a = add(office_ctx, "甲 首报", 30)
    b = add(office_ctx, "乙 首报", 10)
    clock.advance(dt.timedelta(minutes=20))
    deadlines.meet(office_ctx, a, how="电话")
    deadlines.meet(office_ctx, b, how="电话")
    page = window.deadlines_page
    page.reload()
    qtbot.waitUntil(lambda: page.stats_job.outcome == "done")  # computed off the GUI thread
    assert page.stats_model.rowCount() == 2  # the month and kind, then 合计
    assert page.stats_model.data(page.stats_model.index(0, 6)) == "50%"
    model = page.stats_model
    assert [model.data(model.index(1, c)) for c in (0, 2, 6)] == ["合计", 2, "50%"]
    assert model.data(model.index(1, 2), Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    assert page.problems_model.rowCount() == 1
    out = tmp_path / "统计.xlsx"
    job = page.export(out)
    assert job is not None
    qtbot.waitUntil(lambda: job.outcome == "done")
    assert page.export_result.text() == f"已保存到 {out}"
    wb = openpyxl.load_workbook(out)
    assert wb["按月统计"]["A2"].value == "月份" and wb["按月统计"]["G3"].value == "50.0%"
    assert wb["迟报漏报明细"]["E3"].value == "迟报"


def test_the_record_fetches_page_by_page_and_is_never_capped(qtbot, office_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    from app.ui.deadlines import page as page_module

    for n in range(7):
        a = add(office_ctx, f"已办 {n}", 5 + n)
        deadlines.meet(office_ctx, a, how="电话")
    add(office_ctx, "未办", 60)
    model = page_module.RecordModel(office_ctx, rule_profiles_zone())
    old_page, page_module.PAGE = page_module.PAGE, 3
    try:
        model.reload(rule_profiles.stage_settings(office_ctx))
        assert model.rowCount() == 3 and model.total == 8 and model.canFetchMore(QModelIndex())
        while model.canFetchMore(QModelIndex()):
            model.fetchMore(QModelIndex())
        whats = [model.info_at(i).what for i in range(model.rowCount())]
        assert whats == ["未办"] + [f"已办 {n}" for n in reversed(range(7))]  # open first, newest closed next
    finally:
        page_module.PAGE = old_page


def test_the_record_scrolled_far_holds_a_window_and_redraws_one_row(qtbot, office_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dataclasses

    from app.ui.deadlines import page as page_module

    for n in range(7):
        deadlines.meet(office_ctx, add(office_ctx, f"已办 {n}", 5 + n), how="电话")
    first = add(office_ctx, "未办", 60)
    monkeypatch.setattr(page_module, "PAGE", 3)
    monkeypatch.setattr(page_module.RecordModel, "window", 2)
    page = page_module.DeadlinesPage(office_ctx, rule_profiles_zone())
    qtbot.addWidget(page)
    model = page.all_model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 8 and model.pages.held_rows() == 5  # pages of 3, 3 and 2 held
    assert not model.pages.is_held(0)
    # the alarm path redraws one row: met meanwhile, its page let go: nothing is drawn now...
    met = deadlines.meet(office_ctx, first, how="电话")
    with qtbot.assertNotEmitted(model.dataChanged):
        page.refresh_row(met)
    # ...and the page read again shows it as it now is, in its place
    assert model.info_at(0) == met and model.data(model.index(0, 5)) == "按时"
    assert [model.info_at(r).what for r in range(8)] == ["未办"] + [f"已办 {n}" for n in reversed(range(7))]
    # a row whose page is held is redrawn at once
    renamed = dataclasses.replace(model.info_at(7), what="已办 0（改）")
    model.info_at(0)  # the last page let go...
    model.info_at(7)  # ...and held again
    with qtbot.waitSignal(model.dataChanged) as changed:
        assert model.replace(renamed)
    assert changed.args[0].row() == 7 and model.data(model.index(7, 0)) == "已办 0（改）"
    assert not model.replace(dataclasses.replace(renamed, id=9999))  # not in the list


def test_deadline_model(qtmodeltester, office_ctx) -> None:  # type: ignore[no-untyped-def]
    add(office_ctx, "x", 5)
    model = DeadlineModel(office_ctx, rule_profiles_zone())
    model.set_rows(deadlines.list_all(office_ctx), rule_profiles.stage_settings(office_ctx))
    qtmodeltester.check(model)


def test_rules_tab_copies_and_refuses_invalid_rules(window: MainWindow, monkeypatch) -> None:
    tab = window.settings_page.rules_tab
    assert "（当前采用）" in tab.profile_box.currentText()
    assert not tab.save_button.isEnabled()  # built-in: read-only
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("本市规则", True))
    tab.copy()
    assert tab.current().name == "本市规则" and tab.save_button.isEnabled()
    tab.table.item(0, 7).setText("-3")  # minutes
    tab.save()
    assert "第 1 条规则无效" in tab.message.text()
    tab.table.item(0, 7).setText("90")
    tab.save()
    assert tab.message.text() == "已保存。"
    tab.activate()
    assert rule_profiles.active_profile(window.ctx).rules[0].minutes == 90
