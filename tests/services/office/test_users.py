"""Users, passwords, sign-in throttling and roles checked in the services."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.domain.enums import ActorKind, UserRole
from app.domain.errors import InputError, PermissionDenied, SignInFailed
from app.models import User
from app.services.context import Context
from app.services.office import office, passwords, throttle, users
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


def test_passwords_are_argon2_with_their_parameters(office_ctx: Context) -> None:
    users.create_user(office_ctx, username="a1", display_name="甲", role="officer", password="same-password")
    users.create_user(office_ctx, username="a2", display_name="乙", role="officer", password="same-password")
    with office_ctx.db.read() as s:
        rows = {u.username: u.password_hash for u in s.scalars(select(User))}
    assert rows["a1"] != rows["a2"]  # salted
    assert rows["a1"].startswith(b"$argon2id$v=19$m=47104,t=1,p=1$")  # the cost travels along
    assert passwords.verify("same-password", rows["a1"]).ok
    assert not passwords.verify("other-password", rows["a1"]).ok


def _stored(ctx: Context, username: str) -> bytes:
    with ctx.db.read() as s:
        return s.scalars(select(User.password_hash).where(User.username == username)).one()


def test_a_raised_cost_rehashes_at_the_next_sign_in(office_ctx: Context) -> None:
    before = _stored(office_ctx, "admin")
    passwords.configure(memory_cost=8192, time_cost=2, parallelism=1)
    try:
        assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"
        after = _stored(office_ctx, "admin")
        assert after != before and b"$m=8192,t=2,p=1$" in after
        assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"
        assert _stored(office_ctx, "admin") == after  # not again and again
    finally:
        passwords.configure(memory_cost=passwords.MEMORY_KIB, time_cost=passwords.PASSES,
                            parallelism=passwords.LANES)


def test_an_old_scrypt_hash_still_signs_in_and_is_upgraded(office_ctx: Context) -> None:
    salt = b"0123456789abcdef"
    with office_ctx.db.write() as s:
        user = s.scalars(select(User).where(User.username == "admin")).one()
        user.password_salt, user.password_hash = salt, passwords.legacy_scrypt(ADMIN_PASSWORD, salt)
    with pytest.raises(SignInFailed):
        users.authenticate(office_ctx, "admin", "wrong-password")
    assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"
    assert _stored(office_ctx, "admin").startswith(b"$argon2id$")


def test_sign_in(office_ctx: Context) -> None:
    actor = users.authenticate(office_ctx, "ADMIN", ADMIN_PASSWORD)
    assert actor.name == "admin" and actor.display_name == "王建国"
    with pytest.raises(SignInFailed, match="用户名或密码不正确"):
        users.authenticate(office_ctx, "nobody", "whatever-1")


class Ticks:
    """A monotonic clock that moves when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def ticks(monkeypatch: pytest.MonkeyPatch) -> Ticks:
    clock = Ticks()
    monkeypatch.setattr(throttle, "THROTTLE", throttle.Throttle(clock))
    return clock


def _wait(ctx: Context, password: str) -> int:
    with pytest.raises(SignInFailed) as err:
        users.authenticate(ctx, "admin", password)
    return err.value.retry_after_seconds


def test_repeated_wrong_passwords_are_throttled_a_few_seconds_on_the_duty_desk(
        office_ctx: Context, ticks: Ticks) -> None:
    assert [_wait(office_ctx, "wrong-password") for _ in range(2)] == [0, 0]
    assert _wait(office_ctx, "wrong-password") == 1
    assert _wait(office_ctx, ADMIN_PASSWORD) == 1  # even the right one waits its second
    waits = []
    for _ in range(8):
        ticks.now += 60
        waits.append(_wait(office_ctx, "wrong-password"))
    assert waits == [2, 4, 5, 5, 5, 5, 5, 5]  # doubling, never beyond the duty desk's limit
    assert _wait(office_ctx, ADMIN_PASSWORD) <= throttle.DUTY_DESK_MAX_WAIT
    ticks.now += throttle.DUTY_DESK_MAX_WAIT
    assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"
    ticks.now += 1
    assert _wait(office_ctx, "wrong-password") == 0  # the count starts again after a success


def test_elsewhere_the_wait_grows_longer_and_a_clock_jump_locks_no_one_out(
        office_ctx: Context, ticks: Ticks, clock) -> None:  # type: ignore[no-untyped-def]
    throttle.THROTTLE.duty_desk = False  # a workstation of a shared server, not the duty desk
    for _ in range(12):
        ticks.now += 600
        _wait(office_ctx, "wrong-password")
    assert _wait(office_ctx, "wrong-password") == throttle.MAX_WAIT
    clock.advance(dt.timedelta(days=-400))  # the wall clock jumps: the monotonic one does not
    ticks.now += throttle.MAX_WAIT
    assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"


def test_a_restart_keeps_counting_but_another_workstation_is_not_held_up(
        office_ctx: Context, ticks: Ticks, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(6):
        ticks.now += 60
        _wait(office_ctx, "wrong-password")
    # another workstation (another process) sees none of this one's waits
    monkeypatch.setattr(throttle, "THROTTLE", throttle.Throttle(ticks))
    assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"


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
