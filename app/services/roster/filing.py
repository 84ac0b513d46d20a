"""Filing the holiday rosters with the superior office (报备): when each is due, marking it
filed, and the recurring deadline that reminds the office before each holiday (RULES.md §5)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain.duty_calendar import holiday_zh
from app.domain.enums import Channel, ReportKind, UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.models import Deadline, RosterFiling
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines.recurring import PlanWindow, Wanted
from app.services.office import audit
from app.services.roster import refiling
from app.services.roster.setup import calendar_in, rules_in

FILING_LOOKAHEAD_DAYS = 60
FILING_TIME = "17:30"


@dataclass(frozen=True)
class FilingInfo:
    """A holiday's roster filing: the break, when it is due, when it was filed."""

    holiday_name: str
    first_day: dt.date
    last_day: dt.date
    due_on: dt.date
    filed_at: dt.datetime | None
    filed_by: str
    id: int | None
    refile: bool = False  # a swap approved since it was filed: file it again


def filings(ctx: Context, start: dt.date, end: dt.date) -> list[FilingInfo]:
    """The holiday breaks beginning in ``start``..``end`` with their filing dates.

    A break without a stored filing is due ``filing_days_before`` days before its first day.
    """
    with ctx.db.read() as session:
        days_before = rules_in(session).filing_days_before
        cal = calendar_in(session, range(start.year, end.year + 1))
        stored = {f.first_day: (f.due_on, f.filed_at, f.filed_by, f.id)
                  for f in session.execute(select(RosterFiling).where(
                      RosterFiling.first_day >= start, RosterFiling.first_day <= end)).scalars()}
        periods = cal.holiday_periods(start, end)
        again = refiling.pending(session, [p.first_day for p in periods])
    out = []
    for period in periods:
        default = (period.first_day - dt.timedelta(days=days_before), None, "", None)
        due, filed_at, filed_by, row_id = stored.get(period.first_day, default)
        out.append(FilingInfo(period.name, period.first_day, period.last_day, due, filed_at,
                              filed_by, row_id, period.first_day in again))
    return out


def _filing_row(session: Session, first_day: dt.date) -> RosterFiling:
    row = session.scalar(select(RosterFiling).where(RosterFiling.first_day == first_day))
    if row is not None:
        return row
    cal = calendar_in(session, [first_day.year])
    period = next((p for p in cal.holiday_periods(first_day, first_day)), None)
    if period is None:
        raise InputError(Problem("filing.no_holiday", "filing.first_day",
                                 {"value": first_day.isoformat()}))
    days_before = rules_in(session).filing_days_before
    row = RosterFiling(holiday_name=period.name, first_day=first_day,
                       due_on=first_day - dt.timedelta(days=days_before), filed_by="", note="")
    session.add(row)
    session.flush()
    return row


def set_filing_due(ctx: Context, first_day: dt.date, due_on: dt.date) -> None:
    """Change when a holiday's roster must be filed."""
    ctx.require(UserRole.ADMIN)
    if due_on > first_day:
        raise InputError(Problem("filing.after_holiday", "filing.due_on",
                                 {"value": due_on.isoformat()}))
    with ctx.db.write() as session:
        row = _filing_row(session, first_day)
        before = audit.snapshot(row, ("holiday_name", "first_day", "due_on"))
        row.due_on = due_on
        session.flush()
        audit.record(session, ctx, "update", "roster_filing", row.id, before=before,
                     after=audit.snapshot(row, ("holiday_name", "first_day", "due_on")))


def mark_filed(ctx: Context, first_day: dt.date, filed_at: dt.datetime | None = None) -> None:
    """Record that the holiday's roster was filed with the superior office (now by default)."""
    actor = ctx.require(UserRole.ADMIN)
    with ctx.db.write() as session:
        row = _filing_row(session, first_day)
        before = audit.snapshot(row, ("filed_at", "filed_by"))
        row.filed_at = filed_at or ctx.clock.now()
        row.filed_by = actor.display_name or actor.name
        session.flush()
        audit.record(session, ctx, "filed", "roster_filing", row.id, before=before,
                     after=audit.snapshot(row, ("holiday_name", "first_day", "filed_at",
                                                "filed_by")))
        _meet_filing_deadline(session, ctx, first_day, row.filed_at)
        refiling.meet_in(session, ctx, first_day, row.filed_at)
    deadlines.notify_changed()


def _meet_filing_deadline(session: Session, ctx: Context, first_day: dt.date, at: dt.datetime) -> None:
    """Filing meets the holiday's roster-filing deadline (recurring duties), if it is open."""
    row = session.scalar(select(Deadline).where(Deadline.recurring_key == filing_key(first_day),
                                                Deadline.outcome == "open"))
    if row is not None:
        deadlines.meet_in(session, ctx, row.id, how="值班表已报备", at=at)




def filing_key(first_day: dt.date) -> str:
    return f"filing:{first_day.isoformat()}"


def plan_filings(ctx: Context, profile: dr.RuleProfile, at: PlanWindow) -> list[Wanted]:
    """Each coming holiday's roster is filed with the superior office by its filing date."""
    out: list[Wanted] = []
    for f in filings(ctx, at.today, at.today + dt.timedelta(days=FILING_LOOKAHEAD_DAYS)):
        due = dr.at_local(f.due_on, FILING_TIME, at.zone)
        if f.filed_at is None and due > at.now - dt.timedelta(days=1):
            out.append(Wanted(filing_key(f.first_day),
                              f"{f.first_day.year}年{holiday_zh(f.holiday_name)}值班表报备",
                              ReportKind.ROSTER_FILING, Channel.WRITTEN, due))
    return out
