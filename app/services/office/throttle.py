"""Sign-in throttling that slows guessing but never locks the duty desk out for long.

Kept per workstation (this process) on the monotonic clock (DESIGN.md "Data"): a wall clock
that jumped and was corrected locks no one out, and wrong passwords typed at one workstation
never hold up another. After ``FREE_ATTEMPTS`` wrong passwords each further attempt waits 1,
2, 4 … seconds; on the duty desk at most ``DUTY_DESK_MAX_WAIT``, so the officer on duty, with
the right password, is never refused for longer than that, whoever mistyped before; on other
workstations up to ``MAX_WAIT``. The count of wrong passwords is also kept on the user (and in
the audit trail), so a restart does not start it from nothing.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable

FREE_ATTEMPTS = 3
DUTY_DESK_MAX_WAIT = 5
MAX_WAIT = 300


class Throttle:
    """Wrong passwords per user name, and when the next attempt may come."""

    def __init__(self, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.monotonic = monotonic
        # None: decided by the database (a file: this is the duty desk; a server: not,
        # unless the workstation's settings say it is the duty desk).
        self.duty_desk: bool | None = None
        self._failures: dict[str, int] = {}
        self._not_before: dict[str, float] = {}
        self._lock = threading.Lock()

    def limit(self, single_desk: bool) -> int:
        """The longest wait on this workstation."""
        desk = single_desk if self.duty_desk is None else self.duty_desk
        return DUTY_DESK_MAX_WAIT if desk else MAX_WAIT

    def wait(self, key: str) -> int:
        """Whole seconds before ``key`` may try again (0: now)."""
        with self._lock:
            left = self._not_before.get(key, 0.0) - self.monotonic()
        return math.ceil(left) if left > 0 else 0

    def failed(self, key: str, recorded: int, limit: int) -> int:
        """Count a wrong password (``recorded``: the user's count so far, kept in the
        database); the seconds the next attempt must wait."""
        with self._lock:
            failures = max(self._failures.get(key, 0), recorded - 1) + 1
            self._failures[key] = failures
            wait = 0 if failures < FREE_ATTEMPTS else min(limit, 2 ** (failures - FREE_ATTEMPTS))
            self._not_before[key] = self.monotonic() + wait
        return wait

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
            self._not_before.pop(key, None)


THROTTLE = Throttle()
