"""How the scheduler tells the UI: a small callback interface.

The UI implements it by emitting Qt signals, so no Qt object is touched from a worker thread.
"""

from __future__ import annotations

from typing import Protocol

from app.domain.errors import DatabaseDamaged


class SchedulerListener(Protocol):
    def health_problem(self, message: str) -> None:
        """The background check found a problem (a broken chain or anchor, a failed backup)."""

    def database_damaged(self, error: DatabaseDamaged) -> None:
        """The background check found the file damaged; writes are stopped already, and
        ``error.latest_backup`` is the backup to offer (None when there is none)."""

    def housekeeping_done(self, backup_path: str | None) -> None:
        """The daily housekeeping ran; ``backup_path`` when it took a backup."""

    def alarm(self, deadline_id: int, stage: str) -> None:
        """A deadline reached ``stage`` (notice, urgent, due, overdue) and nobody has seen it."""

    def deadlines_changed(self) -> None:
        """The open deadlines changed (here, on the command line or on another workstation)."""

    def alarm_silenced(self, deadline_id: int) -> None:
        """An alarm stopped: acknowledged here or on another workstation, or the deadline closed."""

    def clock_news(self, message: str) -> None:
        """What is wrong with the clock now (a jump, a clock off the server's), or "" when nothing."""


class NullListener:
    def health_problem(self, message: str) -> None:
        pass

    def database_damaged(self, error: DatabaseDamaged) -> None:
        pass

    def housekeeping_done(self, backup_path: str | None) -> None:
        pass

    def alarm(self, deadline_id: int, stage: str) -> None:
        pass

    def deadlines_changed(self) -> None:
        pass

    def alarm_silenced(self, deadline_id: int) -> None:
        pass

    def clock_news(self, message: str) -> None:
        pass
