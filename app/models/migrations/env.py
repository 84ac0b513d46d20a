"""Alembic environment: the program hands over its own connection (app.models.schema)."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, create_engine

from app.models import Base, search

config = context.config
target_metadata = Base.metadata


def run() -> None:
    connection = config.attributes.get("connection")
    if connection is None:  # the alembic command line, for developers making revisions
        engine = create_engine(config.get_main_option("sqlalchemy.url"))
        with engine.begin() as connection:
            _run_with(connection)
        return
    _run_with(connection)


def _run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite alters tables by copy-and-move
        compare_type=True,
        # the full-text indexes are the migrations' alone (app/models/search.py)
        include_name=lambda name, _kind, _parent: not search.is_search_object(name),
    )
    with context.begin_transaction():
        context.run_migrations()


run()
