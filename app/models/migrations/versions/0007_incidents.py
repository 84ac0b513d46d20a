"""Incidents and warning information, the report chain, leaders' instructions, intake drafts.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

import app.models.base

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('intake_draft',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('operator', sa.String(length=100), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('fields', sa.JSON(), nullable=False),
    sa.Column('updated_at', app.models.base.TZDateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_intake_draft'))
    )
    op.create_index(op.f('ix_intake_draft_operator'), 'intake_draft', ['operator'], unique=False)
    op.create_table('incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=40), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('received_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('occurred_at', app.models.base.TZDateTime(), nullable=True),
    sa.Column('source', sa.String(length=200), nullable=False),
    sa.Column('source_person', sa.String(length=50), nullable=False),
    sa.Column('source_title', sa.String(length=100), nullable=False),
    sa.Column('source_phone', sa.String(length=40), nullable=False),
    sa.Column('location', sa.String(length=300), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=20), nullable=True),
    sa.Column('subtype', sa.String(length=30), nullable=True),
    sa.Column('level', sa.String(length=4), nullable=True),
    sa.Column('nature', sa.Text(), nullable=False),
    sa.Column('impact', sa.Text(), nullable=False),
    sa.Column('deaths', sa.Integer(), nullable=False),
    sa.Column('serious_injuries', sa.Integer(), nullable=False),
    sa.Column('injuries', sa.Integer(), nullable=False),
    sa.Column('missing', sa.Integer(), nullable=False),
    sa.Column('trapped', sa.Integer(), nullable=False),
    sa.Column('loss_cny', sa.Float(), nullable=True),
    sa.Column('trend', sa.Text(), nullable=False),
    sa.Column('measures', sa.Text(), nullable=False),
    sa.Column('next_steps', sa.Text(), nullable=False),
    sa.Column('leaders_on_site', sa.Text(), nullable=False),
    sa.Column('notified', sa.Text(), nullable=False),
    sa.Column('outcome', sa.Text(), nullable=False),
    sa.Column('aftermath', sa.Text(), nullable=False),
    sa.Column('assessment', sa.Text(), nullable=False),
    sa.Column('is_drill', sa.Boolean(), nullable=False),
    sa.Column('sensitive', sa.Boolean(), nullable=False),
    sa.Column('missing_elements', sa.JSON(), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_incident_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident')),
    sa.UniqueConstraint('number', name=op.f('uq_incident_number'))
    )
    op.create_index('ix_incident_category', 'incident', ['category'], unique=False)
    op.create_index('ix_incident_received_at', 'incident', ['received_at'], unique=False)
    op.create_index('ix_incident_status_received', 'incident', ['status', 'received_at'], unique=False)
    op.create_table('instruction',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('from_whom', sa.String(length=100), nullable=False),
    sa.Column('given_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('deadline_id', sa.Integer(), nullable=True),
    sa.Column('done', sa.Text(), nullable=False),
    sa.Column('done_at', app.models.base.TZDateTime(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_instruction_incident_id_incident')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_instruction'))
    )
    op.create_index(op.f('ix_instruction_incident_id'), 'instruction', ['incident_id'], unique=False)
    op.create_table('report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=12), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('created_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('content', sa.JSON(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('sent_at', app.models.base.TZDateTime(), nullable=True),
    sa.Column('channel', sa.String(length=10), nullable=False),
    sa.Column('sent_how', sa.String(length=100), nullable=False),
    sa.Column('sent_to', sa.String(length=200), nullable=False),
    sa.Column('issued_by', sa.String(length=50), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_report_incident_id_incident')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_report'))
    )
    op.create_index(op.f('ix_report_incident_id'), 'report', ['incident_id'], unique=False)


def downgrade() -> None:
    op.drop_table("report")
    op.drop_table("instruction")
    op.drop_table("incident")
    op.drop_table("intake_draft")
