"""The office: first-run setup, reading and editing its details."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.enums import ActorKind, OrgKind, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.models import Office, Organization, Person, User
from app.services.context import Actor, Context
from app.services.office import audit
from app.services.office.users import add_user_in, new_user_problems

DEFAULT_TIMEZONE = "Asia/Shanghai"
FIELDS = ("name", "duty_phone", "fax", "timezone")


@dataclass(frozen=True)
class OfficeInfo:
    id: int
    name: str
    duty_phone: str
    fax: str
    timezone: str
    version: int


def get_office(ctx: Context) -> OfficeInfo | None:
    with ctx.db.read() as session:
        office = session.scalar(select(Office).order_by(Office.id).limit(1))
        if office is None:
            return None
        return OfficeInfo(office.id, office.name, office.duty_phone, office.fax, office.timezone,
                          office.version)


def needs_setup(ctx: Context) -> bool:
    """True on an empty database: no office or no user yet."""
    with ctx.db.read() as session:
        offices = session.scalar(select(func.count()).select_from(Office)) or 0
        users = session.scalar(select(func.count()).select_from(User)) or 0
    return offices == 0 or users == 0


def _office_problems(name: str, duty_phone: str, fax: str, timezone: str) -> list[Problem]:
    return (
        validation.required(name, "office.name", 200)
        + validation.phone(duty_phone, "office.duty_phone", is_required=True)
        + validation.phone(fax, "office.fax")
        + validation.timezone(timezone, "office.timezone")
    )


def set_up(
    ctx: Context,
    *,
    name: str,
    duty_phone: str,
    fax: str = "",
    timezone: str = DEFAULT_TIMEZONE,
    admin_username: str,
    admin_name: str,
    admin_password: str,
    admin_confirm: str | None = None,
) -> Actor:
    """First start: the office, its own unit and the first administrator, in one transaction.

    Returns the new administrator, signed in.
    """
    problems = _office_problems(name, duty_phone, fax, timezone) + new_user_problems(
        admin_username, admin_name, admin_password, admin_confirm
    )
    if problems:
        raise InputError(problems)
    setup_ctx = ctx.acting_as(Actor.system("setup"))
    with ctx.db.write() as session:
        if session.scalar(select(func.count()).select_from(User)):
            raise InputError(Problem("username_taken", "user.username", {"value": admin_username}))
        org = Organization(name=name.strip(), kind=OrgKind.CITY.value, duty_phone=duty_phone.strip(),
                           fax=(fax or "").strip(), address="")
        session.add(org)
        session.flush()
        office = session.scalar(select(Office).limit(1))
        if office is None:
            office = Office(name=name.strip(), duty_phone=duty_phone.strip(), fax=(fax or "").strip(),
                            timezone=timezone.strip(), organization_id=org.id)
            session.add(office)
        session.flush()
        audit.record(session, setup_ctx, "create", "office", office.id,
                     after=audit.snapshot(office, FIELDS))
        person = Person(name=admin_name.strip(), organization_id=org.id, title="", mobile="",
                        office_phone="", notes="")
        session.add(person)
        session.flush()
        user = add_user_in(session, setup_ctx, username=admin_username, display_name=admin_name,
                           role=UserRole.ADMIN, password=admin_password, confirm=admin_confirm,
                           person_id=person.id)
        return Actor(user.username, ActorKind.USER, UserRole.ADMIN, user.id, user.display_name)


def update_office(
    ctx: Context, *, expected_version: int, name: str, duty_phone: str, fax: str, timezone: str
) -> OfficeInfo:
    ctx.require(UserRole.ADMIN)
    problems = _office_problems(name, duty_phone, fax, timezone)
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            office = session.scalar(select(Office).limit(1))
            if office is None:
                raise NotFound(text("office.not_set_up"))
            if office.version != expected_version:
                raise StaleRecord()
            before = audit.snapshot(office, FIELDS)
            office.name, office.duty_phone = name.strip(), duty_phone.strip()
            office.fax, office.timezone = (fax or "").strip(), timezone.strip()
            session.flush()
            audit.record(session, ctx, "update", "office", office.id, before=before,
                         after=audit.snapshot(office, FIELDS))
            return OfficeInfo(office.id, office.name, office.duty_phone, office.fax,
                              office.timezone, office.version)
    except StaleDataError as exc:
        raise StaleRecord() from exc
