"""The contact book beyond units and people: numbers, their history, experts, rescue teams.

Search keys on ``person`` and ``organization`` (pinyin, initials) follow the name on every ORM
write, whoever writes; bulk inserts (the large demo) fill them in bulk themselves.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    Connection,
    ForeignKey,
    Integer,
    String,
    Text,
    event,
    inspect,
)
from sqlalchemy.orm import Mapped, Mapper, mapped_column, relationship

from app.domain import pinyin
from app.models.base import Base, TZDateTime, Versioned
from app.models.office import Organization, Person


class ContactPoint(Versioned, Base):
    """One labelled number (mobile, office, duty, home, fax) of a person or of a unit."""

    __tablename__ = "contact_point"
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (organization_id IS NULL)", name="owner"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    label: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(32))
    digits: Mapped[str] = mapped_column(String(32), index=True)
    # the digits backwards: "the last four digits" becomes an indexed prefix search
    digits_reversed: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    last_verified_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime(), index=True)

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class NumberChange(Base):
    """A number that changed (or was added or removed): append-only, never updated.

    Owners are kept as plain ids with a snapshot of their name, so the history outlives them.
    """

    __tablename__ = "number_change"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(TZDateTime(), index=True)
    person_id: Mapped[int | None] = mapped_column(Integer, index=True)
    organization_id: Mapped[int | None] = mapped_column(Integer, index=True)
    owner_name: Mapped[str] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(10))
    old_number: Mapped[str] = mapped_column(String(32), default="")
    new_number: Mapped[str] = mapped_column(String(32), default="")
    changed_by: Mapped[str] = mapped_column(String(100))
    note: Mapped[str] = mapped_column(String(200), default="")


class Expert(Versioned, Base):
    """A person in the expert pool (专家库), with specialties and the sub-types they help with."""

    __tablename__ = "expert"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), unique=True)
    specialties: Mapped[list[str]] = mapped_column(JSON, default=list)
    subtypes: Mapped[list[str]] = mapped_column(JSON, default=list)
    notes: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class RescueTeam(Versioned, Base):
    """A rescue team (救援队伍): its own unit in the tree when it has one, or just this row."""

    __tablename__ = "rescue_team"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20), index=True)
    leader_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    phone: Mapped[str] = mapped_column(String(32), default="")
    headcount: Mapped[int] = mapped_column(Integer, default=0)
    equipment: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="ready")
    base: Mapped[str] = mapped_column(String(300), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    organization: Mapped[Organization | None] = relationship()
    leader: Mapped[Person | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


def _name_changed(target: object) -> bool:
    return inspect(target).attrs.name.history.has_changes()


@event.listens_for(Person, "before_insert")
@event.listens_for(Person, "before_update")
def _person_keys(_mapper: Mapper[Any], _connection: Connection, target: Person) -> None:
    if _name_changed(target) or not target.pinyin_key:
        target.pinyin_key, target.initials_key = pinyin.keys(target.name or "", is_name=True)
    if not target.digits_key:
        target.digits_key = pinyin.digits(target.mobile or "", target.office_phone or "")


@event.listens_for(Organization, "before_insert")
@event.listens_for(Organization, "before_update")
def _organization_keys(_mapper: Mapper[Any], _connection: Connection, target: Organization) -> None:
    if _name_changed(target) or not target.pinyin_key:
        target.pinyin_key, target.initials_key = pinyin.keys(target.name or "")


def _digits(number: str) -> str:
    return "".join(ch for ch in number if ch.isdigit())


def _insert_points(connection: Connection, owner: str, owner_id: int,
                   numbers: tuple[tuple[str, str], ...]) -> None:
    rows = [{"person_id": owner_id if owner == "person" else None,
             "organization_id": owner_id if owner == "organization" else None,
             "label": label, "number": number.strip(), "digits": _digits(number),
             "digits_reversed": _digits(number)[::-1], "position": 0,
             "last_verified_at": None, "version": 1}
            for label, number in numbers if (number or "").strip()]
    if rows:
        connection.execute(ContactPoint.__table__.insert(), rows)


@event.listens_for(Person, "after_insert")
def _person_points(_mapper: Mapper[Any], connection: Connection, target: Person) -> None:
    """A person written with numbers by another feature (first-run setup, the demo) gets them
    as contact points; the contact book's own writes insert with no numbers and add them."""
    _insert_points(connection, "person", target.id,
                   (("mobile", target.mobile or ""), ("office", target.office_phone or "")))


@event.listens_for(Organization, "after_insert")
def _organization_points(_mapper: Mapper[Any], connection: Connection,
                         target: Organization) -> None:
    _insert_points(connection, "organization", target.id,
                   (("duty", target.duty_phone or ""), ("fax", target.fax or "")))


@event.listens_for(ContactPoint, "before_insert")
@event.listens_for(ContactPoint, "before_update")
def _point_digits(_mapper: Mapper[Any], _connection: Connection, target: ContactPoint) -> None:
    target.digits = _digits(target.number or "")
    target.digits_reversed = target.digits[::-1]
