"""Sendings of reports (phone, then in writing), follow-up content, unknown figures, one
deadline per follow-up slot.

- ``sending``: each time a report went up (channel, means, to whom, when, who, 签发人); the
  sending a report held in its own columns becomes its first sending.
- ``report``: as_of (截至), the fields a follow-up gives (changes), contact person and phone;
  the one-sending columns go.
- ``incident``: casualty figures may be NULL (unknown, being verified); level_reason (定级说明)
  and received_by (接报人).
- ``deadline``: slot, the set time a follow-up clock's deadline stands for, unique per incident
  and report kind (existing follow-up deadlines of the same slot keep only the first one's slot).

Revision ID: 0011
Revises: 0010
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

_CASUALTIES = ("deaths", "serious_injuries", "injuries", "missing", "trapped")
_MEANS_WORDS = (("传真", "fax"), ("系统", "system"), ("邮件", "email"), ("短信", "sms"),
                ("公文", "paper"), ("纸", "paper"))


def _means(how: str) -> str:
    return next((means for word, means in _MEANS_WORDS if word in (how or "")), "system")


def upgrade() -> None:
    op.create_table('sending',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('report_id', sa.Integer(), nullable=False),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('means', sa.String(length=10), nullable=True),
    sa.Column('to', sa.String(length=200), nullable=False),
    sa.Column('at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('recorded_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('operator_name', sa.String(length=50), nullable=False),
    sa.Column('issued_by', sa.String(length=50), nullable=False),
    sa.ForeignKeyConstraint(['report_id'], ['report.id'], name=op.f('fk_sending_report_id_report')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sending'))
    )
    with op.batch_alter_table('sending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sending_report_id'), ['report_id'], unique=False)

    bind = op.get_bind()
    sent = bind.execute(sa.text(
        "SELECT id, sent_at, channel, sent_how, sent_to, issued_by, recorded_by FROM report "
        "WHERE sent_at IS NOT NULL ORDER BY id")).all()
    sending = sa.table('sending', *(sa.column(c) for c in (
        'report_id', 'channel', 'means', 'to', 'at', 'recorded_at', 'operator', 'operator_name',
        'issued_by')))
    for r in sent:
        phone = r.channel == "phone"
        bind.execute(sending.insert().values(
            report_id=r.id, channel="phone" if phone else "written",
            means=None if phone else _means(r.sent_how), to=r.sent_to or "", at=r.sent_at,
            recorded_at=r.sent_at, operator=r.recorded_by or "", operator_name="",
            issued_by=r.issued_by or ""))

    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('as_of', app.models.base.TZDateTime(), nullable=True))
        batch_op.add_column(sa.Column('changes', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('contact_person', sa.String(length=50), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('contact_phone', sa.String(length=40), nullable=False, server_default=''))
        for name in ('sent_at', 'channel', 'sent_how', 'sent_to', 'issued_by'):
            batch_op.drop_column(name)
    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.alter_column('contact_person', server_default=None)
        batch_op.alter_column('contact_phone', server_default=None)

    with op.batch_alter_table('incident', schema=None) as batch_op:
        for name in _CASUALTIES:
            batch_op.alter_column(name, existing_type=sa.Integer(), nullable=True)
        batch_op.add_column(sa.Column('level_reason', sa.Text(), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('received_by', sa.String(length=50), nullable=False, server_default=''))
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.alter_column('level_reason', server_default=None)
        batch_op.alter_column('received_by', server_default=None)

    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.add_column(sa.Column('slot', app.models.base.TZDateTime(), nullable=True))
    # A follow-up clock's deadline stands for its due time; where an earlier version made two
    # for one slot, the first keeps it and the others stay as they were, without a slot.
    firsts = bind.execute(sa.text(
        "SELECT MIN(id) FROM deadline WHERE report_kind = 'follow-up' AND incident_id IS NOT NULL "
        "AND rule_profile <> 'flash' GROUP BY incident_id, due_at")).scalars().all()
    for first in firsts:
        bind.execute(sa.text("UPDATE deadline SET slot = due_at WHERE id = :id"), {"id": first})
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.create_unique_constraint('uq_deadline_incident_kind_slot', ['incident_id', 'report_kind', 'slot'])


def downgrade() -> None:
    with op.batch_alter_table('deadline', schema=None) as batch_op:
        batch_op.drop_constraint('uq_deadline_incident_kind_slot', type_='unique')
        batch_op.drop_column('slot')

    bind = op.get_bind()
    for name in _CASUALTIES:
        bind.execute(sa.text(f"UPDATE incident SET {name} = 0 WHERE {name} IS NULL"))
    with op.batch_alter_table('incident', schema=None) as batch_op:
        batch_op.drop_column('received_by')
        batch_op.drop_column('level_reason')
        for name in _CASUALTIES:
            batch_op.alter_column(name, existing_type=sa.Integer(), nullable=False)

    with op.batch_alter_table('report', schema=None) as batch_op:
        batch_op.add_column(sa.Column('issued_by', sa.String(length=50), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('sent_to', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('sent_how', sa.String(length=100), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('channel', sa.String(length=10), nullable=False, server_default='written'))
        batch_op.add_column(sa.Column('sent_at', app.models.base.TZDateTime(), nullable=True))
        batch_op.drop_column('contact_phone')
        batch_op.drop_column('contact_person')
        batch_op.drop_column('changes')
        batch_op.drop_column('as_of')
    # The last sending of each report goes back into its columns.
    rows = bind.execute(sa.text(
        "SELECT report_id, channel, means, \"to\", at, issued_by FROM sending ORDER BY id")).all()
    for r in rows:
        bind.execute(sa.text(
            "UPDATE report SET sent_at = :at, channel = :channel, sent_how = :how, sent_to = :to, "
            "issued_by = :issued_by WHERE id = :id"),
            {"at": r.at, "channel": r.channel, "how": r.means or "电话", "to": r.to,
             "issued_by": r.issued_by, "id": r.report_id})
    with op.batch_alter_table('sending', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sending_report_id'))
    op.drop_table('sending')
