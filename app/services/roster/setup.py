"""The roster's set-up: shifts and their places, pools (who may fill which role), rule settings.

Also the loaders the other roster services share (shift specs, rules, pools, the calendar).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.duty_calendar import CalendarEntry, DutyCalendar, Period
from app.domain.enums import CalendarKind, DutyRole, LeaderTier, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.domain.roster_rules import Candidate, Rules, ShiftSpec
from app.models import (
    CalendarDay,
    CalendarYear,
    Organization,
    Person,
    PoolMember,
    RosterSettings,
    SensitivePeriod,
    ShiftRole,
    ShiftTemplate,
)
from app.services.context import Context
from app.services.office import audit

SHIFT_FIELDS = ("name", "start_time", "length_minutes", "sort_order", "active")
RULE_FIELDS = ("min_rest_hours", "monthly_max", "holiday_leader_tier", "filing_days_before")


@dataclass(frozen=True)
class ShiftInfo:
    id: int
    name: str
    start_time: dt.time
    length_minutes: int
    roles: tuple[tuple[DutyRole, int], ...]
    active: bool
    sort_order: int
    version: int

    def spec(self) -> ShiftSpec:
        return ShiftSpec(self.id, self.name, self.start_time, self.length_minutes, self.roles,
                         self.sort_order)


@dataclass(frozen=True)
class PoolEntry:
    id: int
    role: DutyRole
    person_id: int
    name: str
    title: str
    mobile: str
    organization: str
    tier: int
    active: bool
    version: int


@dataclass(frozen=True)
class RosterRules:
    min_rest_hours: int = 24
    monthly_max: int = 10
    holiday_leader_tier: int = 2
    filing_days_before: int = 7
    version: int = 0

    def rules(self) -> Rules:
        return Rules(dt.timedelta(hours=self.min_rest_hours), self.monthly_max)


@dataclass(frozen=True)
class PersonRef:
    id: int
    name: str
    title: str
    mobile: str
    organization: str


# --- loaders shared by the roster services ------------------------------------------------
def _shift_info(t: ShiftTemplate) -> ShiftInfo:
    roles = tuple(sorted(((DutyRole(r.role), r.count) for r in t.roles), key=lambda x: x[0].order))
    return ShiftInfo(t.id, t.name, t.start_time, t.length_minutes, roles, t.active, t.sort_order,
                     t.version)


def shifts_in(session: Session, *, active_only: bool = False) -> list[ShiftInfo]:
    query = select(ShiftTemplate).options(selectinload(ShiftTemplate.roles))
    if active_only:
        query = query.where(ShiftTemplate.active.is_(True))
    rows = session.execute(query.order_by(ShiftTemplate.sort_order, ShiftTemplate.start_time,
                                          ShiftTemplate.id)).scalars()
    return [_shift_info(t) for t in rows]


def rules_in(session: Session) -> RosterRules:
    row = session.scalar(select(RosterSettings).order_by(RosterSettings.id).limit(1))
    if row is None:
        return RosterRules()
    return RosterRules(row.min_rest_hours, row.monthly_max, row.holiday_leader_tier,
                       row.filing_days_before, row.version)


def pools_in(session: Session, *, active_only: bool = True) -> dict[DutyRole, list[Candidate]]:
    query = select(PoolMember.role, PoolMember.person_id, PoolMember.tier)
    if active_only:
        query = query.where(PoolMember.active.is_(True))
    out: dict[DutyRole, list[Candidate]] = {}
    for role, person_id, tier in session.execute(
            query.order_by(PoolMember.role, PoolMember.sort_order, PoolMember.id)):
        out.setdefault(DutyRole(role), []).append(Candidate(person_id, tier))
    return out


def tiers_in(session: Session) -> dict[DutyRole, dict[int, int]]:
    """Every pool (inactive members too: they may still hold duties) as person -> tier."""
    out: dict[DutyRole, dict[int, int]] = {}
    for role, person_id, tier in session.execute(
            select(PoolMember.role, PoolMember.person_id, PoolMember.tier)):
        out.setdefault(DutyRole(role), {})[person_id] = tier
    return out


def calendar_in(session: Session, years: range | list[int], holiday_tier: int | None = None) -> DutyCalendar:
    """The calendar of ``years``: the office's table over chinesecalendar, with the periods."""
    years = list(years)
    first, last = dt.date(min(years), 1, 1), dt.date(max(years), 12, 31)
    table = [CalendarEntry(r.date, CalendarKind(r.kind), r.name, r.source)
             for r in session.execute(select(CalendarDay)).scalars()]
    entered = session.scalars(select(CalendarYear.year)).all()
    periods = [Period(p.name, p.starts_on, p.ends_on, p.leader_tier, p.id)
               for p in session.execute(select(SensitivePeriod).where(
                   SensitivePeriod.ends_on >= first, SensitivePeriod.starts_on <= last)).scalars()]
    if holiday_tier is None:
        holiday_tier = rules_in(session).holiday_leader_tier
    return DutyCalendar.build(table, periods, holiday_tier, years, entered)


# --- shifts ------------------------------------------------------------------------------
def list_shifts(ctx: Context, *, active_only: bool = False) -> list[ShiftInfo]:
    with ctx.db.read() as session:
        return shifts_in(session, active_only=active_only)


def _shift_problems(name: str, length_minutes: int, roles: dict[DutyRole, int]) -> list[Problem]:
    problems = validation.required(name, "shift.name", 50)
    if not 30 <= length_minutes <= 24 * 60:
        problems.append(Problem("roster.bad_length", "shift.length", {"value": length_minutes}))
    if any(n < 0 or n > 20 for n in roles.values()) or not any(roles.values()):
        problems.append(Problem("roster.bad_roles", "shift.roles"))
    return problems


def save_shift(ctx: Context, *, shift_id: int | None, name: str, start_time: dt.time,
               length_minutes: int, roles: dict[DutyRole, int], active: bool = True,
               sort_order: int = 0, expected_version: int | None = None) -> ShiftInfo:
    """Create or change a shift and its places (administrators)."""
    ctx.require(UserRole.ADMIN)
    problems = _shift_problems(name, length_minutes, roles)
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            shift: ShiftTemplate | None
            if shift_id is None:
                shift = ShiftTemplate(name=name.strip(), start_time=start_time,
                                      length_minutes=length_minutes, sort_order=sort_order,
                                      active=active)
                session.add(shift)
                before = None
            else:
                shift = session.get(ShiftTemplate, shift_id)
                if shift is None:
                    raise NotFound(text("not_found", what=text("field.shift.name")))
                if expected_version is not None and shift.version != expected_version:
                    raise StaleRecord()
                before = _shift_snapshot(shift)
                shift.name, shift.start_time = name.strip(), start_time
                shift.length_minutes, shift.active, shift.sort_order = length_minutes, active, sort_order
            held = {DutyRole(r.role): r for r in shift.roles}
            for role in DutyRole:
                count = roles.get(role, 0)
                if count and role in held:
                    held[role].count = count
                elif count:
                    shift.roles.append(ShiftRole(role=role.value, count=count))
                elif role in held:
                    shift.roles.remove(held[role])
            session.flush()
            audit.record(session, ctx, "create" if before is None else "update", "shift",
                         shift.id, before=before, after=_shift_snapshot(shift))
            return _shift_info(shift)
    except StaleDataError as exc:
        raise StaleRecord() from exc


def _shift_snapshot(shift: ShiftTemplate) -> dict[str, object]:
    picture = audit.snapshot(shift, SHIFT_FIELDS)
    picture["start_time"] = shift.start_time.strftime("%H:%M")
    picture["roles"] = {r.role: r.count for r in shift.roles}
    return picture


# --- pools -------------------------------------------------------------------------------
def list_pool(ctx: Context, role: DutyRole | None = None) -> list[PoolEntry]:
    with ctx.db.read() as session:
        query = (select(PoolMember, Person, Organization.name)
                 .join(Person, PoolMember.person_id == Person.id)
                 .outerjoin(Organization, Person.organization_id == Organization.id))
        if role is not None:
            query = query.where(PoolMember.role == role.value)
        rows = session.execute(query.order_by(PoolMember.role, PoolMember.sort_order, PoolMember.id))
        return [PoolEntry(m.id, DutyRole(m.role), p.id, p.name, p.title, p.mobile, org or "",
                          m.tier, m.active, m.version) for m, p, org in rows]


def add_to_pool(ctx: Context, role: DutyRole, person_id: int, tier: int = LeaderTier.MEMBER) -> int:
    """Let a person fill a role (administrators); returns the pool entry's id."""
    ctx.require(UserRole.ADMIN)
    if tier not in set(LeaderTier):
        raise InputError(Problem("roster.bad_tier", "pool.tier", {"value": tier}))
    with ctx.db.write() as session:
        if session.get(Person, person_id) is None:
            raise NotFound(text("not_found", what=text("field.person.name")))
        held = session.scalar(select(PoolMember).where(PoolMember.role == role.value,
                                                       PoolMember.person_id == person_id))
        if held is not None:
            before = audit.snapshot(held, ("tier", "active"))
            held.active, held.tier = True, tier
            session.flush()
            audit.record(session, ctx, "update", "pool", held.id, before=before,
                         after=audit.snapshot(held, ("role", "person_id", "tier", "active")))
            return held.id
        last = session.scalar(select(PoolMember.sort_order).where(PoolMember.role == role.value)
                              .order_by(PoolMember.sort_order.desc()).limit(1)) or 0
        member = PoolMember(role=role.value, person_id=person_id, tier=tier, active=True,
                            sort_order=last + 1)
        session.add(member)
        session.flush()
        audit.record(session, ctx, "create", "pool", member.id,
                     after=audit.snapshot(member, ("role", "person_id", "tier", "active")))
        return member.id


def update_pool_member(ctx: Context, member_id: int, *, tier: int, active: bool) -> None:
    ctx.require(UserRole.ADMIN)
    if tier not in set(LeaderTier):
        raise InputError(Problem("roster.bad_tier", "pool.tier", {"value": tier}))
    with ctx.db.write() as session:
        member = session.get(PoolMember, member_id)
        if member is None:
            raise NotFound(text("not_found", what=text("field.pool.person")))
        before = audit.snapshot(member, ("tier", "active"))
        member.tier, member.active = tier, active
        session.flush()
        audit.record(session, ctx, "update", "pool", member.id, before=before,
                     after=audit.snapshot(member, ("tier", "active")))


def remove_from_pool(ctx: Context, member_id: int) -> None:
    ctx.require(UserRole.ADMIN)
    with ctx.db.write() as session:
        member = session.get(PoolMember, member_id)
        if member is None:
            return
        before = audit.snapshot(member, ("role", "person_id", "tier", "active"))
        session.delete(member)
        audit.record(session, ctx, "delete", "pool", member_id, before=before)


def find_people(ctx: Context, query: str, limit: int = 50) -> list[PersonRef]:
    """People whose name, title or mobile contains ``query`` (to add them to a pool)."""
    q = f"%{query.strip()}%"
    with ctx.db.read() as session:
        rows = session.execute(
            select(Person, Organization.name)
            .outerjoin(Organization, Person.organization_id == Organization.id)
            .where(or_(Person.name.like(q), Person.mobile.like(q), Person.title.like(q)))
            .order_by(Person.name, Person.id).limit(limit))
        return [PersonRef(p.id, p.name, p.title, p.mobile, org or "") for p, org in rows]


# --- rule settings -----------------------------------------------------------------------
def get_rules(ctx: Context) -> RosterRules:
    with ctx.db.read() as session:
        return rules_in(session)


def update_rules(ctx: Context, *, min_rest_hours: int, monthly_max: int, holiday_leader_tier: int,
                 filing_days_before: int, expected_version: int | None = None) -> RosterRules:
    """Change the generator's rules (administrators)."""
    ctx.require(UserRole.ADMIN)
    problems = []
    if not 0 <= min_rest_hours <= 24 * 14:
        problems.append(Problem("roster.bad_number", "rules.min_rest_hours", {"value": min_rest_hours}))
    if not 1 <= monthly_max <= 31:
        problems.append(Problem("roster.bad_number", "rules.monthly_max", {"value": monthly_max}))
    if holiday_leader_tier not in set(LeaderTier):
        problems.append(Problem("roster.bad_tier", "rules.holiday_leader_tier",
                                {"value": holiday_leader_tier}))
    if not 0 <= filing_days_before <= 90:
        problems.append(Problem("roster.bad_number", "rules.filing_days_before",
                                {"value": filing_days_before}))
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            row = session.scalar(select(RosterSettings).order_by(RosterSettings.id).limit(1))
            before = None
            if row is None:
                row = RosterSettings()
                session.add(row)
            else:
                if expected_version is not None and row.version != expected_version:
                    raise StaleRecord()
                before = audit.snapshot(row, RULE_FIELDS)
            row.min_rest_hours, row.monthly_max = min_rest_hours, monthly_max
            row.holiday_leader_tier, row.filing_days_before = holiday_leader_tier, filing_days_before
            session.flush()
            audit.record(session, ctx, "update", "roster_rules", row.id, before=before,
                         after=audit.snapshot(row, RULE_FIELDS))
            return rules_in(session)
    except StaleDataError as exc:
        raise StaleRecord() from exc
