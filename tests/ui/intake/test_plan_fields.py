"""The intake form names the plan activated and the response level; a plan the register does
not hold in force is refused beside its input; the incident window shows the plan, and a drill
incident its drill record."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from PySide6.QtCore import Qt

from app.domain.enums import Level
from app.domain.incident_facts import PlanRef
from app.domain.plan_input import DrillInput, PlanInput
from app.domain.plans import DrillType, PlanStatus, PlanType
from app.services.context import Context
from app.services.incidents import intake as incidents
from app.services.plans import drills, register
from app.ui.intake.chain_dialogs import FollowUpDialog
from app.ui.intake.detail import IncidentDialog
from app.ui.intake.form import IntakeForm
from tests.services.incidents import inputs
from tests.services.incidents.inputs import LANDSLIDE
from tests.services.plans.fixtures import plan, units
from tests.ui.conftest import type_text
from tests.ui.intake.test_intake import fill

SH = zoneinfo.ZoneInfo("Asia/Shanghai")
GEOLOGY = "江州市地质灾害应急预案"


@pytest.fixture
def plans(office_ctx: Context) -> dict[str, int]:
    made = units(office_ctx)
    return {"geology": plan(office_ctx, GEOLOGY, PlanType.SPECIAL, made["江州市应急管理局"],
                            dt.date(2023, 1, 9)).id,
            "old": plan(office_ctx, "江州市处置大面积停电事件应急预案", PlanType.SPECIAL,
                        made["江州市应急管理局"], dt.date(2017, 9, 20), status=PlanStatus.WITHDRAWN).id}


def _form(qtbot, ctx: Context, **kwargs) -> IntakeForm:  # type: ignore[no-untyped-def]
    form = IntakeForm(ctx, SH, **kwargs)
    qtbot.addWidget(form)
    form.show()  # the first show reads the plans in force, off the GUI thread
    qtbot.waitUntil(lambda: not form.fields.completions_job.running)
    return form


# The completer's popup asks the offscreen platform for what only a window system has.
@pytest.mark.qt_log_ignore("This plugin does not support raise", "This plugin does not support grabbing")
def test_the_form_records_the_plan_and_the_response_level(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                          plans: dict[str, int]) -> None:
    form = _form(qtbot, office_ctx)
    chooser, level = form.fields.plan.plan, form.fields.plan.level
    names = [chooser.itemText(i) for i in range(chooser.count())]
    assert names == ["", f"{GEOLOGY}（江州市应急管理局）"]  # in force only
    assert [level.itemText(i) for i in range(level.count())] == ["", "Ⅰ级响应", "Ⅱ级响应", "Ⅲ级响应", "Ⅳ级响应"]
    assert form.fields.widget_for("activated_plan") is chooser  # problems land beside it
    fill(qtbot, form, LANDSLIDE)
    chooser.setFocus()
    type_text(qtbot, chooser.lineEdit(), "地质灾害")  # typing finds the plan
    popup = chooser.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert form.facts().activated_plan == PlanRef(plans["geology"], GEOLOGY)
    level.setCurrentIndex(level.findData("III"))
    with qtbot.waitSignal(form.sig_recorded) as recorded:
        form.submit(flash=False)
    info = incidents.get(office_ctx, recorded.args[0])
    assert info.facts.activated_plan == PlanRef(plans["geology"], GEOLOGY)
    assert info.facts.response_level is Level.III
    assert f"已启动《{GEOLOGY}》Ⅲ级响应。" in info.reports[0].text
    assert form.fields.plan.chosen() is None  # cleared for the next call


def test_a_withdrawn_plan_typed_in_is_refused_beside_the_chooser(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                               plans: dict[str, int]) -> None:
    form = _form(qtbot, office_ctx)
    fill(qtbot, form, LANDSLIDE)
    form.fields.plan.plan.setEditText("江州市处置大面积停电事件应急预案")
    form.submit(flash=False)
    assert "已废止" in form.message.text()
    assert form.guide.hints["activated_plan"].text() != ""
    assert "已废止" in form.guide.hints["activated_plan"].toolTip()


def test_editing_keeps_a_plan_withdrawn_since_and_the_window_shows_it(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                                     plans: dict[str, int]) -> None:
    number = inputs.record(office_ctx, activated_plan=GEOLOGY, response_level="IV").number
    held = register.get_plan(office_ctx, plans["geology"])
    register.update_plan(office_ctx, held.id, PlanInput(
        name=held.name, type=held.type, unit=held.unit_id, approved_on=held.approved_on,
        status=PlanStatus.WITHDRAWN))
    form = _form(qtbot, office_ctx, editing=incidents.get(office_ctx, number))
    assert form.fields.plan.chosen() == PlanRef(plans["geology"], GEOLOGY)  # still its own
    form.fields.plan.level.setCurrentIndex(form.fields.plan.level.findData("II"))
    with qtbot.waitSignal(form.sig_recorded):
        form.save_changes()
    assert incidents.get(office_ctx, number).facts.response_level is Level.II
    dialog = IncidentDialog(office_ctx, number, SH)
    qtbot.addWidget(dialog)
    assert dialog.links.text() == f"启动预案：《{GEOLOGY}》Ⅱ级响应"


def test_a_drill_incident_shows_its_drill_record(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                 plans: dict[str, int]) -> None:
    number = inputs.record(office_ctx, is_drill=True).number
    dialog = IncidentDialog(office_ctx, number, SH)
    qtbot.addWidget(dialog)
    assert dialog.links.text() == "演练：尚无演练记录关联本事件"
    drills.add_drill(office_ctx, DrillInput(plan=plans["geology"], held_on=dt.date(2026, 11, 28),
                                            type=DrillType.LIVE, incident_number=number))
    dialog.reload()
    assert dialog.links.text() == f"演练记录：2026-11-28 实战演练（《{GEOLOGY}》）"
    plain = inputs.record(office_ctx, title="东湖区城关镇道路交通事故").number
    other = IncidentDialog(office_ctx, plain, SH)
    qtbot.addWidget(other)
    assert other.links.text() == "" and other.links.isHidden()


def test_a_plan_activated_since_is_a_follow_up(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                               plans: dict[str, int]) -> None:
    info = inputs.record(office_ctx)
    dialog = FollowUpDialog(office_ctx, incidents.get(office_ctx, info.number), SH)
    qtbot.addWidget(dialog)
    chooser = dialog.fields.plan.plan
    chooser.setCurrentIndex(chooser.findText(f"{GEOLOGY}（江州市应急管理局）"))
    dialog.fields.plan.level.setCurrentIndex(dialog.fields.plan.level.findData("II"))
    assert chooser.property("changed") and "启动预案、响应级别" in dialog.changes.text()
    dialog.submit()
    assert dialog.report is not None and dialog.report.changes == ("activated_plan", "response_level")
    assert f"已启动《{GEOLOGY}》Ⅱ级响应。" in dialog.report.text
