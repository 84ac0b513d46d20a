"""The plans register (应急预案): record and edit plans, list them with their clocks.

The administrator keeps the register (DESIGN.md: the administrator keeps the registers); everyone
reads it. Every write is one transaction with its audit entry, and brings the plan's deadlines in
line (``clocks.retime_in``). A plan is one name in one owner unit: adding a second is refused, the
import updates it instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import plans as rules
from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.domain.plan_input import PlanInput
from app.models import Organization, Plan
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit
from app.services.plans import clocks
from app.services.plans.units import UnitIndex

FIELDS = ("name", "type", "organization_id", "approved_on", "number", "filed_on", "filed_with",
          "review_years", "drill_months", "status", "document", "note")


@dataclass(frozen=True)
class PlanInfo:
    """One plan of the register, with its clocks (None once withdrawn)."""

    id: int
    name: str
    type: rules.PlanType
    unit_id: int
    unit: str
    approved_on: dt.date
    number: str
    filed_on: dt.date | None
    filed_with: str
    review_years: int
    drill_months: int
    status: rules.PlanStatus
    document: str
    note: str
    last_review: dt.date | None
    last_drill: dt.date | None
    next_review: dt.date | None
    next_drill: dt.date | None
    version: int

    def overdue(self, today: dt.date) -> bool:
        """A review or a drill is past due."""
        return any(d is not None and d < today for d in (self.next_review, self.next_drill))


def _infos(session: Session, rows: Sequence[Plan], units: UnitIndex | None = None) -> list[PlanInfo]:
    units = units or UnitIndex(session)
    found = {c.plan_id: c for c in clocks.clocks_in(session, [r.id for r in rows])}
    out = []
    for r in rows:
        c = found[r.id]
        out.append(PlanInfo(
            r.id, r.name, rules.PlanType(r.type), r.organization_id, units.display(r.organization_id),
            r.approved_on, r.number, r.filed_on, r.filed_with, r.review_years, r.drill_months,
            rules.PlanStatus(r.status), r.document, r.note, c.last_review, c.last_drill,
            c.next_review if c.running else None, c.next_drill if c.running else None, r.version))
    return out


def list_plans(ctx: Context, *, include_withdrawn: bool = True) -> list[PlanInfo]:
    """Every plan: overall first, then by type, unit and name."""
    with ctx.db.read() as s:
        query = select(Plan)
        if not include_withdrawn:
            query = query.where(Plan.status != rules.PlanStatus.WITHDRAWN.value)
        rows = list(s.scalars(query))
        infos = _infos(s, rows)
    order = list(rules.PlanType)
    return sorted(infos, key=lambda p: (order.index(p.type), p.unit, p.name))


def get_plan(ctx: Context, plan_id: int) -> PlanInfo:
    with ctx.db.read() as s:
        row = s.get(Plan, plan_id)
        if row is None:
            raise NotFound(text("not_found.plan", id=plan_id))
        return _infos(s, [row])[0]


def _problems(data: PlanInput, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    for value, field, limit in ((data.name, "plan.name", 200), (data.number, "plan.number", 100),
                                (data.filed_with, "plan.filed_with", 200),
                                (data.document, "plan.document", 500), (data.note, "plan.note", 2000)):
        if field == "plan.name" and not value.strip():
            problems.append(Problem("required", field))
        elif len(value.strip()) > limit:
            problems.append(Problem("too_long", field, {"max": limit}))
    for day, field in ((data.approved_on, "plan.approved_on"), (data.filed_on, "plan.filed_on")):
        if day is not None and day > today:
            problems.append(Problem("plan.future_date", field, {"value": day.isoformat()}))
    if data.filed_on is not None and data.filed_on < data.approved_on:
        problems.append(Problem("plan.filed_before_approved", "plan.filed_on"))
    problems += rules.cycle_problems(*data.cycles)
    return problems


def _values(data: PlanInput, unit_id: int) -> dict[str, object]:
    """The columns a plan row takes from ``data``."""
    review_years, drill_months = data.cycles
    return {"name": data.name.strip(), "type": data.type.value, "organization_id": unit_id,
            "approved_on": data.approved_on, "number": data.number.strip(),
            "filed_on": data.filed_on, "filed_with": data.filed_with.strip(),
            "review_years": review_years, "drill_months": drill_months,
            "status": data.status.value, "document": data.document.strip(),
            "note": data.note.strip()}


def _apply(row: Plan, data: PlanInput, unit_id: int) -> None:
    for column, value in _values(data, unit_id).items():
        setattr(row, column, value)


def would_change(held: Plan, data: PlanInput, unit_id: int) -> bool:
    """Whether saving ``data`` over ``held`` changes anything (an import's dry run asks)."""
    return any(getattr(held, column) != value for column, value in _values(data, unit_id).items())


def save_in(session: Session, ctx: Context, plan_id: int | None, data: PlanInput, unit_id: int,
            *, note: str = "") -> tuple[Plan, bool]:
    """Create (``plan_id`` None) or update a plan in the caller's transaction, audited; the
    row and whether anything changed. The caller checked the input and retimes the clocks."""
    if plan_id is None:
        row = Plan(created_at=ctx.clock.now())
        _apply(row, data, unit_id)
        session.add(row)
        session.flush()
        audit.record(session, ctx, "create", "plan", row.id,
                     after={**audit.snapshot(row, FIELDS), **({"note": note} if note else {})})
        return row, True
    held = session.get(Plan, plan_id)
    if held is None:
        raise NotFound(text("not_found.plan", id=plan_id))
    before = audit.snapshot(held, FIELDS)
    _apply(held, data, unit_id)
    after = audit.snapshot(held, FIELDS)
    if after == before:
        return held, False
    session.flush()
    audit.record(session, ctx, "update", "plan", held.id, before=before, after=after)
    return held, True


def _same_name(session: Session, name: str, unit_id: int, other_than: int | None) -> bool:
    found = session.scalar(select(Plan.id).where(Plan.name == name.strip(),
                                                 Plan.organization_id == unit_id))
    return found is not None and found != other_than


def _save(ctx: Context, plan_id: int | None, data: PlanInput,
          expected_version: int | None = None) -> PlanInfo:
    ctx.require(UserRole.ADMIN)
    cs = clocks.settings_of(ctx)
    problems = _problems(data, cs.window.today)
    with ctx.db.write() as s:
        units = UnitIndex(s)
        if problems:  # judged whole first; an unknown unit would be created, so it is no problem
            unit_id, unit_problems = units.find(data.unit, "plan.unit")
            problems += [p for p in unit_problems if p.code != "plan.unknown_unit"]
        else:
            unit_id, unit_problems = units.find_or_create(ctx, data.unit, "plan.unit")
            problems += unit_problems
        if unit_id is not None and _same_name(s, data.name, unit_id, plan_id):
            problems.append(Problem("plan.duplicate", "plan.name",
                                    {"name": data.name.strip(), "unit": units.display(unit_id)}))
        if problems or unit_id is None:
            raise InputError(problems)
        if plan_id is not None and expected_version is not None:
            held = s.get(Plan, plan_id)
            if held is not None and held.version != expected_version:
                raise StaleRecord()
        row, _changed = save_in(s, ctx, plan_id, data, unit_id)
        clocks.retime_in(s, ctx, [row.id], cs)
        info = _infos(s, [row], units)[0]
    deadlines.notify_changed()
    return info


def add_plan(ctx: Context, data: PlanInput) -> PlanInfo:
    """Record a plan; an owner unit the contact book lacks is created. Its clocks start."""
    return _save(ctx, None, data)


def update_plan(ctx: Context, plan_id: int, data: PlanInput,
                expected_version: int | None = None) -> PlanInfo:
    """Edit a plan; its open deadlines follow its new dates, cycles and status."""
    return _save(ctx, plan_id, data, expected_version)


def find_plan_in(session: Session, name: str | int, unit: str = "") -> tuple[int | None, list[Problem]]:
    """A plan by id, or by name (and owner unit where names repeat)."""
    if isinstance(name, int):
        return (name, []) if session.get(Plan, name) is not None else \
            (None, [Problem("plan.unknown", "plan", {"name": name})])
    rows = list(session.execute(select(Plan.id, Plan.organization_id).where(Plan.name == name.strip())))
    if unit.strip() and len(rows) > 1:
        units = UnitIndex(session)
        unit_id, problems = units.find(unit, "plan.plan_unit")
        if problems:
            return None, problems
        rows = [r for r in rows if r[1] == unit_id]
    if len(rows) == 1:
        return rows[0][0], []
    if not rows:
        return None, [Problem("plan.unknown", "plan", {"name": name})]
    return None, [Problem("plan.ambiguous", "plan", {"name": name, "count": len(rows)})]


def unit_names(ctx: Context) -> list[tuple[int, str]]:
    """Every unit of the contact book as the register names it (for choosing an owner)."""
    with ctx.db.read() as s:
        units = UnitIndex(s)
        ids = list(s.scalars(select(Organization.id).order_by(Organization.sort_order,
                                                              Organization.id)))
        return [(i, units.display(i)) for i in ids]
