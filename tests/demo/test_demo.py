"""The demo office: its size, its people, its users, and refusing to overwrite data."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from app.demo import build as demo
from app.domain.clock import FixedClock
from app.domain.enums import ActorKind, OrgKind, UserRole
from app.domain.errors import InputError, PermissionDenied
from app.models import AuditEvent, Office, Organization, Person, User
from app.services.context import Actor, Context
from app.services.office import audit, health
from app.services.office.users import authenticate


@pytest.fixture
def ctx(tmp_path) -> Iterator[Context]:
    opened = health.open_database(tmp_path / "t.db")
    clock = FixedClock(dt.datetime(2026, 11, 28, 8, 30, tzinfo=dt.UTC))
    yield Context(opened.db, clock, Actor.command_line())
    opened.db.dispose()


def _count(ctx: Context, model: type) -> int:
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def _snapshot(ctx: Context) -> tuple:
    with ctx.db.read() as session:
        orgs = session.execute(select(Organization.id, Organization.name).order_by(Organization.id))
        people = session.execute(select(Person.id, Person.name, Person.mobile).order_by(Person.id))
        users = session.execute(select(User.id, User.username, User.password_hash).order_by(User.id))
        return (orgs.all(), people.all(), users.all(), _count(ctx, AuditEvent))


def test_demo_office_has_its_units_and_people(ctx: Context) -> None:
    result = demo.create_demo(ctx)
    with ctx.db.read() as session:
        kinds = dict(session.execute(
            select(Organization.kind, func.count()).group_by(Organization.kind)
        ).all())
        office = session.scalar(select(Office))
        bureau = session.get(Organization, office.organization_id)
        root = session.get(Organization, bureau.parent_id)
        assert (office.name, office.timezone) == ("江州市应急管理局", "Asia/Shanghai")
        assert office.duty_phone and bureau.name == office.name
        assert bureau.kind == OrgKind.DEPARTMENT.value
        assert (root.name, root.kind, root.parent_id) == ("江州市", OrgKind.CITY.value, None)
        orgs = session.execute(select(Organization.id, Organization.duty_phone,
                                      Organization.address)).all()
        people = session.execute(select(Person.name, Person.title, Person.mobile,
                                        Person.organization_id)).all()
    assert result.organizations == len(orgs) == sum(kinds.values())
    assert result.people == len(people)
    assert 8 <= kinds[OrgKind.DISTRICT.value] <= 10
    assert kinds[OrgKind.TOWNSHIP.value] >= 4 * kinds[OrgKind.DISTRICT.value]
    assert kinds[OrgKind.DEPARTMENT.value] >= 12
    assert kinds[OrgKind.VILLAGE.value] and kinds[OrgKind.ENTERPRISE.value]
    assert kinds[OrgKind.TEAM.value] >= 5
    assert 250 <= len(people) <= 350
    assert all(o.duty_phone and o.address for o in orgs)
    mobiles = [p.mobile for p in people]
    assert all(len(m) == 11 and m.isdigit() and m[:2] in ("13", "15", "18", "19") for m in mobiles)
    assert len(set(mobiles)) == len(mobiles)
    assert all(2 <= len(p.name) <= 4 and p.title and p.organization_id for p in people)
    staffed = {p.organization_id for p in people}
    assert all(o.id in staffed for o in orgs)


def test_demo_users_sign_in_with_their_printed_passwords(ctx: Context) -> None:
    result = demo.create_demo(ctx)
    roles = {u.username: u.role for u in result.users}
    assert roles == {"admin": UserRole.ADMIN, "leader": UserRole.LEADER,
                     "officer1": UserRole.OFFICER, "officer2": UserRole.OFFICER}
    with ctx.db.read() as session:
        bureau_id = session.scalar(select(Office.organization_id))
        linked = dict(session.execute(
            select(User.username, Person.name).join(Person, User.person_id == Person.id)
            .where(Person.organization_id == bureau_id)
        ).all())
    for user in result.users:
        actor = authenticate(ctx, user.username, user.password)
        assert (actor.kind, actor.role, actor.display_name) == (ActorKind.USER, user.role,
                                                                user.display_name)
        assert linked[user.username] == user.display_name


def test_demo_is_audited_and_deterministic(ctx: Context, tmp_path) -> None:
    result = demo.create_demo(ctx)
    with ctx.db.read() as session:
        entry = session.execute(select(AuditEvent.entity, AuditEvent.actor, AuditEvent.after)
                                .where(AuditEvent.action == "demo")).one()
        users_created = session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.action == "create", AuditEvent.entity == "user"))
    assert entry.entity == "office" and entry.actor.endswith("(cli)")
    assert entry.after == {"organizations": result.organizations, "people": result.people,
                           "scale": "small"}
    assert users_created == 4
    assert audit.verify(ctx).ok
    other = health.open_database(tmp_path / "other.db").db
    try:
        again = demo.create_demo(Context(other, ctx.clock, ctx.actor))
        assert again == result
    finally:
        other.dispose()


def test_demo_refuses_a_database_with_data_and_changes_nothing(ctx: Context) -> None:
    demo.create_demo(ctx)
    before = _snapshot(ctx)
    with pytest.raises(InputError) as caught:
        demo.create_demo(ctx, seed=7)
    assert [p.code for p in caught.value.problems] == ["demo.not_empty"]
    assert _snapshot(ctx) == before


def _office_entries(ctx: Context) -> int:
    """Audit entries of the office itself (features' demo data adds its own)."""
    with ctx.db.read() as session:
        return session.scalar(select(func.count()).select_from(AuditEvent).where(
            AuditEvent.entity.in_(("office", "user")))) or 0


def test_demo_with_force_replaces_the_office_and_keeps_the_audit_trail(ctx: Context) -> None:
    first = demo.create_demo(ctx)
    entries = _office_entries(ctx)
    second = demo.create_demo(ctx, force=True, seed=7)
    assert second.people != first.people or second.organizations != first.organizations
    assert _count(ctx, Person) == second.people
    assert _count(ctx, Organization) == second.organizations
    assert (_count(ctx, Office), _count(ctx, User)) == (1, 4)
    assert _office_entries(ctx) == entries + 1 + 4 + 1  # reset, four users, demo
    with ctx.db.read() as session:
        reset = session.scalar(select(AuditEvent.before)
                               .where(AuditEvent.action == "demo_reset"))
    assert reset == {"office": 1, "organization": first.organizations,
                            "person": first.people, "app_user": 4}
    assert audit.verify(ctx).ok
    assert authenticate(ctx, "admin", "admin-2026").role is UserRole.ADMIN


def test_demo_with_force_clears_the_office_of_the_first_run_setup(ctx: Context) -> None:
    from app.services.office.office import set_up

    set_up(ctx, name="某市应急管理局", duty_phone="0576-12345678", admin_username="boss",
           admin_name="老王", admin_password="secret-pass")
    with pytest.raises(InputError):
        demo.create_demo(ctx)
    demo.create_demo(ctx, force=True)
    with ctx.db.read() as session:
        assert session.scalar(select(User.id).where(User.username == "boss")) is None
        assert session.scalar(select(Office.name)) == "江州市应急管理局"
    assert audit.verify(ctx).ok


def test_demo_needs_an_administrator(ctx: Context) -> None:
    officer = Actor("someone", ActorKind.USER, UserRole.OFFICER, 1, "某人")
    with pytest.raises(PermissionDenied):
        demo.create_demo(ctx.acting_as(officer))
    assert _count(ctx, Organization) == 0
    with pytest.raises(ValueError):
        demo.create_demo(ctx, scale="huge")
