"""The plans register: plans, reviews, drills with their units and corrective actions,
training with its participants; and on the incident the plan it activated and the response level.

The incident's two columns are added in place (ALTER TABLE ADD COLUMN, the foreign key inline),
not by a batch rebuild: a register of a million incidents upgrades in a moment.

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30
"""
import sqlalchemy as sa
from alembic import op

import app.models.base


revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('training',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('course', sa.String(length=200), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('hours', sa.Float(), nullable=False),
    sa.Column('organizer', sa.String(length=200), nullable=False),
    sa.Column('participant_count', sa.Integer(), nullable=False),
    sa.Column('counts_as_drill', sa.Boolean(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_training'))
    )
    with op.batch_alter_table('training', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_held_on'), ['held_on'], unique=False)

    op.create_table('plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('approved_on', sa.Date(), nullable=False),
    sa.Column('number', sa.String(length=100), nullable=False),
    sa.Column('filed_on', sa.Date(), nullable=True),
    sa.Column('filed_with', sa.String(length=200), nullable=False),
    sa.Column('review_years', sa.Integer(), nullable=False),
    sa.Column('drill_months', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=20), nullable=False),
    sa.Column('document', sa.String(length=500), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('created_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_plan_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan')),
    sa.UniqueConstraint('name', 'organization_id', name='uq_plan_name_unit')
    )
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_name'), ['name'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_organization_id'), ['organization_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_status'), ['status'], unique=False)

    op.create_table('plan_review',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('reviewed_on', sa.Date(), nullable=False),
    sa.Column('conclusion', sa.String(length=20), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', app.models.base.TZDateTime(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_plan_review_plan_id_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_plan_review'))
    )
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_plan_review_plan_id'), ['plan_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_plan_review_reviewed_on'), ['reviewed_on'], unique=False)

    op.create_table('training_participant',
    sa.Column('training_id', sa.Integer(), nullable=False),
    sa.Column('person_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['person_id'], ['person.id'], name=op.f('fk_training_participant_person_id_person')),
    sa.ForeignKeyConstraint(['training_id'], ['training.id'], name=op.f('fk_training_participant_training_id_training')),
    sa.PrimaryKeyConstraint('training_id', 'person_id', name=op.f('pk_training_participant'))
    )
    with op.batch_alter_table('training_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_training_participant_person_id'), ['person_id'], unique=False)

    op.create_table('drill',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('held_on', sa.Date(), nullable=False),
    sa.Column('type', sa.String(length=20), nullable=False),
    sa.Column('place', sa.String(length=300), nullable=False),
    sa.Column('organizer', sa.String(length=200), nullable=False),
    sa.Column('participant_count', sa.Integer(), nullable=True),
    sa.Column('scenario', sa.Text(), nullable=False),
    sa.Column('evaluation', sa.Text(), nullable=False),
    sa.Column('problems', sa.Text(), nullable=False),
    sa.Column('incident_id', sa.Integer(), nullable=True),
    sa.Column('recorded_by', sa.String(length=100), nullable=False),
    sa.Column('recorded_at', app.models.base.TZDateTime(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['incident_id'], ['incident.id'], name=op.f('fk_drill_incident_id_incident')),
    sa.ForeignKeyConstraint(['plan_id'], ['plan.id'], name=op.f('fk_drill_plan_id_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_drill')),
    sa.UniqueConstraint('incident_id', name=op.f('uq_drill_incident_id'))
    )
    with op.batch_alter_table('drill', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drill_held_on'), ['held_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_drill_plan_id'), ['plan_id'], unique=False)

    op.create_table('corrective_action',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('drill_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=False),
    sa.Column('done_on', sa.Date(), nullable=True),
    sa.Column('deadline_id', sa.Integer(), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['drill_id'], ['drill.id'], name=op.f('fk_corrective_action_drill_id_drill')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_corrective_action_organization_id_organization')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_corrective_action'))
    )
    with op.batch_alter_table('corrective_action', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_corrective_action_drill_id'), ['drill_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrective_action_due_on'), ['due_on'], unique=False)
        batch_op.create_index(batch_op.f('ix_corrective_action_organization_id'), ['organization_id'], unique=False)

    op.create_table('drill_unit',
    sa.Column('drill_id', sa.Integer(), nullable=False),
    sa.Column('organization_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['drill_id'], ['drill.id'], name=op.f('fk_drill_unit_drill_id_drill')),
    sa.ForeignKeyConstraint(['organization_id'], ['organization.id'], name=op.f('fk_drill_unit_organization_id_organization')),
    sa.PrimaryKeyConstraint('drill_id', 'organization_id', name=op.f('pk_drill_unit'))
    )
    with op.batch_alter_table('drill_unit', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_drill_unit_organization_id'), ['organization_id'], unique=False)

    if op.get_bind().dialect.name == 'sqlite':
        # SQLite adds a column with its foreign key in place; Alembic would rebuild the table.
        op.execute('ALTER TABLE incident ADD COLUMN activated_plan_id INTEGER '
                   'CONSTRAINT fk_incident_activated_plan_id_plan REFERENCES plan (id)')
    else:
        op.add_column('incident', sa.Column('activated_plan_id', sa.Integer(), nullable=True))
        op.create_foreign_key(op.f('fk_incident_activated_plan_id_plan'), 'incident', 'plan',
                              ['activated_plan_id'], ['id'])
    op.add_column('incident', sa.Column('response_level', sa.String(length=4), nullable=True))
    op.create_index(op.f('ix_incident_activated_plan_id'), 'incident', ['activated_plan_id'],
                    unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_incident_activated_plan_id'), table_name='incident')
    if op.get_bind().dialect.name == 'sqlite':
        # the foreign key goes with its column when the batch rebuilds the table
        with op.batch_alter_table('incident', schema=None, recreate='always') as batch_op:
            batch_op.drop_column('response_level')
            batch_op.drop_column('activated_plan_id')
    else:
        op.drop_constraint(op.f('fk_incident_activated_plan_id_plan'), 'incident',
                           type_='foreignkey')
        op.drop_column('incident', 'response_level')
        op.drop_column('incident', 'activated_plan_id')

    with op.batch_alter_table('drill_unit', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drill_unit_organization_id'))

    op.drop_table('drill_unit')
    with op.batch_alter_table('corrective_action', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_corrective_action_organization_id'))
        batch_op.drop_index(batch_op.f('ix_corrective_action_due_on'))
        batch_op.drop_index(batch_op.f('ix_corrective_action_drill_id'))

    op.drop_table('corrective_action')
    with op.batch_alter_table('drill', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_drill_plan_id'))
        batch_op.drop_index(batch_op.f('ix_drill_held_on'))

    op.drop_table('drill')
    with op.batch_alter_table('training_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_participant_person_id'))

    op.drop_table('training_participant')
    with op.batch_alter_table('plan_review', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_review_reviewed_on'))
        batch_op.drop_index(batch_op.f('ix_plan_review_plan_id'))

    op.drop_table('plan_review')
    with op.batch_alter_table('plan', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_plan_status'))
        batch_op.drop_index(batch_op.f('ix_plan_organization_id'))
        batch_op.drop_index(batch_op.f('ix_plan_name'))

    op.drop_table('plan')
    with op.batch_alter_table('training', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_training_held_on'))

    op.drop_table('training')
