"""Change events leave with the change itself (DESIGN.md "Several workstations").

Every write session collects the audit entries it flushes; each becomes a ChangeEvent. On
PostgreSQL the events are sent with ``pg_notify`` just before the commit, in the same
transaction, so the server delivers them exactly when the change becomes visible and never
for a change rolled back. After the commit the events are also handed to this process's own
subscribers (on SQLite that is the only way; on a server the LISTEN connection hears them).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from sqlalchemy import event, func, select
from sqlalchemy.orm import Session, sessionmaker

from app.domain.live_events import CHANNEL, ChangeEvent, from_audit
from app.models.audit import AuditEvent

log = logging.getLogger(__name__)

_KEY = "dutydesk_events"


class Origin(Protocol):
    """Where the changes come from (the Database: its workstation name, its backend, and the
    callbacks of this process that hear its changes after each commit)."""

    workstation: str
    is_sqlite: bool
    change_subscribers: list[Callable[[ChangeEvent], None]]


def install(sessions: sessionmaker[Session], origin: Origin) -> None:
    """Collect, send and hand on the events of every session ``sessions`` makes."""

    def collect(session: Session, _context: object) -> None:
        pending: list[ChangeEvent] = session.info.setdefault(_KEY, [])
        for obj in session.new:
            if isinstance(obj, AuditEvent):
                pending.append(from_audit(seq=obj.seq, at=obj.at, actor=obj.actor, action=obj.action,
                                          entity=obj.entity, entity_id=obj.entity_id, after=obj.after,
                                          workstation=origin.workstation))

    def send(session: Session) -> None:
        session.flush()  # what is still pending is collected before it is sent
        if origin.is_sqlite:
            return
        for change in sorted(session.info.get(_KEY, []), key=lambda c: c.seq):
            session.execute(select(func.pg_notify(CHANNEL, change.payload())))

    def hand_on(session: Session) -> None:
        changes = sorted(session.info.pop(_KEY, []), key=lambda c: c.seq)
        for change in changes:
            for callback in list(origin.change_subscribers):
                try:
                    callback(change)
                except Exception:  # a subscriber's failure must not undo the committed write
                    log.exception("change subscriber failed")

    def forget(session: Session, _previous: object | None = None) -> None:
        session.info.pop(_KEY, None)

    event.listen(sessions, "after_flush", collect)
    event.listen(sessions, "before_commit", send)
    event.listen(sessions, "after_commit", hand_on)
    event.listen(sessions, "after_soft_rollback", forget)
