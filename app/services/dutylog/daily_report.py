"""The daily report in holiday periods ("有事报事，无事报平安"): composed from the day's
incidents; sending it meets that day's daily-report deadline (planned here, created by the recurring duties)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select

from app.domain import deadline_rules as dr
from app.domain import duty
from app.domain.duty import LogKind
from app.domain.enums import Channel, DeadlineOutcome, Level, ReportKind, UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem, text
from app.models import Deadline, Incident
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines.lifecycle import DeadlineInfo
from app.services.deadlines.recurring import PlanWindow, Wanted
from app.services.dutylog import entries, handover
from app.services.office.zone import office_zone
from app.services.roster.calendar import holiday_days

HOLIDAY_LOOKAHEAD_DAYS = 14
log = logging.getLogger(__name__)

DEFAULT_CUTOFF = "15:00"  # RULES.md §3: before 15:00 each holiday day


def recurring_key(day: dt.date) -> str:
    return f"daily:{day.isoformat()}"


def holiday_name(ctx: Context, day: dt.date) -> str:
    """The public holiday ``day`` belongs to (国庆节 …), or "" (also when the year is unknown)."""
    days, _unknown = holiday_days(ctx, day, day)
    return days[0][1] if days else ""


def deadline_of(ctx: Context, day: dt.date) -> DeadlineInfo | None:
    with ctx.db.read() as s:
        deadline_id = s.scalar(select(Deadline.id).where(Deadline.recurring_key == recurring_key(day)))
    return deadlines.get(ctx, deadline_id) if deadline_id else None


@dataclass(frozen=True)
class DailyReport:
    day: dt.date
    holiday: str
    since: dt.datetime
    until: dt.datetime
    incidents: int
    text: str
    deadline: DeadlineInfo | None


def compose(ctx: Context, day: dt.date | None = None) -> DailyReport:
    """The report of ``day`` (default: today, office time), covering the 24 hours before its
    deadline (15:00 by default): every incident received then, or a nil report."""
    zone = office_zone(ctx)
    now = ctx.clock.now()
    day = day or now.astimezone(zone).date()
    deadline = deadline_of(ctx, day)
    cutoff = deadline.due_at if deadline else dr.at_local(day, DEFAULT_CUTOFF, zone)
    since = cutoff - dt.timedelta(hours=24)
    until = now if since < now < cutoff else cutoff  # written before the cut-off: up to now
    with ctx.db.read() as s:
        rows = list(s.scalars(select(Incident).where(
            Incident.received_at >= since, Incident.received_at < until, Incident.is_drill.is_(False),
            Incident.kind == "event").order_by(Incident.received_at)))
        found = [duty.DayIncident(r.number, r.title, Level(r.level).zh if r.level else "", r.status,
                                  r.received_at, r.deaths, r.injuries, r.measures) for r in rows]
    actor = ctx.actor
    officer = (actor.display_name or actor.name) if actor else ""
    holiday = holiday_name(ctx, day)
    words = duty.compose_daily_report(office=handover.office_name(ctx), day=day, since=since, until=until,
                                      incidents=found, zone=zone, officer=officer, holiday=holiday)
    return DailyReport(day, holiday, since, until, len(found), words, deadline)


@dataclass(frozen=True)
class SentReport:
    message: str
    deadline: DeadlineInfo | None


def mark_sent(ctx: Context, day: dt.date, report_text: str, *, how: str = "信息报送系统") -> SentReport:
    """The report went up: it is logged, and that day's daily-report deadline is met."""
    ctx.require(UserRole.OFFICER)
    if not (report_text or "").strip():
        raise InputError(Problem("required", "log.text"))
    how = (how or "").strip() or "信息报送系统"
    with ctx.db.write() as s:
        row = s.scalar(select(Deadline).where(Deadline.recurring_key == recurring_key(day)))
        first = next((line for line in report_text.strip().splitlines()[3:] if line.strip()), "")
        entries.write_in(s, ctx, LogKind.REPORT, f"已通过{how}报送{day.month}月{day.day}日节假日日报告。"
                     + (f"\n{first.strip()}" if first else ""))
        met = None
        if row is not None and row.outcome == DeadlineOutcome.OPEN.value:
            met = deadlines.meet_in(s, ctx, row.id, how=how)
        outcome = DeadlineOutcome(met.outcome).zh if met is not None else None
        met_id = met.id if met is not None else None
    deadlines.notify_changed()
    info = deadlines.get(ctx, met_id) if met_id else None
    message = (text("daily.sent", day=day.isoformat(), outcome=outcome) if info
               else text("daily.no_deadline", day=day.isoformat()))
    return SentReport(message, info)


def plan_daily_reports(ctx: Context, profile: dr.RuleProfile, at: PlanWindow) -> list[Wanted]:
    """The daily report of each holiday day in the next two weeks (RULES.md §3)."""
    wanted: list[Wanted] = []
    for rule in profile.rules:
        if rule.kind != "calendar" or rule.event != "holiday_day":
            continue
        kind, channel = ReportKind(rule.report_kind), Channel(rule.channel)
        days, unknown = holiday_days(ctx, at.today, at.today + dt.timedelta(days=HOLIDAY_LOOKAHEAD_DAYS))
        for year in unknown:
            log.warning("no official holiday schedule for %s: no daily holiday reports planned", year)
        for day, name in days:
            due = dr.at_local(day, rule.times[0], at.zone)
            if due > at.now:
                wanted.append(Wanted(recurring_key(day), f"{day.month}月{day.day}日节假日日报告（{name}）",
                                     kind, channel, due))
    return wanted
