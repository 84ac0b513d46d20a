"""Declarative base and column types shared by every table."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, ClassVar

from sqlalchemy import DateTime, Integer, MetaData, Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

# Named constraints so Alembic's batch mode on SQLite can find and rebuild them.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class TZDateTime(TypeDecorator[dt.datetime]):
    """An aware datetime stored as naive UTC (SQLAlchemy's TZDateTime recipe).

    SQLite keeps no offsets; storing UTC everywhere keeps the same SQL right on PostgreSQL.
    """

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a TZDateTime column; pass an aware one")
        return value.astimezone(dt.UTC).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)

    if TYPE_CHECKING:
        # Every class here maps a declarative Table; SQLAlchemy types ``__table__`` as any
        # FromClause (a class may map a subquery), which has no insert(), update() or delete().
        __table__: ClassVar[Table]


class Versioned:
    """Mixin for tables two workstations may edit: a stale write fails loudly.

    Each subclass sets ``__mapper_args__ = {"version_id_col": version}``.
    """

    version: Mapped[int] = mapped_column(Integer, nullable=False, default=1)
