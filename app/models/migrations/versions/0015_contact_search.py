"""People and numbers found by any part at the size of an office: trigram indexes.

The contact search finds a number by its middle digits ("…1234…") and a person by any part of
the name or its pinyin; at 100,000 people each was a scan (6–11 ms per keystroke for each). The
digits, names and pinyin get the same full-text index as incidents (app/models/search.py):
SQLite FTS5 trigram kept in step by triggers, pg_trgm GIN indexes on PostgreSQL. One- and
two-character queries still read the table (a trigram index never matches them).

Revision ID: 0015_contact_search
Revises: 0014_fts
Create Date: 2026-11-30
"""
from alembic import op

from app.models import search

TABLES = ("contact_point", "person")
revision = "0015_contact_search"
down_revision = "0014_fts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    search.create(op.get_bind(), TABLES)


def downgrade() -> None:
    search.drop(op.get_bind(), TABLES)
