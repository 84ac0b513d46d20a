"""The report chain on screen, as a duty officer drives it: a 重大 accident recorded from the
form, reported by phone and then by fax within the deadlines, two follow-ups written from the
facts with their changes highlighted, the final report; the 公文 page saved as PDF and Word;
a call on F2 recorded as an incident."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable

import pytest
from docx import Document
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from app.domain.enums import DeadlineOutcome, ReportKind
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import entries as dutylog
from app.ui.dutylog import entry_dialog
from app.ui.dutylog import page as dutylog_page
from app.ui.intake import chain_dialogs
from app.ui.intake.detail import IncidentDialog
from app.ui.intake.form import IntakeForm
from app.ui.main_window import MainWindow
from tests.ui.conftest import type_text

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


def drive(monkeypatch: pytest.MonkeyPatch, cls: type[QDialog], act: Callable[[QDialog], None]) -> list[QDialog]:
    """The modal dialog ``cls`` opens, ``act`` fills it in as the operator would and presses OK."""
    shown: list[QDialog] = []

    def exec_(self: QDialog) -> int:
        shown.append(self)
        act(self)
        return int(self.result())

    monkeypatch.setattr(cls, "exec", exec_)
    return shown


def record_blast(qtbot, ctx: Context) -> str:  # type: ignore[no-untyped-def]
    """The accident typed into the intake form; the level first set too low, then corrected."""
    form = IntakeForm(ctx, SH)
    qtbot.addWidget(form)
    f = form.fields
    for key, text in (("title", "东湖区化工园区储罐爆燃事故"), ("source", "东湖区应急管理局"),
                      ("source_person", "李国强"), ("source_title", "副局长"), ("source_phone", "0576-88112233转801"),
                      ("location", "东湖区化工园区华兴化工有限公司")):
        type_text(qtbot, f.lines[key], text)
    for key, text in (("nature", "储罐区发生爆燃，引发火灾"), ("impact", "周边 500 米内约 300 人已疏散"),
                      ("trend", "火势基本控制，仍有复燃风险"), ("measures", "消防救援支队到场扑救"),
                      ("next_steps", "继续搜救失联人员，开展环境监测")):
        type_text(qtbot, f.texts[key], text)
    f.category.setCurrentIndex(f.category.findData("accident"))
    f.subtype.setCurrentIndex(f.subtype.findData("industrial"))
    f.counts["deaths"].setValue(12)
    f.counts["injuries"].setValue(5)
    type_text(qtbot, f.occurred_at.edit, "0905")  # 25 minutes before the call
    f.level.setCurrentIndex(f.level.findData("IV"))
    hint = form.guide.hints["level"]
    assert hint.text() == "低于伤亡数字达到的级别，须填写定级说明"
    assert hint.toolTip().startswith("事件级别“一般”低于伤亡和损失数字达到的“重大”")
    form.save_button.click()
    assert "定级说明" in form.message.text()  # refused, nothing recorded
    f.level.setCurrentIndex(f.level.findData("II"))
    assert form.guide.hints["level"].text() == ""
    with qtbot.waitSignal(form.sig_recorded) as recorded:
        form.save_button.click()
    return str(recorded.args[0])


def test_a_major_accident_by_phone_then_fax_two_follow_ups_and_the_final_report(
        qtbot, office_ctx: Context, clock, monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    number = record_blast(qtbot, office_ctx)
    dialog = IncidentDialog(office_ctx, number, SH)
    qtbot.addWidget(dialog)
    assert dialog.chain.topLevelItem(0).text(0) == "首报  —  未报送"

    def by_phone(d: chain_dialogs.SendDialog) -> None:
        assert d.channel.itemData(0) == "phone" and d.channel.itemText(0) == "电话（尚有时限）"
        assert not d.means.isEnabled() and d.to.text() == ""
        type_text(qtbot, d.to, "江州市人民政府总值班室")
        d.submit()

    def by_fax(d: chain_dialogs.SendDialog) -> None:
        if d.report.kind is not ReportKind.FINAL:  # the final report owes no deadline
            assert d.channel.itemData(0) == "written"  # what still owes a deadline comes first
        d.channel.setCurrentIndex(d.channel.findData("written"))
        assert d.to.text() == "江州市人民政府总值班室"  # where the incident's reports went before
        d.means.setCurrentIndex(d.means.findData("fax"))
        type_text(qtbot, d.issued_by, "张副局长")
        d.submit()

    drive(monkeypatch, chain_dialogs.SendDialog, by_phone)
    clock.advance(dt.timedelta(minutes=12))  # 09:42
    dialog.buttons["send"].click()
    assert "首报经电话报送至江州市人民政府总值班室，满足时限 1 项（按时）" in dialog.message.text()
    drive(monkeypatch, chain_dialogs.SendDialog, by_fax)
    clock.advance(dt.timedelta(minutes=25))  # 10:07
    dialog.buttons["send"].click()
    top = dialog.chain.topLevelItem(0)
    assert top.text(0) == "首报  —  已报送 2 次" and top.childCount() == 2
    assert top.child(1).text(0) == "11-28 10:07 书面（传真） 报送江州市人民政府总值班室，签发人：张副局长"
    assert "签发人：张副局长" in dialog.text.toPlainText()

    def changes(**figures: int) -> Callable[[QDialog], None]:
        def act(d: chain_dialogs.FollowUpDialog) -> None:
            assert d.changes.text().startswith("尚无变化")
            for key, value in figures.items():
                d.fields.counts[key].setValue(value)
            type_text(qtbot, d.fields.texts["measures"], "；明火已扑灭")
            changed = {k for k, w in d.fields.counts.items() if w.property("changed")}
            assert changed == set(figures) and not d.fields.title.property("changed")
            assert d.fields.texts["measures"].property("changed")
            d.submit()
        return act  # type: ignore[return-value]

    for hours, figures in ((5, {"deaths": 13, "missing": 2}), (14, {"missing": 0})):
        clock.advance(dt.timedelta(hours=hours))
        drive(monkeypatch, chain_dialogs.FollowUpDialog, changes(**figures))
        dialog.buttons["follow"].click()
        drive(monkeypatch, chain_dialogs.SendDialog, by_fax)
        dialog.buttons["send"].click()
    assert [dialog.chain.topLevelItem(i).text(0).split("  ")[0] for i in range(3)] == ["首报", "续报一", "续报二"]
    assert "截至2026年11月29日5时07分" in dialog.text.toPlainText()
    assert "一、人员伤亡：死亡13人、受伤5人、失踪0人" in dialog.text.toPlainText()

    def closing(d: chain_dialogs.FinalDialog) -> None:
        type_text(qtbot, d.texts["outcome"], "明火扑灭，失联人员全部找到，现场清理完毕")
        d.submit()

    clock.advance(dt.timedelta(hours=3))
    drive(monkeypatch, chain_dialogs.FinalDialog, closing)
    dialog.buttons["final"].click()
    assert "已办结" in dialog.heading.text() and not dialog.buttons["follow"].isEnabled()
    drive(monkeypatch, chain_dialogs.SendDialog, by_fax)
    dialog.buttons["send"].click()
    outcomes = {(d.report_kind, d.outcome) for d in deadlines.list_all(office_ctx) if d.incident_number == number}
    assert outcomes == {(ReportKind.INITIAL, DeadlineOutcome.ON_TIME), (ReportKind.FOLLOW_UP, DeadlineOutcome.ON_TIME),
                        (ReportKind.FOLLOW_UP, DeadlineOutcome.CANCELLED)}
    pdf = dialog.export_pdf(tmp_path / "终报.pdf")
    word = dialog.export_docx(tmp_path / "终报.docx")
    assert pdf is not None and pdf.read_bytes().startswith(b"%PDF")
    assert word is not None and Document(str(word)).paragraphs[0].text.endswith("的终报")


def test_an_unsent_follow_up_is_deleted_and_a_sent_report_cannot_be(qtbot, office_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    number = record_blast(qtbot, office_ctx)
    dialog = IncidentDialog(office_ctx, number, SH)
    qtbot.addWidget(dialog)
    assert not dialog.buttons["delete"].isEnabled()  # the first report stays

    def nothing_new(d: chain_dialogs.FollowUpDialog) -> None:
        d.submit()
        assert "没有任何变化" in d.message.text()  # refused: a follow-up gives what changed
        d.fields.counts["deaths"].setValue(14)
        d.submit()

    drive(monkeypatch, chain_dialogs.FollowUpDialog, nothing_new)
    dialog.buttons["follow"].click()
    assert dialog.buttons["delete"].isEnabled()
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    dialog.buttons["delete"].click()
    assert dialog.chain.topLevelItemCount() == 1


def test_f2_records_a_call_as_an_incident(qtbot, office_ctx: Context, settings, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx, settings)
    qtbot.addWidget(window)
    window.show()

    class Auto(entry_dialog.EntryDialog):
        def exec(self) -> int:  # type: ignore[override]
            self.kind.setCurrentIndex(self.kind.findData("incoming_call"))
            assert self.incident_button.isVisibleTo(self)
            type_text(qtbot, self.text, "化工园区储罐起火，有人员被困")
            type_text(qtbot, self.caller_unit, "东湖区应急管理局")
            type_text(qtbot, self.caller_name, "李国强")
            type_text(qtbot, self.caller_title, "副局长")
            type_text(qtbot, self.caller_phone, "0576-88112233")
            type_text(qtbot, self.place, "东湖区化工园区")
            self.incident_button.click()
            return int(self.result())

    monkeypatch.setattr(dutylog_page, "EntryDialog", Auto)
    window.show_section(window.deadlines_page)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    assert window.pages.currentWidget() is window.intake_page
    fields = window.intake_page.form.fields
    assert (fields.lines["source"].text(), fields.lines["source_person"].text(), fields.lines["source_title"].text(),
            fields.lines["source_phone"].text(), fields.lines["location"].text()) == (
        "东湖区应急管理局", "李国强", "副局长", "0576-88112233", "东湖区化工园区")
    assert fields.texts["nature"].toPlainText() == "化工园区储罐起火，有人员被困"
    assert dutylog.list_shift(office_ctx, dt.date(2026, 11, 28)) == []  # nothing written yet
    assert "电话记录" in window.intake_page.form.message.text()
    assert fields.lines["received_by"].text() == "王建国"  # the operator took the call
