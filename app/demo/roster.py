"""The demo office's roster: a 24-hour shift, pools from the bureau's own staff, two sensitive
periods, an absence, a generated roster from three months back to three months ahead, holiday
filings, one pending swap request and the two leaders who approve swaps."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.demo.scope import DemoScope
from app.domain.enums import DutyRole, SwapStatus
from app.models import (
    Absence,
    Office,
    Person,
    PoolMember,
    RosterAssignment,
    RosterFiling,
    SensitivePeriod,
    Setting,
    ShiftRole,
    ShiftTemplate,
    SwapRequest,
)
from app.services.office.zone import zone_in
from app.services.roster.generate import generate_in
from app.services.roster.setup import calendar_in, rules_in
from app.services.roster.swaps import APPROVERS_KEY

# index into the bureau's staff (app.demo.office._BUREAU_STAFF) -> leader tier
LEADER_TIERS = {0: 3, 1: 2, 2: 2, 3: 2, 4: 2, 5: 1, 6: 1, 7: 1}
OFFICERS = (8, 9, 10, 11, 12, 13, 14, 15, 16, 17)


def _months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, 28))


def extend(scope: DemoScope) -> None:
    session, ctx = scope.session, scope.ctx
    bureau = session.execute(select(Office.organization_id).limit(1)).scalar_one()  # built first
    staff = list(session.scalars(select(Person).where(Person.organization_id == bureau)
                                 .order_by(Person.id)))
    if session.scalar(select(ShiftTemplate.id).limit(1)) is None:  # cleared by demo --force
        shift = ShiftTemplate(name="全天", start_time=dt.time(8, 30), length_minutes=24 * 60,
                              sort_order=0, active=True)
        shift.roles = [ShiftRole(role=DutyRole.LEADER.value, count=1),
                       ShiftRole(role=DutyRole.OFFICER.value, count=2)]
        session.add(shift)
    for order, (index, tier) in enumerate(LEADER_TIERS.items()):
        session.add(PoolMember(role=DutyRole.LEADER.value, person_id=staff[index].id, tier=tier,
                               active=True, sort_order=order))
    for order, index in enumerate(OFFICERS):
        session.add(PoolMember(role=DutyRole.OFFICER.value, person_id=staff[index].id, tier=2,
                               active=True, sort_order=order))
    today = ctx.clock.now().astimezone(zone_in(session)).date()
    session.add(SensitivePeriod(name="冬季森林防火紧要期", starts_on=today - dt.timedelta(days=20),
                                ends_on=today + dt.timedelta(days=10), leader_tier=2, note=""))
    session.add(SensitivePeriod(name="重要活动保障", starts_on=today + dt.timedelta(days=14),
                                ends_on=today + dt.timedelta(days=14), leader_tier=3,
                                note="主要负责人带班"))
    session.add(Absence(person_id=staff[15].id, starts_on=today + dt.timedelta(days=20),
                        ends_on=today + dt.timedelta(days=26), kind="leave", place="",
                        note="年休假", cancelled=False))
    session.flush()
    start, end = _months(today, -3), _months(today, 3)
    generate_in(session, ctx, start, end, record=False)
    _filings(session, start, end, today, ctx.clock.now())
    _swap(session, staff, today, ctx.clock.now())
    # the head and the deputy the demo's leader signs in as approve swaps (no chief leader shift)
    session.merge(Setting(key=APPROVERS_KEY, value=[staff[0].id, staff[1].id]))


def _filings(session: Session, start: dt.date, end: dt.date, today: dt.date,
             now: dt.datetime) -> None:
    """Each holiday in the range: due a week before; the past ones filed on their due date."""
    days_before = rules_in(session).filing_days_before
    for period in calendar_in(session, range(start.year, end.year + 1)).holiday_periods(start, end):
        due = period.first_day - dt.timedelta(days=days_before)
        filed = None
        if due < today:
            filed = dt.datetime.combine(due, dt.time(2, 0), tzinfo=dt.UTC)  # 10:00 in Shanghai
        session.add(RosterFiling(holiday_name=period.name, first_day=period.first_day, due_on=due,
                                 filed_at=filed, filed_by="管理员" if filed else "", note=""))


def _swap(session: Session, staff: list[Person], today: dt.date, now: dt.datetime) -> None:
    """officer1 asks officer2 to take one of their next duties (a leader decides)."""
    asker, colleague = staff[12], staff[13]
    duty = session.scalar(select(RosterAssignment).where(
        RosterAssignment.person_id == asker.id, RosterAssignment.date > today + dt.timedelta(days=3))
        .order_by(RosterAssignment.date).limit(1))
    if duty is None:
        return
    session.add(SwapRequest(assignment_id=duty.id, date=duty.date, from_person_id=asker.id,
                            to_person_id=colleague.id, reason="孩子生病需陪护",
                            status=SwapStatus.REQUESTED.value, requested_by=asker.name,
                            requested_at=now, decided_by=""))
