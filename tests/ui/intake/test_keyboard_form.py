"""The intake form for the keyboard (issue 14): times in one stop, the time of occurrence never
assumed, the source picker filling four fields, Alt+C asking first, the report one key away."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.enums import Category, Level
from app.services.context import Context
from app.services.incidents import drafts as intake_drafts
from app.ui.datetime_field import read_when
from app.ui.intake.form import IntakeForm
from app.ui.intake.page import IntakePage
from tests.ui.conftest import type_text
from tests.ui.keys import Keys, when_modal

SH = zoneinfo.ZoneInfo("Asia/Shanghai")
TODAY = dt.date(2026, 11, 28)


def test_a_time_is_typed_as_digits_in_one_stop() -> None:
    def local(text: str) -> str | None:
        value = read_when(text, TODAY, SH)
        return value.astimezone(SH).strftime("%Y-%m-%d %H:%M") if value else None

    assert local("202611300840") == "2026-11-30 08:40"
    assert local("11300840") == "2026-11-30 08:40"
    assert local("0840") == "2026-11-28 08:40"
    assert local("2026-11-30 08:40") == local("2026年11月30日 08:40") == "2026-11-30 08:40"
    assert local("2461") is None and local("13300840") is None and local("abc") is None
    assert local("") is None


def test_the_time_of_occurrence_starts_empty_and_is_required(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    occurred = form.fields.occurred_at
    assert occurred.edit.text() == "" and form.facts().occurred_at is None
    assert form.guide.hints["occurred_at"].text() == "必填"
    assert occurred.shown.text() == "未填"
    type_text(qtbot, occurred.edit, "0840")
    assert occurred.shown.text() == "2026年11月28日 星期六 08:40"
    assert form.facts().occurred_at == dt.datetime(2026, 11, 28, 0, 40, tzinfo=dt.UTC)
    assert form.guide.hints["occurred_at"].text() == ""
    occurred.edit.setText("2599")
    assert occurred.shown.text() == "无法识别"
    form.submit(flash=True)
    assert "无法识别" in form.message.text() and form.last_recorded is None


def test_a_picked_source_fills_unit_person_title_and_phone(qtbot, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    from app.demo import build as demo
    from app.services.incidents import listing
    from app.services.office import users

    demo.create_demo(ctx)
    admin = ctx.acting_as(users.authenticate(ctx, "admin", "admin-2026"))
    form = IntakeForm(admin, SH)
    qtbot.addWidget(form)
    form.show()  # the first show reads the suggestions, off the GUI thread
    qtbot.waitUntil(lambda: not form.fields.completions_job.running)
    person = next(s for s in listing.source_suggestions(admin) if s.person and s.title and s.phone)
    form.fields.picker.pick(person.label)
    lines = form.fields.lines
    assert (lines["source"].text(), lines["source_person"].text(), lines["source_title"].text(),
            lines["source_phone"].text()) == (person.unit, person.person, person.title, person.phone)
    assert "（" not in lines["source"].text()
    assert QApplication.focusWidget() in (lines["location"], None)


def test_a_sub_type_chooses_its_category_and_the_figures_the_level(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    f = form.fields
    assert f.subtype.count() > 20  # every sub-type while no category is chosen
    f.subtype.setCurrentIndex(f.subtype.findData("traffic"))
    assert form.facts().category is Category.ACCIDENT
    f.counts["deaths"].setValue(3)
    assert form.facts().level is Level.III and f.level_by_figures
    f.counts["deaths"].setValue(12)
    assert form.facts().level is Level.II
    f.level.setCurrentIndex(f.level.findData("I"))  # the officer's choice stays
    f.counts["deaths"].setValue(1)
    assert form.facts().level is Level.I


def test_clear_asks_first_and_keeps_the_draft_until_confirmed(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    keys = Keys(qtbot)
    form.fields.title.setFocus()
    keys.type("北岭区龙潭镇暴雨内涝")
    form.save_draft()
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> Callable[[QWidget], None]:
        def act(box: QWidget) -> None:
            assert isinstance(box, QMessageBox)
            asked.append(box.windowTitle())
            box.button(button).click()
        return act

    when_modal(qtbot, answer(QMessageBox.StandardButton.No))
    keys.alt("c")
    qtbot.waitUntil(lambda: len(asked) == 1)
    assert asked == ["清空此表？"]
    assert form.fields.title.text() == "北岭区龙潭镇暴雨内涝" and len(intake_drafts.drafts(office_ctx)) == 1
    when_modal(qtbot, answer(QMessageBox.StandardButton.Yes))
    keys.alt("c")
    qtbot.waitUntil(lambda: len(asked) == 2)
    assert form.fields.title.text() == "" and intake_drafts.drafts(office_ctx) == []


def test_after_recording_the_report_is_one_key_away(qtbot, office_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    page = IntakePage(office_ctx, SH)
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    opened: list[str] = []
    monkeypatch.setattr(page, "open_incident", opened.append)
    page.form.sig_open_incident.disconnect()
    page.form.sig_open_incident.connect(page.open_incident)
    type_text(qtbot, page.form.fields.title, "东湖区燃气泄漏")
    page.form.submit(flash=True)
    number = page.form.last_recorded
    assert number and page.form.open_button.isVisible()
    qtbot.keyClick(page.form.fields.title, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert opened == [number]
