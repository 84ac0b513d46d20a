"""What a plan's page shows besides its own fields: the incidents that activated it (启动预案)
with their response level, and the deadlines of its clocks (open and kept); and what an
incident's window shows of the register: the drill record an incident marked as a drill is."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.domain import plans as rules
from app.domain.enums import Level
from app.models import Drill, Incident, Plan
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines.lifecycle import DeadlineInfo


@dataclass(frozen=True)
class Activation:
    """An incident that named this plan as activated, and at which response level."""

    incident_id: int
    number: str
    title: str
    received_at: dt.datetime
    response_level: Level | None
    status: str
    is_drill: bool


def activations(ctx: Context, plan_id: int) -> list[Activation]:
    """The incidents that activated the plan, the newest first."""
    with ctx.db.read() as s:
        rows = s.execute(select(Incident.id, Incident.number, Incident.title, Incident.received_at,
                                Incident.response_level, Incident.status, Incident.is_drill)
                         .where(Incident.activated_plan_id == plan_id)
                         .order_by(Incident.received_at.desc()))
        return [Activation(i, number, title, received, Level(level) if level else None, status,
                           drill)
                for i, number, title, received, level, status, drill in rows]


def clock_deadlines(ctx: Context, plan_id: int) -> list[DeadlineInfo]:
    """The deadlines of the plan's review and drill clocks, the latest due first."""
    found = deadlines.list_by_key(ctx, rules.plan_key_prefix(plan_id, "review")) + \
        deadlines.list_by_key(ctx, rules.plan_key_prefix(plan_id, "drill"))
    return sorted(found, key=lambda d: d.due_at, reverse=True)


@dataclass(frozen=True)
class DrillLink:
    """The drill record (演练) an incident marked as a drill belongs to."""

    drill_id: int
    held_on: dt.date
    type: rules.DrillType
    plan: str


def drill_of(ctx: Context, incident_id: int) -> DrillLink | None:
    """The drill record that names the incident (Drill.incident_id), if one does."""
    with ctx.db.read() as s:
        found = s.execute(select(Drill.id, Drill.held_on, Drill.type, Plan.name)
                          .join(Plan, Plan.id == Drill.plan_id)
                          .where(Drill.incident_id == incident_id)).first()
    if found is None:
        return None
    drill_id, held_on, kind, plan = found
    return DrillLink(drill_id, held_on, rules.DrillType(kind), plan)
