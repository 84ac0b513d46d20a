"""Trusted time (DESIGN.md "Data"): which clock a program on this database reads, and the
jumps of the wall clock it noticed.

On a shared server the server's clock is the time: read once at start and every half minute
(``SELECT clock_timestamp()``, halfway through the round trip) and carried forward by the
monotonic clock in between, so every workstation stamps receipt, sending, acknowledgment and
log times alike, even while the server is briefly away. A workstation whose own clock differs
by more than a minute is told so.

On a single desk the machine's clock is the time, carried forward by the monotonic clock from
the moment the program started, and never earlier than the last time already recorded. A
jump of the wall clock (back more than two minutes, or forward beyond the time that passed)
is recorded in the audit trail (``clock_jump``) and shown; the program's time goes on without
it, so deadlines keep being judged on one continuous time.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import func, select, text

from app.domain.clock import JUMP_TOLERANCE, AnchoredClock, Clock, ClockJump, SystemClock
from app.domain.messages import text as message
from app.models import AuditEvent
from app.models.db import Database
from app.services.context import Actor, Context
from app.services.office import audit

log = logging.getLogger(__name__)

SKEW_WARNING = dt.timedelta(minutes=1)  # a workstation this far off the server's clock is told
SYNC_SECONDS = 30.0


def read_server_time(db: Database, source: Clock) -> tuple[dt.datetime, float]:
    """The server's clock and the monotonic reading it belongs to (the round trip's middle)."""
    with db.engine.connect() as conn:
        before = source.monotonic()
        value: dt.datetime = conn.execute(text("SELECT clock_timestamp()")).scalar_one()
        after = source.monotonic()
    return value.astimezone(dt.UTC), (before + after) / 2


def last_recorded(db: Database) -> dt.datetime | None:
    """The newest time in the audit trail: on a single desk, time never goes back behind it."""
    with db.engine.connect() as conn:
        value = conn.execute(select(func.max(AuditEvent.at))).scalar()
    if value is None:
        return None
    return value.replace(tzinfo=dt.UTC) if value.tzinfo is None else value.astimezone(dt.UTC)


class TrustedClock(AnchoredClock):
    """The program's clock on one database; ``server`` when it follows a PostgreSQL server."""

    def __init__(self, source: Clock, *, server: bool, anchor: dt.datetime | None = None,
                 floor: dt.datetime | None = None, anchor_mono: float | None = None) -> None:
        super().__init__(source, anchor=anchor, floor=floor)
        self.server = server
        self.last_sync = source.monotonic()
        if anchor is not None and anchor_mono is not None:
            self.reanchor(anchor, anchor_mono)
        self.start_recorded = False

    def sync(self, db: Database) -> None:
        """Read the server's clock again (a server clock is the truth, steps included)."""
        when, mono = read_server_time(db, self.source)
        self.reanchor(when, mono)
        self.last_sync = self.source.monotonic()

    def sync_due(self) -> bool:
        return self.server and self.source.monotonic() - self.last_sync >= SYNC_SECONDS


def clock_for(db: Database, source: Clock | None = None) -> TrustedClock:
    """The trusted clock of a program on ``db``: the server's, or this desk's."""
    source = source or SystemClock()
    if not db.is_sqlite:
        try:
            when, mono = read_server_time(db, source)
            return TrustedClock(source, server=True, anchor=when, anchor_mono=mono)
        except Exception:  # the server is away at this moment: start on ours, sync later
            log.warning("the server's clock could not be read; using this machine's", exc_info=True)
            clock = TrustedClock(source, server=True)
            clock.last_sync = source.monotonic() - SYNC_SECONDS
            return clock
    return TrustedClock(source, server=False, floor=last_recorded(db))


@dataclass(frozen=True)
class ClockNews:
    """What one look at the clocks found: jumps just recorded, and the wall clock's offset."""

    jumps: list[ClockJump]
    offset: dt.timedelta

    @property
    def skewed(self) -> bool:
        return abs(self.offset) > SKEW_WARNING


def duration(seconds: float) -> str:
    seconds = abs(round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return message("clock.hours_minutes", hours=hours, minutes=minutes)
    if minutes:
        return message("clock.minutes_seconds", minutes=minutes, seconds=secs)
    return message("clock.seconds", seconds=secs)


def jump_sentence(jump: ClockJump) -> str:
    """The operator's sentence for a jump."""
    if jump.at_start:
        return message("clock.behind_record", amount=duration(jump.seconds))
    key = "clock.jumped_back" if jump.seconds < 0 else "clock.jumped_forward"
    return message(key, amount=duration(jump.seconds))


def skew_sentence(offset: dt.timedelta) -> str:
    key = "clock.skew_ahead" if offset > dt.timedelta(0) else "clock.skew_behind"
    return message(key, amount=duration(offset.total_seconds()))


def clock_sentence(desk: bool, news: ClockNews, last_jump: str) -> str:
    """What the window says about the clock now: on a desk the last jump while the wall clock
    stays off the program's time, on a server a clock more than a minute off; else ""."""
    if desk:
        return last_jump if abs(news.offset) > JUMP_TOLERANCE else ""
    return skew_sentence(news.offset) if news.skewed else ""


def record_jump(ctx: Context, jump: ClockJump) -> None:
    """The jump enters the audit trail at the trusted time it happened."""
    writer = ctx if ctx.actor is not None else ctx.acting_as(Actor.system("clock"))
    with ctx.db.write() as s:
        audit.record(s, writer, "clock_jump", "clock", None, after={
            "wall": jump.wall, "trusted": jump.trusted, "offset_seconds": jump.seconds,
            "at_start": jump.at_start})


def watch(ctx: Context) -> ClockNews:
    """One look at the clocks (the scheduler does this every few seconds, a command once):
    a server clock is read again when due; a desk's jumps are recorded."""
    clock = ctx.clock
    if not isinstance(clock, TrustedClock):
        return ClockNews([], dt.timedelta(0))
    jumps: list[ClockJump] = []
    if clock.server:
        if clock.sync_due():
            clock.sync(ctx.db)
    else:
        if clock.start_jump is not None and not clock.start_recorded:
            clock.start_recorded = True
            jumps.append(clock.start_jump)
        jump = clock.observe()
        if jump is not None:
            jumps.append(jump)
        for found in jumps:
            log.warning("clock jump: %s", jump_sentence(found))
            record_jump(ctx, found)
    return ClockNews(jumps, clock.wall_offset)


@dataclass(frozen=True)
class RecordedJump:
    at: dt.datetime
    actor: str
    offset_seconds: int
    at_start: bool
    wall: str


def recorded_jumps(ctx: Context, limit: int = 50) -> list[RecordedJump]:
    """The clock jumps in the audit trail, newest first (``check`` lists them)."""
    with ctx.db.read() as s:
        rows = s.scalars(select(AuditEvent).where(AuditEvent.action == "clock_jump")
                         .order_by(AuditEvent.seq.desc()).limit(limit))
        return [RecordedJump(r.at, r.actor, int((r.after or {}).get("offset_seconds", 0)),
                             bool((r.after or {}).get("at_start")), str((r.after or {}).get("wall", "")))
                for r in rows]
