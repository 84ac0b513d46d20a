"""Numbers that never collide: incident numbers and follow-up numbers from counter rows.

Each series (the incident numbers of a year, the follow-ups of one incident) has a row in the
``counter`` table. Taking the next number locks that row until the transaction ends
(``SELECT … FOR UPDATE`` on PostgreSQL; on SQLite the write transaction already holds the
database's write lock), so two workstations, two threads or two command-line runs never take
the same number, and the unique constraints on the numbers hold. A number found already used
(a record written by an older version, a restored backup) is skipped, not fought over: the
next one is tried within the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from app.models import Counter, Incident, Report

MAX_SKIPS = 10_000  # numbers found taken before giving up (a counter far behind its table)


def _locked(session: Session, name: str) -> Counter | None:
    return session.scalar(select(Counter).where(Counter.name == name).with_for_update()
                          .execution_options(populate_existing=True))


def next_number(session: Session, name: str, *, start_after: Callable[[], int] = lambda: 0,
                taken: Callable[[int], bool] = lambda _n: False) -> int:
    """The next number of the series ``name``, its counter row locked until commit.

    A new series starts after ``start_after()`` (the highest number already held); numbers
    for which ``taken(n)`` is true are skipped.
    """
    row = _locked(session, name)
    if row is None:
        dialect = session.get_bind().dialect.name
        insert = pg_insert if dialect == "postgresql" else sqlite_insert
        # Two workstations starting the same series: one row wins, the other waits for it.
        session.execute(insert(Counter).values(name=name, value=start_after())
                        .on_conflict_do_nothing(index_elements=["name"]))
        row = _locked(session, name)
        assert row is not None
    value = row.value + 1
    for _ in range(MAX_SKIPS):
        if not taken(value):
            break
        value += 1
    row.value = value
    session.flush()
    return value


def incident_number(session: Session, year: int) -> str:
    """The next incident number of ``year``: ``2026-0001``, ``2026-0002``, …"""
    prefix = f"{year}-"

    def held() -> int:
        last = session.scalar(select(Incident.number).where(Incident.number.like(f"{prefix}%"))
                              .order_by(Incident.number.desc()).limit(1))
        tail = last.split("-", 1)[1] if last else ""
        return int(tail) if tail.isdigit() else 0

    def taken(n: int) -> bool:
        return session.scalar(select(Incident.id).where(Incident.number == f"{prefix}{n:04d}")) is not None

    return f"{prefix}{next_number(session, f'incident:{year}', start_after=held, taken=taken):04d}"


def follow_up_seq(session: Session, incident_id: int) -> int:
    """The next follow-up number of one incident: 1 for 续报一, 2 for 续报二, …"""

    def held() -> int:
        return max(session.scalars(select(Report.seq).where(
            Report.incident_id == incident_id, Report.kind == "follow-up")), default=0)

    def taken(n: int) -> bool:
        return session.scalar(select(Report.id).where(
            Report.incident_id == incident_id, Report.kind == "follow-up", Report.seq == n)) is not None

    return next_number(session, f"follow-up:{incident_id}", start_after=held, taken=taken)


def give_back_follow_up(session: Session, incident_id: int, seq: int) -> None:
    """A deleted follow-up that was the last of its incident frees its number (it never went
    up, so the next one takes it: 续报二 deleted, the next is 续报二 again)."""
    row = _locked(session, f"follow-up:{incident_id}")
    if row is not None and row.value == seq:
        row.value = seq - 1
        session.flush()
