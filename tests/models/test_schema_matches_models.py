"""The migrations build exactly the tables the models describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from app.models import Base, search
from app.services.context import Context


def test_migrations_match_the_models(ctx: Context) -> None:
    with ctx.db.engine.connect() as conn:
        # the full-text indexes are the migrations' alone (app/models/search.py)
        opts = {"include_name": lambda name, _kind, _parent: not search.is_search_object(name)}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == [], diff
