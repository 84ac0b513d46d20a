"""Fast at the size of an office after years: full-text search, the deadline record's index.

Incidents and the duty log get their full-text indexes (app/models/search.py: SQLite FTS5
with the trigram tokenizer, kept in step by triggers; PostgreSQL pg_trgm GIN indexes), built
over what the tables hold. The deadlines get an index on (outcome, report_kind, due_at): the month
statistics count its ranges without reading a row or sorting.

Revision ID: 0014_fts
Revises: 0013
Create Date: 2026-11-30
"""
from alembic import op

from app.models import search

TABLES = ("incident", "duty_log_entry")  # the tables this revision indexed
revision = "0014_fts"
down_revision = "0013"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_deadline_outcome_kind_due", "deadline", ["outcome", "report_kind", "due_at"])
    search.create(op.get_bind(), TABLES)


def downgrade() -> None:
    search.drop(op.get_bind(), TABLES)
    op.drop_index("ix_deadline_outcome_kind_due", table_name="deadline")
