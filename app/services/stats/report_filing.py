"""Filing the quarterly work report (季度报送) with the superior office meets the quarter's
recurring deadline and says so in the duty log (RULES.md §1, §3: at least once a quarter, by
the 10th of the month after it by default).

The button in 统计 and ``report quarterly --file`` call ``file_quarterly``. A quarter whose
deadline was never planned (an old one, or an office that started late) gets it made and met
in the same transaction, so the record shows whether the report went up on time.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from app.domain import deadline_rules as dr
from app.domain.duty import LogKind
from app.domain.enums import Channel, DeadlineOutcome, ReportKind, UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.models import Deadline
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.lifecycle import DeadlineInfo
from app.services.deadlines.recurring import quarterly_key, quarterly_what
from app.services.dutylog import entries
from app.services.office.zone import office_zone
from app.services.stats.period import quarter

DEFAULT_HOW = "书面报送"
FUTURE_SLACK = dt.timedelta(minutes=5)
QUARTER_WORDS = ("一", "二", "三", "四")


@dataclass(frozen=True)
class FiledReport:
    deadline: DeadlineInfo
    planned: bool  # the deadline existed; False: it was made now, for an unplanned quarter


def _due(ctx: Context, last_day: dt.date) -> tuple[dt.datetime, ReportKind, Channel]:
    """When the quarter's report is due under the active profile (its calendar rule)."""
    zone = office_zone(ctx)
    for rule in rule_profiles.active_profile(ctx).rules:
        if rule.kind == "calendar" and rule.event == "quarter_end":
            return (dr.quarter_report_due(last_day, rule, zone), ReportKind(rule.report_kind),
                    Channel(rule.channel))
    first = last_day + dt.timedelta(days=1)
    return dr.at_local(first.replace(day=10), "17:30", zone), ReportKind.QUARTERLY_REPORT, Channel.WRITTEN


def _check(ctx: Context, year: int, number: int, at: dt.datetime) -> tuple[dt.date, dt.date]:
    problems = []
    if not 1900 <= year <= 2200:
        problems.append(Problem("report.bad_year", "report.year", {"value": year}))
    if number not in (1, 2, 3, 4):
        problems.append(Problem("report.bad_quarter", "report.quarter", {"value": number}))
    if problems:
        raise InputError(problems)
    first, last = quarter(year, number)
    now = ctx.clock.now()
    if at > now + FUTURE_SLACK:
        raise InputError(Problem("report.filed_in_future", "report.filed_at",
                                 {"value": at.astimezone(office_zone(ctx)).isoformat()}))
    if at.astimezone(office_zone(ctx)).date() < first:
        raise InputError(Problem("report.quarter_not_begun", None,
                                 {"year": year, "quarter": number}))
    return first, last


def file_quarterly(ctx: Context, year: int, number: int, *, at: dt.datetime | None = None,
                   how: str = DEFAULT_HOW) -> FiledReport:
    """The quarter's work report went up (now, or ``at``): its deadline is met, on time or
    late, and the duty log says so. Filed twice is refused, naming when it was filed."""
    ctx.require(UserRole.OFFICER)
    when = at or ctx.clock.now()
    _first, last = _check(ctx, year, number, when)
    how = (how or "").strip() or DEFAULT_HOW
    due, kind, channel = _due(ctx, last)
    key = quarterly_key(year, number)
    with ctx.db.write() as s:
        row = s.scalar(select(Deadline).where(Deadline.recurring_key == key))
        planned = row is not None
        if row is None:
            row = deadlines.add_in(s, ctx, what=quarterly_what(year, number), report_kind=kind,
                                   channel=channel, due_at=due, recurring_key=key,
                                   rule_profile=rule_profiles.active_key(ctx))
        elif row.outcome != DeadlineOutcome.OPEN.value:
            zone = office_zone(ctx)
            raise InputError(Problem("report.already_filed", None, {
                "year": year, "quarter": number, "outcome": DeadlineOutcome(row.outcome).zh,
                "at": row.met_at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if row.met_at else "—"}))
        met = deadlines.meet_in(s, ctx, row.id, how=how, at=when)
        local = when.astimezone(office_zone(ctx)).strftime("%Y-%m-%d %H:%M")
        entries.write_in(s, ctx, LogKind.REPORT,  # written now, in the shift open now
                         f"{local} 已{how}{year}年第{QUARTER_WORDS[number - 1]}季度应急值守工作情况报告。")
        met_id = met.id
    deadlines.notify_changed()
    return FiledReport(deadlines.get(ctx, met_id), planned)
