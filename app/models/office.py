"""The office, its units and its people; the contact book's other tables are in contacts.py."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, Versioned


class Office(Versioned, Base):
    """The emergency-management office running this duty room (one row)."""

    __tablename__ = "office"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    duty_phone: Mapped[str] = mapped_column(String(32), default="")
    fax: Mapped[str] = mapped_column(String(32), default="")
    timezone: Mapped[str] = mapped_column(String(64), default="Asia/Shanghai")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Organization(Versioned, Base):
    """A unit (单位) in the tree: city, district, township, department, enterprise, team."""

    __tablename__ = "organization"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    duty_phone: Mapped[str] = mapped_column(String(32), default="")
    fax: Mapped[str] = mapped_column(String(32), default="")
    address: Mapped[str] = mapped_column(String(300), default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # search keys, kept by app.services.contact_keys on every write
    pinyin_key: Mapped[str] = mapped_column(String(400), default="", index=True)
    initials_key: Mapped[str] = mapped_column(String(100), default="", index=True)

    parent: Mapped[Organization | None] = relationship(remote_side=[id])

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Person(Versioned, Base):
    """A person (联系人) of a unit."""

    __tablename__ = "person"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"), index=True)
    name: Mapped[str] = mapped_column(String(50), index=True)
    title: Mapped[str] = mapped_column(String(100), default="")
    mobile: Mapped[str] = mapped_column(String(32), default="")
    office_phone: Mapped[str] = mapped_column(String(32), default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    # person tags (app.domain.contacts.PersonTag), comma separated: "leader,expert"
    tags: Mapped[str] = mapped_column(String(100), default="")
    # search keys, kept by app.services.contact_keys on every write: full pinyin with the
    # surname read as a surname, initials, and the digits of every number, space separated
    pinyin_key: Mapped[str] = mapped_column(String(200), default="", index=True)
    initials_key: Mapped[str] = mapped_column(String(50), default="", index=True)
    digits_key: Mapped[str] = mapped_column(String(400), default="", index=True)

    organization: Mapped[Organization | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Absence(Versioned, Base):
    """An absence notice (外出报备): a person away from ``starts_on`` to ``ends_on`` inclusive.

    The contact book shows the person as away; the roster treats them as unavailable.
    """

    __tablename__ = "absence"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    starts_on: Mapped[dt.date] = mapped_column(Date, index=True)
    ends_on: Mapped[dt.date] = mapped_column(Date, index=True)
    kind: Mapped[str] = mapped_column(String(20), default="trip")  # trip, leave, other
    place: Mapped[str] = mapped_column(String(200), default="")
    deputy_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    note: Mapped[str] = mapped_column(Text, default="")
    cancelled: Mapped[bool] = mapped_column(Boolean, default=False)

    person: Mapped[Person] = relationship(foreign_keys=[person_id])
    deputy: Mapped[Person | None] = relationship(foreign_keys=[deputy_id])

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012
