"""Backups of the SQLite file: online copies, rotation, the latest good one, restore.

Copies use SQLite's online backup API, so they are consistent while the program runs. A copy
is only ever taken from a file that passes ``quick_check``. Automatic copies live in
``backups/`` beside the database: before every migration and daily, keeping 7 daily and 4
weekly ones. Replaced files (restore) and manual copies are never deleted automatically.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import DatabaseDamaged, EnvironmentProblem, InputError
from app.domain.messages import Problem, text
from app.export.files import atomic_write
from app.models.db import SQLITE_HEADER
from app.services.office import anchor_file

log = logging.getLogger(__name__)

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_PREMIGRATION = 5
_STAMP = "%Y%m%dT%H%M%SZ"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: dt.datetime
    kind: str  # daily, premigration, manual, replaced


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def read_header_ok(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(16) == SQLITE_HEADER
    except OSError:
        return False


def file_problem(path: Path) -> str | None:
    """None if ``path`` is a readable SQLite file passing quick_check, else a sentence."""
    if not path.exists():
        return text("db.missing", path=path)
    if path.stat().st_size and not read_header_ok(path):
        return text("db.not_sqlite", path=path)
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return text("db.damaged", detail=exc)
    if rows != ["ok"]:
        return text("db.damaged", detail="; ".join(map(str, rows[:3])))
    return None


def _copy(source: Path, dest: Path) -> None:
    """A consistent copy through SQLite's online backup API, whole or absent: written under a
    temporary name beside ``dest`` and renamed into place (never a half-written ``.part``)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(dest) as tmp:
        _copy_into(source, tmp)


def companions(db_path: Path) -> list[Path]:
    """The files that belong to a database: itself, its WAL and shared memory, its lock and
    its anchors."""
    return [db_path, *(db_path.with_name(db_path.name + s)
                       for s in ("-wal", "-shm", "-journal", ".lock", ".anchors"))]


def same_file(a: Path, b: Path) -> bool:
    """True when ``a`` and ``b`` are one file: the same path, a symbolic link or a hard link."""
    try:
        if a.exists() and b.exists():
            return os.path.samefile(a, b)
    except OSError:
        pass
    return a.resolve() == b.resolve()


def is_part_of(db_path: Path, other: Path) -> bool:
    """True when ``other`` is the database or one of its companion files."""
    return any(same_file(other, p) for p in companions(db_path))


def backup_to(db_path: Path, dest: Path, now: dt.datetime | None = None) -> Path:
    """Copy a healthy database to ``dest`` (refused if the file fails quick_check, and when
    ``dest`` is the live database itself, however it is named). The copy's chain heads are
    appended to the anchors file."""
    if is_part_of(db_path, dest):
        raise InputError(Problem("backup.self_target", "output", {"value": str(dest)}))
    problem = file_problem(db_path)
    if problem:
        raise DatabaseDamaged(text("backup.refused", detail=problem))
    try:
        _copy(db_path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise EnvironmentProblem(text("backup.failed", path=dest, detail=exc)) from exc
    log.info("backup of %s written to %s", db_path, dest)
    anchor_file.record_file(db_path, dest, "backup", now or dt.datetime.now(dt.UTC),
                            backup=dest.name)
    return dest


def list_backups(db_path: Path) -> list[BackupFile]:
    """Every backup beside ``db_path``, newest first."""
    found: list[BackupFile] = []
    folder = backup_dir(db_path)
    if not folder.is_dir():
        return found
    prefix = db_path.stem + "-"
    for p in folder.glob(f"{prefix}*.db"):
        parts = p.stem[len(prefix):].split("-")
        if len(parts) != 2:
            continue
        try:
            taken = dt.datetime.strptime(parts[0], _STAMP).replace(tzinfo=dt.UTC)
        except ValueError:
            continue
        found.append(BackupFile(p, taken, parts[1]))
    found.sort(key=lambda b: b.taken_at, reverse=True)
    return found


def auto_backup(db_path: Path, kind: str, now: dt.datetime) -> Path:
    """Take a backup of ``kind`` into the backups folder and rotate old ones."""
    dest = backup_dir(db_path) / f"{db_path.stem}-{now.astimezone(dt.UTC).strftime(_STAMP)}-{kind}.db"
    backup_to(db_path, dest, now)
    rotate(db_path)
    return dest


def has_daily_backup(db_path: Path, day: dt.date, tz: dt.tzinfo) -> bool:
    return any(
        b.kind == "daily" and b.taken_at.astimezone(tz).date() == day for b in list_backups(db_path)
    )


def rotate(db_path: Path) -> list[Path]:
    """Delete automatic backups beyond 7 daily, 4 weekly and 5 pre-migration ones."""
    backups = list_backups(db_path)
    keep: set[Path] = set()
    daily = [b for b in backups if b.kind == "daily"]
    days: list[dt.date] = []
    weeks: list[tuple[int, int]] = []
    for b in daily:  # newest first: the first file of a day or week is the one kept
        day = b.taken_at.date()
        iso = b.taken_at.isocalendar()
        week = (iso.year, iso.week)
        if day not in days and len(days) < KEEP_DAILY:
            days.append(day)
            keep.add(b.path)
        if week not in weeks and len(weeks) < KEEP_WEEKLY:
            weeks.append(week)
            keep.add(b.path)
    keep.update(b.path for b in [b for b in backups if b.kind == "premigration"][:KEEP_PREMIGRATION])
    removed = []
    for b in backups:
        if b.kind in ("daily", "premigration") and b.path not in keep:
            with contextlib.suppress(OSError):
                b.path.unlink()
                removed.append(b.path)
    return removed


def latest_good_backup(db_path: Path) -> BackupFile | None:
    """The newest backup that passes quick_check (replaced files are never offered)."""
    for b in list_backups(db_path):
        if b.kind != "replaced" and file_problem(b.path) is None:
            return b
    return None


def check_source(db_path: Path, source: Path) -> None:
    """InputError when ``source`` cannot be restored onto ``db_path``."""
    if not source.exists():
        raise InputError(Problem("restore.no_file", None, {"path": source}))
    if source.is_dir():
        raise InputError(Problem("restore.is_dir", None, {"path": source}))
    if is_part_of(db_path, source):
        raise InputError(Problem("restore.same_file", None, {"path": source, "db": db_path}))
    if not db_path.parent.is_dir():
        raise InputError(Problem("output.no_folder", "db", {"value": str(db_path.parent)}))
    problem = file_problem(source)
    if problem:
        raise InputError(Problem("restore.bad_file", None, {"path": source, "detail": problem}))
    conn = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        has_version = conn.execute(
            "SELECT count(*) FROM sqlite_master WHERE name = 'alembic_version'"
        ).fetchone()[0]
    finally:
        conn.close()
    if not has_version:
        raise InputError(Problem("restore.bad_file", None,
                                 {"path": source, "detail": text("db.no_schema")}))


def _fsync_copy(source: Path, dest: Path) -> None:
    shutil.copy2(source, dest)
    with dest.open("rb") as fh:
        os.fsync(fh.fileno())


def restore(db_path: Path, source: Path, now: dt.datetime) -> Path | None:
    """Replace the database with ``source`` after checking it; the replaced file is kept.

    The caller holds the database's instance lock (no program has it open). Crash-safe in
    this order: the new file is copied whole beside the database first; the old file and its
    WAL are copied into the backups folder; the old WAL is removed (its frames must never be
    replayed into the new file); then the new file is renamed into place. At every moment
    either the old database or the new one is whole at ``db_path``, and the old one is kept.
    Returns where the replaced file was kept (None when there was none).
    """
    source = source.expanduser().resolve()
    check_source(db_path, source)
    kept = backup_dir(db_path) / f"{db_path.stem}-{now.astimezone(dt.UTC).strftime(_STAMP)}-replaced.db"
    try:
        with atomic_write(db_path) as fresh:
            _copy_into(source, fresh)
            if db_path.exists():
                kept.parent.mkdir(parents=True, exist_ok=True)
                # A plain copy: the file being replaced may be the damaged one.
                _fsync_copy(db_path, kept)
                for suffix in ("-wal", "-shm"):
                    side = Path(str(db_path) + suffix)
                    if side.exists():
                        if suffix == "-wal":
                            _fsync_copy(side, Path(str(kept) + suffix))
                        side.unlink()
    except (OSError, sqlite3.Error) as exc:
        raise EnvironmentProblem(text("restore.failed", path=db_path, detail=exc)) from exc
    log.info("restored %s from %s; replaced file kept at %s", db_path, source, kept)
    return kept if kept.exists() else None


def _copy_into(source: Path, dest: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(dest)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
