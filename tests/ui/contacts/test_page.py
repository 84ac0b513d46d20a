"""The contacts section: search as you type, Enter copies, keys for every action, absences,
the worklist, import, and the lazy models (checked by qtmodeltester)."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import pytest
from openpyxl import Workbook
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from app.domain.contacts import ContactLabel, PersonTag
from app.domain.enums import ActorKind, UserRole
from app.services.contacts import absences, freshness
from app.services.contacts import book as contacts
from app.services.context import Actor, Context
from app.ui.contacts.dialogs import AbsenceDialog, PersonDialog
from app.ui.contacts.history import NumberHistoryDialog
from app.ui.contacts.models import ContactListModel, ContactRow, StaleNumbersModel
from app.ui.contacts.page import ContactsPage
from app.ui.contacts.units import UnitDialog
from app.ui.main_window import MainWindow
from tests.ui.conftest import type_text

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2026, 11, 28)
M, OF = ContactLabel.MOBILE, ContactLabel.OFFICE


@pytest.fixture
def book(office_ctx: Context) -> dict[str, int]:
    root = contacts.list_units(office_ctx)[0].id
    town = contacts.save_unit(office_ctx, None, contacts.UnitInput(
        "城关镇", root, "township", duty_phone="0576-86001234"))
    ids = {"root": root, "城关镇": town.id}
    for name, unit, mobile in (("张三", root, "13900001234"), ("单雄信", town.id, "13700004444"),
                               ("李四", town.id, "13600005555")):
        ids[name] = contacts.save_person(office_ctx, None, contacts.PersonInput(
            name, unit, "科员", [(M, mobile), (OF, "0576-88001111")], [PersonTag.LEADER])).id
    return ids


@pytest.fixture
def page(qtbot, office_ctx: Context, book) -> ContactsPage:  # type: ignore[no-untyped-def]
    widget = ContactsPage(office_ctx, ZONE)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def names(page: ContactsPage) -> list[str]:
    return [page.model.row_at(i).name for i in range(page.model.rowCount())]  # type: ignore[union-attr]


def test_typing_searches_after_a_pause_and_enter_copies_the_main_number(qtbot, page: ContactsPage) -> None:  # type: ignore[no-untyped-def]
    assert page.count_label.text() == "4 人" and page.model.rowCount() == 4
    type_text(qtbot, page.search, "sxx")
    assert page.search_timer.isActive()  # debounced: nothing searched per keystroke yet
    assert page.model.rowCount() == 4
    page.search_timer.timeout.emit()
    assert names(page) == ["单雄信"] and page.count_label.text() == "找到 1 个"
    assert page.details.name.text() == "单雄信"
    qtbot.keyClick(page.search, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "13700004444"
    assert "13700004444" in page.note.text()


def test_chinese_digits_and_units_in_the_same_box(qtbot, page: ContactsPage) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, page.search, "城关")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # Enter searches at once, then copies
    assert names(page)[:3] == ["城关镇", "单雄信", "李四"]
    assert QGuiApplication.clipboard().text() == "0576-86001234"
    assert page.model.data(page.model.index(0, ContactListModel.TITLE)) == "（单位）"
    page.search.clear()
    type_text(qtbot, page.search, "5555")
    page.run_search()
    assert names(page) == ["李四"]
    qtbot.keyClick(page.search, Qt.Key.Key_Escape)
    assert page.search.text() == "" and page.model.rowCount() == 4


def test_the_unit_tree_filters_the_list(qtbot, page: ContactsPage, book) -> None:  # type: ignore[no-untyped-def]
    everyone = page.tree.items.index(0, 0)
    root = page.tree.items.index(0, 0, everyone)
    town = page.tree.items.index(0, 0, root)
    assert town.data() == "城关镇"
    page.tree.setCurrentIndex(town)
    assert names(page) == ["单雄信", "李四"]
    page.tree.setCurrentIndex(root)
    assert len(names(page)) == 4  # the unit and everything below it


def test_the_keyboard_reaches_the_list_and_f6_verifies(qtbot, page: ContactsPage, office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    clock.advance(dt.timedelta(days=2))
    type_text(qtbot, page.search, "张三")
    page.run_search()
    qtbot.keyClick(page.search, Qt.Key.Key_Down)
    assert page.table.hasFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_F6)
    phones = contacts.get_person(office_ctx, page.current_row().id).phones  # type: ignore[union-attr]
    assert phones[0].last_verified_at == clock.now() and phones[1].last_verified_at != clock.now()
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "13900001234"
    qtbot.keyClick(page.table, Qt.Key.Key_Escape)
    assert page.search.hasFocus()


def test_an_absence_shows_as_away(qtbot, page: ContactsPage, office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    person = contacts.get_person(office_ctx, book["李四"])
    dialog = AbsenceDialog(office_ctx, person, [(book["单雄信"], "单雄信")], TODAY, page)
    qtbot.addWidget(dialog)
    dialog.ends.setDate(dialog.ends.date().addDays(2))
    type_text(qtbot, dialog.place, "省城")
    dialog.deputy.setCurrentIndex(1)
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert absences.unavailable_on(office_ctx, TODAY + dt.timedelta(days=2)) == {book["李四"]}
    page.refresh_list()
    row = names(page).index("李四")
    assert page.model.data(page.model.index(row, ContactListModel.STATUS)) == "外出"
    page.table.setCurrentIndex(page.model.index(row, 0))
    assert page.details.away_badge.isVisibleTo(page) and "省城" in page.details.absence.text()
    assert "代理人：单雄信" in page.details.absence.text()


def test_adding_and_editing_a_person(qtbot, page: ContactsPage, office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    dialog = PersonDialog(office_ctx, page.units, None, book["城关镇"], page)
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name, "曾国华")
    type_text(qtbot, dialog.numbers[M], "13900007777、13900008888")
    dialog.tags[PersonTag.EXPERT].setChecked(True)
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.organization == "城关镇"
    assert [p.number for p in dialog.saved.phones] == ["13900007777", "13900008888"]
    type_text(qtbot, page.search, "zgh")
    page.run_search()
    assert names(page) == ["曾国华"]
    edit = PersonDialog(office_ctx, page.units, dialog.saved, None, page)
    qtbot.addWidget(edit)
    edit.numbers[M].setText("abc")
    edit.submit()
    assert edit.error.isVisibleTo(edit) and "手机“abc”" in edit.error.text()


def test_import_from_the_page(qtbot, page: ContactsPage, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    wb = Workbook()
    wb.active.append(["姓名", "单位", "手机"])
    wb.active.append(["王五", "新桥镇", "13500001111"])
    wb.save(tmp_path / "in.xlsx")
    check = page.files.import_file(tmp_path / "in.xlsx", confirm=False)
    assert check is not None
    qtbot.waitUntil(lambda: check.outcome == "done")  # the check, off the GUI thread
    qtbot.waitUntil(lambda: page.files.last_report is not None)  # then the writing
    report = page.files.last_report
    assert (report.added, report.units_created) == (1, 1)
    assert any(u.name == "新桥镇" for u in page.units)
    assert page.note.text().startswith("已导入")


def test_freshness_worklist_space_marks_and_moves_on(qtbot, page: ContactsPage, clock) -> None:  # type: ignore[no-untyped-def]
    clock.advance(dt.timedelta(days=120))
    tab = page.freshness
    assert tab.model.rowCount() == 0  # not loaded until shown
    page.tabs.setCurrentWidget(tab)
    total = tab.model.rowCount()
    assert total >= 8 and tab.count.text() == f"{total} 个号码"
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == tab.model.row_at(0).number  # type: ignore[union-attr]
    qtbot.keyClick(tab.table, Qt.Key.Key_Space)
    assert tab.table.currentIndex().row() == 1
    assert tab.count.text() == f"{total - 1} 个号码"
    assert tab.model.data(tab.model.index(0, 4)) == "2027-03-28"


def test_ctrl_f_in_the_main_window_lands_in_the_search(qtbot, office_ctx: Context, settings) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.navigation.setCurrentRow(win.navigation.count() - 1)
    win.navigation.setFocus()
    qtbot.keyClick(win.navigation, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert win.pages.currentWidget() is win.contacts_page
    assert win.contacts_page.search.hasFocus()


def _row(i: int) -> ContactRow:
    return ContactRow("person", i, f"人{i}", "单位", "科员", f"139{i:08d}", "", (), i % 7 == 0)


def test_models_pass_the_model_tester(qtmodeltester, office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    def pages(offset: int, limit: int) -> list[ContactRow]:
        return [_row(i) for i in range(offset, min(offset + limit, 450))]

    lazy = ContactListModel()
    lazy.show_pages(pages)
    assert lazy.rowCount() == 200 and lazy.canFetchMore(lazy.index(-1, -1))  # one page at a time
    lazy.fetchMore(lazy.index(-1, -1))
    lazy.fetchMore(lazy.index(-1, -1))
    assert lazy.rowCount() == 450 and not lazy.canFetchMore(lazy.index(-1, -1))
    model = ContactListModel()
    model.show_pages(pages)
    qtmodeltester.check(model)
    model.show_rows([_row(1), _row(7)])
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and not model.canFetchMore(model.index(-1, -1))
    stale = StaleNumbersModel(ZONE)
    stale.show_pages(lambda offset, limit: freshness.stale_numbers(office_ctx, 0, offset=offset, limit=limit))
    assert stale.rowCount() == 2  # the unit numbers of the first-run setup, never verified
    qtmodeltester.check(stale)


def test_experts_tab_suggests_and_switches_a_team(qtbot, office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    from app.domain.contacts import TeamKind, TeamStatus
    from app.domain.incident_types import Category, Subtype
    from app.services.contacts import experts
    from app.ui.contacts.experts_tab import ExpertsTab

    experts.save_team(office_ctx, None, experts.TeamInput(
        "森林消防大队", TeamKind.FOREST_FIRE, leader_id=book["张三"], phone="0576-88990000", headcount=36))
    experts.save_team(office_ctx, None, experts.TeamInput(
        "公安特警", TeamKind.POLICE, phone="0576-88990001", headcount=80))
    dialog = PersonDialog(office_ctx, contacts.list_units(office_ctx), None, book["城关镇"])
    qtbot.addWidget(dialog)
    type_text(qtbot, dialog.name, "林工")
    type_text(qtbot, dialog.specialties, "森林防火、扑火指挥")
    forest = next(i for i in range(dialog.subtypes.count())
                  if dialog.subtypes.item(i).data(256) == Subtype.FOREST_FIRE.value)
    dialog.subtypes.item(forest).setCheckState(Qt.CheckState.Checked)
    dialog.submit()
    assert dialog.saved is not None and dialog.saved.specialties == ("森林防火", "扑火指挥")
    assert PersonTag.EXPERT in dialog.saved.tags
    tab = ExpertsTab(office_ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.expert_model.rowCount() == 1 and tab.team_model.rowCount() == 2
    tab.choose(Category.NATURAL, Subtype.FOREST_FIRE)
    assert [tab.team_model.row_at(i).name for i in range(tab.team_model.rowCount())] == ["森林消防大队"]
    assert tab.expert_model.row_at(0).name == "林工"
    tab.choose(Category.SOCIAL, Subtype.TERRORISM)
    assert tab.expert_model.rowCount() == 0 and tab.team_model.row_at(0).name == "公安特警"
    tab.team_table.setFocus()
    tab.team_table.selectRow(0)
    qtbot.keyClick(tab.team_table, Qt.Key.Key_Return)
    assert QGuiApplication.clipboard().text() == "0576-88990001"
    qtbot.keyClick(tab.team_table, Qt.Key.Key_F9)
    assert experts.list_teams(office_ctx)[1].status is TeamStatus.DEPLOYED
    assert tab.team_model.data(tab.team_model.index(0, 7)) == "出动中"


def on_modals(*steps):  # type: ignore[no-untyped-def]
    """Run each step on the next modal dialog as it opens (``exec`` blocks the test meanwhile)."""
    pending, seen, tries = list(steps), [], [0]

    def poll() -> None:
        tries[0] += 1
        shown = QApplication.activeModalWidget()
        if shown is not None and all(shown is not s for s in seen):
            seen.append(shown)
            pending.pop(0)(shown)
        if pending and tries[0] < 500:
            QTimer.singleShot(10, poll)

    QTimer.singleShot(0, poll)
    return pending


def reactivate(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    """Offscreen, nobody gives the window back its focus when a dialog closes (a WM would)."""
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def yes(box) -> None:  # type: ignore[no-untyped-def]
    box.button(QMessageBox.StandardButton.Yes).click()


def tree_index(page: ContactsPage, name: str):  # type: ignore[no-untyped-def]
    found = page.tree.items.findItems(name, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert len(found) == 1, name
    return found[0].index()


def test_units_are_added_edited_and_deleted_from_the_tree_by_key(qtbot, page: ContactsPage, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    page.tree.setCurrentIndex(tree_index(page, "城关镇"))
    page.tree.setFocus()

    def fill_new(dialog: UnitDialog) -> None:
        assert dialog.windowTitle() == "新增单位" and dialog.kind.currentData() == "village"
        type_text(qtbot, dialog.name, "东村")
        type_text(qtbot, dialog.duty_phone, "0576-86002222")
        dialog.submit()

    left = on_modals(fill_new)
    qtbot.keyClick(page.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not left and page.note.text() == "已新增单位“东村”。"
    village = next(u for u in page.units if u.name == "东村")
    town = next(u for u in page.units if u.name == "城关镇")
    assert (village.parent_id, village.duty_phone) == (town.id, "0576-86002222")
    assert tree_index(page, "东村").parent() == tree_index(page, "城关镇")

    reactivate(qtbot, page)
    page.tree.setCurrentIndex(tree_index(page, "东村"))
    errors: list[str] = []

    def edit(dialog: UnitDialog) -> None:
        dialog.fax.setText("abc")
        dialog.submit()
        errors.append(dialog.error.text())
        assert dialog.isVisible()  # refused: still open, nothing written
        assert contacts.list_units(office_ctx)[-1].fax == ""
        dialog.fax.setText("0576-86002223")
        type_text(qtbot, dialog.address, "东村路 1 号")
        dialog.kind.setCurrentIndex(dialog.kind.findData("enterprise"))
        dialog.submit()

    left = on_modals(edit)
    qtbot.keyClick(page.tree, Qt.Key.Key_F4)
    assert not left and errors == ["传真“abc”不是有效的电话号码（只能包含数字、空格、“-”和“+”，至少 5 位数字）。"]
    village = next(u for u in page.units if u.name == "东村")
    assert (village.fax, village.address, village.kind) == ("0576-86002223", "东村路 1 号", "enterprise")

    reactivate(qtbot, page)
    page.tree.setCurrentIndex(tree_index(page, "城关镇"))  # a unit is still under it
    refusals: list[str] = []
    left = on_modals(yes, lambda box: (refusals.append(box.text()), box.accept()))
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert not left and refusals == ["“城关镇”下还有 1 个下级单位，不能删除；请先删除或移走下级单位。"]
    assert len(page.units) == 3

    reactivate(qtbot, page)
    page.tree.setCurrentIndex(tree_index(page, "东村"))
    questions: list[str] = []
    left = on_modals(lambda box: (questions.append(box.text()), yes(box)))
    qtbot.keyClick(page.tree, Qt.Key.Key_Delete)
    assert not left and questions == ["从通讯录中删除单位“东村”？"]
    assert [u.name for u in page.units] == ["江州市应急管理局", "城关镇"]
    assert page.note.text() == "已删除单位“东村”。"


def test_a_unit_with_people_is_not_deleted(qtbot, page: ContactsPage) -> None:  # type: ignore[no-untyped-def]
    page.tree.setCurrentIndex(tree_index(page, "城关镇"))
    refusals: list[str] = []
    left = on_modals(yes, lambda box: (refusals.append(box.text()), box.accept()))
    page.unit_actions.delete_unit()
    assert not left and "“城关镇”还有 2 名联系人，不能删除" in refusals[0]
    assert len(page.units) == 2 and "城关镇" in [u.name for u in contacts.list_units(page.ctx)]


def test_only_an_administrator_is_offered_unit_and_delete_actions(qtbot, office_ctx: Context, book, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    officer = office_ctx.acting_as(Actor("duty", ActorKind.USER, UserRole.OFFICER, 99, "值班员甲"))
    widget = ContactsPage(officer, ZONE)
    qtbot.addWidget(widget)
    ua = widget.unit_actions
    assert not any(a.isEnabled() for a in (ua.new_action, ua.edit_action, ua.delete_action))
    delete = widget.person_actions.delete_action
    assert not widget.delete_button.isEnabled() and not delete.isEnabled()
    assert widget.delete_button.toolTip() == delete.toolTip() == "只有管理员可以删除联系人。"
    assert not widget.import_button.isEnabled() and widget.import_button.toolTip() == "只有管理员可以导入。"
    opened: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a: opened.append("open") or ("", ""))
    widget.person_actions.delete_person()  # a key that slips through does nothing
    widget.files.choose_import()
    assert opened == []
    ua.add_unit()
    assert widget.model.rowCount() == 4 and len(contacts.list_units(office_ctx)) == 2


def test_deleting_a_person_names_them_and_a_user_is_refused(qtbot, page: ContactsPage, office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    type_text(qtbot, page.search, "李四")
    page.run_search()
    page.table.setFocus()
    questions: list[str] = []
    left = on_modals(lambda box: (questions.append(box.text()), yes(box)))
    qtbot.keyClick(page.table, Qt.Key.Key_Delete)
    assert not left and questions[0].startswith("从通讯录中删除“李四 · 城关镇”？")
    assert page.model.rowCount() == 0 and page.note.text() == "已删除“李四”。"
    assert [r.name for r in contacts.list_people(office_ctx)].count("李四") == 0

    reactivate(qtbot, page)
    page.search.clear()
    type_text(qtbot, page.search, "王建国")  # the administrator signs in as this person
    page.run_search()
    page.table.setFocus()
    refusals: list[str] = []
    left = on_modals(yes, lambda box: (refusals.append(box.text()), box.accept()))
    page.delete_button.click()
    assert not left and refusals == ["“王建国”仍被用户、外出报备或值班表引用，不能删除。"]
    assert names(page) == ["王建国"]


def test_f8_shows_the_number_history(qtbot, page: ContactsPage, office_ctx: Context, book, clock) -> None:  # type: ignore[no-untyped-def]
    person = contacts.get_person(office_ctx, book["单雄信"])
    clock.advance(dt.timedelta(days=3))
    contacts.save_person(office_ctx, person.id, contacts.PersonInput(
        "单雄信", book["城关镇"], "科员", [(M, "13700009999"), (OF, "0576-88001111")], [PersonTag.LEADER]),
        expected_version=person.version)
    type_text(qtbot, page.search, "单雄信")
    page.run_search()
    seen: list[list[str]] = []

    def look(dialog: NumberHistoryDialog) -> None:
        model = dialog.model
        seen.append([model.data(model.index(0, c)) for c in range(model.columnCount())])
        seen.append([dialog.windowTitle(), str(dialog.empty.isVisibleTo(dialog))])
        dialog.reject()

    left = on_modals(look)
    qtbot.keyClick(page.search, Qt.Key.Key_F8)
    when = clock.now().astimezone(ZONE).strftime("%Y-%m-%d %H:%M")
    assert not left and seen == [[when, "手机", "13700004444", "13700009999", "admin", ""],
                                 ["号码变更记录：单雄信", "False"]]
    page.search.clear()
    type_text(qtbot, page.search, "张三")
    page.run_search()
    empty: list[bool] = []
    left = on_modals(lambda d: (empty.append(d.empty.isVisibleTo(d) and d.model.rowCount() == 0), d.reject()))
    page.details.history_button.click()  # the same, from the details panel
    assert not left and empty == [True]


@pytest.fixture
def worklist(qtbot, office_ctx: Context, book, clock, monkeypatch):  # type: ignore[no-untyped-def]
    """The freshness worklist read three numbers at a time, two pages held."""
    from app.ui.contacts.freshness import FreshnessTab

    clock.advance(dt.timedelta(days=120))  # every number is due
    monkeypatch.setattr(StaleNumbersModel, "page_size", 3)
    monkeypatch.setattr(StaleNumbersModel, "window", 2)
    tab = FreshnessTab(office_ctx, ZONE)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def test_a_number_verified_in_the_worklist_skips_none_of_the_next_ones(worklist, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    due = [n.id for n in freshness.stale_numbers(office_ctx, 90, limit=100)]
    assert len(due) >= 8 and worklist.model.rowCount() == 3
    worklist.mark_current()  # the first one, verified: it leaves the list the database reads
    while worklist.model.canFetchMore(QModelIndex()):
        worklist.model.fetchMore(QModelIndex())
    assert [worklist.model.row_at(r).id for r in range(worklist.model.rowCount())] == due  # type: ignore[union-attr]


def test_a_verified_number_still_shows_when_its_page_is_read_again(worklist) -> None:  # type: ignore[no-untyped-def]
    model = worklist.model
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.pages.held_rows() <= 6 and not model.pages.is_held(0)
    first = model.row_at(0)  # read again
    worklist.mark_current()
    model.row_at(model.rowCount() - 1)
    model.row_at(4)  # the first page let go again
    assert not model.pages.is_held(0)
    assert model.row_at(0).number == first.number  # type: ignore[union-attr]
    assert model.data(model.index(0, 4)) == "2027-03-28"  # as verified, not a blank line
