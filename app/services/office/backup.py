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
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from app.domain.errors import DatabaseDamaged, EnvironmentProblem, InputError
from app.domain.messages import Problem, text
from app.models.db import SQLITE_HEADER

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
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_suffix(dest.suffix + ".part")
    tmp.unlink(missing_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=30)
    try:
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    tmp.replace(dest)


def backup_to(db_path: Path, dest: Path) -> Path:
    """Copy a healthy database to ``dest`` (refused if the file fails quick_check)."""
    problem = file_problem(db_path)
    if problem:
        raise DatabaseDamaged(text("backup.refused", detail=problem))
    try:
        _copy(db_path, dest)
    except (OSError, sqlite3.Error) as exc:
        raise EnvironmentProblem(str(exc)) from exc
    log.info("backup of %s written to %s", db_path, dest)
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
    backup_to(db_path, dest)
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


def restore(db_path: Path, source: Path, now: dt.datetime) -> Path:
    """Replace the database with ``source`` after checking it; the replaced file is kept.

    Returns where the replaced file was kept.
    """
    source = source.resolve()
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
    kept = backup_dir(db_path) / f"{db_path.stem}-{now.astimezone(dt.UTC).strftime(_STAMP)}-replaced.db"
    kept.parent.mkdir(parents=True, exist_ok=True)
    try:
        if db_path.exists():
            # A plain copy: the file being replaced may be the damaged one.
            shutil.copy2(db_path, kept)
            for suffix in ("-wal", "-shm"):
                side = Path(str(db_path) + suffix)
                if side.exists():
                    shutil.copy2(side, Path(str(kept) + suffix))
                    side.unlink()
            db_path.unlink()
        _copy(source, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise EnvironmentProblem(str(exc)) from exc
    log.info("restored %s from %s; replaced file kept at %s", db_path, source, kept)
    return kept
