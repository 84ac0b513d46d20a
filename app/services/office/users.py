"""Users: passwords (argon2id, parameters kept with the hash), sign-in with throttling,
administration."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.enums import ActorKind, UserRole
from app.domain.errors import InputError, NotFound, SignInFailed, StaleRecord
from app.domain.messages import Problem, text
from app.models import User
from app.services.context import Actor, Context
from app.services.office import audit, passwords, throttle

MIN_PASSWORD = 8
AUDITED_FIELDS = ("username", "display_name", "role", "person_id", "active")


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: UserRole
    active: bool
    person_id: int | None
    last_sign_in: dt.datetime | None
    version: int


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.display_name, UserRole(u.role), u.active, u.person_id,
                    u.last_sign_in, u.version)


def _password_problems(password: str, confirm: str | None) -> list[Problem]:
    problems: list[Problem] = []
    if len(password or "") < MIN_PASSWORD:
        problems.append(Problem("weak_password", "user.password", {"min": MIN_PASSWORD}))
    if confirm is not None and confirm != password:
        problems.append(Problem("password_mismatch", "user.password"))
    return problems


def new_user_problems(
    username: str, display_name: str, password: str, confirm: str | None
) -> list[Problem]:
    """What is wrong with a new user's name and password (all of it, not just the first)."""
    return (
        validation.username(username)
        + validation.required(display_name, "person.name", 50)
        + _password_problems(password, confirm)
    )


def _role(value: str | UserRole) -> UserRole | None:
    try:
        return UserRole(value)
    except ValueError:
        return None


def add_user_in(
    session: Session,
    ctx: Context,
    *,
    username: str,
    display_name: str,
    role: str | UserRole,
    password: str,
    confirm: str | None = None,
    person_id: int | None = None,
) -> User:
    """Create a user inside the caller's transaction (used by setup and by the demo too)."""
    username = (username or "").strip()
    problems = new_user_problems(username, display_name, password, confirm)
    parsed_role = _role(role)
    if parsed_role is None:
        problems.append(Problem("bad_role", "user.role", {"value": role}))
    if not problems and session.scalar(
        select(func.count()).select_from(User).where(func.lower(User.username) == username.lower())
    ):
        problems.append(Problem("username_taken", "user.username", {"value": username}))
    if problems or parsed_role is None:
        raise InputError(problems)
    user = User(
        username=username,
        display_name=display_name.strip(),
        role=parsed_role.value,
        person_id=person_id,
        password_salt=b"",  # the argon2 hash carries its own salt
        password_hash=passwords.hash_password(password),
        active=True,
        failed_attempts=0,
    )
    session.add(user)
    session.flush()
    audit.record(session, ctx, "create", "user", user.id, after=audit.snapshot(user, AUDITED_FIELDS))
    return user


def create_user(ctx: Context, *, username: str, display_name: str, role: str | UserRole,
                password: str, confirm: str | None = None,
                person_id: int | None = None) -> UserInfo:
    """An administrator adds a user."""
    ctx.require(UserRole.ADMIN)
    with ctx.db.write() as session:
        return _info(add_user_in(session, ctx, username=username, display_name=display_name,
                                 role=role, password=password, confirm=confirm,
                                 person_id=person_id))


def list_users(ctx: Context) -> list[UserInfo]:
    with ctx.db.read() as session:
        return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


def any_user(ctx: Context) -> bool:
    with ctx.db.read() as session:
        return bool(session.scalar(select(func.count()).select_from(User)))


def authenticate(ctx: Context, username: str, password: str) -> Actor:
    """Check a user name and password; the signed-in Actor or SignInFailed.

    Wrong passwords are counted (on this workstation, and on the user for the record); from
    the third on, the next attempt waits (throttle.py: a few seconds at most on the duty
    desk). A hash made with a lower cost, or with the old scrypt, is upgraded on success.
    """
    key = (username or "").strip().lower()
    wait = throttle.THROTTLE.wait(key)
    if wait:
        raise SignInFailed(text("signin_throttled", seconds=wait), wait)
    limit = throttle.THROTTLE.limit(ctx.db.is_sqlite)
    with ctx.db.write() as session:
        user = session.scalar(  # locked: two sign-ins of one user at once take turns
            select(User).where(func.lower(User.username) == key).with_for_update())
        if user is None:
            passwords.spend_time(password or "")  # same cost whether or not the user exists
            throttle.THROTTLE.failed(key, 0, limit)
            raise SignInFailed(text("signin_failed"))
        actor = Actor(user.username, ActorKind.USER, UserRole(user.role), user.id, user.display_name)
        verdict = passwords.verify(password or "", user.password_hash, user.password_salt)
        failure = _judge(session, ctx.acting_as(actor), user, verdict, key, limit)
        if failure is None:
            return actor
    raise failure


def _judge(session: Session, ctx: Context, user: User, verdict: passwords.Verdict, key: str,
           limit: int) -> SignInFailed | None:
    """Record the attempt on the user; the failure to raise (after the commit), or None."""
    now = ctx.clock.now()
    user.locked_until = None  # waits live on this workstation's monotonic clock only
    if not verdict.ok:
        user.failed_attempts += 1
        wait = throttle.THROTTLE.failed(key, user.failed_attempts, limit)
        audit.record(session, ctx, "sign_in_failed", "user", user.id,
                     after={"failed_attempts": user.failed_attempts})
        return SignInFailed(text("signin_throttled", seconds=wait) if wait
                            else text("signin_failed"), wait)
    if not user.active:
        return SignInFailed(text("user_inactive"))
    throttle.THROTTLE.succeeded(key)
    user.failed_attempts = 0
    user.last_sign_in = now
    if verdict.rehash is not None:
        user.password_hash, user.password_salt = verdict.rehash, b""
    audit.record(session, ctx, "sign_in", "user", user.id,
                 after={"rehashed": True} if verdict.rehash is not None else None)
    return None


def _load(session: Session, user_id: int, expected_version: int | None) -> User:
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(text("not_found.user", id=user_id))
    if expected_version is not None and user.version != expected_version:
        raise StaleRecord()
    return user


def _admins_left(session: Session, excluding: int) -> int:
    return session.scalar(
        select(func.count()).select_from(User).where(
            User.role == UserRole.ADMIN.value, User.active.is_(True), User.id != excluding
        )
    ) or 0


def update_user(
    ctx: Context,
    user_id: int,
    *,
    expected_version: int | None = None,
    display_name: str | None = None,
    role: str | UserRole | None = None,
    active: bool | None = None,
) -> UserInfo:
    """An administrator changes a user's name, role or whether it may sign in."""
    ctx.require(UserRole.ADMIN)
    try:
        with ctx.db.write() as session:
            user = _load(session, user_id, expected_version)
            before = audit.snapshot(user, AUDITED_FIELDS)
            problems: list[Problem] = []
            if display_name is not None:
                problems += validation.required(display_name, "person.name", 50)
            new_role = user.role
            if role is not None:
                parsed = _role(role)
                if parsed is None:
                    problems.append(Problem("bad_role", "user.role", {"value": role}))
                else:
                    new_role = parsed.value
            new_active = user.active if active is None else active
            losing_admin = user.role == UserRole.ADMIN.value and (
                new_role != UserRole.ADMIN.value or not new_active
            )
            if losing_admin and _admins_left(session, user.id) == 0:
                problems.append(Problem("last_admin"))
            if problems:
                raise InputError(problems)
            if display_name is not None:
                user.display_name = display_name.strip()
            user.role = new_role
            user.active = new_active
            session.flush()
            audit.record(session, ctx, "update", "user", user.id, before=before,
                         after=audit.snapshot(user, AUDITED_FIELDS))
            return _info(user)
    except StaleDataError as exc:
        raise StaleRecord() from exc


def set_password(
    ctx: Context, user_id: int, password: str, confirm: str | None = None,
    *, current_password: str | None = None,
) -> None:
    """An administrator resets a password, or users change their own (giving the current one)."""
    actor = ctx.require(UserRole.OFFICER)
    own = actor.user_id == user_id
    if not own:
        ctx.require(UserRole.ADMIN)
    problems = _password_problems(password, confirm)
    if problems:
        raise InputError(problems)
    with ctx.db.write() as session:
        user = _load(session, user_id, None)
        if own and actor.kind is ActorKind.USER and not passwords.verify(
            current_password or "", user.password_hash, user.password_salt
        ).ok:
            raise InputError(Problem("signin_failed", "user.password"))
        user.password_salt = b""
        user.password_hash = passwords.hash_password(password)
        throttle.THROTTLE.succeeded(user.username.lower())
        user.failed_attempts = 0
        user.locked_until = None
        audit.record(session, ctx, "set_password", "user", user.id)
