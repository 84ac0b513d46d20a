"""Absence notices (外出报备): a person away shows as away and is unavailable to the roster.

The roster asks ``unavailable_on(ctx, day)``; the contact book asks ``is_away`` or
``away_ids`` for the people it shows. Days are the office's calendar days, both ends included.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from app.domain.contacts import AbsenceKind
from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.models import Absence, Person
from app.services.context import Context
from app.services.office import audit
from app.services.office.zone import office_today

FIELDS = ("person_id", "starts_on", "ends_on", "kind", "place", "deputy_id", "note", "cancelled")
MAX_DAYS = 366


@dataclass(frozen=True)
class AbsenceInfo:
    id: int
    person_id: int
    person_name: str
    starts_on: dt.date
    ends_on: dt.date
    kind: AbsenceKind
    place: str
    deputy_id: int | None
    deputy_name: str
    note: str
    cancelled: bool
    version: int

    def covers(self, day: dt.date) -> bool:
        return not self.cancelled and self.starts_on <= day <= self.ends_on


def _covering(day: dt.date) -> tuple[ColumnElement[bool], ...]:
    return (Absence.cancelled.is_(False), Absence.starts_on <= day, Absence.ends_on >= day)


def away_ids(session: Session, person_ids: Iterable[int] | None, day: dt.date) -> set[int]:
    """Of ``person_ids`` (None: everyone), those with a notice covering ``day``."""
    query = select(Absence.person_id).where(*_covering(day))
    if person_ids is not None:
        ids = list(person_ids)
        if not ids:
            return set()
        query = query.where(Absence.person_id.in_(ids))
    return set(session.scalars(query))


def unavailable_on(ctx: Context, day: dt.date) -> set[int]:
    """The ids of everyone away on ``day``: the roster must not put them on duty."""
    with ctx.db.read() as session:
        return away_ids(session, None, day)


def is_away(ctx: Context, person_id: int, day: dt.date | None = None) -> bool:
    """Whether the person has a notice covering ``day`` (default: today in the office)."""
    with ctx.db.read() as session:
        day = day or office_today(session, ctx)
        return bool(away_ids(session, [person_id], day))


def _info(a: Absence, names: dict[int, str]) -> AbsenceInfo:
    return AbsenceInfo(a.id, a.person_id, names.get(a.person_id, ""), a.starts_on, a.ends_on,
                       AbsenceKind(a.kind) if a.kind in AbsenceKind.__members__.values()
                       else AbsenceKind.OTHER, a.place, a.deputy_id,
                       names.get(a.deputy_id or 0, ""), a.note, a.cancelled, a.version)


def list_absences(
    ctx: Context,
    *,
    person_id: int | None = None,
    from_day: dt.date | None = None,
    to_day: dt.date | None = None,
    include_cancelled: bool = False,
) -> list[AbsenceInfo]:
    """Notices overlapping [from_day, to_day] (either end open), earliest first."""
    deputy = aliased(Person)
    with ctx.db.read() as session:
        query = (select(Absence, Person.name, deputy.name)
                 .join(Person, Person.id == Absence.person_id)
                 .outerjoin(deputy, deputy.id == Absence.deputy_id))
        if person_id is not None:
            query = query.where(Absence.person_id == person_id)
        if from_day is not None:
            query = query.where(Absence.ends_on >= from_day)
        if to_day is not None:
            query = query.where(Absence.starts_on <= to_day)
        if not include_cancelled:
            query = query.where(Absence.cancelled.is_(False))
        out = []
        for a, name, deputy_name in session.execute(query.order_by(Absence.starts_on, Absence.id)):
            out.append(_info(a, {a.person_id: name, a.deputy_id or 0: deputy_name or ""}))
        return out


def report_absence(
    ctx: Context,
    person_id: int,
    *,
    starts_on: dt.date,
    ends_on: dt.date,
    kind: AbsenceKind | str = AbsenceKind.TRIP,
    place: str = "",
    deputy_id: int | None = None,
    note: str = "",
) -> AbsenceInfo:
    """Record that a person is away from ``starts_on`` to ``ends_on`` (both included)."""
    ctx.require(UserRole.OFFICER)
    problems: list[Problem] = []
    if ends_on < starts_on:
        problems.append(Problem("absence.ends_before_start", "absence.ends_on"))
    elif (ends_on - starts_on).days >= MAX_DAYS:
        problems.append(Problem("absence.too_long", "absence.ends_on", {"max": MAX_DAYS}))
    if deputy_id is not None and deputy_id == person_id:
        problems.append(Problem("absence.self_deputy", "absence.deputy"))
    try:
        kind = AbsenceKind(kind)
    except ValueError:
        problems.append(Problem("bad_choice", "absence.kind", {"value": kind}))
    if len(place or "") > 200:
        problems.append(Problem("too_long", "absence.place", {"max": 200}))
    if problems:
        raise InputError(problems)
    with ctx.db.write() as session:
        person = session.get(Person, person_id)
        deputy = session.get(Person, deputy_id) if deputy_id is not None else None
        if person is None or (deputy_id is not None and deputy is None):
            raise NotFound(text("not_found", what=text("field.person.name")))
        absence = Absence(person_id=person_id, starts_on=starts_on, ends_on=ends_on,
                          kind=AbsenceKind(kind).value, place=(place or "").strip(),
                          deputy_id=deputy_id, note=(note or "").strip(), cancelled=False)
        session.add(absence)
        session.flush()
        audit.record(session, ctx, "create", "absence", absence.id,
                     after=audit.snapshot(absence, FIELDS))
        return _info(absence, {person.id: person.name, deputy_id or 0: deputy.name if deputy else ""})


def cancel_absence(ctx: Context, absence_id: int, *, expected_version: int | None = None) -> AbsenceInfo:
    """Withdraw a notice (the person stayed, or came back early); it stays on record."""
    ctx.require(UserRole.OFFICER)
    try:
        with ctx.db.write() as session:
            absence = session.get(Absence, absence_id)
            if absence is None:
                raise NotFound(text("not_found", what=text("field.absence")))
            if expected_version is not None and absence.version != expected_version:
                raise StaleRecord()
            before = audit.snapshot(absence, FIELDS)
            absence.cancelled = True
            session.flush()
            audit.record(session, ctx, "cancel", "absence", absence.id, before=before,
                         after=audit.snapshot(absence, FIELDS))
            names = dict(session.execute(select(Person.id, Person.name).where(
                Person.id.in_([absence.person_id, absence.deputy_id or 0]))).all())
            return _info(absence, names)
    except StaleDataError as exc:
        raise StaleRecord() from exc


def end_absence_early(ctx: Context, absence_id: int, last_day: dt.date) -> AbsenceInfo:
    """The person is back: the notice now ends on ``last_day`` (before it: cancelled)."""
    ctx.require(UserRole.OFFICER)
    with ctx.db.write() as session:
        absence = session.get(Absence, absence_id)
        if absence is None:
            raise NotFound(text("not_found", what=text("field.absence")))
        before = audit.snapshot(absence, FIELDS)
        if last_day < absence.starts_on:
            absence.cancelled = True
        else:
            absence.ends_on = min(absence.ends_on, last_day)
        session.flush()
        audit.record(session, ctx, "update", "absence", absence.id, before=before,
                     after=audit.snapshot(absence, FIELDS))
        names = dict(session.execute(select(Person.id, Person.name).where(
            Person.id.in_([absence.person_id, absence.deputy_id or 0]))).all())
        return _info(absence, names)
