"""Shift swaps: an officer asks, a leader approves, the roster changes with the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.enums import DutyRole, SwapStatus
from app.domain.errors import InputError, PermissionDenied
from app.services.context import Context
from app.services.office import audit, users
from app.services.roster import generate as roster_generate
from app.services.roster import schedule as roster
from app.services.roster import swaps as roster_swaps
from tests.services.roster.fixtures import staff_office

D = dt.date


def _officer_ctx(ctx: Context, person_id: int) -> Context:
    users.create_user(ctx, username="wu", display_name="吴晓东", role="officer",
                      password="officer-pass", person_id=person_id)
    return ctx.acting_as(users.authenticate(ctx, "wu", "officer-pass"))


def test_an_officer_asks_and_a_leader_approves(office_ctx: Context) -> None:
    ids = staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 14))
    days = roster.roster_range(office_ctx, D(2026, 12, 1), D(2026, 12, 14))
    mine = next(a for d in days for a in d.assignments if a.person_id == ids["吴晓东"])
    theirs = next(a for d in days for a in d.assignments
                  if a.role is DutyRole.OFFICER and a.person_id == ids["蒋春梅"]
                  and a.date != mine.date)
    officer = _officer_ctx(office_ctx, ids["吴晓东"])
    other = next(a for d in days for a in d.assignments if a.person_id == ids["郑丽华"])
    with pytest.raises(InputError) as caught:
        roster_swaps.request_swap(officer, other.id, ids["蒋春梅"])
    assert caught.value.problems[0].code == "swap.not_yours"
    swap_id = roster_swaps.request_swap(officer, mine.id, ids["蒋春梅"], "家中有事",
                                        other_assignment_id=theirs.id)
    with pytest.raises(PermissionDenied):
        roster_swaps.decide_swap(officer, swap_id, True)
    pending = roster_swaps.list_swaps(office_ctx, pending_only=True)
    assert [(s.from_name, s.to_name, s.status) for s in pending] == [
        ("吴晓东", "蒋春梅", SwapStatus.REQUESTED)]
    roster_swaps.decide_swap(office_ctx, swap_id, True)
    after = {a.id: a for d in roster.roster_range(office_ctx, D(2026, 12, 1), D(2026, 12, 14))
             for a in d.assignments}
    assert after[mine.id].person_id == ids["蒋春梅"] and after[theirs.id].person_id == ids["吴晓东"]
    assert after[mine.id].locked and after[theirs.id].locked
    entries = [(h.action, h.entity) for h in roster.history(office_ctx, limit=4)]
    assert entries[:3] == [("approve", "swap_request"), ("swap", "roster_assignment"),
                           ("swap", "roster_assignment")]
    with pytest.raises(InputError):
        roster_swaps.decide_swap(office_ctx, swap_id, False)
    assert audit.verify(office_ctx).ok


def test_rejected_withdrawn_and_outdated_requests(office_ctx: Context) -> None:
    ids = staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 3))
    day = roster.roster_range(office_ctx, D(2026, 12, 1), D(2026, 12, 1))[0]
    leader = day.leaders[0]
    other = next(pid for name, pid in ids.items() if pid != leader.person_id)
    first = roster_swaps.request_swap(office_ctx, leader.id, other)
    roster_swaps.decide_swap(office_ctx, first, False)
    second = roster_swaps.request_swap(office_ctx, leader.id, other)
    roster_swaps.withdraw_swap(office_ctx, second)
    third = roster_swaps.request_swap(office_ctx, leader.id, other)
    roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 3), replace=True)
    statuses = {s.id: s.status for s in roster_swaps.list_swaps(office_ctx)}
    assert statuses == {first: SwapStatus.REJECTED, second: SwapStatus.WITHDRAWN,
                        third: SwapStatus.WITHDRAWN}
    with pytest.raises(InputError) as caught:
        roster_swaps.request_swap(office_ctx, roster.roster_range(
            office_ctx, D(2026, 12, 2), D(2026, 12, 2))[0].leaders[0].id,
            roster.roster_range(office_ctx, D(2026, 12, 2), D(2026, 12, 2))[0].leaders[0].person_id)
    assert caught.value.problems[0].code == "swap.same_person"


def test_generating_in_a_transaction_without_an_operator_cannot_withdraw_swaps(
        office_ctx: Context) -> None:
    """generate_in is public (the demo office calls it): replacing duties withdraws their
    swap requests in an administrator's name, so without one it is refused plainly (it used
    to fail on ``None.label``)."""
    ids = staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 3))
    leader = roster.roster_range(office_ctx, D(2026, 12, 1), D(2026, 12, 1))[0].leaders[0]
    other = next(pid for pid in ids.values() if pid != leader.person_id)
    pending = roster_swaps.request_swap(office_ctx, leader.id, other)
    nobody = office_ctx.acting_as(None)
    with pytest.raises(PermissionDenied), nobody.db.write() as session:
        roster_generate.generate_in(session, nobody, D(2026, 12, 1), D(2026, 12, 3),
                                    replace=True, record=False)
    assert {s.id: s.status for s in roster_swaps.list_swaps(office_ctx)} == {
        pending: SwapStatus.REQUESTED}
