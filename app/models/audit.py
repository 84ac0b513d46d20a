"""The audit trail: append-only, each entry carrying the hash of the one before."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import JSON, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TZDateTime


class AuditEvent(Base):
    """Who changed what, when, before and after. Never updated, never deleted."""

    __tablename__ = "audit_event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, unique=True)
    at: Mapped[dt.datetime] = mapped_column(TZDateTime(), index=True)
    actor: Mapped[str] = mapped_column(String(100))
    actor_kind: Mapped[str] = mapped_column(String(10))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[str | None] = mapped_column(String(40))
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class ChainHead(Base):
    """The newest entry of a hash chain (audit trail, duty log).

    Appending locks this row (``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the write
    transaction begins IMMEDIATE), so two writers never fork a chain.
    """

    __tablename__ = "chain_head"

    chain: Mapped[str] = mapped_column(String(20), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64))


class ChainAnchor(Base):
    """The chain heads as they stood at a moment (a handover, the program closing, a reset).

    Only ever inserted (the migration adds triggers that refuse an update or a delete): on a
    server this table and the code printed on every handover sheet anchor the chains outside
    the rows they protect. Rows before the latest restore or reset no longer apply.
    """

    __tablename__ = "chain_anchor"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(TZDateTime())
    why: Mapped[str] = mapped_column(String(20))
    audit_seq: Mapped[int] = mapped_column(Integer)
    audit_hash: Mapped[str] = mapped_column(String(64))
    log_seq: Mapped[int] = mapped_column(Integer)
    log_hash: Mapped[str] = mapped_column(String(64))
    code: Mapped[str] = mapped_column(String(40))
    actor: Mapped[str] = mapped_column(String(100))
