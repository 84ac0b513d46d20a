"""The clock every service reads, passed in so tests move time instead of sleeping.

A clock tells two times: ``now()``, the time of day (UTC) that records carry, and
``monotonic()``, seconds that only ever go forward (only differences between two readings
mean anything). Waiting (sign-in throttling) and noticing a jump of the wall clock use the
second, so a wall clock that is set back or forward neither locks anyone out nor turns an
on-time report late (DESIGN.md "Data", trusted time).

``AnchoredClock`` is the trusted time: a known time of day (the server's clock, or the
machine's clock at start, never earlier than the last time recorded) carried forward by the
monotonic clock. It notices when the wall clock jumps away from it.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass
from typing import Protocol

JUMP_TOLERANCE = dt.timedelta(minutes=2)  # DESIGN.md: back more than 2 minutes is a jump


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current time, timezone-aware (UTC)."""
        ...

    def monotonic(self) -> float:
        """Seconds that never go back, whatever the wall clock does."""
        ...


def _monotonic_source() -> float:
    # CLOCK_BOOTTIME keeps counting while the machine sleeps (CLOCK_MONOTONIC stops on
    # Linux), so a laptop waking up is not taken for a forward jump of the wall clock.
    if hasattr(time, "CLOCK_BOOTTIME"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    return time.monotonic()


class SystemClock:
    """The machine's wall clock and its monotonic clock."""

    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    def monotonic(self) -> float:
        return _monotonic_source()


class FixedClock:
    """A clock that only moves when told to (tests, benchmarks).

    ``advance`` is time passing (both clocks move); ``set`` moves only the wall clock, as
    someone setting the system clock does.
    """

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start.astimezone(dt.UTC)
        self._mono = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, delta: dt.timedelta) -> None:
        self._now += delta
        self._mono += delta.total_seconds()

    def set(self, when: dt.datetime) -> None:
        self._now = when.astimezone(dt.UTC)


@dataclass(frozen=True)
class ClockJump:
    """The wall clock left the trusted time: ``offset`` is wall minus trusted at ``trusted``
    (negative: the wall clock went back)."""

    trusted: dt.datetime
    wall: dt.datetime
    offset: dt.timedelta
    at_start: bool = False  # found at start: the wall clock is behind the last recorded time

    @property
    def seconds(self) -> int:
        return int(self.offset.total_seconds())


class AnchoredClock:
    """The trusted time: an anchor (a time of day and the monotonic reading taken with it)
    carried forward by the monotonic clock of ``source``.

    ``observe()`` compares the wall clock of ``source`` with the trusted time and returns a
    ClockJump the first time they part by more than the tolerance; a smaller step (NTP) is
    followed quietly. ``reanchor()`` moves the anchor (a new reading of the server's clock).
    Thread-safe: the GUI, the scheduler and the live channel read it at once.
    """

    def __init__(self, source: Clock, *, anchor: dt.datetime | None = None,
                 floor: dt.datetime | None = None,
                 tolerance: dt.timedelta = JUMP_TOLERANCE) -> None:
        self.source = source
        self.tolerance = tolerance
        self._lock = threading.Lock()
        wall = source.now()
        start = anchor or wall
        self.start_jump: ClockJump | None = None
        if floor is not None and start < floor - tolerance:
            # Behind a time already on record: the clock was set back while we were closed.
            self.start_jump = ClockJump(floor, wall, wall - floor, at_start=True)
            start = floor
        self._anchor = start
        self._anchor_mono = source.monotonic()
        self._offset = wall - start  # wall minus trusted, as last accepted
        self.jumps: list[ClockJump] = []

    def now(self) -> dt.datetime:
        with self._lock:
            return self._anchor + dt.timedelta(seconds=self.source.monotonic() - self._anchor_mono)

    def monotonic(self) -> float:
        return self.source.monotonic()

    def reanchor(self, when: dt.datetime, mono: float | None = None) -> None:
        """The trusted time was ``when`` at the monotonic reading ``mono`` (default: now)."""
        with self._lock:
            self._anchor = when.astimezone(dt.UTC)
            self._anchor_mono = self.source.monotonic() if mono is None else mono
            self._offset = self.source.now() - self._anchor_now()

    def _anchor_now(self) -> dt.datetime:
        return self._anchor + dt.timedelta(seconds=self.source.monotonic() - self._anchor_mono)

    @property
    def wall_offset(self) -> dt.timedelta:
        """The machine's wall clock minus the trusted time, now."""
        with self._lock:
            return self.source.now() - self._anchor_now()

    def observe(self) -> ClockJump | None:
        """A jump of the wall clock since the last look, or None.

        A step bigger than the tolerance is reported once, and the trusted time goes on
        without it: nothing recorded meanwhile turns late or on time because of it.
        """
        with self._lock:
            wall = self.source.now()
            trusted = self._anchor_now()
            offset = wall - trusted
            change = offset - self._offset
            if abs(change) <= self.tolerance:
                return None
            self._offset = offset
            jump = ClockJump(trusted, wall, change)
            self.jumps.append(jump)
            return jump
