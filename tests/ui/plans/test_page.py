"""The 预案演练 section: the register with its clocks, the dialogs, keys, drills and actions,
training, import and export as jobs, the operator's role, and the strip's rule."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QMessageBox

from app.domain.enums import DeadlineOutcome, ReportKind, UserRole
from app.domain.plans import PlanStatus, PlanType
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.plans import drills, register, training
from app.ui import style
from app.ui.main_window import MainWindow
from app.ui.plans.drill_dialog import DoneDialog, DrillDialog
from app.ui.plans.page import PlansPage
from app.ui.plans.plan_dialog import PlanDialog, ReviewDialog
from app.ui.plans.training_tab import TrainingDialog
from tests.services.plans.fixtures import plan, units
from tests.ui.conftest import type_text

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2026, 11, 28)


@pytest.fixture
def register_book(office_ctx: Context) -> dict[str, int]:
    made = units(office_ctx)
    plan(office_ctx, "江州市危险化学品事故应急预案", PlanType.SPECIAL, "江州市应急管理局",
         dt.date(2023, 10, 15))  # overdue: review and drill
    plan(office_ctx, "华昌化工综合应急预案", PlanType.ENTERPRISE, "江州华昌化工有限公司",
         dt.date(2026, 6, 1))
    plan(office_ctx, "东湖区防汛应急预案", PlanType.SPECIAL, "东湖区", dt.date(2025, 3, 1))
    return made


@pytest.fixture
def page(qtbot, office_ctx: Context, register_book) -> PlansPage:  # type: ignore[no-untyped-def]
    widget = PlansPage(office_ctx, ZONE)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def names(page: PlansPage) -> list[str]:
    model = page.plans_tab.model
    return [model.row_at(r).name for r in range(model.rowCount())]


def test_the_section_is_in_the_window_with_its_icon_and_key(qtbot, office_ctx: Context, settings, register_book) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(office_ctx, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    row = [window.navigation.item(i).text() for i in range(window.navigation.count())].index("预案演练")
    assert not window.navigation.item(row).icon().isNull()
    qtbot.keyClick(window, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert window.pages.currentWidget() is window.plans_page
    assert "江州市危险化学品事故应急预案" in names(window.plans_page)
    # its overdue clocks are on the strip, after the reports
    assert any(c.info.report_kind is ReportKind.PLAN_REVIEW for c in window.strip.chips)


def test_the_register_shows_clocks_overdue_in_red_and_filters(qtbot, page: PlansPage, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    tab = page.plans_tab
    qtmodeltester.check(tab.model)
    # by type (special before enterprise), then unit, then name
    assert names(page) == ["东湖区防汛应急预案", "江州市危险化学品事故应急预案", "华昌化工综合应急预案"]
    model = tab.model
    assert model.data(model.index(1, 5)) == "2026-10-15"
    brush = model.data(model.index(1, 5), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(brush, QBrush) and brush.color() == style.colour("danger_text")
    assert model.data(model.index(0, 5), Qt.ItemDataRole.ForegroundRole) is None
    tab.table.selectRow(1)
    details = tab.details
    assert details.title.text() == "江州市危险化学品事故应急预案"
    assert details.fields["review"].text() == "2026-10-15（逾期）"
    clocks = details.clocks
    assert sorted(clocks.data(clocks.index(r, 1)) for r in range(clocks.rowCount())) == \
        ["预案演练", "预案评估"]
    assert clocks.data(clocks.index(0, 2)) == "未完成"
    tab.overdue_only.setChecked(True)
    assert names(page) == ["江州市危险化学品事故应急预案"]
    tab.overdue_only.setChecked(False)
    type_text(qtbot, tab.filter, "东湖区")
    assert names(page) == ["东湖区防汛应急预案"]
    assert "在用预案 3 个，逾期 1 个" in tab.summary.text()


def test_a_plan_recorded_and_reviewed_through_the_dialogs(qtbot, page: PlansPage, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    dialog = PlanDialog(office_ctx, TODAY, None, page)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name, "城关街道综合应急预案")
    dialog.type.setCurrentIndex(dialog.type.findData("onsite"))
    assert dialog.drill_months.value() == 6  # the type's default
    dialog.type.setCurrentIndex(dialog.type.findData("township"))
    assert dialog.drill_months.value() == 36
    dialog.unit.setEditText("城关街道")
    dialog.approved.setDate(dialog.approved.date().addYears(-1))
    dialog.submit()
    assert dialog.result() == PlanDialog.DialogCode.Accepted and dialog.saved is not None
    assert (dialog.saved.unit, dialog.saved.type) == ("城关街道", PlanType.TOWNSHIP)
    bad = PlanDialog(office_ctx, TODAY, None, page)
    qtbot.addWidget(bad)
    bad.unit.setEditText("城关街道")
    bad.submit()
    assert bad.error.text() == "预案名称不能为空。" and bad.saved is None
    page.plans_tab.reload()
    held = next(p for p in register.list_plans(office_ctx) if p.name.startswith("江州市危险"))
    review = ReviewDialog(office_ctx, held, TODAY, page)
    qtbot.addWidget(review)
    review.conclusion.setCurrentIndex(1)  # to be revised
    review.submit()
    again = register.get_plan(office_ctx, held.id)
    assert (again.status, again.next_review) == (PlanStatus.UNDER_REVISION, dt.date(2029, 11, 28))
    edit = PlanDialog(office_ctx, TODAY, again, page)
    qtbot.addWidget(edit)
    assert edit.unit.unit() == again.unit_id and edit.drill_months.value() == 36
    edit.drill_months.setValue(24)
    edit.submit()
    assert register.get_plan(office_ctx, held.id).next_drill == dt.date(2025, 10, 15)


def test_a_drill_with_its_actions_and_one_marked_done(qtbot, page: PlansPage, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    plans = register.list_plans(office_ctx)
    chosen = next(p for p in plans if p.name == "东湖区防汛应急预案")
    dialog = DrillDialog(office_ctx, plans, TODAY, chosen.id, page)
    qtbot.addWidget(dialog)
    assert dialog.plan.currentData() == chosen.id
    dialog.type.setCurrentIndex(dialog.type.findData("live"))
    dialog.held_on.setDate(dialog.held_on.date().addDays(-8))  # 2026-11-20
    type_text(qtbot, dialog.place, "东湖区江堤")
    type_text(qtbot, dialog.units, "东湖区、城关街道")
    dialog.count.setValue(120)
    dialog.add_action_row(("加固江堤薄弱段", "东湖区", "2026-12-20", ""))
    dialog.add_action_row(("补充抢险物资", "城关街道", "下月", ""))
    dialog.submit()
    assert dialog.error.text() == "第 2 项整改：整改期限“下月”不是日期（格式 YYYY-MM-DD）。"
    dialog.action_table.item(1, 2).setText("2026-11-27")
    dialog.submit()
    assert dialog.saved is not None
    assert dialog.saved.units == ("东湖区", "城关街道")
    tab = page.drills_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 1 and tab.actions_model.rowCount() == 2
    late = tab.actions_model.data(tab.actions_model.index(1, 0), Qt.ItemDataRole.ForegroundRole)
    assert isinstance(late, QBrush)  # due yesterday, not done
    tab.action_table.selectRow(1)
    done = DoneDialog(office_ctx, tab.current_action(), TODAY, page)  # type: ignore[arg-type]
    qtbot.addWidget(done)
    done.submit()
    action = drills.list_drills(office_ctx)[0].actions[1]
    assert action.done_on == TODAY
    assert deadlines.get(office_ctx, action.deadline_id or 0).outcome is DeadlineOutcome.LATE


def test_training_names_people_of_the_contact_book(qtbot, page: PlansPage, office_ctx: Context, register_book) -> None:  # type: ignore[no-untyped-def]
    from app.services.contacts import book
    from app.services.contacts.book import PersonInput

    for name, unit in (("张伟", "东湖区"), ("张伟", "城关街道"), ("李娜", "东湖区")):
        book.save_person(office_ctx, None, PersonInput(name=name, organization_id=register_book[unit]))
    dialog = TrainingDialog(office_ctx, TODAY, None, page)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.course, "值班值守业务培训")
    type_text(qtbot, dialog.people, "张伟、李娜")
    dialog.submit()
    assert dialog.error.text() == "通讯录中有 2 人名为“张伟”，请写成“姓名（单位）”。"
    dialog.people.clear()
    type_text(qtbot, dialog.people, "张伟（城关街道）、李娜")
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.participant_count == 2
    tab = page.training_tab
    page.tabs.setCurrentWidget(tab)
    assert tab.model.rowCount() == 1 and tab.summary.text() == "共 1 次，2 学时"
    assert [t.course for t in training.list_trainings(office_ctx)] == ["值班值守业务培训"]


def test_an_officer_reads_the_register_but_cannot_write(qtbot, office_ctx: Context, register_book) -> None:  # type: ignore[no-untyped-def]
    officer = office_ctx.acting_as(Actor("duty", office_ctx.actor.kind, UserRole.OFFICER))  # type: ignore[union-attr]
    widget = PlansPage(officer, ZONE)
    qtbot.addWidget(widget)
    widget.show()
    tab = widget.plans_tab
    assert len(names(widget)) == 3
    assert not tab.buttons["add"].isEnabled() and tab.buttons["export"].isEnabled()
    assert not widget.drills_tab.add_button.isEnabled()
    assert not widget.training_tab.add_button.isEnabled()
    qtbot.keyClick(tab.table, Qt.Key.Key_Insert)  # the key does nothing either


def write_book(path: Path, rows: list[list[object]]) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["预案名称", "预案类型", "编制单位", "批准日期"])
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_import_and_export_run_as_jobs(qtbot, page: PlansPage, office_ctx: Context, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    files = page.files
    path = write_book(tmp_path / "plans.xlsx", [[f"第{n}号预案", "专项", "东湖区", "2025-01-01"]
                                                for n in range(50)])
    files.import_file(path, confirm=False)
    qtbot.waitUntil(lambda: files.job is not None and not files.job.running and
                    len(register.list_plans(office_ctx)) == 53, timeout=10000)
    qtbot.waitUntil(lambda: "已导入" in page.note.text())
    assert len(names(page)) == 53  # the page reread the register
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.informativeText()) or 0)
    bad = write_book(tmp_path / "bad.xlsx", [["", "专项", "东湖区", "2025-01-01"]])
    files.import_file(bad, confirm=False)
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert shown == ["第 2 行 A 列：预案名称不能为空。"]
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "台账.xlsx"
    files.export_file(out)
    qtbot.waitUntil(lambda: "已导出 53 个预案" in page.note.text(), timeout=10000)
    assert out.exists()


def test_a_cancelled_export_leaves_no_file(qtbot, page: PlansPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "台账.xlsx"
    page.files.export_file(out)
    page.files.job.cancel()  # type: ignore[union-attr]  # before its first report
    qtbot.waitUntil(lambda: not page.files.job.running, timeout=10000)  # type: ignore[union-attr]
    if page.note.text() == "已取消，未保留任何内容。":
        assert list(out.parent.iterdir()) == []
    else:  # three plans: the job may finish before it reports at all
        assert out.exists()
