"""Re-filing (重新报备): a swap approved inside a holiday whose roster was already filed makes
the filed sheet wrong. The period is marked for re-filing by a deadline, and the next filing
sheet names the change in 备注, until the roster is filed again (RULES.md §5).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.domain.duty_calendar import DutyCalendar, HolidayPeriod, holiday_zh
from app.domain.enums import Channel, DeadlineOutcome, ReportKind, SwapStatus
from app.models import Deadline, Person, RosterFiling, SwapRequest
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.roster.setup import calendar_in

REFILING_HOURS = 24  # "report at once" (RULES.md §1): by this time the next day
SWAP_WORDS = "调班："  # how 备注 begins the words of an approved swap
LONGEST_BREAK = dt.timedelta(days=31)  # no holiday break is longer


@dataclass(frozen=True)
class FiledPeriod:
    """A holiday break whose roster was filed, and when."""

    period: HolidayPeriod
    filed_at: dt.datetime


def refiling_key(first_day: dt.date, swap_id: int) -> str:
    return f"refiling:{first_day.isoformat()}:{swap_id}"


def refiling_prefix(first_day: dt.date) -> str:
    return f"refiling:{first_day.isoformat()}:"


def filed_periods(session: Session, calendar: DutyCalendar, start: dt.date,
                  end: dt.date) -> list[FiledPeriod]:
    """The holiday breaks touching ``start``..``end`` whose roster has been filed."""
    periods = [p for p in calendar.holiday_periods(start - LONGEST_BREAK, end)
               if p.last_day >= start]
    if not periods:
        return []
    filed = {day: at for day, at in session.execute(
        select(RosterFiling.first_day, RosterFiling.filed_at).where(
            RosterFiling.first_day.in_([p.first_day for p in periods]),
            RosterFiling.filed_at.is_not(None)))}
    return [FiledPeriod(p, at) for p in periods if (at := filed.get(p.first_day)) is not None]


def _covering(filed: list[FiledPeriod], day: dt.date | None) -> FiledPeriod | None:
    return next((f for f in filed if day is not None
                 and f.period.first_day <= day <= f.period.last_day), None)


def plan_in(session: Session, ctx: Context, swap: SwapRequest) -> list[int]:
    """After ``swap`` was applied: a re-filing deadline for each filed holiday it falls in."""
    days = [d for d in (swap.date, swap.other_date) if d is not None]
    calendar = calendar_in(session, sorted({d.year for d in days}))
    filed = filed_periods(session, calendar, min(days), max(days))
    now = ctx.clock.now()
    created: list[int] = []
    for f in {id(f): f for d in days if (f := _covering(filed, d)) is not None}.values():
        name = holiday_zh(f.period.name)
        row = deadlines.add_in(
            session, ctx, what=f"{f.period.first_day.year}年{name}值班表变更重新报备",
            report_kind=ReportKind.ROSTER_FILING, channel=Channel.WRITTEN,
            due_at=now + dt.timedelta(hours=REFILING_HOURS),
            recurring_key=refiling_key(f.period.first_day, swap.id))
        created.append(row.id)
    return created


def meet_in(session: Session, ctx: Context, first_day: dt.date, at: dt.datetime) -> None:
    """Filing the holiday's roster again meets its open re-filing deadlines."""
    rows = session.scalars(select(Deadline.id).where(
        Deadline.recurring_key.like(f"{refiling_prefix(first_day)}%"),
        Deadline.outcome == DeadlineOutcome.OPEN.value)).all()
    for deadline_id in rows:
        deadlines.meet_in(session, ctx, deadline_id, how="值班表已重新报备", at=at)


def changes_in(session: Session, start: dt.date, end: dt.date,
               calendar: DutyCalendar) -> dict[dt.date, list[str]]:
    """The words 备注 gives each day of ``start``..``end`` changed by a swap approved after its
    holiday's roster was filed: 调班：李四替张三值班."""
    filed = filed_periods(session, calendar, start, end)
    if not filed:
        return {}
    names = {pid: name for pid, name in session.execute(select(Person.id, Person.name))}
    out: dict[dt.date, list[str]] = defaultdict(list)
    swaps = session.scalars(select(SwapRequest).where(
        SwapRequest.status == SwapStatus.APPLIED.value,
        or_(SwapRequest.date.between(start, end), SwapRequest.other_date.between(start, end)))
        .order_by(SwapRequest.decided_at, SwapRequest.id))
    for swap in swaps:
        giver, taker = names.get(swap.from_person_id, ""), names.get(swap.to_person_id, "")
        for day, words in ((swap.date, f"{SWAP_WORDS}{taker}替{giver}值班"),
                           (swap.other_date, f"{SWAP_WORDS}{giver}替{taker}值班")):
            f = _covering(filed, day)
            if (day is not None and start <= day <= end and f is not None
                    and swap.decided_at is not None and swap.decided_at > f.filed_at):
                out[day].append(words)
    return dict(out)


def pending(session: Session, first_days: list[dt.date]) -> set[dt.date]:
    """Which of these holidays have an open re-filing deadline."""
    if not first_days:
        return set()
    keys = session.scalars(select(Deadline.recurring_key).where(
        Deadline.recurring_key.like("refiling:%"),
        Deadline.outcome == DeadlineOutcome.OPEN.value)).all()
    wanted = {d.isoformat(): d for d in first_days}
    return {wanted[k.split(":")[1]] for k in keys if k and k.split(":")[1] in wanted}
