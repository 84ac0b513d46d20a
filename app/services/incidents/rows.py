"""The incident row and its facts, converted at the storage boundary (and only here).

The row keeps what the schema can hold: a casualty figure that is unknown is NULL (rows from
before figures could be unknown hold 0), the loss a float. The stored pictures (report
content, audit trail) are ``incident_facts.to_json`` plus the elements a flash report owes.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy.orm import object_session

from app.domain import deadline_rules as dr
from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_facts import (
    CASUALTY_FIELDS,
    FLAG_FIELDS,
    TEXT_FIELDS,
    IncidentFacts,
    PlanRef,
    to_json,
    whole_cny,
)
from app.domain.incident_types import Subtype
from app.models import Incident, Plan


def facts_of(row: Incident) -> IncidentFacts:
    """The facts an incident row holds."""
    values: dict[str, Any] = {name: getattr(row, name) or "" for name in TEXT_FIELDS}
    values.update({name: getattr(row, name) for name in CASUALTY_FIELDS})
    values.update({name: bool(getattr(row, name)) for name in FLAG_FIELDS})
    return IncidentFacts(
        received_at=row.received_at, occurred_at=row.occurred_at, kind=IncidentKind(row.kind),
        category=Category(row.category) if row.category else None,
        subtype=Subtype(row.subtype) if row.subtype else None,
        level=Level(row.level) if row.level else None,
        loss_cny=whole_cny(row.loss_cny), organization_id=row.organization_id,
        activated_plan=activated_plan(row),
        response_level=Level(row.response_level) if row.response_level else None, **values,
    )


def activated_plan(row: Incident) -> PlanRef | None:
    """The plan the incident activated, with its name as the register holds it (the row's
    session finds it; a plan already loaded costs no query)."""
    if row.activated_plan_id is None:
        return None
    session = object_session(row)
    plan = session.get(Plan, row.activated_plan_id) if session is not None else None
    return PlanRef(row.activated_plan_id, plan.name if plan is not None else "")


def columns(facts: IncidentFacts) -> dict[str, Any]:
    """The column values that hold ``facts``."""
    out: dict[str, Any] = {name: getattr(facts, name) for name in (*TEXT_FIELDS, *FLAG_FIELDS)}
    out.update({name: facts.figure(name) for name in CASUALTY_FIELDS})
    out.update(
        received_at=facts.received_at, occurred_at=facts.occurred_at, kind=facts.kind.value,
        category=facts.category.value if facts.category else None,
        subtype=facts.subtype.value if facts.subtype else None,
        level=facts.level.value if facts.level else None,
        loss_cny=None if facts.loss_cny is None else float(facts.loss_cny),
        organization_id=facts.organization_id,
        # the intake service found the plan in the register: it has its id by now
        activated_plan_id=facts.activated_plan.id if facts.activated_plan else None,
        response_level=facts.response_level.value if facts.response_level else None,
    )
    return out


def write(row: Incident, facts: IncidentFacts) -> None:
    """Set the columns of ``row`` that differ from ``facts`` (an unchanged row stays clean)."""
    for name, value in columns(facts).items():
        if getattr(row, name) != value:
            setattr(row, name, value)


def snapshot(row: Incident) -> dict[str, Any]:
    """The stored picture of an incident: a report's content, the audit trail's before/after."""
    return picture(facts_of(row), row.missing_elements or [])


def picture(facts: IncidentFacts, missing: Sequence[str]) -> dict[str, Any]:
    """``facts`` as stored JSON, with the elements a flash report still owes."""
    return {**to_json(facts), "missing_elements": list(missing)}


def missing_in(content: Mapping[str, Any]) -> tuple[str, ...]:
    """The elements a report still owed when it was written."""
    return tuple(str(m) for m in content.get("missing_elements") or ())


def rule_facts(facts: IncidentFacts) -> dr.IncidentFacts:
    """What the deadline rules look at."""
    return dr.IncidentFacts(facts.kind.value, facts.category.value if facts.category else None,
                            facts.level.value if facts.level else None, facts.sensitive,
                            facts.received_at, facts.occurred_at)
