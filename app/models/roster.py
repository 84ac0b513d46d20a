"""The duty roster: shifts and their places, pools, assignments, the official calendar,
sensitive periods, swaps, holiday filings and the generator's rule settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    Time,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.models.base import Base, TZDateTime, Versioned
from app.models.office import Person


class ShiftTemplate(Versioned, Base):
    """A shift (班次) worked every day: when it starts, how long it lasts, its places."""

    __tablename__ = "shift_template"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(50))
    start_time: Mapped[dt.time] = mapped_column(Time, default=dt.time(8, 30))
    length_minutes: Mapped[int] = mapped_column(Integer, default=24 * 60)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    roles: Mapped[list[ShiftRole]] = relationship(
        back_populates="shift", cascade="all, delete-orphan", order_by="ShiftRole.id")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class ShiftRole(Base):
    """How many people of a duty role a shift needs (leader ×1, officer ×2 …)."""

    __tablename__ = "shift_role"
    __table_args__ = (UniqueConstraint("shift_id", "role", name="uq_shift_role_shift_role"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    count: Mapped[int] = mapped_column(Integer, default=1)

    shift: Mapped[ShiftTemplate] = relationship(back_populates="roles")


class PoolMember(Versioned, Base):
    """Who may fill a duty role; a leader's tier decides holidays and sensitive periods."""

    __tablename__ = "duty_pool_member"
    __table_args__ = (UniqueConstraint("role", "person_id", name="uq_duty_pool_member_role_person"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    role: Mapped[str] = mapped_column(String(20), index=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    tier: Mapped[int] = mapped_column(Integer, default=2)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    person: Mapped[Person] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class RosterAssignment(Versioned, Base):
    """One person in one place of one shift on one duty date (the date the shift starts)."""

    __tablename__ = "roster_assignment"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    shift_id: Mapped[int] = mapped_column(ForeignKey("shift_template.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), index=True)
    locked: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")

    person: Mapped[Person] = relationship()
    shift: Mapped[ShiftTemplate] = relationship()

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class CalendarDay(Versioned, Base):
    """A public holiday or a make-up working day, as the State Council published it."""

    __tablename__ = "calendar_day"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(String(50), default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class CalendarYear(Versioned, Base):
    """A year whose State Council notice the office entered as a whole (or copied whole from
    chinesecalendar before editing it). Only such a year, or one the package knows, is *known*:
    a single day entered for a year does not make it known (DESIGN.md, RULES.md §6)."""

    __tablename__ = "calendar_year"

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(20), default="manual")  # manual | file | chinesecalendar
    entered_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    entered_by: Mapped[str] = mapped_column(String(100), default="")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class SensitivePeriod(Versioned, Base):
    """A named date range in which a leader of at least ``leader_tier`` leads the duty."""

    __tablename__ = "sensitive_period"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    starts_on: Mapped[dt.date] = mapped_column(Date, index=True)
    ends_on: Mapped[dt.date] = mapped_column(Date, index=True)
    leader_tier: Mapped[int] = mapped_column(Integer, default=2)
    note: Mapped[str] = mapped_column(Text, default="")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class SwapRequest(Versioned, Base):
    """A shift swap: someone else takes an assignment, or two assignments trade people."""

    __tablename__ = "swap_request"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("roster_assignment.id", ondelete="SET NULL"), index=True)
    other_assignment_id: Mapped[int | None] = mapped_column(
        ForeignKey("roster_assignment.id", ondelete="SET NULL"))
    date: Mapped[dt.date] = mapped_column(Date)
    other_date: Mapped[dt.date | None] = mapped_column(Date)
    from_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    to_person_id: Mapped[int] = mapped_column(ForeignKey("person.id"))
    reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="requested", index=True)
    requested_by: Mapped[str] = mapped_column(String(100))
    requested_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    decided_by: Mapped[str] = mapped_column(String(100), default="")
    decided_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class RosterFiling(Versioned, Base):
    """The filing (报备) of a holiday's roster: due date and when it was filed."""

    __tablename__ = "roster_filing"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    holiday_name: Mapped[str] = mapped_column(String(50))
    first_day: Mapped[dt.date] = mapped_column(Date, unique=True)
    due_on: Mapped[dt.date] = mapped_column(Date)
    filed_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())
    filed_by: Mapped[str] = mapped_column(String(100), default="")
    note: Mapped[str] = mapped_column(Text, default="")

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class RosterSettings(Versioned, Base):
    """The generator's rules, one row: rest between shifts, monthly maximum, tiers, filing."""

    __tablename__ = "roster_settings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    min_rest_hours: Mapped[int] = mapped_column(Integer, default=24)
    monthly_max: Mapped[int] = mapped_column(Integer, default=10)
    holiday_leader_tier: Mapped[int] = mapped_column(Integer, default=2)
    filing_days_before: Mapped[int] = mapped_column(Integer, default=7)

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012
