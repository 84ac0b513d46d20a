"""Recurring duties that come from the calendar, as deadlines created ahead of time, once.

Each feature that owes a recurring duty plans its own (the quarterly work report here, the
daily holiday report in ``dutylog.daily_report``, the roster filing in ``roster.filing``); a
planner returns what it wants, keyed so that a duty is created only once (a unique recurring
key). ``app.services.duties`` gathers the planners and is what the scheduler calls.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain.enums import Channel, ReportKind
from app.models import Deadline
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.office.zone import office_zone


@dataclass(frozen=True)
class Wanted:
    """One recurring deadline a planner asks for."""

    key: str
    what: str
    report_kind: ReportKind
    channel: Channel
    due_at: dt.datetime


@dataclass(frozen=True)
class PlanWindow:
    """The moment a planner plans from: now, today and the office's zone."""

    now: dt.datetime
    today: dt.date
    zone: zoneinfo.ZoneInfo


Planner = Callable[[Context, dr.RuleProfile, PlanWindow], list[Wanted]]


def window(ctx: Context) -> PlanWindow:
    zone = office_zone(ctx)
    now = ctx.clock.now()
    return PlanWindow(now, now.astimezone(zone).date(), zone)


def plan(ctx: Context, profile: dr.RuleProfile, planners: Sequence[Planner]) -> list[Wanted]:
    """What every planner asks for now."""
    at = window(ctx)
    return [w for planner in planners for w in planner(ctx, profile, at)]


def ensure(ctx: Context, planners: Sequence[Planner]) -> list[int]:
    """Create the recurring deadlines due soon that do not exist yet; their ids."""
    ctx = ctx if ctx.actor else ctx.acting_as(Actor.system("calendar"))
    profile = rule_profiles.active_profile(ctx)
    wanted = plan(ctx, profile, planners)
    if not wanted:
        return []
    with ctx.db.write() as s:
        created = ensure_in(s, ctx, wanted, profile.key)
    if created:
        deadlines.notify_changed()
    return created


def ensure_in(session: Session, ctx: Context, wanted: list[Wanted], profile_key: str) -> list[int]:
    """Create, in the caller's transaction, those of ``wanted`` that do not exist yet."""
    have = set(session.scalars(select(Deadline.recurring_key).where(
        Deadline.recurring_key.in_([w.key for w in wanted]))))
    created = []
    for w in wanted:
        if w.key not in have:
            row = deadlines.add_in(session, ctx, what=w.what, report_kind=w.report_kind,
                                   channel=w.channel, due_at=w.due_at, recurring_key=w.key,
                                   rule_profile=profile_key)
            created.append(row.id)
    return created


def quarterly_key(year: int, quarter: int) -> str:
    """The recurring key of a quarter's work report (filing it meets that deadline)."""
    return f"quarterly:{year}Q{quarter}"


def quarterly_what(year: int, quarter: int) -> str:
    return f"{year}年第{quarter}季度应急工作报送"


def quarterly_reports(ctx: Context, profile: dr.RuleProfile, at: PlanWindow) -> list[Wanted]:
    """The quarterly work report of this quarter and the next (RULES.md §1, §3)."""
    wanted = []
    for rule in profile.rules:
        if rule.kind != "calendar" or rule.event != "quarter_end":
            continue
        kind, channel = ReportKind(rule.report_kind), Channel(rule.channel)
        year, q, end = dr.quarter_of(at.today)
        for key_year, key_q, q_end in ((year, q, end), dr.quarter_of(end + dt.timedelta(days=1))[:3]):
            due = dr.quarter_report_due(q_end, rule, at.zone)
            if due > at.now - dt.timedelta(days=1):
                wanted.append(Wanted(quarterly_key(key_year, key_q),
                                     quarterly_what(key_year, key_q), kind, channel, due))
    return wanted
