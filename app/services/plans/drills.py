"""Drills (演练) of plans, with their participants and corrective actions (整改事项).

Recording a drill meets the plan's drill clock (when it is the plan's latest drill) and plans the
next; each corrective action gets a deadline on its due date, met when the action is done. A
drill that was also recorded as an incident marked as a drill names that incident.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import plans as rules
from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.domain.plan_input import ActionInput, DrillInput
from app.models import CorrectiveAction, Drill, DrillUnit, Incident, Organization, Plan
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit
from app.services.plans import clocks
from app.services.plans.register import find_plan_in
from app.services.plans.units import UnitIndex

FIELDS = ("plan_id", "held_on", "type", "place", "organizer", "participant_count", "scenario",
          "evaluation", "problems", "incident_id")
ACTION_FIELDS = ("drill_id", "text", "organization_id", "due_on", "done_on", "deadline_id")
TEXT_LIMITS = {"place": 300, "organizer": 200, "scenario": 4000, "evaluation": 4000,
               "problems": 4000}


@dataclass(frozen=True)
class ActionInfo:
    id: int
    drill_id: int
    text: str
    owner_id: int
    owner: str
    due_on: dt.date
    done_on: dt.date | None
    deadline_id: int | None
    version: int

    def late(self, today: dt.date) -> bool:
        """Done after its due date, or still open past it."""
        return (self.done_on or today) > self.due_on


@dataclass(frozen=True)
class DrillInfo:
    id: int
    plan_id: int
    plan: str
    plan_unit: str
    held_on: dt.date
    type: rules.DrillType
    place: str
    organizer: str
    units: tuple[str, ...]
    participant_count: int | None
    scenario: str
    evaluation: str
    problems: str
    incident_number: str | None
    actions: tuple[ActionInfo, ...]
    recorded_by: str
    version: int


@dataclass
class _Resolved:
    plan_id: int
    unit_ids: list[int]
    owners: list[int]
    incident_id: int | None


def _resolve(session: Session, data: DrillInput, today: dt.date) -> _Resolved:
    """Every name of the input found in the register and the book; InputError otherwise."""
    units = UnitIndex(session)
    plan_id, problems = find_plan_in(session, data.plan, data.plan_unit)
    if data.held_on > today:
        problems.append(Problem("plan.future_date", "drill.date", {"value": data.held_on.isoformat()}))
    for key, limit in TEXT_LIMITS.items():
        if len(str(getattr(data, key)).strip()) > limit:
            problems.append(Problem("too_long", f"drill.{key}", {"max": limit}))
    if data.participant_count is not None and data.participant_count < 0:
        problems.append(Problem("plan.bad_count", "drill.count"))
    unit_ids: list[int] = []
    for ref in data.units:
        unit_id, found = units.find(ref, "drill.units")
        problems += found
        if unit_id is not None and unit_id not in unit_ids:
            unit_ids.append(unit_id)
    owners = []
    for n, action in enumerate(data.actions, start=1):
        owner, found = units.find(action.owner, "action.owner")
        found += _action_problems(action, data.held_on, today)
        problems += [Problem("action.problem", None, {"n": n, "detail": p.message()}) for p in found]
        owners.append(owner or 0)
    incident_id = _incident(session, data.incident_number, problems)
    if plan_id is not None:
        plan = session.get(Plan, plan_id)
        if plan is not None and plan.status == rules.PlanStatus.WITHDRAWN.value:
            problems.append(Problem("plan.withdrawn", None, {"name": plan.name}))
    if problems or plan_id is None:
        raise InputError(problems)
    return _Resolved(plan_id, unit_ids, owners, incident_id)


def _action_problems(action: ActionInput, held_on: dt.date, today: dt.date) -> list[Problem]:
    problems = []
    if not action.text.strip():
        problems.append(Problem("required", "action.text"))
    elif len(action.text.strip()) > 1000:
        problems.append(Problem("too_long", "action.text", {"max": 1000}))
    if action.due_on < held_on:
        problems.append(Problem("action.due_before_drill", "action.due"))
    if action.done_on is not None and action.done_on < held_on:
        problems.append(Problem("action.done_before_drill", "action.done"))
    if action.done_on is not None and action.done_on > today:
        problems.append(Problem("plan.future_date", "action.done", {"value": action.done_on.isoformat()}))
    return problems


def _incident(session: Session, number: str, problems: list[Problem]) -> int | None:
    if not number.strip():
        return None
    row = session.execute(select(Incident.id, Incident.is_drill).where(
        Incident.number == number.strip())).first()
    if row is None:
        problems.append(Problem("drill.incident_unknown", "drill.incident", {"value": number}))
        return None
    if not row[1]:
        problems.append(Problem("drill.incident_not_drill", "drill.incident", {"value": number}))
        return None
    if session.scalar(select(Drill.id).where(Drill.incident_id == row[0])) is not None:
        problems.append(Problem("drill.incident_linked", "drill.incident", {"value": number}))
        return None
    return row[0]


def add_in(session: Session, ctx: Context, data: DrillInput, cs: clocks.ClockSettings) -> int:
    """Record a drill in the caller's transaction (the demo uses this); its id."""
    actor = ctx.require(UserRole.ADMIN)
    found = _resolve(session, data, cs.window.today)
    before = clocks.clocks_in(session, [found.plan_id])[0]
    row = Drill(plan_id=found.plan_id, held_on=data.held_on, type=data.type.value,
                place=data.place.strip(), organizer=data.organizer.strip(),
                participant_count=data.participant_count, scenario=data.scenario.strip(),
                evaluation=data.evaluation.strip(), problems=data.problems.strip(),
                incident_id=found.incident_id, recorded_by=actor.display_name or actor.name,
                recorded_at=ctx.clock.now())
    session.add(row)
    session.flush()
    session.add_all(DrillUnit(drill_id=row.id, organization_id=u) for u in found.unit_ids)
    audit.record(session, ctx, "create", "drill", row.id,
                 after={**audit.snapshot(row, FIELDS), "units": found.unit_ids})
    for action, owner in zip(data.actions, found.owners, strict=True):
        _add_action(session, ctx, row.id, action, owner, cs)
    if data.held_on >= (before.last_drill or before.approved_on):
        clocks.meet_in(session, ctx, found.plan_id, clocks.DRILL, data.held_on, cs.window.zone,
                       how=f"{data.held_on.isoformat()}{data.type.zh}")
    clocks.retime_in(session, ctx, [found.plan_id], cs)
    return row.id


def _add_action(session: Session, ctx: Context, drill_id: int, action: ActionInput, owner: int,
                cs: clocks.ClockSettings) -> CorrectiveAction:
    row = CorrectiveAction(drill_id=drill_id, text=action.text.strip(), organization_id=owner,
                           due_on=action.due_on, done_on=action.done_on)
    session.add(row)
    session.flush()
    owner_name = session.scalar(select(Organization.name).where(Organization.id == owner)) or ""
    row.deadline_id = clocks.open_action_in(session, ctx, row.id,
                                            clocks.action_line(row.text, owner_name), action.due_on, cs)
    if action.done_on is not None:
        clocks.close_action_in(session, ctx, row.deadline_id, action.done_on, cs.window.zone)
    session.flush()
    audit.record(session, ctx, "create", "corrective_action", row.id,
                 after=audit.snapshot(row, ACTION_FIELDS))
    return row


def add_drill(ctx: Context, data: DrillInput) -> DrillInfo:
    """Record a drill with its corrective actions; the plan's drill clock moves on."""
    ctx.require(UserRole.ADMIN)
    cs = clocks.settings_of(ctx)
    with ctx.db.write() as s:
        drill_id = add_in(s, ctx, data, cs)
        info = _infos(s, [drill_id])[0]
    deadlines.notify_changed()
    return info


def add_action(ctx: Context, drill_id: int, action: ActionInput) -> ActionInfo:
    """A corrective action found after the drill was recorded (from its evaluation)."""
    ctx.require(UserRole.ADMIN)
    cs = clocks.settings_of(ctx)
    with ctx.db.write() as s:
        drill = s.get(Drill, drill_id)
        if drill is None:
            raise NotFound(text("not_found.drill", id=drill_id))
        owner, problems = UnitIndex(s).find(action.owner, "action.owner")
        problems += _action_problems(action, drill.held_on, cs.window.today)
        if problems or owner is None:
            raise InputError(problems)
        row = _add_action(s, ctx, drill_id, action, owner, cs)
        info = next(a for a in _actions_of(s, [drill_id])[drill_id] if a.id == row.id)
    deadlines.notify_changed()
    return info


def mark_done(ctx: Context, action_id: int, done_on: dt.date,
              expected_version: int | None = None) -> ActionInfo:
    """The action was done on ``done_on``: its deadline is met, on time or late."""
    ctx.require(UserRole.ADMIN)
    cs = clocks.settings_of(ctx)
    with ctx.db.write() as s:
        row = s.get(CorrectiveAction, action_id)
        if row is None:
            raise NotFound(text("not_found.corrective_action", id=action_id))
        if expected_version is not None and row.version != expected_version:
            raise StaleRecord()
        drill = s.get(Drill, row.drill_id)
        problems = []
        if done_on > cs.window.today:
            problems.append(Problem("plan.future_date", "action.done", {"value": done_on.isoformat()}))
        if drill is not None and done_on < drill.held_on:
            problems.append(Problem("action.done_before_drill", "action.done"))
        if problems:
            raise InputError(problems)
        before = audit.snapshot(row, ACTION_FIELDS)
        row.done_on = done_on
        s.flush()
        audit.record(s, ctx, "done", "corrective_action", row.id, before=before,
                     after=audit.snapshot(row, ACTION_FIELDS))
        clocks.close_action_in(s, ctx, row.deadline_id, done_on, cs.window.zone)
        info = next(a for a in _actions_of(s, [row.drill_id])[row.drill_id] if a.id == action_id)
    deadlines.notify_changed()
    return info


# --- reading ----------------------------------------------------------------------------


def _actions_of(session: Session, drill_ids: Sequence[int]) -> dict[int, list[ActionInfo]]:
    units = UnitIndex(session)
    out: dict[int, list[ActionInfo]] = defaultdict(list)
    query = select(CorrectiveAction).order_by(CorrectiveAction.id)
    if len(drill_ids) < 500:
        query = query.where(CorrectiveAction.drill_id.in_(list(drill_ids)))
    for r in session.scalars(query):
        out[r.drill_id].append(ActionInfo(r.id, r.drill_id, r.text, r.organization_id,
                                          units.display(r.organization_id), r.due_on, r.done_on,
                                          r.deadline_id, r.version))
    return out


def _infos(session: Session, drill_ids: Sequence[int]) -> list[DrillInfo]:
    units = UnitIndex(session)
    query = (select(Drill, Plan.name, Plan.organization_id, Incident.number)
             .join(Plan, Plan.id == Drill.plan_id)
             .outerjoin(Incident, Incident.id == Drill.incident_id)
             .order_by(Drill.held_on.desc(), Drill.id.desc()))
    if len(drill_ids) < 500:
        query = query.where(Drill.id.in_(list(drill_ids)))
    taking: dict[int, list[int]] = defaultdict(list)
    for drill_id, unit_id in session.execute(select(DrillUnit.drill_id, DrillUnit.organization_id)):
        taking[drill_id].append(unit_id)
    book_order = {unit_id: n for n, unit_id in enumerate(units.by_id)}  # the contact book's order
    actions = _actions_of(session, drill_ids)
    wanted = set(drill_ids)
    return [DrillInfo(d.id, d.plan_id, plan, units.display(unit_id), d.held_on,
                      rules.DrillType(d.type), d.place, d.organizer,
                      tuple(units.display(u) for u in sorted(taking[d.id], key=book_order.__getitem__)),
                      d.participant_count, d.scenario, d.evaluation, d.problems, number,
                      tuple(actions.get(d.id, [])), d.recorded_by, d.version)
            for d, plan, unit_id, number in session.execute(query) if d.id in wanted]


def list_drills(ctx: Context, plan_id: int | None = None) -> list[DrillInfo]:
    """Drills, the newest first (one plan's with ``plan_id``)."""
    with ctx.db.read() as s:
        query = select(Drill.id)
        if plan_id is not None:
            query = query.where(Drill.plan_id == plan_id)
        return _infos(s, list(s.scalars(query)))


def get_drill(ctx: Context, drill_id: int) -> DrillInfo:
    with ctx.db.read() as s:
        found = _infos(s, [drill_id])
    if not found:
        raise NotFound(text("not_found.drill", id=drill_id))
    return found[0]


@dataclass(frozen=True)
class DrillIncident:
    """An incident marked as a drill that no drill record names yet."""

    number: str
    title: str
    received_at: dt.datetime


def drill_incidents(ctx: Context) -> list[DrillIncident]:
    """Incidents marked as drills and not yet linked to a drill record, the newest first."""
    with ctx.db.read() as s:
        linked = select(Drill.incident_id).where(Drill.incident_id.is_not(None))
        rows = s.execute(select(Incident.number, Incident.title, Incident.received_at)
                         .where(Incident.is_drill.is_(True), Incident.id.not_in(linked))
                         .order_by(Incident.received_at.desc()).limit(200))
        return [DrillIncident(n, t, at) for n, t, at in rows]
