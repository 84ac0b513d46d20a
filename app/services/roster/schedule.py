"""The roster as it stands: shifts of a range with their people, who is on duty now, editing
one place by hand, the conflicts of a range, and the history of changes."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.duty_calendar import DutyCalendar
from app.domain.enums import DutyKind, DutyRole, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import text
from app.domain.roster_rules import Duty, ShiftSpec, ShiftTime, Violation, check, shift_times
from app.models import Absence, AuditEvent, Person, RosterAssignment
from app.services.context import Context
from app.services.office import audit
from app.services.office.audit import AuditRow
from app.services.office.zone import zone_in
from app.services.roster.setup import ShiftInfo, calendar_in, rules_in, shifts_in, tiers_in

ASSIGNMENT_FIELDS = ("date", "shift_id", "role", "position", "person_id", "locked", "note")
HISTORY_ENTITIES = ("roster", "roster_assignment", "swap_request", "shift", "pool",
                    "roster_rules", "calendar_day", "calendar_year", "sensitive_period",
                    "roster_filing")


@dataclass(frozen=True)
class AssignmentInfo:
    id: int
    date: dt.date
    shift_id: int
    role: DutyRole
    position: int
    person_id: int
    name: str
    title: str
    mobile: str
    locked: bool
    note: str
    version: int

    @property
    def phone(self) -> str:
        return self.mobile


@dataclass(frozen=True)
class ShiftDay:
    """One shift on one duty date with its people, in role order."""

    date: dt.date
    shift_id: int
    shift_name: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    kind: DutyKind
    remark_words: list[str]
    required_tier: int | None
    roles: tuple[tuple[DutyRole, int], ...]
    assignments: list[AssignmentInfo] = field(default_factory=list)

    def of(self, role: DutyRole) -> list[AssignmentInfo]:
        return [a for a in self.assignments if a.role is role]

    @property
    def leaders(self) -> list[AssignmentInfo]:
        return [a for a in self.assignments if a.role.leads]


@dataclass(frozen=True)
class OnDuty:
    """The shift running at a moment and the one after it (either may be None)."""

    at: dt.datetime
    current: ShiftDay | None
    next: ShiftDay | None


@dataclass(frozen=True)
class Conflict:
    """A broken rule, with the names filled in for the screen and the report."""

    code: str
    date: dt.date
    shift_id: int
    role: DutyRole | None
    person_id: int | None
    message: str


# --- reading -------------------------------------------------------------------------------
def _days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(days=n) for n in range((end - start).days + 1)]


def shift_days_in(session: Session, start: dt.date, end: dt.date, *,
                  calendar: DutyCalendar | None = None,
                  zone: zoneinfo.ZoneInfo | None = None) -> list[ShiftDay]:
    """Every shift of ``start``..``end`` (active ones, and inactive ones that hold people)."""
    zone = zone or zone_in(session)
    calendar = calendar or calendar_in(session, range(start.year, end.year + 1))
    shifts = {s.id: s for s in shifts_in(session)}
    rows = session.execute(
        select(RosterAssignment, Person)
        .join(Person, RosterAssignment.person_id == Person.id)
        .where(RosterAssignment.date >= start, RosterAssignment.date <= end)
        .order_by(RosterAssignment.date, RosterAssignment.shift_id, RosterAssignment.position,
                  RosterAssignment.id))
    held: dict[tuple[dt.date, int], list[AssignmentInfo]] = defaultdict(list)
    for a, p in rows:
        held[(a.date, a.shift_id)].append(AssignmentInfo(
            a.id, a.date, a.shift_id, DutyRole(a.role), a.position, p.id, p.name, p.title,
            p.mobile or p.office_phone, a.locked, a.note, a.version))
    active = [s.spec() for s in shifts.values() if s.active]
    times = shift_times(_days(start, end), active, calendar, zone)
    extra = {key for key in held if not shifts[key[1]].active}
    for day, shift_id in extra:
        times += shift_times([day], [shifts[shift_id].spec()], calendar, zone)
    times.sort(key=lambda s: (s.starts_at, s.shift.sort_order, s.shift.id))
    out = []
    for st in times:
        people = sorted(held.get(st.key, []), key=lambda a: (a.role.order, a.position, a.id))
        out.append(ShiftDay(st.date, st.shift.id, st.shift.name, st.starts_at, st.ends_at,
                            st.kind, calendar.remark_words(st.date), st.required_tier,
                            st.shift.roles, people))
    return out


def roster_range(ctx: Context, start: dt.date, end: dt.date) -> list[ShiftDay]:
    with ctx.db.read() as session:
        return shift_days_in(session, start, end)


def on_duty(ctx: Context, at: dt.datetime | None = None) -> OnDuty:
    """Who is on duty at ``at`` (default now): the running shift's people and the next shift."""
    at = at or ctx.clock.now()
    with ctx.db.read() as session:
        zone = zone_in(session)
        local = at.astimezone(zone).date()
        days = shift_days_in(session, local - dt.timedelta(days=1), local + dt.timedelta(days=2),
                             zone=zone)
    current = next((d for d in days if d.starts_at <= at < d.ends_at), None)
    later = [d for d in days if d.starts_at > at]
    upcoming = min(later, key=lambda d: d.starts_at) if later else None
    return OnDuty(at, current, upcoming)


# --- editing by hand -----------------------------------------------------------------------
def set_place(ctx: Context, *, day: dt.date, shift_id: int, role: DutyRole, position: int,
              person_id: int | None, note: str = "", expected_version: int | None = None) -> None:
    """Put a person in one place of a shift (locked: the generator keeps it), or clear it."""
    ctx.require(UserRole.ADMIN)
    problems = validation.optional_text(note, "assignment.note", 200)
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            row = session.scalar(select(RosterAssignment).where(
                RosterAssignment.date == day, RosterAssignment.shift_id == shift_id,
                RosterAssignment.role == role.value, RosterAssignment.position == position))
            if row is not None and expected_version is not None and row.version != expected_version:
                raise StaleRecord()
            if person_id is not None and session.get(Person, person_id) is None:
                raise NotFound(text("not_found", what=text("field.person.name")))
            before = audit.snapshot(row, ASSIGNMENT_FIELDS) if row else None
            if person_id is None:
                if row is None:
                    return
                session.delete(row)
                audit.record(session, ctx, "delete", "roster_assignment", row.id, before=before)
                return
            if row is None:
                row = RosterAssignment(date=day, shift_id=shift_id, role=role.value,
                                       position=position, person_id=person_id)
                session.add(row)
            row.person_id, row.locked, row.note = person_id, True, (note or "").strip()
            session.flush()
            audit.record(session, ctx, "create" if before is None else "update",
                         "roster_assignment", row.id, before=before,
                         after=audit.snapshot(row, ASSIGNMENT_FIELDS))
    except StaleDataError as exc:
        raise StaleRecord() from exc


def set_locked(ctx: Context, assignment_id: int, locked: bool) -> None:
    ctx.require(UserRole.ADMIN)
    with ctx.db.write() as session:
        row = session.get(RosterAssignment, assignment_id)
        if row is None:
            raise NotFound(text("not_found", what=text("field.assignment")))
        before = audit.snapshot(row, ("locked",))
        row.locked = locked
        session.flush()
        audit.record(session, ctx, "update", "roster_assignment", row.id, before=before,
                     after=audit.snapshot(row, ("locked",)))


# --- rules of a range ----------------------------------------------------------------------
def unavailable_in(session: Session, start: dt.date, end: dt.date) -> dict[int, list[tuple[dt.date, dt.date]]]:
    """Absence notices (not cancelled) touching ``start``..``end``, per person."""
    out: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for person_id, a, b in session.execute(
            select(Absence.person_id, Absence.starts_on, Absence.ends_on).where(
                Absence.cancelled.is_(False), Absence.ends_on >= start, Absence.starts_on <= end)):
        out[person_id].append((a, b))
    return dict(out)


def duties_in(session: Session, start: dt.date, end: dt.date, shifts: dict[int, ShiftSpec],
              calendar: DutyCalendar, zone: zoneinfo.ZoneInfo) -> list[Duty]:
    """The assignments of ``start``..``end`` as the generator's duties."""
    out = []
    cache: dict[tuple[dt.date, int], ShiftTime] = {}
    for a_id, day, shift_id, role, position, person_id, locked in session.execute(
            select(RosterAssignment.id, RosterAssignment.date, RosterAssignment.shift_id,
                   RosterAssignment.role, RosterAssignment.position, RosterAssignment.person_id,
                   RosterAssignment.locked)
            .where(RosterAssignment.date >= start, RosterAssignment.date <= end)):
        st = cache.get((day, shift_id))
        if st is None:
            st = shift_times([day], [shifts[shift_id]], calendar, zone)[0]
            cache[(day, shift_id)] = st
        out.append(Duty(person_id, day, shift_id, DutyRole(role), position, st.starts_at,
                        st.ends_at, st.kind, a_id, locked))
    return out


def violations_in(session: Session, start: dt.date, end: dt.date) -> list[Violation]:
    """Every rule the roster of ``start``..``end`` breaks (empty places included)."""
    zone = zone_in(session)
    margin = dt.timedelta(days=40)
    calendar = calendar_in(session, range((start - margin).year, (end + margin).year + 1))
    infos = shifts_in(session)
    specs = {s.id: s.spec() for s in infos}
    rules = rules_in(session).rules()
    inside = duties_in(session, start, end, specs, calendar, zone)
    around = [d for d in duties_in(session, dt.date(start.year, start.month, 1) - dt.timedelta(days=2),
                                   end + margin, specs, calendar, zone)
              if not start <= d.date <= end]
    times = shift_times(_days(start, end), [s.spec() for s in infos if s.active], calendar, zone)
    return check(times, inside, tiers_in(session), unavailable_in(session, start - dt.timedelta(days=1),
                                                                   end + dt.timedelta(days=1)),
                 rules, around)


def names_in(session: Session, ids: set[int]) -> dict[int, str]:
    if not ids:
        return {}
    return dict(session.execute(select(Person.id, Person.name).where(Person.id.in_(ids))).all())


def describe(v: Violation, names: dict[int, str], shifts: dict[int, ShiftInfo],
             single_shift: bool) -> str:
    """One sentence for a broken rule, in the catalog's language."""
    shift = "" if single_shift else " " + (shifts[v.shift_id].name if v.shift_id in shifts else "")
    role = _role_word(v.role) if v.role else ""
    values = {"date": v.date.isoformat(), "shift": shift, "role": role,
              "name": names.get(v.person_id, "") if v.person_id else "", **v.values}
    if v.code == "leader_tier":
        values["tier"] = tier_word(int(v.values["tier"]))
    return text(f"roster.rule.{v.code}", **values)


def _role_word(role: DutyRole) -> str:
    return text(f"role.{role.value}")


def tier_word(tier: int) -> str:
    return text(f"tier.{tier}")


def conflicts(ctx: Context, start: dt.date, end: dt.date) -> list[Conflict]:
    """The rules the roster of a range breaks, with sentences, for the screen."""
    with ctx.db.read() as session:
        found = violations_in(session, start, end)
        names = names_in(session, {v.person_id for v in found if v.person_id})
        shifts = {s.id: s for s in shifts_in(session)}
    single = sum(1 for s in shifts.values() if s.active) <= 1
    return [Conflict(v.code, v.date, v.shift_id, v.role, v.person_id,
                     describe(v, names, shifts, single)) for v in found]


# --- history -------------------------------------------------------------------------------
def history(ctx: Context, limit: int = 200, offset: int = 0) -> list[AuditRow]:
    """The audit trail's roster entries, newest first."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(AuditEvent).where(AuditEvent.entity.in_(HISTORY_ENTITIES))
            .order_by(AuditEvent.seq.desc()).limit(limit).offset(offset)).scalars()
        return [AuditRow(r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.before, r.after)
                for r in rows]


def person_names(ctx: Context, ids: set[int]) -> dict[int, str]:
    with ctx.db.read() as session:
        return names_in(session, ids)
