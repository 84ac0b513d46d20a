"""Shift swaps (调班): an officer asks, the chief leader approves, the change enters the audit
trail (RULES.md §5).

A swap either hands one assignment to a colleague (替班) or trades two assignments between two
people (互换). It is decided by the chief leader on duty (总带班领导) on its dates, or by one of
the people the office names in the settings. Approving applies it at once and locks the changed
assignments, so the generator keeps them; a swap inside a holiday whose roster was already filed
marks that holiday for re-filing (app.services.roster.refiling).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.enums import DutyRole, SwapStatus, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.models import Organization, Person, RosterAssignment, Setting, SwapRequest, User
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit
from app.services.roster import refiling
from app.services.roster.schedule import ASSIGNMENT_FIELDS
from app.services.roster.setup import PersonRef

SWAP_FIELDS = ("assignment_id", "other_assignment_id", "date", "other_date", "from_person_id",
               "to_person_id", "reason", "status", "requested_by", "decided_by")
APPROVERS_KEY = "roster.swap_approvers"  # person ids the office names besides the chief leader


@dataclass(frozen=True)
class SwapInfo:
    id: int
    date: dt.date
    other_date: dt.date | None
    role: DutyRole | None
    from_person_id: int
    from_name: str
    to_person_id: int
    to_name: str
    reason: str
    status: SwapStatus
    requested_by: str
    requested_at: dt.datetime
    decided_by: str
    decided_at: dt.datetime | None
    version: int


def _own_person(ctx: Context) -> int | None:
    actor = ctx.actor
    if actor is None or actor.user_id is None:
        return None
    with ctx.db.read() as session:
        return session.scalar(select(User.person_id).where(User.id == actor.user_id))


def request_swap(ctx: Context, assignment_id: int, to_person_id: int, reason: str = "",
                 other_assignment_id: int | None = None) -> int:
    """Ask for a swap; an officer may ask only about their own assignment."""
    actor = ctx.require(UserRole.OFFICER)
    mine = _own_person(ctx)
    problems = validation.optional_text(reason, "swap.reason", 300)
    with ctx.db.write() as session:
        row = session.get(RosterAssignment, assignment_id)
        if row is None:
            raise NotFound(text("not_found", what=text("field.assignment")))
        if actor.role is UserRole.OFFICER and row.person_id != mine:
            raise InputError(Problem("swap.not_yours"))
        if row.person_id == to_person_id:
            problems.append(Problem("swap.same_person", "swap.to_person"))
        if session.get(Person, to_person_id) is None:
            problems.append(Problem("not_found", "swap.to_person",
                                    {"what": text("field.swap.to_person")}))
        other = session.get(RosterAssignment, other_assignment_id) if other_assignment_id else None
        if other_assignment_id and (other is None or other.person_id != to_person_id):
            problems.append(Problem("swap.other_mismatch", "swap.to_person"))
        if problems:
            raise InputError(problems)
        swap = SwapRequest(assignment_id=row.id, other_assignment_id=other.id if other else None,
                           date=row.date, other_date=other.date if other else None,
                           from_person_id=row.person_id, to_person_id=to_person_id,
                           reason=(reason or "").strip(), status=SwapStatus.REQUESTED.value,
                           requested_by=actor.display_name or actor.name,
                           requested_at=ctx.clock.now(), decided_by="")
        session.add(swap)
        session.flush()
        audit.record(session, ctx, "request", "swap_request", swap.id,
                     after=audit.snapshot(swap, SWAP_FIELDS))
        return swap.id


# --- who approves ---------------------------------------------------------------------------
def named_approvers(ctx: Context) -> list[PersonRef]:
    """The people the office names to approve swaps (besides the chief leader on duty)."""
    with ctx.db.read() as session:
        return _people(session, _named_ids(session))


def set_approvers(ctx: Context, person_ids: list[int]) -> None:
    """An administrator names who approves swaps (besides the chief leader on duty)."""
    ctx.require(UserRole.ADMIN)
    ids = list(dict.fromkeys(int(i) for i in person_ids))
    with ctx.db.write() as session:
        known = set(session.scalars(select(Person.id).where(Person.id.in_(ids))))
        if len(known) != len(ids):
            raise InputError(Problem("not_found", "swap.approver",
                                     {"what": text("field.swap.approver")}))
        row = session.get(Setting, APPROVERS_KEY)
        before = None if row is None else {"value": row.value}
        if row is None:
            session.add(Setting(key=APPROVERS_KEY, value=ids))
        else:
            row.value = ids
        audit.record(session, ctx, "update", "setting", APPROVERS_KEY, before=before,
                     after={"value": ids})


def _named_ids(session: Session) -> list[int]:
    row = session.get(Setting, APPROVERS_KEY)
    value = row.value if row is not None else None
    return [i for i in value if isinstance(i, int)] if isinstance(value, list) else []


def _people(session: Session, ids: list[int] | set[int]) -> list[PersonRef]:
    if not ids:
        return []
    rows = session.execute(select(Person, Organization.name)
                           .outerjoin(Organization, Person.organization_id == Organization.id)
                           .where(Person.id.in_(ids)).order_by(Person.name, Person.id))
    return [PersonRef(p.id, p.name, p.title, p.mobile, org or "") for p, org in rows]


def approvers_in(session: Session, swap: SwapRequest) -> list[PersonRef]:
    """Who may decide ``swap``: the chief leaders on duty on its dates, and the named people."""
    days = [d for d in (swap.date, swap.other_date) if d is not None]
    chiefs = set(session.scalars(select(RosterAssignment.person_id).where(
        RosterAssignment.date.in_(days), RosterAssignment.role == DutyRole.CHIEF_LEADER.value)))
    return _people(session, chiefs | set(_named_ids(session)))


def _check_approver(session: Session, ctx: Context, swap: SwapRequest) -> None:
    approvers = approvers_in(session, swap)
    if not approvers:
        raise InputError(Problem("swap.no_approver", None, {"date": swap.date.isoformat()}))
    mine = session.scalar(select(User.person_id).where(User.id == ctx.actor.user_id)) \
        if ctx.actor is not None and ctx.actor.user_id is not None else None
    if mine not in {p.id for p in approvers}:
        raise InputError(Problem("swap.not_approver", None,
                                 {"names": "、".join(p.name for p in approvers)}))


def decide_swap(ctx: Context, swap_id: int, approve: bool, expected_version: int | None = None) -> None:
    """The chief leader on duty (or a person the office named) approves the request (the swap
    is applied; a filed holiday it touches is marked for re-filing) or rejects it."""
    actor = ctx.require(UserRole.LEADER)
    try:
        with ctx.db.write() as session:
            swap = session.get(SwapRequest, swap_id)
            if swap is None:
                raise NotFound(text("not_found", what=text("field.swap")))
            if expected_version is not None and swap.version != expected_version:
                raise StaleRecord()
            if swap.status != SwapStatus.REQUESTED.value:
                raise InputError(Problem("swap.not_pending"))
            _check_approver(session, ctx, swap)
            before = audit.snapshot(swap, SWAP_FIELDS)
            if approve:
                _apply(session, ctx, swap)
            swap.status = (SwapStatus.APPLIED if approve else SwapStatus.REJECTED).value
            swap.decided_by = actor.display_name or actor.name
            swap.decided_at = ctx.clock.now()
            session.flush()
            audit.record(session, ctx, "approve" if approve else "reject", "swap_request",
                         swap.id, before=before, after=audit.snapshot(swap, SWAP_FIELDS))
            refile = refiling.plan_in(session, ctx, swap) if approve else []
    except StaleDataError as exc:
        raise StaleRecord() from exc
    if refile:
        deadlines.notify_changed()


def _apply(session: Session, ctx: Context, swap: SwapRequest) -> None:
    row = session.get(RosterAssignment, swap.assignment_id) if swap.assignment_id else None
    other = session.get(RosterAssignment, swap.other_assignment_id) if swap.other_assignment_id else None
    if row is None or row.person_id != swap.from_person_id or (
            swap.other_assignment_id and (other is None or other.person_id != swap.to_person_id)):
        raise InputError(Problem("swap.gone"))
    changes = [(row, swap.to_person_id)] + ([(other, swap.from_person_id)] if other else [])
    for assignment, person_id in changes:
        before = audit.snapshot(assignment, ASSIGNMENT_FIELDS)
        assignment.person_id, assignment.locked = person_id, True
        session.flush()
        audit.record(session, ctx, "swap", "roster_assignment", assignment.id, before=before,
                     after={**audit.snapshot(assignment, ASSIGNMENT_FIELDS), "swap": swap.id})


def withdraw_swap(ctx: Context, swap_id: int) -> None:
    """The requester (or an administrator) takes a pending request back."""
    actor = ctx.require(UserRole.OFFICER)
    with ctx.db.write() as session:
        swap = session.get(SwapRequest, swap_id)
        if swap is None:
            raise NotFound(text("not_found", what=text("field.swap")))
        if swap.status != SwapStatus.REQUESTED.value:
            raise InputError(Problem("swap.not_pending"))
        if actor.role is not UserRole.ADMIN and swap.requested_by != (actor.display_name or actor.name):
            raise InputError(Problem("swap.not_yours"))
        before = audit.snapshot(swap, SWAP_FIELDS)
        swap.status = SwapStatus.WITHDRAWN.value
        swap.decided_by, swap.decided_at = actor.display_name or actor.name, ctx.clock.now()
        session.flush()
        audit.record(session, ctx, "withdraw", "swap_request", swap.id, before=before,
                     after=audit.snapshot(swap, SWAP_FIELDS))


def list_swaps(ctx: Context, *, pending_only: bool = False, limit: int = 500) -> list[SwapInfo]:
    giver, taker = aliased(Person), aliased(Person)
    with ctx.db.read() as session:
        query = (select(SwapRequest, giver.name, taker.name, RosterAssignment.role)
                 .join(giver, SwapRequest.from_person_id == giver.id)
                 .join(taker, SwapRequest.to_person_id == taker.id)
                 .outerjoin(RosterAssignment, SwapRequest.assignment_id == RosterAssignment.id))
        if pending_only:
            query = query.where(SwapRequest.status == SwapStatus.REQUESTED.value)
        rows = session.execute(query.order_by(SwapRequest.requested_at.desc(), SwapRequest.id.desc())
                               .limit(limit))
        return [SwapInfo(s.id, s.date, s.other_date, DutyRole(role) if role else None,
                         s.from_person_id, a, s.to_person_id, b, s.reason, SwapStatus(s.status),
                         s.requested_by, s.requested_at, s.decided_by, s.decided_at, s.version)
                for s, a, b, role in rows]
