"""Tables of the shared office: number counters and the workstations that use the database."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TZDateTime


class Counter(Base):
    """The last number handed out in one series (incident numbers of a year, the follow-ups
    of an incident). Taking the next one locks the row for the transaction, so two
    workstations never take the same number (DESIGN.md "Several workstations")."""

    __tablename__ = "counter"

    name: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[int] = mapped_column(Integer, default=0)


class Workstation(Base):
    """A program that has this database open: where it runs, who is signed in there, and
    when the server last heard from it (the server's clock)."""

    __tablename__ = "workstation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    os_account: Mapped[str] = mapped_column(String(100), default="")
    operator: Mapped[str] = mapped_column(String(100), default="")
    operator_name: Mapped[str] = mapped_column(String(50), default="")
    program_version: Mapped[str] = mapped_column(String(20), default="")
    started_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    last_seen: Mapped[dt.datetime] = mapped_column(TZDateTime(), index=True)
    left_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())
