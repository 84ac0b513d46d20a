"""The duty log (hash-chained, append-only), check-ins, handovers, carried items, presence checks."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TZDateTime, Versioned


class DutyLogEntry(Base):
    """One entry of the duty log (值班日志). Never updated, never deleted: a correction is a
    new entry pointing at the old one. Each entry carries the hash of the one before."""

    __tablename__ = "duty_log_entry"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    shift_date: Mapped[dt.date] = mapped_column(Date, index=True)  # the duty day it belongs to
    at: Mapped[dt.datetime] = mapped_column(TZDateTime())  # when it happened (the call's time)
    recorded_at: Mapped[dt.datetime] = mapped_column(TZDateTime())  # when it was written down
    operator: Mapped[str] = mapped_column(String(100))  # who wrote it (the actor's label)
    operator_name: Mapped[str] = mapped_column(String(50), default="")
    kind: Mapped[str] = mapped_column(String(20))
    text: Mapped[str] = mapped_column(Text)
    # the phone call record (RULES.md §4), for call entries
    caller_unit: Mapped[str] = mapped_column(String(200), default="")
    caller_name: Mapped[str] = mapped_column(String(50), default="")
    caller_title: Mapped[str] = mapped_column(String(100), default="")
    caller_phone: Mapped[str] = mapped_column(String(40), default="")
    place: Mapped[str] = mapped_column(String(300), default="")
    notified: Mapped[str] = mapped_column(Text, default="")  # whom the caller already told
    notified_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())  # and when
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"), index=True)
    corrects_id: Mapped[int | None] = mapped_column(ForeignKey("duty_log_entry.id"), index=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class CheckIn(Base):
    """An officer signing in at the start of a shift (签到); late when after the grace time."""

    __tablename__ = "check_in"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_date: Mapped[dt.date] = mapped_column(Date, index=True)
    username: Mapped[str] = mapped_column(String(100))
    display_name: Mapped[str] = mapped_column(String(50), default="")
    at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    late: Mapped[bool] = mapped_column(Boolean, default=False)

    __table_args__ = (UniqueConstraint("shift_date", "username", name="uq_check_in_shift_user"),)


class Handover(Base):
    """A shift handed over face to face (交接班): both officers confirmed with their passwords;
    the shift's log is locked from ``locked_at``. ``sheet`` is the handover sheet as signed."""

    __tablename__ = "handover"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_date: Mapped[dt.date] = mapped_column(Date, unique=True)
    outgoing: Mapped[str] = mapped_column(String(100))
    outgoing_name: Mapped[str] = mapped_column(String(50), default="")
    outgoing_confirmed_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    incoming: Mapped[str] = mapped_column(String(100))
    incoming_name: Mapped[str] = mapped_column(String(50), default="")
    incoming_confirmed_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    notes: Mapped[str] = mapped_column(Text, default="")
    off_roster_reason: Mapped[str] = mapped_column(Text, default="")
    sheet: Mapped[dict] = mapped_column(JSON)
    locked_at: Mapped[dt.datetime] = mapped_column(TZDateTime())


class CarriedItem(Versioned, Base):
    """Something the next shift must see (交办事项): it reappears at every handover until cleared."""

    __tablename__ = "carried_item"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"))
    log_entry_id: Mapped[int | None] = mapped_column(ForeignKey("duty_log_entry.id"))
    flagged_by: Mapped[str] = mapped_column(String(100))
    flagged_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    cleared_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime(), index=True)
    cleared_by: Mapped[str] = mapped_column(String(100), default="")
    cleared_note: Mapped[str] = mapped_column(Text, default="")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class PresenceCheck(Base):
    """A presence check (查岗): a superior calling our duty phone (incoming), or us calling a
    subordinate unit's duty phone (outgoing), answered or not, after how many rings."""

    __tablename__ = "presence_check"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    direction: Mapped[str] = mapped_column(String(10))  # incoming | outgoing
    at: Mapped[dt.datetime] = mapped_column(TZDateTime(), index=True)
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    unit: Mapped[str] = mapped_column(String(200))  # the caller's unit, or the unit called
    phone: Mapped[str] = mapped_column(String(40), default="")
    answered: Mapped[bool] = mapped_column(Boolean)
    rings: Mapped[int | None] = mapped_column(Integer)
    answered_by: Mapped[str] = mapped_column(String(100), default="")
    checked_by: Mapped[str] = mapped_column(String(100))  # the operator who recorded it
    note: Mapped[str] = mapped_column(Text, default="")

    __table_args__ = (Index("ix_presence_check_direction_unit", "direction", "unit"),)
