"""Users who sign in to the program."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, ForeignKey, Integer, LargeBinary, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TZDateTime, Versioned
from app.models.office import Person


class User(Versioned, Base):
    __tablename__ = "app_user"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    username: Mapped[str] = mapped_column(String(32), unique=True)
    display_name: Mapped[str] = mapped_column(String(50))
    role: Mapped[str] = mapped_column(String(16))
    person_id: Mapped[int | None] = mapped_column(ForeignKey("person.id"))
    password_salt: Mapped[bytes] = mapped_column(LargeBinary(32))
    password_hash: Mapped[bytes] = mapped_column(LargeBinary(64))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[dt.datetime | None] = mapped_column(TZDateTime())
    last_sign_in: Mapped[dt.datetime | None] = mapped_column(TZDateTime())

    person: Mapped[Person | None] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012
