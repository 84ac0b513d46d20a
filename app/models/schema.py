"""Schema versions: what the database is at, what the program needs, and the upgrade."""

from __future__ import annotations

import logging

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from app import paths
from app.models.db import Database

log = logging.getLogger(__name__)


def alembic_config(db: Database) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    cfg.set_main_option("sqlalchemy.url", db.url.render_as_string(hide_password=False))
    return cfg


def head_revision(db: Database) -> str:
    script = ScriptDirectory.from_config(alembic_config(db))
    head = script.get_current_head()
    assert head is not None
    return head


def known_revisions(db: Database) -> set[str]:
    script = ScriptDirectory.from_config(alembic_config(db))
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(db: Database, target: str = "head") -> None:
    """Run the migrations up to ``target``.

    On SQLite, foreign keys are switched off for the run: a batch migration rebuilds a table
    by copy and drop, and with foreign keys on, dropping a parent deletes its children.
    They are switched back on and checked afterwards.
    """
    cfg = alembic_config(db)
    with db.engine.connect() as conn:
        if db.is_sqlite:
            # The pragma is a no-op inside a transaction, so send it before SQLAlchemy begins.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
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
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]
    log.info("database upgraded to %s", target)
