"""Link the office to its own unit, order units in the tree, record the last sign-in.

A batch migration on SQLite (the office table is rebuilt to gain its foreign key), which is
why app.models.schema.upgrade turns foreign keys off for the run.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("office") as batch:
        batch.add_column(sa.Column("organization_id", sa.Integer(), nullable=True))
        batch.create_foreign_key(
            op.f("fk_office_organization_id_organization"), "organization", ["organization_id"], ["id"]
        )
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("sort_order", sa.Integer(), nullable=False, server_default="0"))
    with op.batch_alter_table("app_user") as batch:
        batch.add_column(sa.Column("last_sign_in", app.models.base.TZDateTime(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("app_user") as batch:
        batch.drop_column("last_sign_in")
    with op.batch_alter_table("organization") as batch:
        batch.drop_column("sort_order")
    with op.batch_alter_table("office") as batch:
        batch.drop_constraint(op.f("fk_office_organization_id_organization"), type_="foreignkey")
        batch.drop_column("organization_id")
