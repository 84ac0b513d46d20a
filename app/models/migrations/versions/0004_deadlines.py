"""Reporting deadlines, rule profiles and office settings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rule_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("rules", sa.JSON(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rule_profile")),
        sa.UniqueConstraint("key", name=op.f("uq_rule_profile_key")),
    )
    op.create_table(
        "deadline",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(length=300), nullable=False),
        sa.Column("report_kind", sa.String(length=30), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("incident_id", sa.Integer(), nullable=True),
        sa.Column("incident_number", sa.String(length=40), nullable=True),
        sa.Column("rule_profile", sa.String(length=60), nullable=False),
        sa.Column("recurring_key", sa.String(length=80), nullable=True),
        sa.Column("due_at", app.models.base.TZDateTime(), nullable=False),
        sa.Column("created_at", app.models.base.TZDateTime(), nullable=False),
        sa.Column("outcome", sa.String(length=12), nullable=False),
        sa.Column("met_at", app.models.base.TZDateTime(), nullable=True),
        sa.Column("met_how", sa.String(length=100), nullable=False),
        sa.Column("met_by", sa.String(length=100), nullable=False),
        sa.Column("closed_reason", sa.Text(), nullable=False),
        sa.Column("acknowledged_at", app.models.base.TZDateTime(), nullable=True),
        sa.Column("acknowledged_by", sa.String(length=100), nullable=False),
        sa.Column("acknowledged_stage", sa.String(length=10), nullable=False),
        sa.Column("acknowledge_reason", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_deadline")),
        sa.UniqueConstraint("recurring_key", name=op.f("uq_deadline_recurring_key")),
    )
    op.create_index(op.f("ix_deadline_due_at"), "deadline", ["due_at"])
    op.create_index(op.f("ix_deadline_incident_id"), "deadline", ["incident_id"])
    op.create_index(op.f("ix_deadline_outcome"), "deadline", ["outcome"])
    op.create_index(op.f("ix_deadline_report_kind"), "deadline", ["report_kind"])
    op.create_table(
        "app_setting",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("value", sa.JSON(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_setting")),
    )


def downgrade() -> None:
    op.drop_table("app_setting")
    op.drop_table("deadline")
    op.drop_table("rule_profile")
