"""Chain anchors: the heads of the audit trail and the duty log as they stood, insert-only.

Revision ID: 0012
Revises: 0011
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

_REFUSE = "chain anchors are only ever inserted"


def upgrade() -> None:
    op.create_table('chain_anchor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('why', sa.String(length=20), nullable=False),
    sa.Column('audit_seq', sa.Integer(), nullable=False),
    sa.Column('audit_hash', sa.String(length=64), nullable=False),
    sa.Column('log_seq', sa.Integer(), nullable=False),
    sa.Column('log_hash', sa.String(length=64), nullable=False),
    sa.Column('code', sa.String(length=40), nullable=False),
    sa.Column('actor', sa.String(length=100), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_chain_anchor'))
    )
    # Insert-only: the program never updates or deletes an anchor, and neither may anyone else
    # through the database (an owner can drop the trigger; the printed codes remain).
    if op.get_bind().dialect.name == "sqlite":
        for event in ("UPDATE", "DELETE"):
            op.execute(f"CREATE TRIGGER chain_anchor_no_{event.lower()} BEFORE {event} ON chain_anchor "
                       f"BEGIN SELECT RAISE(ABORT, '{_REFUSE}'); END")
    else:
        op.execute("CREATE FUNCTION chain_anchor_insert_only() RETURNS trigger LANGUAGE plpgsql AS "
                   f"$$ BEGIN RAISE EXCEPTION '{_REFUSE}'; END $$")
        op.execute("CREATE TRIGGER chain_anchor_insert_only BEFORE UPDATE OR DELETE OR TRUNCATE "
                   "ON chain_anchor FOR EACH STATEMENT EXECUTE FUNCTION chain_anchor_insert_only()")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        op.execute("DROP TRIGGER IF EXISTS chain_anchor_insert_only ON chain_anchor")
        op.execute("DROP FUNCTION IF EXISTS chain_anchor_insert_only()")
    op.drop_table('chain_anchor')
