"""The duty log's hash chain: append under the chain head's lock, verify the whole chain.

Kept apart from the log's use cases (dutylog.py) so that the health check and the daily
housekeeping can verify the chain without the rest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import messages
from app.models import DutyLogEntry
from app.services.context import Actor, Context
from app.services.office import audit
from app.services.office.audit import ChainReport, lock_head, verify_chain

CHAIN = "duty_log"
CALL_FIELDS = ("caller_unit", "caller_name", "caller_title", "caller_phone", "place", "notified")
# Every column the hash covers, in this order (id excepted: SQLite may reuse it after a delete).
HASHED = ("seq", "shift_date", "at", "recorded_at", "operator", "operator_name", "kind", "text",
          *CALL_FIELDS, "notified_at", "incident_id", "corrects_id", "prev_hash")


def _plain(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.astimezone(dt.UTC).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def entry_hash(fields: dict[str, Any]) -> str:
    payload = json.dumps([_plain(fields[name]) for name in HASHED], ensure_ascii=False,
                         separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def append_in(session: Session, ctx: Context, *, shift_date: dt.date, at: dt.datetime, kind: str,
              text: str, incident_id: int | None = None, corrects_id: int | None = None,
              notified_at: dt.datetime | None = None, recorded_at: dt.datetime | None = None,
              operator: str | None = None, operator_name: str | None = None,
              call: Mapping[str, str] | None = None) -> DutyLogEntry:
    """Append one entry in the caller's transaction, chained to the newest one.

    ``call`` holds the call record's fields (CALL_FIELDS) of a call entry; the operator is
    ``operator`` when given, else the acting user.

    The chain head is locked first (the write transaction is IMMEDIATE on SQLite, the row
    is locked FOR UPDATE on PostgreSQL), so two workstations never fork the chain.
    """
    actor = ctx.actor
    if operator is None:
        if actor is None:
            raise RuntimeError("a duty log entry needs an operator")
        operator = actor.label
    call = call or {}
    # The audit trail's head first, as every writer takes it, so two chains never deadlock.
    lock_head(session, audit.CHAIN)
    head = lock_head(session, CHAIN)
    fields: dict[str, Any] = {
        "seq": head.seq + 1,
        "shift_date": shift_date,
        "at": at.astimezone(dt.UTC),
        "recorded_at": (recorded_at or ctx.clock.now()).astimezone(dt.UTC),
        "operator": operator,
        "operator_name": (operator_name if operator_name is not None
                          else (actor.display_name or actor.name) if actor else ""),
        "kind": kind,
        "text": text,
        **{name: (call.get(name) or "").strip() for name in CALL_FIELDS},
        "notified_at": notified_at.astimezone(dt.UTC) if notified_at else None,
        "incident_id": incident_id,
        "corrects_id": corrects_id,
        "prev_hash": head.hash,
    }
    unknown = set(call) - set(CALL_FIELDS)
    if unknown:
        raise TypeError(f"unknown call-record fields {sorted(unknown)}")
    digest = entry_hash(fields)
    row = DutyLogEntry(**fields, hash=digest)
    session.add(row)
    head.seq = fields["seq"]
    head.hash = digest
    session.flush()
    # In the audit trail too: every change is heard as an event (app/models/outbox.py).
    writer = ctx if actor is not None else ctx.acting_as(Actor.system(operator))
    audit.record(session, writer, "create", "duty_log", row.id,
                 after={"shift": shift_date.isoformat(), "kind": kind, "seq": row.seq})
    return row


def verify(ctx: Context, since: tuple[int, str] = (0, audit.GENESIS)) -> ChainReport:
    """Recompute every hash in order; name the first entry that does not fit (``since``: see
    ``audit.verify``)."""
    with ctx.db.read() as session:
        moved = audit.moved_since(session, DutyLogEntry, since)
        if moved is not None:
            return moved
        rows = session.execute(select(DutyLogEntry).where(DutyLogEntry.seq > since[0])
                               .order_by(DutyLogEntry.seq)).scalars()
        return verify_chain(session, CHAIN, rows,
                            lambda row: entry_hash({name: getattr(row, name) for name in HASHED}),
                            since)


def sentence(report: ChainReport) -> str:
    """What is wrong with the duty log's chain, naming the entry (empty when intact)."""
    return "" if report.ok else messages.text("dutylog.broken", id=report.broken_id, reason=report.reason)
