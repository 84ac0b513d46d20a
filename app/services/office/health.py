"""Opening the database safely, and the full health check behind ``dutydesk check``.

Start-up stays fast: the file header and the schema version. The full ``quick_check`` runs in
``check``, after an unclean shutdown and daily in the background. Migrations run after an
automatic backup, taken only from a healthy file.
"""

from __future__ import annotations

import contextlib
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect

from app.domain.clock import Clock, SystemClock
from app.domain.errors import DatabaseDamaged, EnvironmentProblem
from app.domain.messages import text
from app.models import schema
from app.models.db import Database, resolve_url, sqlite_path
from app.services.context import Context
from app.services.office import audit, backup, duty_chain

log = logging.getLogger(__name__)


def _damaged(db_path: Path | None, detail: str) -> DatabaseDamaged:
    return DatabaseDamaged(detail, backup.latest_good_backup(db_path) if db_path else None)


def running_marker(db_path: Path) -> Path:
    """Present while the desktop program has the database open; left behind by a crash."""
    return db_path.with_name(db_path.name + ".running")


@dataclass
class OpenResult:
    db: Database
    migrated_from: str | None = None
    backup_taken: Path | None = None
    full_check_ran: bool = False
    notes: list[str] = field(default_factory=list)


def open_database(
    target: str | Path | None,
    clock: Clock | None = None,
    *,
    migrate: bool = True,
    full_check: bool = False,
) -> OpenResult:
    """Open (and create or upgrade) the database; DatabaseDamaged if the file is unusable.

    ``full_check`` forces ``quick_check``; it is forced anyway after an unclean shutdown.
    """
    clock = clock or SystemClock()
    url = resolve_url(target)
    db = Database(url)
    path = db.path
    result = OpenResult(db)
    try:
        if path is not None and path.exists() and path.stat().st_size:
            if not backup.read_header_ok(path):
                raise _damaged(path, text("db.not_sqlite", path=path))
            if full_check or running_marker(path).exists():
                result.full_check_ran = True
                problem = db.quick_check()
                if problem:
                    raise _damaged(path, text("db.damaged", detail=problem))
        elif path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        current = schema.current_revision(db)
        head = schema.head_revision(db)
        if current == head:
            return result
        if current is None:
            with db.engine.connect() as conn:
                tables = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
            if tables:
                raise EnvironmentProblem(text("db.no_schema"))
        elif current not in schema.known_revisions(db):
            raise EnvironmentProblem(text("db.schema_unknown", current=current))
        if not migrate:
            return result
        if current is not None and path is not None:
            result.backup_taken = backup.auto_backup(path, "premigration", clock.now())
        schema.upgrade(db)
        result.migrated_from = current
        return result
    except sa_exc.DatabaseError as exc:
        db.engine.dispose()
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        if "locked" in detail:
            raise EnvironmentProblem(text("db.locked", detail=detail)) from exc
        raise _damaged(path, text("db.damaged", detail=detail)) from exc
    except Exception:
        db.engine.dispose()
        raise


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    lines: list[str]


def check(target: str | Path | None) -> CheckReport:
    """Schema version, ``quick_check``, the audit and duty-log chains; a sentence for each problem."""
    url = resolve_url(target)
    db = Database(url)
    path = db.path
    lines: list[str] = []
    try:
        if path is not None:
            if not path.exists():
                return CheckReport(False, [text("db.missing", path=path)])
            if not backup.read_header_ok(path):
                return CheckReport(False, [text("db.not_sqlite", path=path), *_backup_hint(path)])
        problem = db.quick_check()
        if problem:
            return CheckReport(False, [text("db.damaged", detail=problem), *_backup_hint(path)])
        current = schema.current_revision(db)
        head = schema.head_revision(db)
        if current is None:
            return CheckReport(False, [text("db.no_schema")])
        if current != head:
            key = "db.schema_old" if current in schema.known_revisions(db) else "db.schema_unknown"
            lines.append(text(key, current=current, head=head))
            return CheckReport(False, lines)
        chain = audit.verify(Context(db))
        log_chain = duty_chain.verify(Context(db))
        broken = [line for line in (chain.sentence(), duty_chain.sentence(log_chain)) if line]
        if broken:
            return CheckReport(False, broken)
        return CheckReport(True, [text("db.healthy", version=head, audit=chain.count),
                                  text("dutylog.healthy", count=log_chain.count)])
    except sa_exc.DatabaseError as exc:
        detail = str(exc.orig) if exc.orig is not None else str(exc)
        return CheckReport(False, [text("db.damaged", detail=detail), *_backup_hint(path)])
    finally:
        db.engine.dispose()


def _backup_hint(path: Path | None) -> list[str]:
    if path is None:
        return []
    good = backup.latest_good_backup(path)
    if good is None:
        return [text("db.no_backup")]
    return [text("db.latest_backup", path=good.path, when=good.taken_at.strftime("%Y-%m-%d %H:%M UTC"))]


def mark_running(db_path: Path | None) -> None:
    if db_path is not None:
        running_marker(db_path).write_text(str(os.getpid()), encoding="ascii")


def mark_closed(db_path: Path | None) -> None:
    if db_path is not None:
        with contextlib.suppress(OSError):
            running_marker(db_path).unlink()


def restore_backup(target: str | Path | None, source: Path, clock: Clock | None = None) -> Path:
    """Put the backup ``source`` in place of the database ``target`` names (an SQLite file);
    the replaced file is kept. Returns where it was kept."""
    path = sqlite_path(resolve_url(target))
    if path is None:
        raise EnvironmentProblem(text("restore.not_sqlite_target"))
    return backup.restore(path, source, (clock or SystemClock()).now())
