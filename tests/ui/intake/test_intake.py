"""The intake form, the list and the incident dialog; a draft survives killing the program."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import textwrap
import zoneinfo
from dataclasses import replace

from PySide6.QtCore import Qt

from app.domain.enums import Category, Level
from app.domain.incident_facts import IncidentFacts
from app.domain.incident_types import Subtype
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import drafts as intake_drafts
from app.services.incidents import intake as incidents
from app.services.incidents import listing as incident_list
from app.ui.intake.form import IntakeForm
from app.ui.intake.incident_list import IncidentListModel
from app.ui.intake.page import IntakePage
from tests.services.incidents import inputs
from tests.services.incidents.inputs import LANDSLIDE
from tests.ui.conftest import type_text

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


def fill(qtbot, form: IntakeForm, data: dict) -> None:  # type: ignore[no-untyped-def]
    fields = form.fields
    for key in ("title", "source", "source_person", "source_title", "source_phone", "location"):
        type_text(qtbot, fields.lines[key], data[key])
    for key in ("nature", "impact", "trend", "measures", "next_steps"):
        type_text(qtbot, fields.texts[key], data[key])
    fields.category.setCurrentIndex(fields.category.findData("natural"))
    fields.subtype.setCurrentIndex(fields.subtype.findData("geological"))
    fields.level.setCurrentIndex(fields.level.findData("III"))
    fields.counts["deaths"].setValue(1)
    type_text(qtbot, fields.occurred_at.edit, "0900")  # half an hour before the call (09:30)


def test_the_form_names_missing_elements_and_records_with_the_keyboard(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    form.show()
    form.activateWindow()
    qtbot.waitUntil(form.isActiveWindow)
    hints = form.guide.hints
    assert hints["nature"].text() == "必填" and hints["title"].text() == "必填"
    type_text(qtbot, form.fields.title, "西山县石门镇山体滑坡")
    assert hints["title"].text() == ""
    qtbot.keyClick(form.fields.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "缺少必报要素：事件性质" in form.message.text() and "nature" not in form.message.text()
    assert incident_list.count(office_ctx, incident_list.ListFilter()) == 0
    fill(qtbot, form, LANDSLIDE)
    with qtbot.waitSignal(form.sig_recorded) as recorded:
        qtbot.keyClick(form.fields.title, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    number = recorded.args[0]
    assert "已登记为" in form.message.text() and form.fields.title.text() == ""
    info = incidents.get(office_ctx, number)
    assert info.facts.subtype is Subtype.GEOLOGICAL and info.facts.deaths == 1
    assert info.facts.level is Level.III and info.facts.category is Category.NATURAL
    assert any(d.incident_number == number for d in deadlines.list_open(office_ctx))
    assert intake_drafts.drafts(office_ctx) == []  # recorded: the draft is gone


def test_flash_report_from_the_form(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    type_text(qtbot, form.fields.title, "东湖区化工园区储罐泄漏")
    form.flash_button.click()
    assert "待补报" in form.message.text()


def test_level_suggestion_beside_the_chosen_level(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    fields, suggestion = form.fields, form.guide.suggestion
    fields.category.setCurrentIndex(fields.category.findData("accident"))
    fields.level.setCurrentIndex(fields.level.findData("IV"))
    fields.counts["deaths"].setValue(12)
    assert "重大" in suggestion.text() and "不一致" in suggestion.text()
    fields.sensitive.setChecked(True)
    assert "不论级别" in suggestion.text()


def test_a_draft_survives_killing_the_program_mid_typing(qtbot, office_ctx: Context, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    script = textwrap.dedent(f"""
        import os, signal, time
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication
        from app.domain.clock import SystemClock
        from app.services.office import health, users
        from app.services.context import Context
        from app.ui.intake.form import IntakeForm
        import zoneinfo
        app = QApplication([])
        db = health.open_database({str(db_path)!r}).db
        ctx = Context(db, SystemClock())
        ctx = ctx.acting_as(users.authenticate(ctx, "admin", "admin-pass-1"))
        form = IntakeForm(ctx, zoneinfo.ZoneInfo("Asia/Shanghai"))
        form.show()
        form.fields.title.setText("北岭区暴雨内涝")  # typing…
        form.fields.texts["nature"].setPlainText("城区多处积水")
        end = time.time() + 1.5
        while time.time() < end:
            app.processEvents()
            time.sleep(0.02)
        os.kill(os.getpid(), signal.SIGKILL)  # the power goes
    """)
    env = dict(os.environ, DUTYDESK_HOME=str(tmp_path / "home"), PYTHONPATH=os.getcwd())
    proc = subprocess.run([sys.executable, "-c", script], env=env, timeout=60, capture_output=True, text=True)
    assert proc.returncode == -9, proc.stderr
    page = IntakePage(office_ctx, SH)
    qtbot.addWidget(page)
    assert page.restored
    assert page.form.fields.title.text() == "北岭区暴雨内涝"
    assert page.form.fields.texts["nature"].toPlainText() == "城区多处积水"
    assert "已恢复" in page.form.message.text()


def test_incident_list_is_lazy_and_filters(qtbot, qtmodeltester, office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.db.write() as s:
        from app.models import Incident

        for i in range(450):
            s.add(Incident(number=f"2025-{i + 1:04d}", kind="event", status="closed" if i % 3 else "open",
                           title=f"事件{i}", received_at=clock.now() - dt.timedelta(hours=i),
                           category="accident" if i % 2 else "natural", level="IV", missing_elements=[]))
    model = IncidentListModel(office_ctx, SH)
    model.reload()
    assert model.rowCount() == 200 and model.total == 450
    assert model.data(model.index(0, 6)) == "办理中"
    while model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    assert model.rowCount() == 450
    qtmodeltester.check(model)
    model.reload(incident_list.ListFilter(category="natural", status="open"))
    assert model.total == len([i for i in range(450) if i % 2 == 0 and i % 3 == 0])


def test_required_elements_are_configurable(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    from app.ui.settings.elements_tab import ELEMENTS, KINDS, ElementsTab

    tab = ElementsTab(office_ctx)
    qtbot.addWidget(tab)
    row, col = ELEMENTS.index("leaders_on_site"), [k.value for k in KINDS].index("initial")
    tab.table.item(row, col).setCheckState(Qt.CheckState.Checked)
    tab.save()
    assert tab.message.text() == "已保存。"
    assert "leaders_on_site" in incidents.required_elements(office_ctx)["initial"]
    import pytest

    from app.domain.errors import InputError

    with pytest.raises(InputError, match="领导到场情况"):
        inputs.record(office_ctx)


def test_the_form_suggests_experts_and_teams(qtbot, ctx: Context) -> None:  # type: ignore[no-untyped-def]
    from app.demo import build as demo

    demo.create_demo(ctx)
    from app.services.office import users

    admin = ctx.acting_as(users.authenticate(ctx, "admin", "admin-2026"))
    form = IntakeForm(admin, SH)
    qtbot.addWidget(form)
    assert "选择事件类别" in form.guide.advice.text()
    form.fields.category.setCurrentIndex(form.fields.category.findData("natural"))
    form.fields.subtype.setCurrentIndex(form.fields.subtype.findData("forest_fire"))
    assert "队伍" in form.guide.advice.text()


def test_an_untouched_form_leaves_no_draft_to_restore(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    type_text(qtbot, form.fields.received_at.edit, "0931")  # a time nudged
    form.save_draft()
    assert intake_drafts.drafts(office_ctx) == []
    page = IntakePage(office_ctx, SH)
    qtbot.addWidget(page)
    assert not page.restored and page.form.message.text() == ""


def test_the_form_shows_facts_and_gives_them_back(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    shown = inputs.facts(office_ctx, kind="warning", loss_cny=1_500_000, leaders_on_site="县长到场",
                         notified="县自然资源局", is_drill=True, sensitive=True, serious_injuries=0,
                         injuries=0, missing=0)
    form.fields.set_facts(shown)
    assert form.fields.facts(IncidentFacts(received_at=office_ctx.clock.now())) == shown
    assert form.fields.kind_warning.isChecked() and form.fields.category.currentText() == "自然灾害"
    unknown = IncidentFacts(received_at=office_ctx.clock.now(), title="泥石流")
    form.fields.set_facts(unknown)
    assert form.fields.facts(unknown) == unknown  # unknown time and figures stay unknown
    assert form.fields.counts["deaths"].text() == "不详" and form.fields.loss.text() == "不详"


def test_editing_saves_what_the_officer_changed_and_keeps_the_rest(qtbot, office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    clock.advance(dt.timedelta(seconds=7, microseconds=123456))  # the record keeps what the form cannot show
    info = inputs.record(office_ctx, outcome="处置中", occurred_at="2026-11-28T09:10:42")
    form = IntakeForm(office_ctx, SH, editing=info)
    qtbot.addWidget(form)
    assert not form.flash_button.isVisible() and form.fields.title.text() == info.title
    form.fields.level.setCurrentIndex(form.fields.level.findData("II"))
    with qtbot.waitSignal(form.sig_recorded):
        form.save_button.click()
    after = incidents.get(office_ctx, info.number)
    assert after.facts == replace(info.facts, level=Level.II)  # times to the microsecond, outcome kept
    assert "已保存" in form.message.text()
    assert ("initial", "phone") in {(d.report_kind.value, d.channel.value) for d in deadlines.list_open(office_ctx)}
    assert intake_drafts.drafts(office_ctx) == []  # editing keeps no draft


def test_typing_reads_no_settings_a_new_form_reads_them_once(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                            monkeypatch) -> None:
    reads: list[int] = []
    real = incidents.required_elements
    monkeypatch.setattr(incidents, "required_elements", lambda ctx: reads.append(1) or real(ctx))
    form = IntakeForm(office_ctx, SH)
    qtbot.addWidget(form)
    form.show()
    before = len(reads)
    assert before >= 1
    type_text(qtbot, form.fields.title, "西山县石门镇山体滑坡")
    type_text(qtbot, form.fields.texts["nature"], "山体滑坡")
    assert len(reads) == before  # no database read per keystroke
    assert form.guide.hints["title"].text() == ""  # and the hints still follow the typing
    form.clear()
    assert len(reads) == before + 1  # a new form reads the settings afresh
