"""The duty log (hash-chained), check-ins, handovers, carried items, presence checks.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('check_in',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_date', sa.Date(), nullable=False),
    sa.Column('username', sa.String(length=100), nullable=False),
    sa.Column('display_name', sa.String(length=50), nullable=False),
    sa.Column('at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_check_in')),
    sa.UniqueConstraint('shift_date', 'username', name='uq_check_in_shift_user')
    )
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_check_in_shift_date'), ['shift_date'], unique=False)

    op.create_table('handover',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('shift_date', sa.Date(), nullable=False),
    sa.Column('outgoing', sa.String(length=100), nullable=False),
    sa.Column('outgoing_name', sa.String(length=50), nullable=False),
    sa.Column('outgoing_confirmed_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('incoming', sa.String(length=100), nullable=False),
    sa.Column('incoming_name', sa.String(length=50), nullable=False),
    sa.Column('incoming_confirmed_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('off_roster_reason', sa.Text(), nullable=False),
    sa.Column('sheet', sa.JSON(), nullable=False),
    sa.Column('locked_at', app.models.base.TZDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_handover')),
    sa.UniqueConstraint('shift_date', name=op.f('uq_handover_shift_date'))
    )
    op.create_table('presence_check',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('direction', sa.String(length=10), nullable=False),
    sa.Column('at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('unit', sa.String(length=200), nullable=False),
    sa.Column('phone', sa.String(length=40), nullable=False),
    sa.Column('answered', sa.Boolean(), nullable=False),
    sa.Column('rings', sa.Integer(), nullable=True),
    sa.Column('answered_by', sa.String(length=100), nullable=False),
    sa.Column('checked_by', sa.String(length=100), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_presence_check_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_presence_check'))
    )
    with op.batch_alter_table('presence_check', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_presence_check_at'), ['at'], unique=False)
        batch_op.create_index('ix_presence_check_direction_unit', ['direction', 'unit'], unique=False)

    op.create_table('duty_log_entry',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('shift_date', sa.Date(), nullable=False),
    sa.Column('at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('recorded_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('operator_name', sa.String(length=50), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('caller_unit', sa.String(length=200), nullable=False),
    sa.Column('caller_name', sa.String(length=50), nullable=False),
    sa.Column('caller_title', sa.String(length=100), nullable=False),
    sa.Column('caller_phone', sa.String(length=40), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('notified', sa.Text(), nullable=False),
    sa.Column('notified_at', app.models.base.TZDateTime(), nullable=True),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('corrects_id', sa.Integer(), nullable=True),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['corrects_id'], ['duty_log_entry.id'], name=op.f('fk_duty_log_entry_corrects_id_duty_log_entry')),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_duty_log_entry_incident_id_incident')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_duty_log_entry')),
    sa.UniqueConstraint('seq', name=op.f('uq_duty_log_entry_seq'))
    )
    with op.batch_alter_table('duty_log_entry', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_duty_log_entry_corrects_id'), ['corrects_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_log_entry_incident_id'), ['incident_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_duty_log_entry_shift_date'), ['shift_date'], unique=False)

    op.create_table('carried_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('log_entry_id', sa.Integer(), nullable=True),
    sa.Column('flagged_by', sa.String(length=100), nullable=False),
    sa.Column('flagged_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('cleared_at', app.models.base.TZDateTime(), nullable=True),
    sa.Column('cleared_by', sa.String(length=100), nullable=False),
    sa.Column('cleared_note', sa.Text(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_carried_item_incident_id_incident')),
    sa.ForeignKeyConstraint(['log_entry_id'], ['duty_log_entry.id'], name=op.f('fk_carried_item_log_entry_id_duty_log_entry')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_carried_item'))
    )
    with op.batch_alter_table('carried_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_carried_item_cleared_at'), ['cleared_at'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('carried_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_carried_item_cleared_at'))

    op.drop_table('carried_item')
    with op.batch_alter_table('duty_log_entry', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_duty_log_entry_shift_date'))
        batch_op.drop_index(batch_op.f('ix_duty_log_entry_incident_id'))
        batch_op.drop_index(batch_op.f('ix_duty_log_entry_corrects_id'))

    op.drop_table('duty_log_entry')
    with op.batch_alter_table('presence_check', schema=None) as batch_op:
        batch_op.drop_index('ix_presence_check_direction_unit')
        batch_op.drop_index(batch_op.f('ix_presence_check_at'))

    op.drop_table('presence_check')
    op.drop_table('handover')
    with op.batch_alter_table('check_in', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_check_in_shift_date'))

    op.drop_table('check_in')
