"""The audit trail: append under the chain head's lock, verify the whole chain."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.errors import SignInRequired
from app.domain.messages import text
from app.models import AuditEvent, ChainHead
from app.services.context import Context

GENESIS = "0" * 64
CHAIN = "audit"


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bytes):
        return None  # secrets (password hashes) never enter the trail
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


def snapshot(obj: object, fields: Iterable[str]) -> dict[str, Any]:
    """A JSON-ready picture of ``obj``'s ``fields`` for the before/after of an entry."""
    return {f: _jsonable(getattr(obj, f)) for f in fields}


def entry_hash(
    *,
    seq: int,
    at: dt.datetime,
    actor: str,
    actor_kind: str,
    action: str,
    entity: str,
    entity_id: str | None,
    before: Any,
    after: Any,
    prev_hash: str,
) -> str:
    payload = json.dumps(
        [seq, at.astimezone(dt.UTC).isoformat(), actor, actor_kind, action, entity, entity_id,
         before, after, prev_hash],
        ensure_ascii=False,
        sort_keys=True,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def lock_head(session: Session, chain: str) -> ChainHead:
    """The chain's head row, locked for this transaction (created on first use)."""
    head = session.get(ChainHead, chain, with_for_update=True)
    if head is None:
        head = ChainHead(chain=chain, seq=0, hash=GENESIS)
        session.add(head)
        session.flush()
    return head


def record(
    session: Session,
    ctx: Context,
    action: str,
    entity: str,
    entity_id: object | None = None,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one entry in the caller's transaction (who, when, what, before, after)."""
    actor = ctx.actor
    if actor is None:  # nobody signed in (the command line on a server without --user)
        raise SignInRequired()
    head = lock_head(session, CHAIN)
    at = ctx.clock.now().astimezone(dt.UTC)
    seq = head.seq + 1
    before_j, after_j = _jsonable(before), _jsonable(after)
    fields = {
        "seq": seq,
        "at": at,
        "actor": actor.label,
        "actor_kind": actor.kind.value,
        "action": action,
        "entity": entity,
        "entity_id": None if entity_id is None else str(entity_id),
        "before": before_j,
        "after": after_j,
        "prev_hash": head.hash,
    }
    digest = entry_hash(**fields)
    event = AuditEvent(**fields, hash=digest)
    session.add(event)
    head.seq = seq
    head.hash = digest
    session.flush()
    return event


@dataclass(frozen=True)
class ChainReport:
    """What verifying a chain found: how many entries, and the first broken one if any."""

    count: int
    broken_id: int | None = None
    reason: str = ""

    @property
    def ok(self) -> bool:
        return self.broken_id is None

    def sentence(self) -> str:
        return "" if self.ok else text("audit.broken", id=self.broken_id, reason=self.reason)


def verify_chain(session: Session, chain: str, rows: Iterable[Any],
                 recompute: Callable[[Any], str], since: tuple[int, str] = (0, GENESIS)) -> ChainReport:
    """Walk a hash chain's rows in ``seq`` order and name the first that does not fit.

    Each row has ``id``, ``seq``, ``prev_hash`` and ``hash``; ``recompute`` hashes a row's
    content. Shared by the audit trail and the duty log. ``since``: (seq, hash) of an entry
    already verified, after which ``rows`` begin (an incremental check; 0: the whole chain).
    """
    count, prev = since
    last_id: int | None = None
    for expected_seq, row in enumerate(rows, start=count + 1):
        count += 1
        last_id = row.id
        if row.prev_hash != prev or row.seq != expected_seq:
            return ChainReport(count, row.id, text("audit.reason.prev"))
        if recompute(row) != row.hash:
            return ChainReport(count, row.id, text("audit.reason.hash"))
        prev = row.hash
    head = session.get(ChainHead, chain)
    if head is not None and (head.seq != count or head.hash != prev):
        return ChainReport(count, last_id or 0, text("audit.reason.head"))
    return ChainReport(count)


def _recompute(ev: AuditEvent) -> str:
    return entry_hash(
        seq=ev.seq, at=ev.at, actor=ev.actor, actor_kind=ev.actor_kind, action=ev.action,
        entity=ev.entity, entity_id=ev.entity_id, before=ev.before, after=ev.after,
        prev_hash=ev.prev_hash,
    )


def verify(ctx: Context, since: tuple[int, str] = (0, GENESIS)) -> ChainReport:
    """Recompute every hash in order; name the first entry that does not fit. ``since``: an
    entry (seq, hash) verified before: only the entries after it are recomputed (at start),
    once the entry is found still to hold that hash."""
    with ctx.db.read() as session:
        moved = moved_since(session, AuditEvent, since)
        if moved is not None:
            return moved
        rows = session.execute(select(AuditEvent).where(AuditEvent.seq > since[0])
                               .order_by(AuditEvent.seq)).scalars()
        return verify_chain(session, CHAIN, rows, _recompute, since)


def moved_since(session: Session, table: type[Any], since: tuple[int, str]) -> ChainReport | None:
    """A report naming the entry ``since`` names when it no longer holds the hash it had when
    verified (or is gone), else None."""
    seq, digest = since
    if seq == 0:
        return None
    row = session.scalar(select(table).where(table.seq == seq))
    if row is None or row.hash != digest:
        return ChainReport(seq, row.id if row is not None else 0, text("audit.reason.hash"))
    return None


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    actor: str
    action: str
    entity: str
    entity_id: str | None
    before: Any
    after: Any


def recent(ctx: Context, limit: int = 500, offset: int = 0) -> list[AuditRow]:
    """The newest entries first, for the settings page."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(AuditEvent).order_by(AuditEvent.seq.desc()).limit(limit).offset(offset)
        ).scalars()
        return [
            AuditRow(r.id, r.at, r.actor, r.action, r.entity, r.entity_id, r.before, r.after)
            for r in rows
        ]


def count(ctx: Context) -> int:
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent)) or 0
