"""Users, passwords, sign-in throttling and roles checked in the services."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.domain.enums import ActorKind, UserRole
from app.domain.errors import InputError, PermissionDenied, SignInFailed
from app.models import User
from app.services.context import Context
from app.services.office import office, users
from tests.conftest import ADMIN_PASSWORD


def test_setup_creates_the_office_and_a_signed_in_administrator(ctx: Context) -> None:
    assert office.needs_setup(ctx)
    admin = office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234",
                          admin_username="admin", admin_name="王建国", admin_password=ADMIN_PASSWORD)
    assert admin.role is UserRole.ADMIN and admin.kind is ActorKind.USER
    assert not office.needs_setup(ctx)
    assert office.get_office(ctx).timezone == "Asia/Shanghai"  # type: ignore[union-attr]


def test_setup_refuses_bad_input_naming_fields_and_writes_nothing(ctx: Context) -> None:
    with pytest.raises(InputError) as err:
        office.set_up(ctx, name=" ", duty_phone="abc", timezone="Mars/Base",
                      admin_username="a b", admin_name="王", admin_password="short")
    message = err.value.message
    for field in ("单位名称", "值班电话", "时区"):
        assert field in message
    assert office.needs_setup(ctx)


def test_passwords_are_salted_scrypt(office_ctx: Context) -> None:
    users.create_user(office_ctx, username="a1", display_name="甲", role="officer", password="same-password")
    users.create_user(office_ctx, username="a2", display_name="乙", role="officer", password="same-password")
    with office_ctx.db.read() as s:
        rows = {u.username: (u.password_salt, u.password_hash) for u in s.scalars(select(User))}
    assert rows["a1"][1] != rows["a2"][1]
    assert rows["a1"][1] == users.hash_password("same-password", rows["a1"][0])


def test_sign_in(office_ctx: Context) -> None:
    actor = users.authenticate(office_ctx, "ADMIN", ADMIN_PASSWORD)
    assert actor.name == "admin" and actor.display_name == "王建国"
    with pytest.raises(SignInFailed, match="用户名或密码不正确"):
        users.authenticate(office_ctx, "nobody", "whatever-1")


def test_repeated_wrong_passwords_are_throttled(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    for _ in range(2):
        with pytest.raises(SignInFailed) as err:
            users.authenticate(office_ctx, "admin", "wrong-password")
        assert err.value.retry_after_seconds == 0
    with pytest.raises(SignInFailed) as err:
        users.authenticate(office_ctx, "admin", "wrong-password")
    assert err.value.retry_after_seconds == 5
    # even the right password waits until the time is up
    with pytest.raises(SignInFailed, match="秒后再试"):
        users.authenticate(office_ctx, "admin", ADMIN_PASSWORD)
    clock.advance(dt.timedelta(seconds=6))
    with pytest.raises(SignInFailed) as err:
        users.authenticate(office_ctx, "admin", "wrong-password")
    assert err.value.retry_after_seconds == 10  # doubling
    clock.advance(dt.timedelta(seconds=11))
    assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"
    clock.advance(dt.timedelta(seconds=1))
    with pytest.raises(SignInFailed) as err:  # the count starts again after a success
        users.authenticate(office_ctx, "admin", "wrong-password")
    assert err.value.retry_after_seconds == 0


def test_roles_are_checked_in_the_services(office_ctx: Context) -> None:
    users.create_user(office_ctx, username="duty", display_name="值班员甲", role="officer",
                      password="officer-pass")
    officer = office_ctx.acting_as(users.authenticate(office_ctx, "duty", "officer-pass"))
    with pytest.raises(PermissionDenied, match="管理员"):
        users.create_user(officer, username="x", display_name="X", role="admin", password="whatever-1")
    info = office.get_office(officer)
    with pytest.raises(PermissionDenied):
        office.update_office(officer, expected_version=info.version, name="x",  # type: ignore[union-attr]
                             duty_phone="0576-1234567", fax="", timezone="Asia/Shanghai")
    me = next(u for u in users.list_users(officer) if u.username == "duty")
    users.set_password(officer, me.id, "new-officer-pass", "new-officer-pass", current_password="officer-pass")
    assert users.authenticate(office_ctx, "duty", "new-officer-pass").name == "duty"
    admin_id = next(u.id for u in users.list_users(officer) if u.username == "admin")
    with pytest.raises(PermissionDenied):
        users.set_password(officer, admin_id, "hijacked-pass", "hijacked-pass")


def test_the_last_administrator_stays(office_ctx: Context) -> None:
    admin = users.list_users(office_ctx)[0]
    with pytest.raises(InputError, match="最后一名管理员"):
        users.update_user(office_ctx, admin.id, expected_version=admin.version, role="officer")
    with pytest.raises(InputError):
        users.update_user(office_ctx, admin.id, expected_version=admin.version, active=False)


def test_deactivated_users_cannot_sign_in(office_ctx: Context) -> None:
    info = users.create_user(office_ctx, username="gone", display_name="离职", role="officer",
                             password="gone-password")
    users.update_user(office_ctx, info.id, expected_version=info.version, active=False)
    with pytest.raises(SignInFailed, match="停用"):
        users.authenticate(office_ctx, "gone", "gone-password")


def test_duplicate_user_names_are_refused(office_ctx: Context) -> None:
    with pytest.raises(InputError, match="已被使用"):
        users.create_user(office_ctx, username="Admin", display_name="X", role="officer",
                          password="password-1")
