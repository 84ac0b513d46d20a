"""Shift swaps (调班): an officer asks, a leader approves, the change enters the audit trail.

A swap either hands one assignment to a colleague (替班) or trades two assignments between two
people (互换). Approving applies it at once and locks the changed assignments, so the generator
keeps them.
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
from app.models import Person, RosterAssignment, SwapRequest, User
from app.services.context import Context
from app.services.office import audit
from app.services.roster.schedule import ASSIGNMENT_FIELDS

SWAP_FIELDS = ("assignment_id", "other_assignment_id", "date", "other_date", "from_person_id",
               "to_person_id", "reason", "status", "requested_by", "decided_by")


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


def decide_swap(ctx: Context, swap_id: int, approve: bool, expected_version: int | None = None) -> None:
    """A leader approves (the swap is applied) or rejects a request."""
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
            before = audit.snapshot(swap, SWAP_FIELDS)
            if approve:
                _apply(session, ctx, swap)
            swap.status = (SwapStatus.APPLIED if approve else SwapStatus.REJECTED).value
            swap.decided_by = actor.display_name or actor.name
            swap.decided_at = ctx.clock.now()
            session.flush()
            audit.record(session, ctx, "approve" if approve else "reject", "swap_request",
                         swap.id, before=before, after=audit.snapshot(swap, SWAP_FIELDS))
    except StaleDataError as exc:
        raise StaleRecord() from exc


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
