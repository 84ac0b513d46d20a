"""The duty log section: the list, quick entry on F2 from anywhere, corrections, check-in,
the handover screen with both passwords, presence checks in one key, the daily report."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from PySide6.QtCore import Qt

from app.domain.duty import LogKind
from app.domain.enums import Channel, ReportKind
from app.models import Organization
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import entries as dutylog
from app.services.dutylog import handover, presence
from app.services.office import users
from app.ui.dutylog import page as page_module
from app.ui.dutylog.entry_dialog import EntryDialog
from app.ui.dutylog.log_tab import DutyLogModel
from app.ui.dutylog.presence_tab import OutgoingModel, StatsModel
from app.ui.main_window import MainWindow
from tests.ui.conftest import type_text

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


@pytest.fixture
def window(qtbot, office_ctx: Context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    for name, display in (("zhang", "张伟"), ("li", "李娜")):
        users.create_user(office_ctx, username=name, display_name=display, role="officer",
                          password=f"{name}-pass-1")
    win = MainWindow(office_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def auto_entry(qtbot, monkeypatch, fill):  # type: ignore[no-untyped-def]
    """Replace the modal entry dialog by one that ``fill`` fills in, then submits."""

    class Auto(EntryDialog):
        def exec(self) -> int:  # type: ignore[override]
            fill(self)
            self.submit()
            return int(self.result())

    monkeypatch.setattr(page_module, "EntryDialog", Auto)
    from app.ui.dutylog import entry_dialog

    monkeypatch.setattr(entry_dialog, "EntryDialog", Auto)
    return Auto


def test_models_pass_the_model_tester(qtmodeltester, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    dutylog.append(office_ctx, "记事一条")
    dutylog.append(office_ctx, "东湖区来电", LogKind.INCOMING_CALL, caller_unit="东湖区应急管理局")
    model = DutyLogModel(SH)
    model.show_rows(dutylog.list_shift(office_ctx, dt.date(2026, 11, 28)))
    qtmodeltester.check(model)
    with office_ctx.db.write() as s:
        s.add(Organization(name="东湖区", kind="district", duty_phone="0576-88110000"))
    outgoing = OutgoingModel(SH)
    outgoing.set_units(presence.targets(office_ctx))
    qtmodeltester.check(outgoing)
    unit = outgoing.units[0]
    presence.record_outgoing(office_ctx, organization_id=unit.id, answered=True, rings=2)
    stats = StatsModel(SH)
    stats.set_rows(presence.statistics(office_ctx), 3)
    qtmodeltester.check(stats)
    assert stats.headerData(4, Qt.Orientation.Horizontal) == "3 声内接听"


def test_f2_writes_a_call_record_from_another_section(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def fill(d: EntryDialog) -> None:
        d.kind.setCurrentIndex(d.kind.findData("incoming_call"))
        assert d.call_box.isVisibleTo(d)
        type_text(qtbot, d.text, "报告人民路积水约 40 厘米，已派排涝车")
        type_text(qtbot, d.caller_unit, "东湖区应急管理局")
        type_text(qtbot, d.caller_name, "陈明")
        type_text(qtbot, d.caller_phone, "0576-88120000")
        type_text(qtbot, d.notified, "区政府总值班室")
        d.notified_at.setText("09:20")

    auto_entry(qtbot, monkeypatch, fill)
    assert window.pages.currentWidget() is window.intake_page
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_F2)
    [entry] = dutylog.list_shift(window.ctx, dt.date(2026, 11, 28))
    assert entry.kind is LogKind.INCOMING_CALL and entry.caller_name == "陈明"
    assert entry.notified_at.astimezone(SH).strftime("%H:%M") == "09:20"
    model = window.duty_log_page.log_tab.model
    assert model.rowCount() == 1 and model.data(model.index(0, 3)).startswith("东湖区应急管理局 陈明")


def test_entry_dialog_names_what_is_wrong(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    dialog = EntryDialog(office_ctx, SH)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.kind.setCurrentIndex(dialog.kind.findData("note"))
    assert not dialog.call_box.isVisible()
    dialog.submit()
    assert "内容不能为空" in dialog.error.text() and dialog.entry is None
    dialog.kind.setCurrentIndex(dialog.kind.findData("outgoing_call"))
    assert dialog.call_box.isVisible()


def test_check_in_and_correction_from_the_log(qtbot, window: MainWindow, monkeypatch, clock) -> None:  # type: ignore[no-untyped-def]
    tab = window.duty_log_page.log_tab
    window.show_section(window.duty_log_page)
    tab.check_in_button.click()
    assert "迟到" in tab.message.text() and "迟到 60 分钟" in tab.check_ins_label.text()
    old = dutylog.append(window.ctx, "西山县森林火情已扑灭")
    tab.reload()
    tab.view.selectRow(1)

    def fill(d: EntryDialog) -> None:
        assert not d.at.isEnabled() and d.text.toPlainText() == "西山县森林火情已扑灭"
        d.text.setPlainText("西山县森林火情已于 02:10 扑灭")

    auto_entry(qtbot, monkeypatch, fill)
    tab.correct_button.click()
    texts = [tab.model.data(tab.model.index(r, 2)) for r in range(tab.model.rowCount())]
    assert any(t.endswith(f"（已由第 {old.id + 1} 条更正）") for t in texts)
    assert texts[-1].startswith(f"［更正第 {old.id} 条］")


def test_handover_needs_both_passwords_then_locks(qtbot, window: MainWindow, office_ctx, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    handover.flag(office_ctx, "督促西山县报送灾情核查结果")
    dutylog.append(office_ctx, "市水利局通报：水库水位正常")
    page = window.duty_log_page
    tab = page.handover_tab
    tab.show_current()
    assert "督促西山县报送灾情核查结果" in tab.preview_view.toPlainText()
    assert "市水利局通报" in tab.preview_view.toPlainText()
    type_text(qtbot, tab.notes, "值班车钥匙在柜内")
    assert "值班车钥匙在柜内" in tab.preview_view.toPlainText()
    clock.set(dt.datetime(2026, 11, 29, 0, 5, tzinfo=dt.UTC))  # 08:05: the shift's last hour
    tab.outgoing.setCurrentIndex(tab.outgoing.findData("zhang"))
    tab.incoming.setCurrentIndex(tab.incoming.findData("li"))
    qtbot.keyClicks(tab.outgoing_password, "zhang-pass-1")
    qtbot.keyClicks(tab.incoming_password, "not-her-password")
    tab.confirm_button.click()
    assert "接班人" in tab.message.text() and tab.confirm_button.isEnabled()
    assert tab.outgoing_password.text() == ""  # passwords never linger
    qtbot.keyClicks(tab.outgoing_password, "zhang-pass-1")
    qtbot.keyClicks(tab.incoming_password, "li-pass-1")
    tab.confirm_button.click()
    assert "已锁定" in tab.message.text() and not tab.confirm_button.isEnabled()
    assert "张伟 交班，李娜 接班" in tab.state.text()
    assert dutylog.shift_info(office_ctx, dt.date(2026, 11, 28)).locked
    pdf = tab.export_pdf(tmp_path / "handover.pdf")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    # the log shows the shift that is open now
    assert page.log_tab.shown_day() == dt.date(2026, 11, 29)


def test_outgoing_checks_in_one_key(qtbot, window: MainWindow, office_ctx) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.db.write() as s:
        west = Organization(name="西山县", kind="district", duty_phone="0576-88220000", sort_order=1)
        s.add(west)
        s.flush()
        s.add_all([Organization(name="石门镇", kind="township", parent_id=west.id, duty_phone="0576-88221111"),
                   Organization(name="柳溪乡", kind="township", parent_id=west.id, duty_phone="0576-88222222")])
    tab = window.duty_log_page.presence_tab
    window.show_section(window.duty_log_page)
    window.duty_log_page.tabs.setCurrentWidget(tab)
    tab.new_round()
    assert tab.outgoing_model.rowCount() == 3
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Y)
    type_text(qtbot, tab.who, "王强")
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_4)
    qtbot.keyClick(tab.table, Qt.Key.Key_N)
    m = tab.outgoing_model
    assert [m.data(m.index(r, 3)) for r in range(3)] == ["已接听", "已接听", "未接听"]
    assert m.data(m.index(1, 4)) == "4"
    assert tab.progress.text() == "已查 3 / 3 个单位，未接听 1 个。"
    assert {s.unit: s.answered for s in presence.statistics(office_ctx)} == {"西山县": 1, "石门镇": 1, "柳溪乡": 0}
    qtbot.waitUntil(lambda: tab.stats_model.rowCount() == 3)  # counted off the GUI thread
    tab.caller.setCurrentText("省应急管理厅")
    tab.rings.setValue(2)
    tab.record_button.click()
    assert "值班日志" in tab.message.text()
    assert window.duty_log_page.log_tab.model.rowCount() == 1


def test_daily_report_is_composed_and_meets_its_deadline(qtbot, window: MainWindow, office_ctx, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(dt.datetime(2026, 10, 3, 14, 0, tzinfo=SH))
    with office_ctx.db.write() as s:
        deadlines.add_in(s, office_ctx, what="10月3日节假日日报告", report_kind=ReportKind.DAILY_REPORT,
                         channel=Channel.WRITTEN, recurring_key="daily:2026-10-03",
                         due_at=dt.datetime(2026, 10, 3, 15, 0, tzinfo=SH))
    tab = window.duty_log_page.daily_tab
    from PySide6.QtCore import QDate

    tab.day.setDate(QDate(2026, 10, 3))
    assert "国庆节" in tab.state.text() and "未办结" in tab.state.text()
    tab.compose_button.click()
    assert "零报告" in tab.text.toPlainText() and tab.message.text() == "期间无事：零报告。"
    tab.send_button.click()
    assert "按时" in tab.message.text() and "按时" in tab.state.text()


def test_the_log_fetches_page_by_page(qtbot, office_ctx, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QModelIndex

    from app.services.dutylog import entries as dutylog
    from app.ui.dutylog import log_tab

    for n in range(7):
        dutylog.append(office_ctx, f"第{n}条")
    day = dutylog.open_shift_date(office_ctx)
    monkeypatch.setattr(log_tab, "PAGE", 3)
    monkeypatch.setattr(log_tab.DutyLogModel, "window", 2)
    model = log_tab.DutyLogModel(SH)
    model.load(office_ctx, day)
    assert model.rowCount() == 3 and model.total == 7
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.pages.held_rows() == 4 and not model.pages.is_held(0)  # pages of 3, 3 and 1
    fix = dutylog.correct(office_ctx, model.entry_at(6).id, "第6条（更正）")  # type: ignore[union-attr]
    assert [model.entry_at(i).text for i in range(7)] == [f"第{n}条" for n in range(7)]  # type: ignore[union-attr]
    assert model.pages.reads == 3  # each page read again (by its entries' ids), two held
    assert model.entry_at(6).corrected_by == fix.id  # type: ignore[union-attr]  # as it now is
    assert model.rowCount() == 7  # the correction (a new entry) waits for the list to be reread
