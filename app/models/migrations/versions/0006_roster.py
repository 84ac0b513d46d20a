"""The duty roster: shifts and their places, pools, assignments, the official calendar,
sensitive periods, swap requests, holiday filings and the generator's rules.

A new database gets one shift, the common one: 24 hours from 08:30 with a leader on duty and
two duty officers.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28
"""
import datetime as dt

import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_day",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_calendar_day")),
        sa.UniqueConstraint("date", name=op.f("uq_calendar_day_date")),
    )
    op.create_table(
        "roster_filing",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("holiday_name", sa.String(length=50), nullable=False),
        sa.Column("first_day", sa.Date(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=False),
        sa.Column("filed_at", app.models.base.TZDateTime(), nullable=True),
        sa.Column("filed_by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_filing")),
        sa.UniqueConstraint("first_day", name=op.f("uq_roster_filing_first_day")),
    )
    op.create_table(
        "roster_settings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("min_rest_hours", sa.Integer(), nullable=False),
        sa.Column("monthly_max", sa.Integer(), nullable=False),
        sa.Column("holiday_leader_tier", sa.Integer(), nullable=False),
        sa.Column("filing_days_before", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_settings")),
    )
    op.create_table(
        "sensitive_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("starts_on", sa.Date(), nullable=False),
        sa.Column("ends_on", sa.Date(), nullable=False),
        sa.Column("leader_tier", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sensitive_period")),
    )
    op.create_index(op.f("ix_sensitive_period_ends_on"), "sensitive_period", ["ends_on"])
    op.create_index(op.f("ix_sensitive_period_starts_on"), "sensitive_period", ["starts_on"])
    op.create_table(
        "shift_template",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("length_minutes", sa.Integer(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_template")),
    )
    op.create_table(
        "shift_role",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["shift_id"], ["shift_template.id"], name=op.f("fk_shift_role_shift_id_shift_template")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_shift_role")),
        sa.UniqueConstraint("shift_id", "role", name="uq_shift_role_shift_role"),
    )
    op.create_index(op.f("ix_shift_role_shift_id"), "shift_role", ["shift_id"])
    op.create_table(
        "duty_pool_member",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("tier", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("sort_order", sa.Integer(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_duty_pool_member_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_duty_pool_member")),
        sa.UniqueConstraint("role", "person_id", name="uq_duty_pool_member_role_person"),
    )
    op.create_index(op.f("ix_duty_pool_member_person_id"), "duty_pool_member", ["person_id"])
    op.create_index(op.f("ix_duty_pool_member_role"), "duty_pool_member", ["role"])
    op.create_table(
        "roster_assignment",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("shift_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("locked", sa.Boolean(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_roster_assignment_person_id_person")),
        sa.ForeignKeyConstraint(["shift_id"], ["shift_template.id"], name=op.f("fk_roster_assignment_shift_id_shift_template")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_roster_assignment")),
    )
    op.create_index(op.f("ix_roster_assignment_date"), "roster_assignment", ["date"])
    op.create_index(op.f("ix_roster_assignment_person_id"), "roster_assignment", ["person_id"])
    op.create_index(op.f("ix_roster_assignment_shift_id"), "roster_assignment", ["shift_id"])
    op.create_table(
        "swap_request",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("assignment_id", sa.Integer(), nullable=True),
        sa.Column("other_assignment_id", sa.Integer(), nullable=True),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("other_date", sa.Date(), nullable=True),
        sa.Column("from_person_id", sa.Integer(), nullable=False),
        sa.Column("to_person_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("requested_by", sa.String(length=100), nullable=False),
        sa.Column("requested_at", app.models.base.TZDateTime(), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        sa.Column("decided_at", app.models.base.TZDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["assignment_id"], ["roster_assignment.id"], name=op.f("fk_swap_request_assignment_id_roster_assignment"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["from_person_id"], ["person.id"], name=op.f("fk_swap_request_from_person_id_person")),
        sa.ForeignKeyConstraint(["other_assignment_id"], ["roster_assignment.id"], name=op.f("fk_swap_request_other_assignment_id_roster_assignment"), ondelete="SET NULL"),
        sa.ForeignKeyConstraint(["to_person_id"], ["person.id"], name=op.f("fk_swap_request_to_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_swap_request")),
    )
    op.create_index(op.f("ix_swap_request_assignment_id"), "swap_request", ["assignment_id"])
    op.create_index(op.f("ix_swap_request_status"), "swap_request", ["status"])

    shift = sa.table("shift_template", sa.column("id", sa.Integer), sa.column("name", sa.String),
                     sa.column("start_time", sa.Time), sa.column("length_minutes", sa.Integer),
                     sa.column("sort_order", sa.Integer), sa.column("active", sa.Boolean),
                     sa.column("version", sa.Integer))
    role = sa.table("shift_role", sa.column("shift_id", sa.Integer), sa.column("role", sa.String),
                    sa.column("count", sa.Integer))
    op.bulk_insert(shift, [{"id": 1, "name": "全天", "start_time": dt.time(8, 30),
                            "length_minutes": 24 * 60, "sort_order": 0, "active": True, "version": 1}])
    op.bulk_insert(role, [{"shift_id": 1, "role": "leader", "count": 1},
                          {"shift_id": 1, "role": "officer", "count": 2}])


def downgrade() -> None:
    for table in ("swap_request", "roster_assignment", "duty_pool_member", "shift_role",
                  "shift_template", "sensitive_period", "roster_settings", "roster_filing",
                  "calendar_day"):
        op.drop_table(table)
