"""The emergency plan an incident activated (启动预案), found in the plans register.

The edge read the plan as the operator named it (a name, with its owner unit where names
repeat, or an id); here it is found, and the facts then hold the plan as the register has it
(its id and its name, which the report text prints). An unknown plan, a name two units share
without the unit, or a withdrawn plan is refused naming the field, nothing written. A plan
withdrawn after the incident named it stays named: only a newly named plan must be in force.
"""

from __future__ import annotations

import dataclasses

from sqlalchemy.orm import Session

from app.domain.incident_facts import IncidentFacts, PlanRef
from app.domain.incident_input import bad_value, shown
from app.domain.incidents import element_name
from app.domain.messages import Problem
from app.domain.plans import PlanStatus
from app.models import Plan
from app.services.context import Context
from app.services.plans.register import find_plan_in

FIELD = "activated_plan"
_HINTS = {"plan.unknown": "incident.hint.plan_unknown", "plan.ambiguous": "incident.hint.plan_ambiguous"}


def resolve(ctx: Context, facts: IncidentFacts, held: int | None = None
            ) -> tuple[IncidentFacts, list[Problem]]:
    """``facts`` with the activated plan as registered, or the problems with it (the facts
    then name no plan). ``held`` is the plan the incident already names (it may have been
    withdrawn since)."""
    ref = facts.activated_plan
    if ref is None:
        return facts, []
    with ctx.db.read() as s:
        plan, problems = _find(s, ref)
        if plan is not None and plan.status == PlanStatus.WITHDRAWN.value and plan.id != held:
            problems = [Problem("incident.plan_withdrawn", None, {
                "name": element_name(FIELD), "field": FIELD, "value": plan.name})]
        found = None if problems or plan is None else PlanRef(plan.id, plan.name)
    return dataclasses.replace(facts, activated_plan=found), problems


def _find(s: Session, ref: PlanRef) -> tuple[Plan | None, list[Problem]]:
    said = ref.id if ref.id is not None else (f"{ref.name}（{ref.unit}）" if ref.unit else ref.name)
    plan_id, problems = find_plan_in(s, ref.id if ref.id is not None else ref.name, ref.unit)
    plan = s.get(Plan, plan_id) if plan_id is not None else None
    if plan is None:
        code = problems[0].code if problems else "plan.unknown"
        hint = _HINTS.get(code, "incident.hint.unit" if code.endswith("unit") else "incident.hint.plan_unknown")
        return None, [bad_value(FIELD, shown(said), hint)]
    return plan, []
