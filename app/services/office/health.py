"""Opening the database safely, and the full health check behind ``dutydesk check``.

Start-up stays fast: the file header and the schema version, at once. ``quick_check`` and the
chain verification run in the background right after (housekeeping, started with the
scheduler); ``check`` runs everything in the foreground. Migrations run after an automatic
backup, taken only from a healthy file. A server that cannot be reached is not a damaged file:
it is said so (host, port, the driver's reason) and no backup is offered.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import exc as sa_exc
from sqlalchemy import inspect
from sqlalchemy.engine import URL

from app.domain.clock import Clock, SystemClock
from app.domain.errors import DatabaseDamaged, DatabaseUnavailable, EnvironmentProblem, InputError
from app.domain.messages import Problem, text
from app.models import schema
from app.models.db import Database, is_damage, resolve_url, sqlite_path
from app.services.context import Context
from app.services.office import anchors, audit, backup, duty_chain, instance

log = logging.getLogger(__name__)


def damaged(db_path: Path | None, message: str | None = None) -> DatabaseDamaged:
    """The damaged-file error with the latest good backup to offer (none for a server)."""
    good = backup.latest_good_backup(db_path) if db_path else None
    return DatabaseDamaged(message or text("db.damaged"), good)


def unreachable(url: URL, exc: BaseException) -> DatabaseUnavailable:
    """A server that cannot be reached: host, port and the driver's reason in one line."""
    orig = getattr(exc, "orig", None) or exc
    reason = " ".join(part.strip() for part in str(orig).splitlines() if part.strip())[:300]
    return DatabaseUnavailable(text("db.server_unreachable", host=url.host or "localhost",
                                    port=url.port or 5432, reason=reason))


@dataclass
class OpenResult:
    db: Database
    migrated_from: str | None = None
    backup_taken: Path | None = None
    full_check_ran: bool = False
    notes: list[str] = field(default_factory=list)


def require_file(path: Path | None, *, create: bool) -> None:
    """InputError when an SQLite database file is missing (unless it may be created) or is a
    folder; DatabaseDamaged when its header says it is no SQLite database."""
    if path is None:
        return
    if path.is_dir():
        raise InputError(Problem("db.is_dir", None, {"path": path}))
    if not path.exists() or not path.stat().st_size:
        if not create:
            raise InputError(Problem("db.missing_file", None, {"path": path}))
        return
    if not backup.read_header_ok(path):
        raise damaged(path, text("db.not_sqlite", path=path))


def open_database(
    target: str | Path | None,
    clock: Clock | None = None,
    *,
    migrate: bool = True,
    full_check: bool = False,
    create: bool = True,
) -> OpenResult:
    """Open (and upgrade) the database: the header and the schema version at once.

    ``create`` lets a missing file be created (the window's first start, ``demo``); otherwise a
    missing file is an InputError and nothing is created. ``full_check`` runs ``quick_check``
    here too (otherwise the background start-up check runs it). DatabaseDamaged for a damaged
    file, with the latest good backup; DatabaseUnavailable for a server that cannot be reached.
    """
    url = resolve_url(target)
    require_file(sqlite_path(url), create=create)
    db = connect(url)
    try:
        if db.path is not None:
            db.path.parent.mkdir(parents=True, exist_ok=True)
        result = OpenResult(db)
        if full_check:
            _full_check(db, result)
        _upgrade(db, result, clock or SystemClock(), migrate)
        return result
    except sa_exc.DBAPIError as exc:
        db.engine.dispose()
        raise translate(db, exc) from exc
    except BaseException:
        db.engine.dispose()
        raise


def connect(url: URL) -> Database:
    """The Database for ``url``; InputError when no installed driver knows the URL."""
    try:
        return Database(url)
    except (sa_exc.ArgumentError, sa_exc.NoSuchModuleError) as exc:
        raise InputError(Problem("db.bad_url", "db", {"value": url.render_as_string(
            hide_password=True)})) from exc


def translate(db: Database, exc: sa_exc.DBAPIError) -> EnvironmentProblem:
    """A driver error met while opening: damage, a busy file or a server out of reach."""
    log.warning("opening %s failed: %s", db.display_location, exc)
    if not db.is_sqlite:
        return unreachable(db.url, exc)
    if is_damage(exc):
        return damaged(db.path)
    detail = str(exc.orig if exc.orig is not None else exc)
    if "locked" in detail:
        return EnvironmentProblem(text("db.busy"))
    return DatabaseUnavailable(text("db.cannot_open", path=db.path))


def _full_check(db: Database, result: OpenResult) -> None:
    result.full_check_ran = True
    problem = db.quick_check()
    if problem:
        log.error("quick_check of %s: %s", db.path, problem)
        raise damaged(db.path)


def _upgrade(db: Database, result: OpenResult, clock: Clock, migrate: bool) -> None:
    current = schema.current_revision(db)
    if current == schema.head_revision(db):
        return
    if current is None:
        with db.engine.connect() as conn:
            tables = [t for t in inspect(conn).get_table_names() if not t.startswith("sqlite_")]
        if tables:
            raise EnvironmentProblem(text("db.no_schema"))
    elif current not in schema.known_revisions(db):
        raise EnvironmentProblem(text("db.schema_unknown", current=current))
    if not migrate:
        return
    if current is not None and db.path is not None:
        try:
            result.backup_taken = backup.auto_backup(db.path, "premigration", clock.now())
        except DatabaseDamaged as exc:  # no upgrade of a damaged file: offer the backup instead
            raise damaged(db.path) from exc
    schema.upgrade(db)
    result.migrated_from = current


@dataclass(frozen=True)
class CheckReport:
    ok: bool
    lines: list[str]


def check(target: str | Path | None, codes: tuple[str, ...] = ()) -> CheckReport:
    """Schema version, ``quick_check``, the audit and duty-log chains and every recorded chain
    anchor (and the printed ``codes`` given); a sentence for each problem."""
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is not None and not backup.read_header_ok(path):
        return CheckReport(False, [text("db.not_sqlite", path=path), *backup_hint(path)])
    db = connect(url)
    try:
        return _check(db, codes)
    except sa_exc.DBAPIError as exc:
        problem = translate(db, exc)
        hint = backup_hint(path) if isinstance(problem, DatabaseDamaged) else []
        return CheckReport(False, [problem.message, *hint])
    finally:
        db.engine.dispose()


def _check(db: Database, codes: tuple[str, ...]) -> CheckReport:
    problem = db.quick_check()
    if problem:
        log.error("quick_check of %s: %s", db.display_location, problem)
        return CheckReport(False, [text("db.damaged"), *backup_hint(db.path)])
    current, head = schema.current_revision(db), schema.head_revision(db)
    if current is None:
        return CheckReport(False, [text("db.no_schema")])
    if current != head:
        key = "db.schema_old" if current in schema.known_revisions(db) else "db.schema_unknown"
        return CheckReport(False, [text(key, current=current, head=head)])
    ctx = Context(db)
    chain = audit.verify(ctx)
    log_chain = duty_chain.verify(ctx)
    found = anchors.verify(ctx, codes)
    broken = [line for line in (chain.sentence(), duty_chain.sentence(log_chain)) if line]
    broken += found.problems()
    if broken:
        return CheckReport(False, broken)
    return CheckReport(True, [text("db.healthy", version=head, audit=chain.count),
                              text("dutylog.healthy", count=log_chain.count), *found.lines()])


def backup_hint(path: Path | None) -> list[str]:
    """The latest good backup and the command that restores it, exactly as it works."""
    if path is None:
        return []
    good = backup.latest_good_backup(path)
    if good is None:
        return [text("db.no_backup")]
    return [text("db.latest_backup", path=good.path, when=good.taken_at.strftime("%Y-%m-%d %H:%M UTC")),
            text("db.restore_command", db=path, path=good.path)]


def restore_backup(target: str | Path | None, source: Path, clock: Clock | None = None, *,
                   lock: instance.InstanceLock | None = None) -> Path | None:
    """Put the backup ``source`` in place of the database ``target`` names (an SQLite file);
    the replaced file is kept and its place returned.

    Refused while a live program holds the database (``lock``: the caller's own, held). The
    chain heads of the restored file are recorded as an anchor, so the anchors taken after the
    backup (whose entries the restore gives up) are no longer held against it.
    """
    url = resolve_url(target)
    path = sqlite_path(url)
    if path is None:
        raise EnvironmentProblem(text("restore.not_sqlite_target"))
    backup.check_source(path, source.expanduser().resolve())  # refused: nothing written at all
    own = lock if lock is not None and lock.held else instance.InstanceLock(url)
    if not own.acquire():
        raise EnvironmentProblem(text("instance.in_use", path=path))
    try:
        now = (clock or SystemClock()).now()
        kept = backup.restore(path, source, now)
        anchors.record_restore(path, source, now)
        return kept
    finally:
        if own is not lock:
            own.release()
