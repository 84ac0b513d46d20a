"""The contact book: units and people, their numbers and tags, and the freshness worklist.

Reads return plain dataclasses. Writes go through ``contact_numbers.set_numbers`` for numbers,
so the mirror columns, the search keys and the number history stay right.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from sqlalchemy import ColumnElement, func, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.contacts import ContactLabel, PersonTag, join_tags, stored_tags
from app.domain.enums import OrgKind, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.models import ContactPoint, Expert, NumberChange, Organization, Person
from app.services.contacts.absences import AbsenceInfo, away_ids, list_absences
from app.services.contacts.numbers import Phone, mark_verified_in, phones_of, set_numbers
from app.services.context import Context
from app.services.office import audit
from app.services.office.zone import office_today

_Row = TypeVar("_Row", Person, Organization)

PERSON_FIELDS = ("name", "organization_id", "title", "mobile", "office_phone", "tags", "notes")
UNIT_FIELDS = ("name", "parent_id", "kind", "duty_phone", "fax", "address", "sort_order")
PAGE = 200


@dataclass(frozen=True)
class UnitInfo:
    id: int
    parent_id: int | None
    name: str
    kind: str
    duty_phone: str
    fax: str
    address: str
    sort_order: int
    version: int


@dataclass(frozen=True)
class PersonRow:
    """A person as a list shows them."""

    id: int
    name: str
    organization_id: int | None
    organization: str
    title: str
    mobile: str
    office_phone: str
    tags: tuple[PersonTag, ...]
    away: bool


@dataclass(frozen=True)
class PersonDetails:
    id: int
    name: str
    organization_id: int | None
    organization: str
    unit_duty_phone: str
    title: str
    tags: tuple[PersonTag, ...]
    notes: str
    phones: tuple[Phone, ...]
    absences: tuple[AbsenceInfo, ...]
    away: bool
    specialties: tuple[str, ...]
    version: int
    expert_subtypes: tuple[str, ...] = ()

    @property
    def main_phone(self) -> str:
        return self.phones[0].number if self.phones else self.unit_duty_phone


@dataclass
class PersonInput:
    """What a form or an import row says of a person."""

    name: str
    organization_id: int | None
    title: str = ""
    phones: list[tuple[ContactLabel, str]] = field(default_factory=list)
    tags: list[PersonTag] = field(default_factory=list)
    notes: str = ""


@dataclass
class UnitInput:
    name: str
    parent_id: int | None
    kind: str = OrgKind.DEPARTMENT.value
    duty_phone: str = ""
    fax: str = ""
    address: str = ""
    sort_order: int = 0


@dataclass(frozen=True)
class StaleNumber:
    """A number on the freshness worklist."""

    id: int
    owner_kind: str  # "person" or "organization"
    owner_id: int
    owner_name: str
    organization: str
    label: ContactLabel
    number: str
    last_verified_at: dt.datetime | None


@dataclass(frozen=True)
class NumberChangeInfo:
    at: dt.datetime
    label: ContactLabel
    old_number: str
    new_number: str
    changed_by: str
    note: str


# --- units ------------------------------------------------------------------------
def _unit(o: Organization) -> UnitInfo:
    return UnitInfo(o.id, o.parent_id, o.name, o.kind, o.duty_phone, o.fax, o.address,
                    o.sort_order, o.version)


def list_units(ctx: Context) -> list[UnitInfo]:
    """Every unit, parents before children is not promised: build the tree from parent_id."""
    with ctx.db.read() as session:
        rows = session.scalars(select(Organization).order_by(Organization.sort_order,
                                                             Organization.id))
        return [_unit(o) for o in rows]


def unit_phones(ctx: Context, unit_id: int) -> list[Phone]:
    with ctx.db.read() as session:
        return phones_of(session, organization_ids=[unit_id]).get(("organization", unit_id), [])


def _unit_problems(data: UnitInput) -> list[Problem]:
    problems = (validation.required(data.name, "organization.name", 200)
                + validation.phone(data.duty_phone, "organization.duty_phone")
                + validation.phone(data.fax, "organization.fax")
                + validation.optional_text(data.address, "organization.address", 300))
    if data.kind not in {k.value for k in OrgKind}:
        problems.append(Problem("bad_choice", "organization.kind", {"value": data.kind}))
    return problems


def save_unit(ctx: Context, unit_id: int | None, data: UnitInput,
              expected_version: int | None = None) -> UnitInfo:
    """Add a unit (``unit_id`` None) or change one; the administrator keeps the tree (DESIGN.md)."""
    ctx.require(UserRole.ADMIN)
    problems = _unit_problems(data)
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            unit = save_unit_in(session, ctx, unit_id, data, expected_version)
            return _unit(unit)
    except StaleDataError as exc:
        raise StaleRecord() from exc


def save_unit_in(session: Session, ctx: Context, unit_id: int | None, data: UnitInput,
                 expected_version: int | None = None) -> Organization:
    if unit_id is None:
        unit = Organization(name=data.name.strip(), parent_id=data.parent_id, kind=data.kind,
                            duty_phone="", fax="", address=data.address.strip(),
                            sort_order=data.sort_order)
        session.add(unit)
        session.flush()
        before = None
    else:
        unit = _get(session, Organization, unit_id, expected_version)
        before = audit.snapshot(unit, UNIT_FIELDS)
        if data.parent_id is not None and _is_under(session, data.parent_id, unit.id):
            raise InputError(Problem("unit.cycle", "organization.parent"))
        unit.name, unit.parent_id, unit.kind = data.name.strip(), data.parent_id, data.kind
        unit.address, unit.sort_order = data.address.strip(), data.sort_order
    set_numbers(session, ctx, unit, [(ContactLabel.DUTY, data.duty_phone),
                                     (ContactLabel.FAX, data.fax)],
                only_labels=(ContactLabel.DUTY, ContactLabel.FAX), history=before is not None)
    session.flush()
    audit.record(session, ctx, "create" if before is None else "update", "organization", unit.id,
                 before=before, after=audit.snapshot(unit, UNIT_FIELDS))
    return unit


def delete_unit(ctx: Context, unit_id: int, expected_version: int | None = None) -> None:
    """Remove an empty unit; refused while people or units are under it, or anything names it."""
    ctx.require(UserRole.ADMIN)
    try:
        with ctx.db.write() as session:
            unit = _get(session, Organization, unit_id, expected_version)
            before = audit.snapshot(unit, UNIT_FIELDS)
            children = session.scalar(select(func.count()).select_from(Organization)
                                      .where(Organization.parent_id == unit_id)) or 0
            if children:
                raise InputError(Problem("unit.has_children", None,
                                         {"name": unit.name, "count": children}))
            people = session.scalar(select(func.count()).select_from(Person)
                                    .where(Person.organization_id == unit_id)) or 0
            if people:
                raise InputError(Problem("unit.has_people", None,
                                         {"name": unit.name, "count": people}))
            for point in session.scalars(select(ContactPoint)
                                         .where(ContactPoint.organization_id == unit_id)):
                session.delete(point)
            session.flush()
            session.delete(unit)
            session.flush()
            audit.record(session, ctx, "delete", "organization", unit_id, before=before)
    except IntegrityError as exc:  # the office's own unit, a team, a call record, an incident
        raise InputError(Problem("unit.in_use", None, {"name": before["name"]})) from exc
    except StaleDataError as exc:
        raise StaleRecord() from exc


def _is_under(session: Session, unit_id: int, ancestor_id: int) -> bool:
    seen: set[int] = set()
    current: int | None = unit_id
    while current is not None and current not in seen:
        if current == ancestor_id:
            return True
        seen.add(current)
        current = session.scalar(select(Organization.parent_id).where(Organization.id == current))
    return False


def _get(session: Session, model: type[_Row], row_id: int, expected_version: int | None) -> _Row:
    row = session.get(model, row_id)
    if row is None:
        raise NotFound(text("not_found", what=text("field.person.name" if model is Person
                                                   else "field.organization.name")))
    if expected_version is not None and row.version != expected_version:
        raise StaleRecord()
    return row


# --- people -----------------------------------------------------------------------
def list_people(ctx: Context, unit_ids: Sequence[int] | None = None, *, offset: int = 0,
                limit: int = PAGE, day: dt.date | None = None) -> list[PersonRow]:
    """A page of the people of ``unit_ids`` (None: everyone), in the order they were added."""
    query = select(Person.id, Person.name, Person.organization_id, Organization.name,
                   Person.title, Person.mobile, Person.office_phone, Person.tags
                   ).outerjoin(Organization, Organization.id == Person.organization_id)
    if unit_ids is not None:
        query = query.where(Person.organization_id.in_(list(unit_ids)))
    with ctx.db.read() as session:
        rows = session.execute(query.order_by(Person.id).offset(offset).limit(limit)).all()
        day = day or office_today(session, ctx)
        away = away_ids(session, [r[0] for r in rows], day)
        return [PersonRow(r[0], r[1], r[2], r[3] or "", r[4], r[5], r[6],
                          tuple(stored_tags(r[7])), r[0] in away) for r in rows]


def count_people(ctx: Context, unit_ids: Sequence[int] | None = None) -> int:
    with ctx.db.read() as session:
        query = select(func.count()).select_from(Person)
        if unit_ids is not None:
            query = query.where(Person.organization_id.in_(list(unit_ids)))
        return session.scalar(query) or 0


def get_person(ctx: Context, person_id: int) -> PersonDetails:
    with ctx.db.read() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(text("not_found", what=text("field.person.name")))
        today = office_today(session, ctx)
        org = person.organization
        phones = phones_of(session, person_ids=[person_id]).get(("person", person_id), [])
        expert = session.execute(select(Expert.specialties, Expert.subtypes)
                                 .where(Expert.person_id == person_id)).first()
        head = (person.id, person.name, person.organization_id, org.name if org else "",
                org.duty_phone if org else "", person.title, tuple(stored_tags(person.tags)),
                person.notes, tuple(phones))
        version = person.version
    absences = tuple(list_absences(ctx, person_id=person_id, from_day=today))
    return PersonDetails(*head, absences, any(a.covers(today) for a in absences),
                         tuple(expert[0] or ()) if expert else (), version,
                         tuple(expert[1] or ()) if expert else ())


def person_problems(data: PersonInput, prefix: str = "person") -> list[Problem]:
    problems = (validation.required(data.name, f"{prefix}.name", 50)
                + validation.optional_text(data.title, f"{prefix}.title", 100)
                + validation.optional_text(data.notes, f"{prefix}.notes", 2000))
    for label, number in data.phones:
        problems += validation.phone(number, f"person.{label.value}_phone"
                                     if label is not ContactLabel.MOBILE else "person.mobile")
    return problems


def save_person(ctx: Context, person_id: int | None, data: PersonInput,
                expected_version: int | None = None) -> PersonDetails:
    """Add a person (``person_id`` None) or change one; changed numbers enter the history."""
    ctx.require(UserRole.OFFICER)
    problems = person_problems(data)
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            person, _ = save_person_in(session, ctx, person_id, data, expected_version)
            new_id = person.id
    except StaleDataError as exc:
        raise StaleRecord() from exc
    return get_person(ctx, new_id)


def save_person_in(session: Session, ctx: Context, person_id: int | None, data: PersonInput,
                   expected_version: int | None = None, *,
                   only_labels: Sequence[ContactLabel] | None = None,
                   keep_empty: bool = False, note: str = "") -> tuple[Person, bool]:
    """The write itself, in the caller's transaction (the import uses it row by row).

    With ``keep_empty`` blank fields leave what is held (an import updates, never erases).
    Returns the person and whether anything changed.
    """
    if data.organization_id is not None and session.get(Organization, data.organization_id) is None:
        raise NotFound(text("not_found", what=text("field.person.organization")))
    if person_id is None:
        person = Person(name=data.name.strip(), organization_id=data.organization_id,
                        title=data.title.strip(), mobile="", office_phone="",
                        notes=data.notes.strip(), tags=join_tags(data.tags))
        session.add(person)
        session.flush()
        before = None
    else:
        person = _get(session, Person, person_id, expected_version)
        before = audit.snapshot(person, PERSON_FIELDS)
        person.name, person.organization_id = data.name.strip(), data.organization_id
        if data.title.strip() or not keep_empty:
            person.title = data.title.strip()
        if data.notes.strip() or not keep_empty:
            person.notes = data.notes.strip()
        if data.tags or not keep_empty:
            person.tags = join_tags(data.tags)
    labels = only_labels
    if keep_empty:
        labels = [label for label in (only_labels or ContactLabel)
                  if any(lbl is label and num.strip() for lbl, num in data.phones)]
    changes = set_numbers(session, ctx, person, data.phones, history=before is not None,
                          only_labels=labels, note=note)
    session.flush()
    after = audit.snapshot(person, PERSON_FIELDS)
    changed = before != after or bool(changes) or before is None
    if changed:
        audit.record(session, ctx, "create" if before is None else "update", "person", person.id,
                     before=before, after={**after, "numbers": changes} if changes else after)
    return person, changed


def delete_person(ctx: Context, person_id: int, expected_version: int | None = None) -> None:
    """Remove a person who left; refused while a user, a notice or a roster still names them."""
    ctx.require(UserRole.ADMIN)
    try:
        with ctx.db.write() as session:
            person = _get(session, Person, person_id, expected_version)
            before = audit.snapshot(person, PERSON_FIELDS)
            for point in session.scalars(select(ContactPoint).where(ContactPoint.person_id == person_id)):
                session.delete(point)
            expert = session.scalar(select(Expert).where(Expert.person_id == person_id))
            if expert is not None:
                session.delete(expert)
            session.flush()
            session.delete(person)
            session.flush()
            audit.record(session, ctx, "delete", "person", person_id, before=before)
    except IntegrityError as exc:
        raise InputError(Problem("person.in_use", None, {"name": before["name"]})) from exc
    except StaleDataError as exc:
        raise StaleRecord() from exc


# --- freshness and history --------------------------------------------------------
def mark_verified(ctx: Context, point_ids: Sequence[int]) -> int:
    """The numbers were called and are right: stamp them verified now."""
    ctx.require(UserRole.OFFICER)
    with ctx.db.write() as session:
        count = mark_verified_in(session, ctx, point_ids)
        audit.record(session, ctx, "verify", "contact_point", None,
                     after={"ids": list(point_ids)})
        return count


def _stale_where(ctx: Context, days: int) -> ColumnElement[bool]:
    cutoff = ctx.clock.now() - dt.timedelta(days=days)
    return or_(ContactPoint.last_verified_at.is_(None), ContactPoint.last_verified_at < cutoff)


def stale_numbers(ctx: Context, days: int = 90, *, offset: int = 0,
                  limit: int = PAGE) -> list[StaleNumber]:
    """Numbers not verified in ``days`` days, never-verified and oldest first."""
    owner_unit = Organization.__table__.alias("owner_unit")
    above = Organization.__table__.alias("above")
    person_unit = Organization.__table__.alias("person_unit")
    with ctx.db.read() as session:
        rows = session.execute(
            select(ContactPoint.id, ContactPoint.person_id, ContactPoint.organization_id,
                   Person.name, person_unit.c.name, owner_unit.c.name, above.c.name,
                   ContactPoint.label, ContactPoint.number, ContactPoint.last_verified_at)
            .outerjoin(Person, Person.id == ContactPoint.person_id)
            .outerjoin(person_unit, person_unit.c.id == Person.organization_id)
            .outerjoin(owner_unit, owner_unit.c.id == ContactPoint.organization_id)
            .outerjoin(above, above.c.id == owner_unit.c.parent_id)
            .where(_stale_where(ctx, days))
            .order_by(ContactPoint.last_verified_at.is_not(None), ContactPoint.last_verified_at,
                      ContactPoint.id)
            .offset(offset).limit(limit)).all()
        return [StaleNumber(r[0], "person" if r[1] else "organization", r[1] or r[2] or 0,
                            (r[3] if r[1] else r[5]) or "", (r[4] if r[1] else r[6]) or "",
                            ContactLabel(r[7]), r[8], r[9]) for r in rows]


def count_stale(ctx: Context, days: int = 90) -> int:
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(ContactPoint)
                              .where(_stale_where(ctx, days))) or 0


def number_history(ctx: Context, *, person_id: int | None = None,
                   organization_id: int | None = None) -> list[NumberChangeInfo]:
    """Every recorded change of the owner's numbers, newest first."""
    with ctx.db.read() as session:
        query = select(NumberChange)
        if person_id is not None:
            query = query.where(NumberChange.person_id == person_id)
        if organization_id is not None:
            query = query.where(NumberChange.organization_id == organization_id)
        rows = session.scalars(query.order_by(NumberChange.at.desc(), NumberChange.id.desc()))
        return [NumberChangeInfo(c.at, ContactLabel(c.label), c.old_number, c.new_number,
                                 c.changed_by, c.note) for c in rows]


def subtree_ids(units: Sequence[UnitInfo], root_id: int) -> list[int]:
    """``root_id`` and every unit below it."""
    children: dict[int | None, list[int]] = {}
    for u in units:
        children.setdefault(u.parent_id, []).append(u.id)
    out, stack = [], [root_id]
    while stack:
        current = stack.pop()
        out.append(current)
        stack.extend(children.get(current, []))
    return out
