"""Schema versions: what the database is at, what the program needs, and the upgrade.

Start-up only needs the first two, so they are read without importing Alembic (a tenth of a
second of start-up): the revision ids come from the migration files themselves, the current
one from the ``alembic_version`` table. Alembic is loaded only to upgrade.
"""

from __future__ import annotations

import functools
import logging
import re
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect, text

from app import paths
from app.models.db import Database

if TYPE_CHECKING:  # Alembic is imported only to upgrade (start-up cost, see above)
    from alembic.config import Config

log = logging.getLogger(__name__)

_REVISION = re.compile(r'^revision\s*=\s*["\']([^"\']+)["\']', re.MULTILINE)
_DOWN = re.compile(r'^down_revision\s*=\s*(?:["\']([^"\']+)["\']|None)', re.MULTILINE)


@functools.cache
def _revision_graph() -> dict[str, str | None]:
    """revision -> down_revision, read from the files in migrations/versions."""
    graph: dict[str, str | None] = {}
    for path in (paths.migrations_dir() / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REVISION.search(source), _DOWN.search(source)
        if rev and down:
            graph[rev.group(1)] = down.group(1)
    return graph


def known_revisions(db: Database | None = None) -> set[str]:
    return set(_revision_graph())


def head_revision(db: Database | None = None) -> str:
    graph = _revision_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations must have exactly one head, found {sorted(heads)}")
    return heads.pop()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def alembic_config(db: Database) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    cfg.set_main_option("sqlalchemy.url",
                        db.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def upgrade(db: Database, target: str = "head") -> None:
    """Run the migrations up to ``target``.

    On SQLite, foreign keys are switched off for the run: a batch migration rebuilds a table
    by copy and drop, and with foreign keys on, dropping a parent deletes its children.
    They are switched back on and checked afterwards.
    """
    from alembic import command

    cfg = alembic_config(db)
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # The pragma is a no-op inside a transaction, so send it before SQLAlchemy begins.
            _driver_pragma(conn, "PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, target)
            if db.is_sqlite:
                problems = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                conn.rollback()
                if problems:
                    raise RuntimeError(f"foreign key check failed after migration: {problems[:3]}")
        finally:
            if db.is_sqlite:
                _driver_pragma(conn, "PRAGMA foreign_keys = ON")
    log.info("database upgraded to %s", target)


def _driver_pragma(conn: Connection, pragma: str) -> None:
    """Send ``pragma`` on the driver's connection, outside any transaction SQLAlchemy would
    begin first (SQLite ignores ``foreign_keys`` inside one)."""
    driver = conn.connection.dbapi_connection
    if driver is None:  # only after the connection was invalidated
        raise RuntimeError("the database connection is closed")
    driver.execute(pragma)
