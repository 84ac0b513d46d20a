"""The contact book: numbers with their last check, number history, experts, rescue teams,
person tags and search keys.

Existing people and units get their search keys and their numbers as contact points, so a
database made before this revision is searchable at once.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""
import sqlalchemy as sa
from alembic import op

import app.models.base
from app.domain import pinyin

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("organization") as batch:
        batch.add_column(sa.Column("pinyin_key", sa.String(length=400), nullable=False, server_default=""))
        batch.add_column(sa.Column("initials_key", sa.String(length=100), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_organization_pinyin_key"), ["pinyin_key"])
        batch.create_index(batch.f("ix_organization_initials_key"), ["initials_key"])
    with op.batch_alter_table("person") as batch:
        batch.add_column(sa.Column("tags", sa.String(length=100), nullable=False, server_default=""))
        batch.add_column(sa.Column("pinyin_key", sa.String(length=200), nullable=False, server_default=""))
        batch.add_column(sa.Column("initials_key", sa.String(length=50), nullable=False, server_default=""))
        batch.add_column(sa.Column("digits_key", sa.String(length=400), nullable=False, server_default=""))
        batch.create_index(batch.f("ix_person_pinyin_key"), ["pinyin_key"])
        batch.create_index(batch.f("ix_person_initials_key"), ["initials_key"])
        batch.create_index(batch.f("ix_person_digits_key"), ["digits_key"])
    op.create_table(
        "contact_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("label", sa.String(length=10), nullable=False),
        sa.Column("number", sa.String(length=32), nullable=False),
        sa.Column("digits", sa.String(length=32), nullable=False),
        sa.Column("digits_reversed", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("last_verified_at", app.models.base.TZDateTime(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("(person_id IS NULL) <> (organization_id IS NULL)", name=op.f("ck_contact_point_owner")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_contact_point_person_id_person")),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"], name=op.f("fk_contact_point_organization_id_organization")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_point")),
    )
    op.create_index(op.f("ix_contact_point_person_id"), "contact_point", ["person_id"])
    op.create_index(op.f("ix_contact_point_organization_id"), "contact_point", ["organization_id"])
    op.create_index(op.f("ix_contact_point_digits"), "contact_point", ["digits"])
    op.create_index(op.f("ix_contact_point_digits_reversed"), "contact_point", ["digits_reversed"])
    op.create_index(op.f("ix_contact_point_last_verified_at"), "contact_point", ["last_verified_at"])
    op.create_table(
        "number_change",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", app.models.base.TZDateTime(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("owner_name", sa.String(length=200), nullable=False),
        sa.Column("label", sa.String(length=10), nullable=False),
        sa.Column("old_number", sa.String(length=32), nullable=False),
        sa.Column("new_number", sa.String(length=32), nullable=False),
        sa.Column("changed_by", sa.String(length=100), nullable=False),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_number_change")),
    )
    op.create_index(op.f("ix_number_change_at"), "number_change", ["at"])
    op.create_index(op.f("ix_number_change_person_id"), "number_change", ["person_id"])
    op.create_index(op.f("ix_number_change_organization_id"), "number_change", ["organization_id"])
    op.create_table(
        "expert",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("specialties", sa.JSON(), nullable=False),
        sa.Column("subtypes", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_expert_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_expert")),
        sa.UniqueConstraint("person_id", name=op.f("uq_expert_person_id")),
    )
    op.create_table(
        "rescue_team",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("organization_id", sa.Integer(), nullable=True),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("leader_id", sa.Integer(), nullable=True),
        sa.Column("phone", sa.String(length=32), nullable=False),
        sa.Column("headcount", sa.Integer(), nullable=False),
        sa.Column("equipment", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("base", sa.String(length=300), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["organization_id"], ["organization.id"], name=op.f("fk_rescue_team_organization_id_organization")),
        sa.ForeignKeyConstraint(["leader_id"], ["person.id"], name=op.f("fk_rescue_team_leader_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rescue_team")),
    )
    op.create_index(op.f("ix_rescue_team_organization_id"), "rescue_team", ["organization_id"])
    op.create_index(op.f("ix_rescue_team_kind"), "rescue_team", ["kind"])
    _fill_existing()


def _fill_existing() -> None:
    """Search keys and contact points for the units and people already in the database."""
    conn = op.get_bind()
    orgs = conn.execute(sa.text("SELECT id, name, duty_phone, fax FROM organization")).all()
    for org_id, name, duty_phone, fax in orgs:
        full, initials = pinyin.keys(name or "")
        conn.execute(sa.text("UPDATE organization SET pinyin_key = :p, initials_key = :i WHERE id = :id"),
                     {"p": full, "i": initials, "id": org_id})
        for position, (label, number) in enumerate((("duty", duty_phone), ("fax", fax))):
            _point(conn, "organization_id", org_id, label, number, position)
    people = conn.execute(sa.text("SELECT id, name, mobile, office_phone FROM person")).all()
    for person_id, name, mobile, office_phone in people:
        full, initials = pinyin.keys(name or "", is_name=True)
        conn.execute(sa.text("UPDATE person SET pinyin_key = :p, initials_key = :i, digits_key = :d "
                             "WHERE id = :id"),
                     {"p": full, "i": initials, "d": pinyin.digits(mobile, office_phone), "id": person_id})
        for position, (label, number) in enumerate((("mobile", mobile), ("office", office_phone))):
            _point(conn, "person_id", person_id, label, number, position)


def _point(conn: sa.Connection, owner: str, owner_id: int, label: str, number: str | None,
           position: int) -> None:
    number = (number or "").strip()
    if not number:
        return
    digits = pinyin.digits(number).replace(" ", "")
    conn.execute(sa.text(f"INSERT INTO contact_point ({owner}, label, number, digits, digits_reversed, "
                         "position, version) VALUES (:owner, :label, :number, :digits, :reversed, "
                         ":position, 1)"),
                 {"owner": owner_id, "label": label, "number": number, "digits": digits,
                  "reversed": digits[::-1], "position": position})


def downgrade() -> None:
    op.drop_table("rescue_team")
    op.drop_table("expert")
    op.drop_table("number_change")
    op.drop_table("contact_point")
    with op.batch_alter_table("person") as batch:
        batch.drop_index(batch.f("ix_person_digits_key"))
        batch.drop_index(batch.f("ix_person_initials_key"))
        batch.drop_index(batch.f("ix_person_pinyin_key"))
        batch.drop_column("digits_key")
        batch.drop_column("initials_key")
        batch.drop_column("pinyin_key")
        batch.drop_column("tags")
    with op.batch_alter_table("organization") as batch:
        batch.drop_index(batch.f("ix_organization_initials_key"))
        batch.drop_index(batch.f("ix_organization_pinyin_key"))
        batch.drop_column("initials_key")
        batch.drop_column("pinyin_key")
