"""Who the demo roster puts on duty each day, as the duty log and the report chain name them:
the user name of an officer who signs in, else the person's name."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.enums import DutyRole
from app.models import Person, RosterAssignment, User

Officer = tuple[str, str]  # (operator label, name)


def officers_by_day(session: Session, first: dt.date, last: dt.date) -> dict[dt.date, list[Officer]]:
    """The roster's duty officers of each day from ``first`` to ``last``, in their order."""
    users = dict(session.execute(select(User.person_id, User.username)
                                 .where(User.person_id.is_not(None))).all())
    rows = session.execute(
        select(RosterAssignment.date, RosterAssignment.person_id, Person.name)
        .join(Person, Person.id == RosterAssignment.person_id)
        .where(RosterAssignment.date >= first, RosterAssignment.date <= last,
               RosterAssignment.role == DutyRole.OFFICER.value)
        .order_by(RosterAssignment.date, RosterAssignment.position, RosterAssignment.id))
    out: dict[dt.date, list[Officer]] = {}
    for day, person_id, name in rows:
        out.setdefault(day, []).append((users.get(person_id, name), name))
    return out
