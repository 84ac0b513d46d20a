"""One program per database on a workstation (DESIGN.md "Data").

An operating-system file lock (``filelock``: ``flock`` on Unix, ``msvcrt.locking`` on Windows)
on a file beside the database, held for the life of the process. The system drops it when the
process ends however it ends, so a crash never leaves a lock behind and whoever comes next
simply takes it over; a marker file that a crash leaves behind is what this replaces.

The desktop program holds it while it runs; ``restore`` and ``demo --force`` take it for the
time they replace the file, and refuse while a live program holds it. Other commands do not
take it: the command line may write while the window is open (its writes alarm there too).
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path

import filelock
from sqlalchemy.engine import URL

from app import paths
from app.domain.errors import EnvironmentProblem
from app.domain.messages import text
from app.models.db import resolve_url, sqlite_path

log = logging.getLogger(__name__)

LOCK_SUFFIX = ".lock"


def lock_path(url: URL) -> Path:
    """The lock file of a database: beside an SQLite file, in the data folder for a server."""
    path = sqlite_path(url)
    if path is not None:
        return path.with_name(path.name + LOCK_SUFFIX)
    where = url.render_as_string(hide_password=True)
    digest = hashlib.sha256(where.encode("utf-8")).hexdigest()[:16]
    return paths.data_dir() / "locks" / f"server-{digest}{LOCK_SUFFIX}"


def channel_name(url: URL) -> str:
    """A name for the running window's local channel (a second start knocks there)."""
    digest = hashlib.sha256(str(lock_path(url)).encode("utf-8")).hexdigest()[:16]
    return f"{paths.INSTANCE_LOCK_NAME}-{digest}"


class InstanceLock:
    """The lock of one database; ``acquire`` never waits."""

    def __init__(self, url: URL) -> None:
        self.path = lock_path(url)
        self._lock = filelock.FileLock(str(self.path), timeout=0)

    @property
    def held(self) -> bool:
        """True while this object holds the lock."""
        return self._lock.is_locked

    def acquire(self) -> bool:
        """Take the lock; False when a live process holds it. A lock left by a process that
        has ended is free again and simply taken over."""
        if self.held:
            return True
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._lock.acquire()
        except filelock.Timeout:
            return False
        except OSError as exc:  # a read-only folder, a full disk: the environment
            log.warning("cannot take the instance lock %s: %s", self.path, exc)
            raise EnvironmentProblem(text("instance.cannot_lock", path=self.path)) from exc
        return True

    def release(self) -> None:
        if self.held:
            self._lock.release(force=True)


def for_target(target: str | Path | None) -> tuple[InstanceLock, str]:
    """The lock of the database ``--db`` names, and its window's channel name."""
    url = resolve_url(target)
    return InstanceLock(url), channel_name(url)


def held_elsewhere(url: URL) -> bool:
    """True when a live process holds the lock of this database (nothing is left held)."""
    probe = InstanceLock(url)
    if not probe.path.exists():
        return False
    if probe.acquire():
        probe.release()
        return False
    return True
