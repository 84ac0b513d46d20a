"""The plans register: emergency plans, their reviews, drills with corrective actions, training."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TZDateTime, Versioned


class Plan(Versioned, Base):
    """An emergency plan (应急预案) of a unit; the same name in the same unit is one plan."""

    __tablename__ = "plan"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    type: Mapped[str] = mapped_column(String(20))
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    approved_on: Mapped[dt.date] = mapped_column(Date)
    number: Mapped[str] = mapped_column(String(100), default="")  # 文号
    filed_on: Mapped[dt.date | None] = mapped_column(Date)
    filed_with: Mapped[str] = mapped_column(String(200), default="")
    review_years: Mapped[int] = mapped_column(Integer)
    drill_months: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(20), default="in_force", index=True)
    document: Mapped[str] = mapped_column(String(500), default="")  # a file path or where it lives
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(TZDateTime())

    __table_args__ = (UniqueConstraint("name", "organization_id", name="uq_plan_name_unit"),)
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class PlanReview(Base):
    """A review of a plan (预案评估): when, what it found. Kept forever."""

    __tablename__ = "plan_review"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    reviewed_on: Mapped[dt.date] = mapped_column(Date, index=True)
    conclusion: Mapped[str] = mapped_column(String(20))
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(TZDateTime())


class Drill(Versioned, Base):
    """A drill (演练) of a plan, its evaluation and the problems it found."""

    __tablename__ = "drill"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id"), index=True)
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    type: Mapped[str] = mapped_column(String(20))
    place: Mapped[str] = mapped_column(String(300), default="")
    organizer: Mapped[str] = mapped_column(String(200), default="")
    participant_count: Mapped[int | None] = mapped_column(Integer)
    scenario: Mapped[str] = mapped_column(Text, default="")
    evaluation: Mapped[str] = mapped_column(Text, default="")
    problems: Mapped[str] = mapped_column(Text, default="")
    # the incident recorded for it (an incident marked as a drill), when there is one
    incident_id: Mapped[int | None] = mapped_column(ForeignKey("incident.id"), unique=True)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(TZDateTime())

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class DrillUnit(Base):
    """A unit that took part in a drill."""

    __tablename__ = "drill_unit"

    drill_id: Mapped[int] = mapped_column(ForeignKey("drill.id"), primary_key=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), primary_key=True,
                                                 index=True)


class CorrectiveAction(Versioned, Base):
    """A corrective action (整改事项) a drill ended in: owner unit, due date (a deadline), done."""

    __tablename__ = "corrective_action"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    drill_id: Mapped[int] = mapped_column(ForeignKey("drill.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organization.id"), index=True)
    due_on: Mapped[dt.date] = mapped_column(Date, index=True)
    done_on: Mapped[dt.date | None] = mapped_column(Date)
    deadline_id: Mapped[int | None] = mapped_column(Integer)

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Training(Versioned, Base):
    """A training session (培训): course, date, hours, who took part, whether it counted as a drill."""

    __tablename__ = "training"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    course: Mapped[str] = mapped_column(String(200))
    held_on: Mapped[dt.date] = mapped_column(Date, index=True)
    hours: Mapped[float] = mapped_column(Float)
    organizer: Mapped[str] = mapped_column(String(200), default="")
    participant_count: Mapped[int] = mapped_column(Integer, default=0)
    counts_as_drill: Mapped[bool] = mapped_column(Boolean, default=False)
    note: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    recorded_at: Mapped[dt.datetime] = mapped_column(TZDateTime())

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class TrainingParticipant(Base):
    """A person of the contact book who took part in a training session."""

    __tablename__ = "training_participant"

    training_id: Mapped[int] = mapped_column(ForeignKey("training.id"), primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("person.id"), primary_key=True, index=True)
