"""Engine, connection pragmas, sessions and migrations.

SQLite is opened with WAL, ``synchronous=FULL``, foreign keys and a busy timeout. Write
transactions begin IMMEDIATE on SQLite so that whoever appends to a hash chain holds the write
lock from the first statement; read transactions stay deferred. The same code runs on
PostgreSQL, where the chain head is locked with ``SELECT … FOR UPDATE`` instead.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import URL, make_url
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError
from sqlalchemy.pool import ConnectionPoolEntry

from app import paths
from app.domain.errors import (
    DatabaseDamaged,
    DatabaseUnavailable,
    DutyDeskError,
    InputError,
    StaleRecord,
)
from app.domain.live_events import ChangeEvent
from app.domain.messages import Problem
from app.domain.messages import text as message
from app.models import outbox

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000  # how long a write waits for another writer before "busy"
KEYRING_SERVICE = "dutydesk"


def resolve_url(target: str | Path | None) -> URL:
    """A database URL from ``--db``/``DUTYDESK_DB`` (a path or a URL), else the default file.

    A server URL without a password takes it from the system keyring (service ``dutydesk``,
    user ``<user>@<host>``), so no password is ever written into a file.
    """
    if target is None or str(target) == "":
        return make_url(f"sqlite:///{paths.default_db_path()}")
    target = str(target)
    if "://" not in target:
        return make_url(f"sqlite:///{Path(target).expanduser().resolve()}")
    try:
        url = make_url(target)
    except sa_exc.ArgumentError as exc:
        raise InputError(Problem("db.bad_url", "db", {"value": target})) from exc
    if url.get_backend_name() != "sqlite" and url.password is None and url.username:
        import keyring
        from keyring.errors import KeyringError

        try:
            secret = keyring.get_password(KEYRING_SERVICE, f"{url.username}@{url.host or 'localhost'}")
        except KeyringError as exc:  # no keyring on this machine: the server may not need one
            log.warning("no password from the system keyring: %s", exc)
            secret = None
        if secret:
            url = url.set(password=secret)
    return url


def sqlite_path(url: URL) -> Path | None:
    """The file behind an SQLite URL, or None for a server or an in-memory database."""
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)


def _sqlite_on_connect(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    # Let SQLAlchemy, not the driver, emit BEGIN (SQLAlchemy's documented pysqlite recipe),
    # so write transactions can begin IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


# What SQLite says of a damaged file (SQLITE_CORRUPT, SQLITE_NOTADB).
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt")


def is_damage(exc: BaseException) -> bool:
    """True when a driver error says the database file is damaged (not the environment)."""
    detail = str(getattr(exc, "orig", exc) or exc).lower()
    return any(word in detail for word in _DAMAGE_WORDS)


def environment_message(exc: BaseException) -> str:
    """The operator's sentence for a database error the environment is to blame for."""
    detail = str(getattr(exc, "orig", exc) or exc).lower()
    if "unable to open" in detail:
        return message("db.cannot_open_any")
    if "locked" in detail or "busy" in detail:
        return message("db.busy")
    if "full" in detail:
        return message("db.disk_full")
    if "readonly" in detail or "read-only" in detail or "read only" in detail:
        return message("db.read_only")
    if "disk i/o" in detail or "i/o error" in detail:
        return message("db.io_error")
    return message("db.server_gone")


# The driver's own errors of the environment, when they escape SQLAlchemy's wrapping (the
# sqlite3 backup API, a raw connection).
_DRIVER_ENVIRONMENT_ERRORS: tuple[type[Exception], ...] = (sqlite3.OperationalError,
                                                          sqlite3.InterfaceError)
_ENVIRONMENT_ERRORS: tuple[type[Exception], ...] = (
    sa_exc.OperationalError, sa_exc.InterfaceError, *_DRIVER_ENVIRONMENT_ERRORS)
_DAMAGE_ERRORS: tuple[type[Exception], ...] = (sa_exc.DatabaseError, sqlite3.DatabaseError)
_TRANSLATED: tuple[type[Exception], ...] = (StaleDataError, *_ENVIRONMENT_ERRORS, *_DAMAGE_ERRORS)


def translate_error(exc: BaseException) -> DutyDeskError | None:
    """The operator's error for a database exception, or None when ``exc`` is not one of the
    kinds of the boundary (a bug, or already translated): a stale version, a damaged file, an
    error of the environment."""
    if isinstance(exc, StaleDataError):
        return StaleRecord()
    if isinstance(exc, _DAMAGE_ERRORS) and is_damage(exc):
        return DatabaseDamaged(message("db.damaged"))
    if isinstance(exc, _ENVIRONMENT_ERRORS):
        return DatabaseUnavailable(environment_message(exc))
    return None


def is_database_error(exc: BaseException) -> bool:
    """True for SQLAlchemy's and the drivers' exceptions, whose text never reaches a screen."""
    module = type(exc).__module__.split(".")[0]
    return module in ("sqlalchemy", "sqlite3", "psycopg", "psycopg2")


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    """The database boundary (DESIGN.md "Data"): a stale version becomes StaleRecord, a damaged
    file DatabaseDamaged, an error of the environment DatabaseUnavailable with a plain
    sentence; nothing else is touched, so no SQLAlchemy or driver text reaches the operator."""
    try:
        yield
    except _TRANSLATED as exc:
        translated = translate_error(exc)
        if translated is None:
            raise  # neither kind of the boundary: a bug, shown as one
        if isinstance(translated, DatabaseDamaged):
            log.error("database damaged: %s", exc)
        else:
            log.warning("database error translated for the operator: %s", exc, exc_info=True)
        raise translated from exc


class Database:
    """One database: the engine and the two kinds of session (read, write)."""

    def __init__(self, url: URL | str, *, echo: bool = False, workstation: str | None = None) -> None:
        self.url = make_url(url) if isinstance(url, str) else url
        # The name change events carry (DESIGN.md "Several workstations"): the machine's.
        self.workstation = workstation or socket.gethostname() or "localhost"
        # Called with each ChangeEvent after its commit, in the writer's thread (outbox.py).
        self.change_subscribers: list[Callable[[ChangeEvent], None]] = []
        self.is_sqlite = self.url.get_backend_name() == "sqlite"
        self.path = sqlite_path(self.url)
        kwargs: dict[str, object] = {"echo": echo, "future": True}
        if self.is_sqlite:
            kwargs["connect_args"] = {"timeout": BUSY_TIMEOUT_MS / 1000, "check_same_thread": False}
        else:
            kwargs["pool_pre_ping"] = True
            # A server that does not answer is noticed in seconds, not after TCP's minutes.
            if self.url.get_backend_name() == "postgresql":
                kwargs["connect_args"] = {"connect_timeout": 5}
        self.engine: Engine = create_engine(self.url, **kwargs)
        if self.is_sqlite:
            event.listen(self.engine, "connect", _sqlite_on_connect)
            event.listen(self.engine, "begin", _sqlite_on_begin)
        self._write_engine = self.engine.execution_options(sqlite_begin="IMMEDIATE")
        self._read_sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(self._write_engine, expire_on_commit=False)
        outbox.install(self._write_sessions, self)
        self.stopped: str | None = None  # why writes are refused (a damaged file), else None

    def stop_writes(self, reason: str) -> None:
        """Refuse every write from now on (a damaged file: the damage must not spread)."""
        self.stopped = reason

    @property
    def display_location(self) -> str:
        """Where the data lives, for the status bar (never with a password)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end. Errors come out translated."""
        with self._stop_on_damage(), translated_errors(), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed at the end, rolled back on error.
        Errors come out translated; refused (DatabaseDamaged) once the file is found damaged."""
        if self.stopped is not None:
            raise DatabaseDamaged(self.stopped)
        with self._stop_on_damage(), translated_errors(), self._write_sessions.begin() as session:
            yield session

    @contextlib.contextmanager
    def _stop_on_damage(self) -> Iterator[None]:
        try:
            yield
        except DatabaseDamaged:
            self.stop_writes(message("db.writes_stopped"))
            raise

    def has_table(self, name: str) -> bool:
        with translated_errors(), self.engine.connect() as conn:
            return inspect(conn).has_table(name)

    def dispose(self) -> None:
        """Close every connection; on SQLite this checkpoints the WAL into the main file."""
        if self.is_sqlite:
            try:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except Exception:  # closing must never fail the exit path
                log.warning("WAL checkpoint at close failed", exc_info=True)
        self.engine.dispose()

    def quick_check(self) -> str | None:
        """None when SQLite's ``quick_check`` passes, else its first complaint."""
        if not self.is_sqlite:
            with translated_errors(), self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return None
        try:
            with translated_errors(), self.engine.connect() as conn:
                rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
        except DatabaseDamaged as exc:  # too damaged even to be checked: that is the answer
            cause = exc.__cause__
            return str(getattr(cause, "orig", cause) or exc.message)
        if rows == ["ok"]:
            return None
        return "; ".join(str(r) for r in rows[:3])
