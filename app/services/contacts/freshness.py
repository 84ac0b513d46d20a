"""Keeping numbers fresh: numbers not verified for a while, marking them verified, and the
history of every number's changes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, or_, select

from app.domain.contacts import ContactLabel
from app.domain.enums import UserRole
from app.models import ContactPoint, NumberChange, Organization, Person
from app.services.contacts.book import PAGE
from app.services.contacts.numbers import mark_verified_in
from app.services.context import Context
from app.services.office import audit


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


_OLDEST = (ContactPoint.last_verified_at.is_not(None), ContactPoint.last_verified_at,
           ContactPoint.id)


def stale_numbers(ctx: Context, days: int = 90, *, offset: int = 0,
                  limit: int = PAGE) -> list[StaleNumber]:
    """Numbers not verified in ``days`` days, never-verified and oldest first."""
    # the page's numbers first, then their owners: the sort and the skip (OFFSET) go over the
    # numbers alone, not over every stale number joined to its owner and units
    ids = (select(ContactPoint.id).where(_stale_where(ctx, days)).order_by(*_OLDEST)
           .offset(offset).limit(limit))
    return _numbers(ctx, ContactPoint.id.in_(ids))


def numbers_by_id(ctx: Context, ids: Sequence[int]) -> list[StaleNumber]:
    """The worklist's lines of the numbers ``ids`` as they are now (verified or not; a number
    deleted since is left out): a page of the list read again."""
    return _numbers(ctx, ContactPoint.id.in_(list(ids)))


def _numbers(ctx: Context, which: ColumnElement[bool]) -> list[StaleNumber]:
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
            .where(which).order_by(*_OLDEST)).all()
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
