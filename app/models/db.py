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
from app.domain.errors import DatabaseUnavailable, StaleRecord
from app.domain.live_events import ChangeEvent
from app.domain.messages import text as message
from app.models import outbox

log = logging.getLogger(__name__)

SQLITE_HEADER = b"SQLite format 3\x00"
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
    url = make_url(target)
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
    cursor.execute("PRAGMA busy_timeout = 10000")
    cursor.execute("PRAGMA journal_mode = WAL")
    cursor.execute("PRAGMA synchronous = FULL")
    cursor.execute("PRAGMA foreign_keys = ON")
    cursor.close()


def _sqlite_on_begin(conn: Connection) -> None:
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def environment_message(exc: BaseException) -> str:
    """The operator's sentence for a database error the environment is to blame for."""
    detail = str(getattr(exc, "orig", exc) or exc).lower()
    if "locked" in detail or "busy" in detail:
        return message("db.busy")
    if "full" in detail:
        return message("db.disk_full")
    if "readonly" in detail or "read-only" in detail or "read only" in detail:
        return message("db.read_only")
    if "disk i/o" in detail or "i/o error" in detail:
        return message("db.io_error")
    return message("db.server_gone")


@contextlib.contextmanager
def translated_errors() -> Iterator[None]:
    """The database boundary (DESIGN.md "Data"): a stale version becomes StaleRecord, an error
    of the environment DatabaseUnavailable with a plain sentence; nothing else is touched, so
    no SQLAlchemy or driver text reaches the operator."""
    try:
        yield
    except StaleDataError as exc:
        raise StaleRecord() from exc
    except (sa_exc.OperationalError, sa_exc.InterfaceError) as exc:
        log.warning("database unavailable: %s", exc)
        raise DatabaseUnavailable(environment_message(exc)) from exc


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
            kwargs["connect_args"] = {"timeout": 10, "check_same_thread": False}
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

    @property
    def display_location(self) -> str:
        """Where the data lives, for the status bar (never with a password)."""
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)

    @contextlib.contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; rolled back at the end. Errors come out translated."""
        with translated_errors(), self._read_sessions() as session:
            try:
                yield session
            finally:
                session.rollback()

    @contextlib.contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one write transaction: committed at the end, rolled back on error.
        Errors come out translated."""
        with translated_errors(), self._write_sessions.begin() as session:
            yield session

    def has_table(self, name: str) -> bool:
        with self.engine.connect() as conn:
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
            with self.engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return None
        with self.engine.connect() as conn:
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA quick_check").fetchall()]
        if rows == ["ok"]:
            return None
        return "; ".join(str(r) for r in rows[:3])
