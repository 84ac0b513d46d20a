"""The live channel: change events in, in a background thread (DESIGN.md "Several workstations").

On PostgreSQL a connection of its own ``LISTEN``\\s on the channel ``dutydesk``; every change
event arrives the moment its transaction commits. The same thread beats the workstation's
heart (``last_seen``) and pings the server every couple of seconds, so a server that goes away
is noticed at once; it then reconnects with a growing pause (½, 1, 2 s, then every 2 s),
replays from the audit trail every event it missed, and says how long it was away. Polling
the audit trail is that fallback.

On SQLite (one desk) the events of this process come straight from the commit, and the audit
trail is read every second for those of other processes (the command line).
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

from app.domain.errors import DutyDeskError
from app.domain.live_events import CHANNEL, ChangeEvent, from_payload
from app.live.listener import LiveListener, NullLiveListener
from app.services.context import Context
from app.services.office import changes, workstations

if TYPE_CHECKING:
    import psycopg

log = logging.getLogger(__name__)

BACKOFF_START = 0.5
BACKOFF_MAX = 2.0
PING_SECONDS = 2.0
POLL_SECONDS = 1.0
WAIT_SECONDS = 0.25  # how often the listening loop looks up from the socket


def _tick() -> float:
    """The thread's own pacing (polls, pings, beats, how long the server was away): real
    seconds, whatever clock the records are stamped with (a test's fixed clock included)."""
    return time.monotonic()


def backoff(attempt: int) -> float:
    """The pause before reconnection attempt ``attempt`` (1, 2, …)."""
    return min(BACKOFF_START * 2 ** (attempt - 1), BACKOFF_MAX)


def conninfo(ctx: Context) -> str:
    """libpq's connection URI for the database ``ctx`` uses (with its password)."""
    return ctx.db.url.set(drivername="postgresql").render_as_string(hide_password=False)


class LiveChannel:
    """Hears every change on the database of ``ctx`` and tells ``listener``."""

    def __init__(self, ctx: Context, listener: LiveListener | None = None, *,
                 register: bool = True, heartbeat_seconds: float = workstations.HEARTBEAT_SECONDS) -> None:
        self.ctx = ctx
        self.listener: LiveListener = listener or NullLiveListener()
        self.register = register
        self.heartbeat_seconds = heartbeat_seconds
        self.connected = False
        self.seq: int | None = None  # the newest event heard: none is heard twice
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._inbox: queue.Queue[ChangeEvent] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="dutydesk-live", daemon=True)
        self._next_beat = 0.0

    # --- life ------------------------------------------------------------------------
    def start(self, wait: float = 5.0) -> None:
        """Start listening; returns once listening (or after ``wait`` seconds)."""
        if self.ctx.db.is_sqlite:
            self.ctx.db.change_subscribers.append(self._inbox.put)
        self._thread.start()
        self._ready.wait(wait)

    def stop(self, timeout: float = 5.0) -> None:
        """Stop listening; a registered workstation leaves (when the server answers)."""
        self._stop.set()
        if self._inbox.put in self.ctx.db.change_subscribers:
            self.ctx.db.change_subscribers.remove(self._inbox.put)
        if self._thread.is_alive():
            self._thread.join(timeout)
        if self.register and self.connected:
            try:
                workstations.leave(self.ctx)
            except DutyDeskError:
                log.warning("could not tell the server this workstation leaves", exc_info=True)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        try:
            if self.ctx.db.is_sqlite:
                self._run_desk()
            else:
                self._run_server()
        except Exception:  # the thread must never die silently
            log.exception("the live channel stopped")
        finally:
            self._ready.set()

    # --- what both do ---------------------------------------------------------------
    def _deliver(self, events: Iterable[ChangeEvent]) -> None:
        for event in sorted(events, key=lambda e: e.seq):
            if self.seq is not None and event.seq and event.seq <= self.seq:
                continue
            if event.seq:
                self.seq = event.seq
            try:
                self.listener.changed(event)
            except Exception:
                log.exception("live listener failed on %s", event.event)
            if "workstations" in event.topics:
                self._publish_workstations()

    def _publish_workstations(self) -> None:
        self.listener.workstations(workstations.online(self.ctx))

    def _catch_up(self) -> None:
        """Hear what was missed (everything after the newest event heard)."""
        if self.seq is None:
            self.seq = changes.last_seq(self.ctx)
            return
        while True:
            missed = changes.events_after(self.ctx, self.seq)
            if not missed:
                return
            self._deliver(missed)

    def _beat_if_due(self, now: float, *, force: bool = False) -> None:
        if force or now >= self._next_beat:
            self._next_beat = now + self.heartbeat_seconds
            if self.register:
                workstations.heartbeat(self.ctx)
            self._publish_workstations()

    # --- a single desk --------------------------------------------------------------------
    def _run_desk(self) -> None:
        self._catch_up()
        if self.register:
            workstations.register(self.ctx)
        self.connected = True
        self._ready.set()
        next_poll = _tick() + POLL_SECONDS
        while not self._stop.is_set():
            try:
                self._deliver([self._inbox.get(timeout=WAIT_SECONDS)])
                continue
            except queue.Empty:
                pass
            now = _tick()
            try:
                if now >= next_poll:
                    next_poll = now + POLL_SECONDS
                    self._catch_up()
                self._beat_if_due(now)
            except DutyDeskError:
                log.warning("the database did not answer the live channel", exc_info=True)

    # --- a shared server ------------------------------------------------------------------
    def _run_server(self) -> None:
        import psycopg  # the server's driver: an optional dependency, needed only here

        attempt = 0
        lost_at: float | None = None
        while not self._stop.is_set():
            try:
                with psycopg.connect(conninfo(self.ctx), autocommit=True, connect_timeout=5,
                                     keepalives=1, keepalives_idle=5, keepalives_interval=2,
                                     keepalives_count=2, tcp_user_timeout=5000) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self._connected(lost_at)
                    lost_at, attempt = None, 0
                    self._listen(conn)
            except Exception as exc:  # whatever broke, the channel reconnects; never dies
                if self._stop.is_set():
                    break
                if not isinstance(exc, psycopg.Error | DutyDeskError | OSError):
                    log.exception("live channel failed")
                self.connected = False
                lost_at = _tick() if lost_at is None else lost_at
                attempt += 1
                delay = backoff(attempt)
                log.warning("live channel: server unreachable (attempt %s, next in %.1f s): %s",
                            attempt, delay, exc)
                self.listener.connection_lost(attempt, delay)
                self._ready.set()
                self._stop.wait(delay)

    def _connected(self, lost_at: float | None) -> None:
        """Listening again: replay what was missed, beat, say so."""
        first = self.seq is None
        self._catch_up()
        if first and self.register:
            workstations.register(self.ctx)
        self._beat_if_due(_tick(), force=True)
        self.connected = True
        self._ready.set()
        if lost_at is not None:
            away = _tick() - lost_at
            log.info("live channel: server back after %.1f s", away)
            self.listener.connection_back(away)

    def _listen(self, conn: psycopg.Connection) -> None:
        next_ping = _tick() + PING_SECONDS
        while not self._stop.is_set():
            for notice in conn.notifies(timeout=WAIT_SECONDS):
                try:
                    self._deliver([from_payload(notice.payload)])
                except ValueError:
                    log.warning("not a change event on %s: %r", CHANNEL, notice.payload[:200])
            now = _tick()
            if now >= next_ping:
                next_ping = now + PING_SECONDS
                conn.execute("SELECT 1")  # a server gone away is noticed here
            self._beat_if_due(now)
