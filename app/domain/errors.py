"""Errors of the three kinds (STYLE.md): the user's input, the environment, and our bugs.

``InputError`` carries one or more ``Problem`` objects and means nothing was written.
``EnvironmentProblem`` means the disk, the file or the server is to blame. Anything else is a bug.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Protocol

from app.domain.messages import Problem, text


class DutyDeskError(Exception):
    """Base of the errors that carry a sentence for the operator."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class InputError(DutyDeskError):
    """The operator's input is wrong; nothing was written."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = problems if isinstance(problems, list) else [problems]
        super().__init__("\n".join(p.message() for p in self.problems))


class PermissionDenied(DutyDeskError):
    """The operator's role does not allow this action."""


class SignInRequired(PermissionDenied):
    """A write with nobody signed in (the command line on a shared server without --user)."""

    def __init__(self) -> None:
        super().__init__(text("sign_in_required"))


class StaleRecord(DutyDeskError):
    """Another workstation changed the record meanwhile (version column mismatch)."""

    def __init__(self) -> None:
        super().__init__(text("stale"))


class NotFound(DutyDeskError):
    pass


class SignInFailed(DutyDeskError):
    """Wrong credentials, a throttled account or an inactive user."""

    def __init__(self, message: str, retry_after_seconds: int = 0) -> None:
        super().__init__(message)
        self.retry_after_seconds = retry_after_seconds


class EnvironmentProblem(DutyDeskError):
    """The environment is to blame (file damaged, locked, disk full): a sentence, nothing lost."""


class GoodBackup(Protocol):
    """A backup copy of the database that passes the integrity check (the backup service's
    ``BackupFile`` is one)."""

    @property
    def path(self) -> Path: ...

    @property
    def taken_at(self) -> dt.datetime: ...


class DatabaseDamaged(EnvironmentProblem):
    """The database file fails its integrity check or is no database at all.

    ``latest_backup`` is the newest good copy to offer instead, when one was found.
    """

    def __init__(self, message: str, latest_backup: GoodBackup | None = None) -> None:
        super().__init__(message)
        self.latest_backup = latest_backup


class DatabaseUnavailable(EnvironmentProblem):
    """The database cannot be used right now (busy, disk full, read-only, server gone); the
    operator may retry. Nothing of the failed action was written."""
