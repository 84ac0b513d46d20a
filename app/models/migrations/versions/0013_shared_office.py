"""The shared office: number counters, workstations, follow-up numbers unique per incident.

Counters start from the numbers already held (incident numbers of each year, the follow-ups
of each incident), so numbering goes on where it was. Follow-ups that an earlier version
numbered twice (two workstations at once) are renumbered in the order they were written
before the unique index is built.

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-01
"""
import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    counter = op.create_table(
        "counter",
        sa.Column("name", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_counter")),
    )
    op.create_table(
        "workstation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("os_account", sa.String(length=100), nullable=False),
        sa.Column("operator", sa.String(length=100), nullable=False),
        sa.Column("operator_name", sa.String(length=50), nullable=False),
        sa.Column("program_version", sa.String(length=20), nullable=False),
        sa.Column("started_at", app.models.base.TZDateTime(), nullable=False),
        sa.Column("last_seen", app.models.base.TZDateTime(), nullable=False),
        sa.Column("left_at", app.models.base.TZDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_workstation")),
        sa.UniqueConstraint("name", name=op.f("uq_workstation_name")),
    )
    with op.batch_alter_table("workstation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_workstation_last_seen"), ["last_seen"], unique=False)

    bind = op.get_bind()
    _renumber_repeated_follow_ups(bind)
    rows = []
    for (number,) in bind.execute(sa.text("SELECT number FROM incident")):
        year, _, n = str(number).partition("-")
        if n.isdigit():
            rows.append((f"incident:{year}", int(n)))
    for (incident_id, seq) in bind.execute(sa.text(
            "SELECT incident_id, MAX(seq) FROM report WHERE kind = 'follow-up' GROUP BY incident_id")):
        rows.append((f"follow-up:{incident_id}", int(seq or 0)))
    highest: dict[str, int] = {}
    for name, value in rows:
        highest[name] = max(value, highest.get(name, 0))
    if highest:
        op.bulk_insert(counter, [{"name": k, "value": v} for k, v in sorted(highest.items())])

    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.create_index("uq_report_follow_up_seq", ["incident_id", "seq"], unique=True,
                              sqlite_where=sa.text("kind = 'follow-up'"),
                              postgresql_where=sa.text("kind = 'follow-up'"))


def _renumber_repeated_follow_ups(bind: sa.Connection) -> None:
    """Follow-ups numbered 1, 2, … per incident in the order written, where numbers repeat."""
    repeated = bind.execute(sa.text(
        "SELECT DISTINCT incident_id FROM report WHERE kind = 'follow-up' "
        "GROUP BY incident_id, seq HAVING COUNT(*) > 1")).scalars().all()
    for incident_id in repeated:
        ids = bind.execute(sa.text(
            "SELECT id FROM report WHERE kind = 'follow-up' AND incident_id = :i ORDER BY id"),
            {"i": incident_id}).scalars().all()
        for seq, report_id in enumerate(ids, start=1):
            bind.execute(sa.text("UPDATE report SET seq = :s WHERE id = :r"), {"s": seq, "r": report_id})


def downgrade() -> None:
    with op.batch_alter_table("report", schema=None) as batch_op:
        batch_op.drop_index("uq_report_follow_up_seq", sqlite_where=sa.text("kind = 'follow-up'"),
                            postgresql_where=sa.text("kind = 'follow-up'"))
    with op.batch_alter_table("workstation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_workstation_last_seen"))
    op.drop_table("workstation")
    op.drop_table("counter")
