"""Reporting deadlines, the rule profiles they come from, and office settings."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TZDateTime, Versioned


class RuleProfileRow(Versioned, Base):
    """A set of deadline rules (时限规则); built-in ones are read-only copies of the code's."""

    __tablename__ = "rule_profile"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    key: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(Text, default="")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)
    rules: Mapped[list] = mapped_column(JSON)

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Deadline(Versioned, Base):
    """One reporting deadline (报送时限) and what became of it (kept forever)."""

    __tablename__ = "deadline"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    what: Mapped[str] = mapped_column(String(300))
    report_kind: Mapped[str] = mapped_column(String(30), index=True)
    channel: Mapped[str] = mapped_column(String(10))
    incident_id: Mapped[int | None] = mapped_column(Integer, index=True)
    incident_number: Mapped[str | None] = mapped_column(String(40))
    rule_profile: Mapped[str] = mapped_column(String(60), default="")
    recurring_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    due_at: Mapped[dt.datetime] = mapped_column(TZDateTime(), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    outcome: Mapped[str] = mapped_column(String(12), default="open", index=True)
    met_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())
    met_how: Mapped[str] = mapped_column(String(100), default="")
    met_by: Mapped[str] = mapped_column(String(100), default="")
    closed_reason: Mapped[str] = mapped_column(Text, default="")
    acknowledged_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())
    acknowledged_by: Mapped[str] = mapped_column(String(100), default="")
    acknowledged_stage: Mapped[str] = mapped_column(String(10), default="")
    acknowledge_reason: Mapped[str] = mapped_column(Text, default="")
    # a follow-up clock's set time (before 08:00, before 17:00 …): one deadline per slot
    slot: Mapped[dt.datetime | None] = mapped_column(TZDateTime())

    __table_args__ = (UniqueConstraint("incident_id", "report_kind", "slot",
                                       name="uq_deadline_incident_kind_slot"),
                      # the month statistics count ranges of this index (app/services/deadlines/listing.py)
                      Index("ix_deadline_outcome_kind_due", "outcome", "report_kind", "due_at"))
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Setting(Versioned, Base):
    """An office-wide setting (JSON value), editable in the settings."""

    __tablename__ = "app_setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[dict | list | str | int | None] = mapped_column(JSON)

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012
