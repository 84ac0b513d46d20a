"""The change events read back from the audit trail: what a workstation missed while its
connection was down, and what ``watch`` prints on a single desk, where there is no NOTIFY."""

from __future__ import annotations

from sqlalchemy import func, select

from app.domain.live_events import ChangeEvent, from_audit
from app.models import AuditEvent
from app.services.context import Context


def last_seq(ctx: Context) -> int:
    """The newest audit entry's number (0 for an empty trail): events after it are new."""
    with ctx.db.read() as s:
        return s.scalar(select(func.max(AuditEvent.seq))) or 0


def events_after(ctx: Context, seq: int, limit: int = 500) -> list[ChangeEvent]:
    """The events of the audit entries after ``seq``, oldest first (the workstation that made
    them is not on record: it is left empty)."""
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.seq > seq)
                         .order_by(AuditEvent.seq).limit(limit))
        return [from_audit(seq=r.seq, at=r.at, actor=r.actor, action=r.action, entity=r.entity,
                           entity_id=r.entity_id, after=r.after) for r in rows]
