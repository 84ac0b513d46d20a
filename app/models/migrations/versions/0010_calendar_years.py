"""Years whose holiday notice was entered as a whole (issue 16).

A year used to count as known as soon as one of its days was in ``calendar_day``; now only a
year recorded here (or one chinesecalendar knows) is known. Years already held in the table as
a copy of the package's schedule are recorded; a year entered day by day is not (nobody can
tell whether its notice is complete): the office confirms it once in the year's table editor.

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_year",
        sa.Column("year", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("entered_at", app.models.base.TZDateTime(), nullable=False),
        sa.Column("entered_by", sa.String(length=100), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_calendar_year")),
    )
    bind = op.get_bind()
    years = {row[0].year if hasattr(row[0], "year") else int(str(row[0])[:4])
             for row in bind.execute(sa.text(
                 "SELECT date FROM calendar_day WHERE source = 'chinesecalendar'"))}
    table = sa.table("calendar_year", sa.column("year", sa.Integer()),
                     sa.column("source", sa.String()), sa.column("entered_at", sa.DateTime()),
                     sa.column("entered_by", sa.String()), sa.column("version", sa.Integer()))
    if years:
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # stored as naive UTC
        for year in sorted(years):
            bind.execute(table.insert().values(year=year, source="chinesecalendar", entered_at=now,
                                               entered_by="migration", version=1))


def downgrade() -> None:
    op.drop_table("calendar_year")
