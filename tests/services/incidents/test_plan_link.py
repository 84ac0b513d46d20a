"""An incident names the emergency plan it activated and the response level: found in the
register by name (with the owner unit where names repeat) or id, refused naming the field when
unknown, ambiguous or withdrawn (nothing written), kept in the row, the audit trail, the
report's content and text, the plan's activations; a follow-up reports a raised response."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from sqlalchemy import func, select

from app.domain.enums import Level, ReportKind
from app.domain.errors import InputError
from app.domain.incident_facts import PlanRef
from app.domain.plan_input import PlanInput
from app.domain.plans import PlanStatus, PlanType
from app.models import AuditEvent, Incident, Report
from app.services.context import Context
from app.services.incidents import chain
from app.services.incidents import intake as incidents
from app.services.plans import activations, register
from tests.services.incidents.inputs import LANDSLIDE, facts, record, update
from tests.services.plans.fixtures import plan, units

D = dt.date
FLOOD = "江州市防汛抗旱应急预案"


@pytest.fixture
def plans(office_ctx: Context) -> dict[str, int]:
    made = units(office_ctx)
    return {
        "city": plan(office_ctx, FLOOD, PlanType.SPECIAL, made["江州市水利局"], D(2024, 3, 1)).id,
        "district": plan(office_ctx, FLOOD, PlanType.DEPARTMENT, made["东湖区"], D(2024, 5, 1)).id,
        "geology": plan(office_ctx, "江州市地质灾害应急预案", PlanType.SPECIAL,
                        made["江州市应急管理局"], D(2023, 1, 9)).id,
        "old": plan(office_ctx, "江州市处置大面积停电事件应急预案", PlanType.SPECIAL,
                    made["江州市应急管理局"], D(2017, 9, 20), status=PlanStatus.WITHDRAWN).id,
    }


def _incidents(ctx: Context) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(Incident)) or 0


def test_a_plan_named_at_intake_is_kept_everywhere(office_ctx: Context, plans: dict[str, int]) -> None:
    info = record(office_ctx, activated_plan="江州市地质灾害应急预案", response_level="Ⅲ级响应")
    assert info.facts.activated_plan == PlanRef(plans["geology"], "江州市地质灾害应急预案")
    assert info.facts.response_level is Level.III
    with office_ctx.db.read() as s:
        row = s.scalar(select(Incident).where(Incident.number == info.number))
        assert row is not None and (row.activated_plan_id, row.response_level) == (plans["geology"], "III")
        audited = s.scalar(select(AuditEvent.after).where(AuditEvent.entity == "incident",
                                                          AuditEvent.action == "create"))
        content = s.scalar(select(Report.content).where(Report.incident_id == row.id))
    assert audited is not None and audited["activated_plan"] == {"id": plans["geology"],
                                                                 "name": "江州市地质灾害应急预案"}
    assert audited["response_level"] == "III" and content is not None
    assert content["activated_plan"]["name"] == "江州市地质灾害应急预案"
    assert "已采取的主要措施及效果：已启动《江州市地质灾害应急预案》Ⅲ级响应。已转移群众 86 人" in \
        info.reports[0].text
    (activation,) = activations.activations(office_ctx, plans["geology"])
    assert (activation.number, activation.response_level) == (info.number, Level.III)


def test_a_name_two_units_share_needs_the_unit(office_ctx: Context, plans: dict[str, int]) -> None:
    before = _incidents(office_ctx)
    with pytest.raises(InputError) as refused:
        record(office_ctx, activated_plan=FLOOD)
    (problem,) = refused.value.problems
    assert problem.values["field"] == "activated_plan" and "编制单位" in problem.message()
    assert _incidents(office_ctx) == before  # nothing written
    info = record(office_ctx, activated_plan={"name": FLOOD, "unit": "东湖区"}, response_level="IV")
    assert info.facts.activated_plan == PlanRef(plans["district"], FLOOD)
    by_id = record(office_ctx, activated_plan=plans["city"])
    assert by_id.facts.activated_plan == PlanRef(plans["city"], FLOOD)  # the name filled in


@pytest.mark.parametrize(("named", "says"), [
    ("江州市处置大面积停电事件应急预案", "已废止"), ("江州市不存在应急预案", "预案登记册中没有这个预案"),
    (987654, "预案登记册中没有这个预案"), ({"name": FLOOD, "unit": "北岭区"}, "通讯录中没有这个单位"),
])
def test_an_unknown_or_withdrawn_plan_is_refused_naming_the_field(
        office_ctx: Context, plans: dict[str, int], named: object, says: str) -> None:
    before = _incidents(office_ctx)
    with pytest.raises(InputError) as refused:
        record(office_ctx, activated_plan=named)
    assert [p.values["field"] for p in refused.value.problems] == ["activated_plan"]
    assert says in refused.value.problems[0].message()
    assert _incidents(office_ctx) == before


def test_a_plan_withdrawn_later_stays_named_but_cannot_be_named_anew(office_ctx: Context,
                                                                    plans: dict[str, int]) -> None:
    info = record(office_ctx, activated_plan="江州市地质灾害应急预案", response_level="III")
    held = register.get_plan(office_ctx, plans["geology"])
    register.update_plan(office_ctx, held.id, PlanInput(
        name=held.name, type=held.type, unit=held.unit_id, approved_on=held.approved_on,
        status=PlanStatus.WITHDRAWN))
    changed = update(office_ctx, info.number, trend="险情趋于稳定")  # the held plan is no problem
    assert changed.facts.activated_plan == PlanRef(plans["geology"], "江州市地质灾害应急预案")
    with pytest.raises(InputError) as refused:
        update(office_ctx, info.number, activated_plan="江州市处置大面积停电事件应急预案")
    assert refused.value.problems[0].code == "incident.plan_withdrawn"
    cleared = update(office_ctx, info.number, activated_plan=None, response_level=None)
    assert cleared.facts.activated_plan is None and cleared.facts.response_level is None


def test_raising_the_response_is_a_follow_up(office_ctx: Context, plans: dict[str, int]) -> None:
    info = record(office_ctx, activated_plan="江州市地质灾害应急预案", response_level="Ⅳ级")
    current = incidents.get(office_ctx, info.number).facts
    report = chain.follow_up(office_ctx, info.number,
                             dataclasses.replace(current, response_level=Level.III))
    assert report.kind is ReportKind.FOLLOW_UP and report.changes == ("response_level",)
    assert "已启动《江州市地质灾害应急预案》Ⅲ级响应。" in report.text
    unchanged = incidents.get(office_ctx, info.number).facts
    with pytest.raises(InputError):  # naming the same plan by name again is no change
        chain.follow_up(office_ctx, info.number,
                        dataclasses.replace(unchanged, activated_plan=PlanRef(name="江州市地质灾害应急预案")))
    with pytest.raises(InputError) as refused:
        chain.final(office_ctx, info.number, dataclasses.replace(
            unchanged, outcome="险情排除", activated_plan=PlanRef(name="江州市处置大面积停电事件应急预案")))
    assert refused.value.problems[0].values["field"] == "activated_plan"


def test_facts_from_the_form_name_the_plan_by_id(office_ctx: Context, plans: dict[str, int]) -> None:
    chosen = facts(office_ctx, LANDSLIDE)
    info = incidents.record(office_ctx, dataclasses.replace(
        chosen, activated_plan=PlanRef(plans["geology"], "an old label"), response_level=Level.II))
    assert info.facts.activated_plan == PlanRef(plans["geology"], "江州市地质灾害应急预案")
