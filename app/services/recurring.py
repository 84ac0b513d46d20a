"""Recurring duties that come from the calendar: the quarterly work report, the daily report
on holidays. Each creates its deadline ahead of time, once (a unique recurring key)."""

from __future__ import annotations

import datetime as dt
import logging

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain.enums import Channel, ReportKind
from app.models import Deadline
from app.services import deadlines, rule_profiles
from app.services.context import Actor, Context
from app.services.housekeeping import office_zone

log = logging.getLogger(__name__)

HOLIDAY_LOOKAHEAD_DAYS = 14


def holiday_days(ctx: Context, start: dt.date, end: dt.date) -> tuple[list[tuple[dt.date, str]], list[int]]:
    """Public holidays in [start, end] from the office's calendar (its own table over the
    official schedule), and the years it does not know. Never guessed."""
    from app.domain.enums import CalendarKind
    from app.services.roster_setup import calendar_in

    with ctx.db.read() as session:
        cal = calendar_in(session, range(start.year, end.year + 1))
    found = []
    day = start
    while day <= end:
        entry = cal.entry(day)
        if entry is not None and entry.kind is CalendarKind.HOLIDAY:
            found.append((day, entry.name))
        day += dt.timedelta(days=1)
    return found, cal.unknown_years(start, end)


def ensure(ctx: Context) -> list[int]:
    """Create the recurring deadlines due soon that do not exist yet; their ids."""
    ctx = ctx if ctx.actor else ctx.acting_as(Actor.system("calendar"))
    profile = rule_profiles.active_profile(ctx)
    wanted = plan(ctx, profile)
    if not wanted:
        return []
    with ctx.db.write() as s:
        created = ensure_in(s, ctx, wanted, profile.key)
    if created:
        deadlines.notify_changed()
    return created


Wanted = tuple[str, str, ReportKind, Channel, dt.datetime]


def plan(ctx: Context, profile: dr.RuleProfile) -> list[Wanted]:
    """The recurring deadlines the calendar asks for now: (key, what, kind, channel, due)."""
    zone = office_zone(ctx)
    now = ctx.clock.now()
    today = now.astimezone(zone).date()
    wanted: list[tuple[str, str, ReportKind, Channel, dt.datetime]] = []
    for rule in profile.rules:
        if rule.kind != "calendar":
            continue
        kind, channel = ReportKind(rule.report_kind), Channel(rule.channel)
        if rule.event == "quarter_end":
            year, q, end = dr.quarter_of(today)
            for key_year, key_q, q_end in ((year, q, end), dr.quarter_of(end + dt.timedelta(days=1))[:3]):
                due = dr.quarter_report_due(q_end, rule, zone)
                if due > now - dt.timedelta(days=1):
                    wanted.append((f"quarterly:{key_year}Q{key_q}",
                                   f"{key_year}年第{key_q}季度应急工作报送", kind, channel, due))
        elif rule.event == "holiday_day":
            days, unknown = holiday_days(ctx, today, today + dt.timedelta(days=HOLIDAY_LOOKAHEAD_DAYS))
            for year in unknown:
                log.warning("no official holiday schedule for %s: no daily holiday reports planned", year)
            for day, name in days:
                due = dr.at_local(day, rule.times[0], zone)
                if due > now:
                    wanted.append((f"daily:{day.isoformat()}",
                                   f"{day.month}月{day.day}日节假日日报告（{_holiday_zh(name)}）",
                                   kind, channel, due))
    wanted += _roster_filings(ctx, today, zone, now)
    return wanted


FILING_LOOKAHEAD_DAYS = 60
FILING_TIME = "17:30"


def _roster_filings(ctx: Context, today: dt.date, zone, now: dt.datetime) -> list[Wanted]:  # type: ignore[no-untyped-def]
    """Each coming holiday's roster is filed with the superior office by its filing date."""
    from app.services import roster_calendar

    out: list[Wanted] = []
    for f in roster_calendar.filings(ctx, today, today + dt.timedelta(days=FILING_LOOKAHEAD_DAYS)):
        due = dr.at_local(f.due_on, FILING_TIME, zone)
        if f.filed_at is None and due > now - dt.timedelta(days=1):
            out.append((filing_key(f.first_day), f"{f.first_day.year}年{_holiday_zh(f.holiday_name)}值班表报备",
                        ReportKind.ROSTER_FILING, Channel.WRITTEN, due))
    return out


def filing_key(first_day: dt.date) -> str:
    return f"filing:{first_day.isoformat()}"


def ensure_in(session: Session, ctx: Context, wanted: list[Wanted], profile_key: str) -> list[int]:
    """Create, in the caller's transaction, those of ``wanted`` that do not exist yet."""
    have = set(session.scalars(select(Deadline.recurring_key).where(
        Deadline.recurring_key.in_([w[0] for w in wanted]))))
    created = []
    for key, what, kind, channel, due in wanted:
        if key not in have:
            row = deadlines.add_in(session, ctx, what=what, report_kind=kind, channel=channel,
                                   due_at=due, recurring_key=key, rule_profile=profile_key)
            created.append(row.id)
    return created


_HOLIDAYS_ZH = {
    "New Year's Day": "元旦", "Spring Festival": "春节", "Tomb-sweeping Day": "清明节",
    "Labour Day": "劳动节", "Dragon Boat Festival": "端午节", "National Day": "国庆节",
    "Mid-autumn Festival": "中秋节", "Anti-Fascist 70th Day": "抗战胜利纪念日",
}


def _holiday_zh(name: str) -> str:
    return _HOLIDAYS_ZH.get(name, name)
