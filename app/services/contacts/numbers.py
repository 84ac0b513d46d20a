"""Numbers of people and units: writing them with their history, and the search keys.

Every write of a person's or a unit's numbers goes through ``set_numbers``: it keeps the
contact points, the mirror columns (person.mobile / office_phone, organization.duty_phone /
fax, which the roster and the office read), the person's digits key, and appends a
``NumberChange`` for every number that changed.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol, cast

from sqlalchemy import CursorResult, select, update
from sqlalchemy.orm import Session

from app.domain import pinyin
from app.domain.contacts import ContactLabel
from app.models import ContactPoint, NumberChange, Organization, Person
from app.services.context import Context

LABEL_ORDER = {label: i for i, label in enumerate(ContactLabel)}
PERSON_MAIN = (ContactLabel.MOBILE, ContactLabel.OFFICE, ContactLabel.DUTY, ContactLabel.HOME,
               ContactLabel.FAX)
UNIT_MAIN = (ContactLabel.DUTY, ContactLabel.OFFICE, ContactLabel.MOBILE, ContactLabel.FAX,
             ContactLabel.HOME)
_PERSON_ORDER: dict[str, int] = {label: i for i, label in enumerate(PERSON_MAIN)}
_UNIT_ORDER: dict[str, int] = {label: i for i, label in enumerate(UNIT_MAIN)}


@dataclass(frozen=True)
class Phone:
    """One number as the screens and the command line show it."""

    label: ContactLabel
    number: str
    id: int | None = None
    last_verified_at: dt.datetime | None = None


def number_digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


class NumberRow(Protocol):
    """What ordering a number needs: a contact point, or a row of its columns."""

    @property
    def id(self) -> int | None: ...
    @property
    def label(self) -> str: ...
    @property
    def number(self) -> str: ...
    @property
    def position(self) -> int: ...
    @property
    def last_verified_at(self) -> dt.datetime | None: ...


def sort_phones(points: Iterable[NumberRow], *, unit: bool = False) -> list[Phone]:
    """The numbers in the order they are offered: the main number first."""
    order = _UNIT_ORDER if unit else _PERSON_ORDER  # a stored label is its member's string
    rows = sorted(points, key=lambda p: (order.get(p.label, 9), p.position, p.id or 0))
    return [Phone(ContactLabel(p.label), p.number, p.id, p.last_verified_at) for p in rows]


def phones_of(session: Session, *, person_ids: Sequence[int] = (),
              organization_ids: Sequence[int] = ()) -> dict[tuple[str, int], list[Phone]]:
    """Numbers of many owners at once, keyed ("person", id) or ("organization", id)."""
    found: dict[tuple[str, int], list[NumberRow]] = defaultdict(list)
    # plain rows, not entities: a search shows a few hundred numbers per keystroke
    columns = select(ContactPoint.id, ContactPoint.label, ContactPoint.number, ContactPoint.position,
                     ContactPoint.last_verified_at, ContactPoint.person_id, ContactPoint.organization_id)
    if person_ids:
        for p in session.connection().execute(columns.where(ContactPoint.person_id.in_(person_ids))):
            found[("person", p.person_id or 0)].append(p)
    if organization_ids:
        for p in session.connection().execute(
                columns.where(ContactPoint.organization_id.in_(organization_ids))):
            found[("organization", p.organization_id or 0)].append(p)
    return {key: sort_phones(points, unit=key[0] == "organization") for key, points in found.items()}


def set_numbers(
    session: Session,
    ctx: Context,
    owner: Person | Organization,
    numbers: Sequence[tuple[ContactLabel, str]],
    *,
    history: bool = True,
    only_labels: Iterable[ContactLabel] | None = None,
    note: str = "",
) -> list[str]:
    """Make ``owner``'s numbers ``numbers`` (label, number) in that order within each label.

    Numbers of labels outside ``only_labels`` (when given) are left alone. A number that is new
    or changed counts as verified now. With ``history`` each change is appended to the number
    history. Returns the changes as "label: old → new" lines for the audit trail.
    """
    writer = _NumberWriter(session, ctx, owner, history=history, note=note)
    labels = set(only_labels) if only_labels is not None else set(ContactLabel)
    wanted: dict[ContactLabel, list[str]] = defaultdict(list)
    for label, given in numbers:
        given = (given or "").strip()
        if given and given not in wanted[label] and label in labels:
            wanted[label].append(given)
    old: dict[ContactLabel, list[ContactPoint]] = defaultdict(list)
    for held in writer.existing():
        old[ContactLabel(held.label)].append(held)
    for label in ContactLabel:
        if label in labels:
            writer.write_label(label, old.get(label, []), wanted.get(label, []))
    session.flush()
    refresh_mirror(session, owner)
    return writer.changes


class _NumberWriter:
    """Writes one owner's numbers label by label and keeps the history of each change."""

    def __init__(self, session: Session, ctx: Context, owner: Person | Organization, *,
                 history: bool, note: str) -> None:
        self.session = session
        self.owner = owner
        self.is_person = isinstance(owner, Person)
        self.history = history
        self.note = note
        self.now = ctx.clock.now()
        self.actor = ctx.actor.label if ctx.actor else "system"
        self.changes: list[str] = []

    def existing(self) -> list[ContactPoint]:
        column = ContactPoint.person_id if self.is_person else ContactPoint.organization_id
        return list(self.session.scalars(select(ContactPoint).where(column == self.owner.id)
                                         .order_by(ContactPoint.position, ContactPoint.id)))

    def write_label(self, label: ContactLabel, olds: list[ContactPoint], news: list[str]) -> None:
        for position in range(max(len(olds), len(news))):
            point = olds[position] if position < len(olds) else None
            number = news[position] if position < len(news) else None
            if point is None:
                if number is not None:
                    self._add(label, number, position)
            elif number is None:
                self._log(label, point.number, "")
                self.session.delete(point)
            else:
                self._change(label, point, number, position)

    def _add(self, label: ContactLabel, number: str, position: int) -> None:
        self.session.add(ContactPoint(
            person_id=self.owner.id if self.is_person else None,
            organization_id=None if self.is_person else self.owner.id, label=label.value,
            number=number, digits=number_digits(number), position=position,
            last_verified_at=self.now))
        self._log(label, "", number)

    def _change(self, label: ContactLabel, point: ContactPoint, number: str, position: int) -> None:
        point.position = position
        if number_digits(number) != point.digits:
            self._log(label, point.number, number)
            point.last_verified_at = self.now
        point.number, point.digits = number, number_digits(number)

    def _log(self, label: ContactLabel, before: str, after: str) -> None:
        self.changes.append(f"{label.value}: {before or '—'} → {after or '—'}")
        if self.history:
            self.session.add(NumberChange(
                at=self.now, person_id=self.owner.id if self.is_person else None,
                organization_id=None if self.is_person else self.owner.id,
                owner_name=self.owner.name, label=label.value, old_number=before,
                new_number=after, changed_by=self.actor, note=self.note))


def refresh_mirror(session: Session, owner: Person | Organization) -> None:
    """Copy the first mobile/office (person) or duty/fax (unit) to the owner's own columns,
    and recompute a person's digits key."""
    is_person = isinstance(owner, Person)
    column = ContactPoint.person_id if is_person else ContactPoint.organization_id
    phones = sort_phones(session.scalars(select(ContactPoint).where(column == owner.id)),
                         unit=not is_person)

    def first(label: ContactLabel) -> str:
        return next((p.number for p in phones if p.label is label), "")

    if isinstance(owner, Person):
        owner.mobile, owner.office_phone = first(ContactLabel.MOBILE), first(ContactLabel.OFFICE)
        owner.digits_key = pinyin.digits(*(p.number for p in phones))
    else:
        owner.duty_phone, owner.fax = first(ContactLabel.DUTY), first(ContactLabel.FAX)


def mark_verified_in(session: Session, ctx: Context, point_ids: Iterable[int]) -> int:
    """Stamp numbers as verified now; how many were found."""
    ids = list(point_ids)
    if not ids:
        return 0
    # An UPDATE's result is a CursorResult; Session.execute is typed to return any Result
    # (SQLAlchemy 2.0.44 changelog: cast to reach rowcount).
    result = cast(CursorResult[Any], session.execute(
        update(ContactPoint).where(ContactPoint.id.in_(ids))
        .values(last_verified_at=ctx.clock.now(), version=ContactPoint.version + 1)
        .execution_options(synchronize_session=False)))
    return result.rowcount or 0


