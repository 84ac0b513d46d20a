"""The roster screen, the on-duty header and the settings tabs of the roster."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from app.domain.enums import ActorKind, CalendarKind, DutyRole, UserRole
from app.services.context import Actor, Context
from app.services.office import users
from app.services.roster import files as roster_files
from app.services.roster import generate as roster_generate
from app.services.roster import notice
from app.services.roster import schedule as roster
from app.services.roster import setup as roster_setup
from app.services.roster import swaps as roster_swaps
from app.ui import style
from app.ui.main_window import MainWindow
from app.ui.roster.dialogs import PlaceDialog, ReportDialog
from app.ui.roster.models import DayListModel, HistoryModel, MonthModel, PlacesModel
from app.ui.roster.page import RosterPage
from tests.services.roster import notice_2027
from tests.services.roster.fixtures import staff_office

D = dt.date


@pytest.fixture
def staffed(office_ctx: Context) -> dict[str, int]:
    ids = staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, D(2026, 9, 1), D(2026, 12, 31))
    return ids


@pytest.fixture
def window(qtbot, office_ctx: Context, staffed, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def answers(monkeypatch) -> list[str]:  # type: ignore[no-untyped-def]
    """Message boxes answer Yes and are remembered; dialogs of reports close at once."""
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda parent, title, text, *a: asked.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: asked.append(text))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: asked.append(
        self.text() + "\n" + self.informativeText()) or 0)
    monkeypatch.setattr(ReportDialog, "exec", lambda self: asked.append(
        self.text.toPlainText()) or 0)
    return asked


def test_the_header_shows_who_is_on_duty_and_copies_the_leaders_number(
        qtbot, window: MainWindow, office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    now = roster.on_duty(office_ctx).current
    leader = now.leaders[0]
    text = window.on_duty.now_label.text()
    assert text.startswith("当前值班：带班 " + leader.name + " " + leader.phone)
    assert all(a.name in text for a in now.assignments)
    assert window.on_duty.next_label.text().startswith("下一班 11-29 08:30：带班 ")
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert QGuiApplication.clipboard().text() == leader.phone
    assert window.on_duty.next_label.text() == "已复制：" + leader.phone
    clock.advance(dt.timedelta(days=1))  # the next morning: the next shift runs
    window.on_duty.refresh()
    upcoming = roster.on_duty(office_ctx).current
    assert upcoming.date == D(2026, 11, 29)
    assert upcoming.leaders[0].name in window.on_duty.now_label.text()
    assert 0 < window.on_duty.timer.remainingTime() <= 61_000  # each minute


def test_month_list_and_places_show_the_roster_with_holidays_and_conflicts(
        qtbot, qtmodeltester, window: MainWindow, office_ctx: Context, staffed) -> None:  # type: ignore[no-untyped-def]
    page = window.roster_page
    assert window.navigation.item(0).text() == "值班安排"
    assert page.month_label.text() == "2026年11月" and not page.banner.isVisible()
    page.move_month(-1)
    assert page.month_label.text() == "2026年10月"
    model = page.month_model
    national = model.index_of(D(2026, 10, 1))
    assert model.data(national).startswith("1  国庆节\n带班 ")
    assert model.data(national, Qt.ItemDataRole.BackgroundRole).color() == style.colour("holiday_bg")
    assert model.data(model.index_of(D(2026, 10, 10))).startswith("10  调休上班")
    assert page.list_model.rowCount() == 31
    for m in (model, page.list_model, page.day.places_model, page.swaps.model):
        qtmodeltester.check(m)
    # a hand edit that breaks the rest rule is highlighted in all three views
    page.select_day(D(2026, 10, 2))
    day = page.day.day_shifts[0]
    yesterday = roster.roster_range(office_ctx, D(2026, 10, 1), D(2026, 10, 1))[0]
    tired = yesterday.of(DutyRole.OFFICER)[0]
    page.day.places_view.setCurrentIndex(page.day.places_model.index(1, 0))
    assert page.day.set_place(day, DutyRole.OFFICER, 0, tired.person_id)
    assert "两班之间只休息 0 小时" in page.day.day_conflicts.text()
    assert "两班之间只休息" in model.data(model.index_of(D(2026, 10, 2)), Qt.ItemDataRole.ToolTipRole)
    row = next(i for i, d in enumerate(page.list_model.rows) if d.date == D(2026, 10, 2))
    assert "休息" in page.list_model.data(page.list_model.index(row, 7))
    assert page.day.places_model.data(page.day.places_model.index(1, 5)) == "是"  # locked by hand


def test_places_are_edited_from_the_keyboard(qtbot, window: MainWindow, office_ctx: Context,
                                             staffed) -> None:  # type: ignore[no-untyped-def]
    page = window.roster_page
    window.show_section(page)  # the window opens on intake; the operator goes to the roster
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    page.select_day(D(2026, 12, 3))
    page.day.focus_places()
    assert page.day.places_view.currentIndex().row() == 0
    qtbot.keyClick(page.day.places_view, Qt.Key.Key_Delete)
    day = roster.roster_range(office_ctx, D(2026, 12, 3), D(2026, 12, 3))[0]
    assert day.leaders == [] and "没有带班领导" in page.day.day_conflicts.text()
    assert page.day.places_model.data(page.day.places_model.index(0, 2)) == "（空缺）"
    # the dialog lists the role's pool; pick a leader by typing their name
    dialog = PlaceDialog(page.day.day_shifts[0], DutyRole.LEADER, None,
                         roster_setup.list_pool(office_ctx, DutyRole.LEADER), page)
    qtbot.addWidget(dialog)
    assert dialog.person.count() == 6  # nobody + five leaders
    dialog.person.setCurrentIndex(dialog.person.findData(staffed["钱立新"]))
    assert dialog.person_id() == staffed["钱立新"]
    page.day.set_place(page.day.day_shifts[0], DutyRole.LEADER, 0, dialog.person_id(), "临时调整")
    day = roster.roster_range(office_ctx, D(2026, 12, 3), D(2026, 12, 3))[0]
    assert [(a.name, a.note, a.locked) for a in day.leaders] == [("钱立新", "临时调整", True)]
    page.day.places_view.setFocus()
    page.day.places_view.setCurrentIndex(page.day.places_model.index(0, 0))
    qtbot.keyClick(page.day.places_view, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    day = roster.roster_range(office_ctx, D(2026, 12, 3), D(2026, 12, 3))[0]
    assert not day.leaders[0].locked


def test_generate_asks_before_rewriting_the_past(window: MainWindow, office_ctx: Context,
                                                 answers, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = window.roster_page
    window.show_section(page)
    lines = page.generate(D(2027, 1, 1), D(2027, 1, 31), replace=False)
    assert answers == [lines and "\n".join(lines)]  # no question: the range is in the future
    assert "2027 年的法定节假日和调休安排尚未录入" in answers[0]
    page.move_month(2)
    assert page.banner.isVisible() and "2027" in page.banner.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
    before = roster.roster_range(office_ctx, D(2026, 11, 1), D(2026, 11, 30))
    assert page.generate(D(2026, 11, 1), D(2026, 11, 30), replace=True) is None
    assert roster.roster_range(office_ctx, D(2026, 11, 1), D(2026, 11, 30)) == before


def test_swaps_are_asked_and_approved_on_the_screen(window: MainWindow, office_ctx: Context,
                                                    staffed, answers) -> None:  # type: ignore[no-untyped-def]
    page = window.roster_page
    day = roster.roster_range(office_ctx, D(2026, 12, 10), D(2026, 12, 10))[0]
    duty = day.of(DutyRole.OFFICER)[0]
    other = next(pid for name, pid in staffed.items() if name == "蒋春梅")
    if other in {a.person_id for a in day.assignments}:
        other = staffed["卫国平"] if duty.person_id != staffed["卫国平"] else staffed["冯建军"]
    assert page.day.request_swap(duty.id, other, "探亲")
    assert page.tabs.currentIndex() == 2 and page.swaps.model.rowCount() == 1
    assert page.swaps.model.data(page.swaps.model.index(0, 6)) == "待审批"
    page.swaps.view.setCurrentIndex(page.swaps.model.index(0, 0))
    page.swaps.decide(True)  # the administrator is not the chief leader: refused, said why
    assert answers[-1].startswith("2026-12-10 没有排总带班领导，本单位也未指定调班审批人")
    roster_swaps.set_approvers(office_ctx, [staffed["赵德明"]])
    users.create_user(office_ctx, username="zhao", display_name="赵德明", role="leader",
                      password="leader-pass", person_id=staffed["赵德明"])
    window.set_context(office_ctx.acting_as(users.authenticate(office_ctx, "zhao", "leader-pass")))
    page.swaps.view.setCurrentIndex(page.swaps.model.index(0, 0))
    page.swaps.decide(True)
    assert page.swaps.model.data(page.swaps.model.index(0, 6)) == "已批准"
    assert roster.roster_range(office_ctx, D(2026, 12, 10), D(2026, 12, 10))[0].of(
        DutyRole.OFFICER)[0].person_id == other
    assert roster_swaps.list_swaps(office_ctx, pending_only=True) == []
    page.tabs.setCurrentWidget(page.history_view)
    history = page.history_model
    assert history.data(history.index(0, 2)) == "批准调班"
    assert history.data(history.index(1, 2)) == "调班" and "→" in history.data(history.index(1, 3))


def test_only_an_administrator_edits_places_and_only_a_leader_decides_swaps(
        qtbot, office_ctx: Context, staffed, answers) -> None:  # type: ignore[no-untyped-def]
    day = roster.roster_range(office_ctx, D(2026, 12, 3), D(2026, 12, 3))[0]
    other = next(pid for pid in staffed.values()
                 if pid not in {a.person_id for a in day.assignments})
    duty = day.of(DutyRole.OFFICER)[0]
    roster_swaps.request_swap(office_ctx, duty.id, other, "探亲")
    for role, edits, decides in ((UserRole.OFFICER, False, False), (UserRole.LEADER, False, True),
                                 (UserRole.ADMIN, True, True)):
        page = RosterPage(office_ctx.acting_as(Actor("x", ActorKind.USER, role, 99, "某人")),
                          zoneinfo.ZoneInfo("Asia/Shanghai"))
        qtbot.addWidget(page)
        assert [b.isEnabled() for b in (page.generate_button, page.import_button, page.day.edit_button,
                                        page.day.clear_button, page.day.lock_button)] == [edits] * 5
        assert page.swaps.approve_button.isEnabled() is page.swaps.reject_button.isEnabled() is decides
        assert page.swaps.model.rowCount() == 1 and page.swaps.withdraw_button.isEnabled()
        page.select_day(D(2026, 12, 3))
        page.day.focus_places()
        page.day.clear_place()  # a key that slips through does nothing without the right
        after = roster.roster_range(office_ctx, D(2026, 12, 3), D(2026, 12, 3))[0]
        if edits:
            assert after.leaders == [] and "没有带班领导" in page.day.day_conflicts.text()
        else:
            assert after == day
    assert answers == []  # nobody was offered what the services refuse


def test_history_fetches_lazily(qtmodeltester, office_ctx: Context, staffed) -> None:  # type: ignore[no-untyped-def]
    for n in range(HistoryModel.PAGE + 5):
        roster.set_place(office_ctx, day=D(2027, 3, 1) + dt.timedelta(days=n), shift_id=1,
                         role=DutyRole.LEADER, position=0, person_id=staffed["赵德明"])
    model = HistoryModel(office_ctx, dt.UTC)  # type: ignore[arg-type]
    model.reload()
    assert model.rowCount() == HistoryModel.PAGE and model.canFetchMore(model.index(0, 0).parent())
    model.fetchMore(model.index(0, 0).parent())
    assert model.rowCount() > HistoryModel.PAGE
    assert model.data(model.index(0, 2)) == "安排值班"
    qtmodeltester.check(model)


def test_export_import_pdf_and_ics_from_the_screen(qtbot, window: MainWindow, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                   answers, tmp_path: Path) -> None:
    page = window.roster_page
    xlsx, pdf = tmp_path / "r.xlsx", tmp_path / "r.pdf"
    job = page.documents.export_to(xlsx, D(2026, 10, 1), D(2026, 10, 7))
    qtbot.waitUntil(lambda: job.outcome == "done")  # every document job runs off the GUI thread
    with qtbot.waitSignal(page.documents.sig_imported, timeout=10_000):
        page.documents.import_from(xlsx)
    assert answers[-1] == "共 7 天、21 人次；将替换这些日期原有的 21 人次。"
    xlsx.write_text("junk")
    job = page.documents.import_from(xlsx)
    qtbot.waitUntil(lambda: job.outcome == "failed")
    assert "无法读取 r.xlsx：不是完好的 Excel 工作簿" in answers[-1]
    job = page.documents.pdf_to(pdf, D(2026, 10, 1), D(2026, 10, 31))
    qtbot.waitUntil(lambda: job.outcome == "done")
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    html = roster_files.filing_html(office_ctx, D(2026, 10, 1), D(2026, 10, 7))
    assert "江州市应急管理局2026年国庆节值班安排表" in html and "国庆节</td>" in html


def test_the_calendar_tab_enters_next_years_notice(window: MainWindow, office_ctx: Context) -> None:
    tab = window.settings_page.calendar_tab
    window.show_section(window.settings_page)
    window.settings_page.tabs.setCurrentWidget(tab)
    assert tab.days_model.rowCount() == 39  # 2026, the clock's year
    tab.year.setValue(2027)
    assert "2027 年尚无官方节假日安排" in tab.source.text() and tab.days_model.rowCount() == 0
    assert tab.set_day(D(2027, 1, 1), CalendarKind.HOLIDAY, "元旦")
    assert tab.days_model.rows == [("2027-01-01", "星期五", "法定节假日", "元旦", "本单位录入")]
    assert tab.source.text().startswith("此处录入的 2027 年日期不构成全年安排")  # one day is no notice
    page = window.roster_page
    page.move_month(2)
    assert not page.banner.isHidden()  # 2027 is still unknown
    notice.enter_year(office_ctx, 2027, notice_2027.rows())  # the year's table (tested in settings)
    tab.reload()
    assert tab.source.text().startswith("本单位自己的节假日表（已录入全年安排）")
    tab.year.setValue(2026)
    assert tab.days_model.rowCount() == 39 and tab.source.text().startswith("来自软件内置的国务院")
    assert [r[0] for r in tab.filings_model.rows][:2] == ["元旦", "春节"]
    page.reload()
    assert page.banner.isHidden()  # January 2027's grid needs only 2027 (and late 2026)
    assert page.month_model.data(page.month_model.index_of(D(2027, 1, 1))).startswith("1  元旦")


def test_models_of_an_empty_month(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    month, listing, places = MonthModel(), DayListModel(), PlacesModel()
    month.load(2027, 2, [], [], D(2027, 2, 1))
    listing.load([], [])
    places.load([], [])
    for m in (month, listing, places):
        qtmodeltester.check(m)


def test_the_duty_tab_edits_pools_and_rules(qtbot, qtmodeltester, window: MainWindow,  # type: ignore[no-untyped-def]
                                            office_ctx: Context) -> None:
    from tests.ui.conftest import type_text

    tab = window.settings_page.duty_tab
    window.show_section(window.settings_page)
    window.settings_page.tabs.setCurrentWidget(tab)  # filled when first shown
    assert tab.role.currentData() == DutyRole.LEADER and tab.pool_model.rowCount() == 5
    assert tab.shifts_model.rows == [("全天", "08:30", "24 小时", "带班领导×1、值班员×2", "是")]
    tab.role.setCurrentIndex(tab.role.findData(DutyRole.STANDBY))
    type_text(qtbot, tab.search, "王建国")
    assert tab.found.count() == 1
    tab.found.setCurrentRow(0)
    tab.add_member()
    assert [r[0] for r in tab.pool_model.rows] == ["王建国"]
    qtmodeltester.check(tab.pool_model)
    tab.rest.setValue(48)
    tab.on_save_rules()
    assert tab.message.text() == "已保存。"
    assert roster_setup.get_rules(office_ctx).min_rest_hours == 48
