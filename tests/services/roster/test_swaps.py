"""Shift swaps: an officer asks, a leader approves, the roster changes with the audit trail."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.enums import DutyRole, SwapStatus
from app.domain.errors import InputError, PermissionDenied
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit, users
from app.services.roster import files as roster_files
from app.services.roster import filing
from app.services.roster import generate as roster_generate
from app.services.roster import schedule as roster
from app.services.roster import swaps as roster_swaps
from tests.services.roster.fixtures import OFFICERS, staff_office

D = dt.date


def _officer_ctx(ctx: Context, person_id: int) -> Context:
    users.create_user(ctx, username="wu", display_name="吴晓东", role="officer",
                      password="officer-pass", person_id=person_id)
    return ctx.acting_as(users.authenticate(ctx, "wu", "officer-pass"))


def _leader_ctx(ctx: Context, person_id: int, username: str) -> Context:
    users.create_user(ctx, username=username, display_name=username, role="leader",
                      password="leader-pass", person_id=person_id)
    return ctx.acting_as(users.authenticate(ctx, username, "leader-pass"))


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
    # no chief leader on duty those days and nobody named: nobody may decide yet
    deputy = _leader_ctx(office_ctx, ids["钱立新"], "qian")
    with pytest.raises(InputError) as caught:
        roster_swaps.decide_swap(deputy, swap_id, True)
    assert caught.value.problems[0].code == "swap.no_approver"
    # the office names the head; a deputy (a leader, but not named) still may not
    roster_swaps.set_approvers(office_ctx, [ids["赵德明"]])
    assert [p.name for p in roster_swaps.named_approvers(office_ctx)] == ["赵德明"]
    with pytest.raises(InputError) as caught:
        roster_swaps.decide_swap(deputy, swap_id, True)
    assert caught.value.problems[0].message() == (
        "调班须由当日总带班领导或本单位指定的审批人审批（赵德明）。")
    with pytest.raises(InputError):
        roster_swaps.decide_swap(office_ctx, swap_id, True)  # the administrator is no approver
    head = _leader_ctx(office_ctx, ids["赵德明"], "zhao")
    roster_swaps.decide_swap(head, swap_id, True)
    after = {a.id: a for d in roster.roster_range(office_ctx, D(2026, 12, 1), D(2026, 12, 14))
             for a in d.assignments}
    assert after[mine.id].person_id == ids["蒋春梅"] and after[theirs.id].person_id == ids["吴晓东"]
    assert after[mine.id].locked and after[theirs.id].locked
    entries = [(h.action, h.entity) for h in roster.history(office_ctx, limit=4)]
    assert entries[:3] == [("approve", "swap_request"), ("swap", "roster_assignment"),
                           ("swap", "roster_assignment")]
    with pytest.raises(InputError):
        roster_swaps.decide_swap(head, swap_id, False)
    assert audit.verify(office_ctx).ok


def test_rejected_withdrawn_and_outdated_requests(office_ctx: Context) -> None:
    ids = staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, D(2026, 12, 1), D(2026, 12, 3))
    day = roster.roster_range(office_ctx, D(2026, 12, 1), D(2026, 12, 1))[0]
    leader = day.leaders[0]
    other = next(pid for name, pid in ids.items() if pid != leader.person_id)
    first = roster_swaps.request_swap(office_ctx, leader.id, other)
    # the chief leader on duty that day decides
    chief = next(pid for pid in ids.values() if pid not in (leader.person_id, other))
    roster.set_place(office_ctx, day=D(2026, 12, 1), shift_id=day.shift_id,
                     role=DutyRole.CHIEF_LEADER, position=0, person_id=chief)
    roster_swaps.decide_swap(_leader_ctx(office_ctx, chief, "chief"), first, False)
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


def test_a_swap_inside_a_filed_holiday_marks_it_for_refiling_and_shows_on_the_sheet(
        office_ctx: Context, clock, tmp_path) -> None:  # type: ignore[no-untyped-def]
    ids = staff_office(office_ctx)
    clock.set(dt.datetime(2026, 9, 20, 2, 0, tzinfo=dt.UTC))
    roster_generate.generate_roster(office_ctx, D(2026, 9, 28), D(2026, 10, 9))
    filing.mark_filed(office_ctx, D(2026, 10, 1))  # 国庆节's roster went up on 20 September
    roster_swaps.set_approvers(office_ctx, [ids["赵德明"]])
    head = _leader_ctx(office_ctx, ids["赵德明"], "zhao")
    days = roster.roster_range(office_ctx, D(2026, 9, 28), D(2026, 10, 9))
    inside = next(a for d in days if d.date == D(2026, 10, 3) for a in d.assignments
                  if a.role is DutyRole.OFFICER)
    outside = next(a for d in days if d.date == D(2026, 9, 29) for a in d.assignments
                   if a.role is DutyRole.OFFICER)
    taker = next(pid for name, pid in ids.items()
                 if pid not in {a.person_id for d in days if d.date == D(2026, 10, 3)
                                for a in d.assignments} and name in dict(OFFICERS))
    clock.advance(dt.timedelta(days=2))
    roster_swaps.decide_swap(head, roster_swaps.request_swap(office_ctx, outside.id, taker), True)
    assert not filing.filings(office_ctx, D(2026, 10, 1), D(2026, 10, 1))[0].refile  # not filed
    roster_swaps.decide_swap(head, roster_swaps.request_swap(office_ctx, inside.id, taker), True)
    national_day = filing.filings(office_ctx, D(2026, 10, 1), D(2026, 10, 1))[0]
    assert national_day.refile
    again = [d for d in deadlines.list_open(office_ctx) if d.what == "2026年国庆节值班表变更重新报备"]
    assert len(again) == 1 and again[0].due_at == clock.now() + dt.timedelta(hours=24)
    names = {pid: name for name, pid in ids.items()}
    words = f"调班：{names[taker]}替{names[inside.person_id]}值班"
    sheet = roster_files.filing_sheet(office_ctx, D(2026, 10, 1), D(2026, 10, 7))
    remarks = {row[0]: row[-1] for row in sheet.rows}
    assert remarks[D(2026, 10, 3)] == f"国庆节；{words}"
    assert remarks[D(2026, 10, 2)] == "国庆节"
    # the sheet reads back without keeping the swap's words as a note
    path = tmp_path / "national_day.xlsx"
    roster_files.export_workbook(office_ctx, D(2026, 10, 1), D(2026, 10, 7), path)
    roster_files.import_workbook(office_ctx, path)
    assert all(a.note == "" for d in roster.roster_range(office_ctx, D(2026, 10, 1), D(2026, 10, 7))
               for a in d.assignments)
    # filed again: the deadline is met and the sheet speaks of the change no more
    filing.mark_filed(office_ctx, D(2026, 10, 1))
    assert deadlines.get(office_ctx, again[0].id).outcome.value == "on_time"
    assert not filing.filings(office_ctx, D(2026, 10, 1), D(2026, 10, 1))[0].refile
    sheet = roster_files.filing_sheet(office_ctx, D(2026, 10, 3), D(2026, 10, 3))
    assert sheet.rows[0][-1] == "国庆节"
