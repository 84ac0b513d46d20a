"""Incidents and warning information, their report chain, leaders' instructions, drafts."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Index, Integer, String, Text
from sqlalchemy import text as sql_text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TZDateTime, Versioned


class Incident(Versioned, Base):
    """An incident (突发事件) or warning information about a possible one (预警信息)."""

    __tablename__ = "incident"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(10))  # event | warning
    status: Mapped[str] = mapped_column(String(10), default="open")  # open | closed
    title: Mapped[str] = mapped_column(String(200))
    received_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    occurred_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())
    source: Mapped[str] = mapped_column(String(200), default="")
    source_person: Mapped[str] = mapped_column(String(50), default="")
    source_title: Mapped[str] = mapped_column(String(100), default="")
    source_phone: Mapped[str] = mapped_column(String(40), default="")
    location: Mapped[str] = mapped_column(String(300), default="")
    organization_id: Mapped[int | None] = mapped_column(ForeignKey("organization.id"))
    category: Mapped[str | None] = mapped_column(String(20))
    subtype: Mapped[str | None] = mapped_column(String(30))
    level: Mapped[str | None] = mapped_column(String(4))
    nature: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    # casualty figures: NULL is unknown (being verified), never 0
    deaths: Mapped[int | None] = mapped_column(Integer)
    serious_injuries: Mapped[int | None] = mapped_column(Integer)
    injuries: Mapped[int | None] = mapped_column(Integer)
    missing: Mapped[int | None] = mapped_column(Integer)
    trapped: Mapped[int | None] = mapped_column(Integer)
    loss_cny: Mapped[float | None] = mapped_column(Float)
    trend: Mapped[str] = mapped_column(Text, default="")
    measures: Mapped[str] = mapped_column(Text, default="")
    next_steps: Mapped[str] = mapped_column(Text, default="")
    leaders_on_site: Mapped[str] = mapped_column(Text, default="")
    notified: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    aftermath: Mapped[str] = mapped_column(Text, default="")
    assessment: Mapped[str] = mapped_column(Text, default="")
    is_drill: Mapped[bool] = mapped_column(Boolean, default=False)
    sensitive: Mapped[bool] = mapped_column(Boolean, default=False)
    missing_elements: Mapped[list] = mapped_column(JSON, default=list)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    level_reason: Mapped[str] = mapped_column(Text, default="")  # 定级说明
    received_by: Mapped[str] = mapped_column(String(50), default="")  # 接报人
    # --- the plan it activated (issue 17; columns added by migration 0009 (plans)) ---
    activated_plan_id: Mapped[int | None] = mapped_column(ForeignKey("plan.id"), index=True)
    response_level: Mapped[str | None] = mapped_column(String(4))  # I … IV (响应级别)

    __table_args__ = (
        Index("ix_incident_status_received", "status", "received_at"),
        Index("ix_incident_received_at", "received_at"),
        Index("ix_incident_category", "category"),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Report(Versioned, Base):
    """One report up the chain: initial, numbered follow-ups, final, verified.

    ``content`` is the snapshot of the incident's fields the report was written from, so the
    text can be shown again years later; a follow-up keeps the fields it gives (``changes``)
    and the time its figures hold (``as_of``). How it went up is its sendings.
    """

    __tablename__ = "report"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))
    seq: Mapped[int] = mapped_column(Integer, default=0)  # follow-ups: 1, 2, …
    created_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    content: Mapped[dict] = mapped_column(JSON)
    text: Mapped[str] = mapped_column(Text)
    recorded_by: Mapped[str] = mapped_column(String(100), default="")
    as_of: Mapped[dt.datetime | None] = mapped_column(TZDateTime())  # 截至……
    changes: Mapped[list | None] = mapped_column(JSON)  # a follow-up's changed fields
    contact_person: Mapped[str] = mapped_column(String(50), default="")
    contact_phone: Mapped[str] = mapped_column(String(40), default="")

    __table_args__ = (
        # Follow-up numbers never repeat within an incident (taken from a counter row).
        Index("uq_report_follow_up_seq", "incident_id", "seq", unique=True,
              sqlite_where=sql_text("kind = 'follow-up'"), postgresql_where=sql_text("kind = 'follow-up'")),
    )
    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class Sending(Base):
    """One sending of a report (报送): by phone, or in writing by a means, to whom, when, by
    whom, signed off by whom. Never changed: a report sent twice has two sendings.

    ``at`` is when the operator says it went; ``recorded_at`` the trusted time it was recorded,
    which judges the deadlines it meets.
    """

    __tablename__ = "sending"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("report.id"), index=True)
    channel: Mapped[str] = mapped_column(String(10))  # phone | written
    means: Mapped[str | None] = mapped_column(String(10))  # written: fax | system | email | paper | sms
    to: Mapped[str] = mapped_column(String(200))  # 主送机关
    at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    recorded_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    operator: Mapped[str] = mapped_column(String(100))  # the actor's label
    operator_name: Mapped[str] = mapped_column(String(50), default="")
    issued_by: Mapped[str] = mapped_column(String(50), default="")  # 签发人 (written)


class Instruction(Versioned, Base):
    """A leader's instruction (领导批示) on an incident, with its feedback deadline."""

    __tablename__ = "instruction"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    incident_id: Mapped[int] = mapped_column(ForeignKey("incident.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    from_whom: Mapped[str] = mapped_column(String(100))
    given_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    deadline_id: Mapped[int | None] = mapped_column(Integer)
    done: Mapped[str] = mapped_column(Text, default="")
    done_at: Mapped[dt.datetime | None] = mapped_column(TZDateTime())

    __mapper_args__ = {"version_id_col": Versioned.version}  # noqa: RUF012


class IntakeDraft(Base):
    """What an officer is typing into the intake form, saved as they type (survives a crash)."""

    __tablename__ = "intake_draft"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    operator: Mapped[str] = mapped_column(String(100), index=True)
    incident_id: Mapped[int | None] = mapped_column(Integer)
    fields: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[dt.datetime] = mapped_column(TZDateTime())
