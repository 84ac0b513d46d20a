"""The demo office's roster: complete, within the rules, holidays led by the required tier."""

from __future__ import annotations

import datetime as dt

from app.demo import build as demo
from app.domain.enums import DutyKind, DutyRole
from app.services.context import Context
from app.services.roster import calendar as roster_calendar
from app.services.roster import filing
from app.services.roster import schedule as roster
from app.services.roster import setup as roster_setup
from app.services.roster import swaps as roster_swaps
from tests.demo.test_demo import ctx  # noqa: F401  (the demo tests' database, clock at 2026-11-28)

D = dt.date


def test_the_demo_roster_runs_three_months_each_way_without_a_broken_rule(ctx: Context) -> None:  # noqa: F811
    demo.create_demo(ctx)
    start, end = D(2026, 8, 28), D(2027, 2, 28)
    days = roster.roster_range(ctx, start, end)
    assert len(days) == (end - start).days + 1
    assert all(len(d.leaders) == 1 and len(d.of(DutyRole.OFFICER)) == 2 for d in days)
    assert roster.conflicts(ctx, start, end) == []
    tiers = {e.person_id: e.tier for e in roster_setup.list_pool(ctx, DutyRole.LEADER)}
    holidays = [d for d in days if d.kind is DutyKind.HOLIDAY]
    assert len(holidays) == 10 and all(tiers[d.leaders[0].person_id] >= 2 for d in holidays)
    special = [d for d in days if d.required_tier == 3]
    assert special and all(tiers[d.leaders[0].person_id] == 3 for d in special)
    assert all(e.organization == "江州市应急管理局" for e in roster_setup.list_pool(ctx))
    filings = filing.filings(ctx, start, end)
    assert [(f.holiday_name, f.due_on, f.filed_at is not None) for f in filings] == [
        ("中秋节", D(2026, 9, 18), True), ("国庆节", D(2026, 9, 24), True)]
    assert roster_calendar.unknown_years(ctx, start, end) == [2027]
    assert len(roster_swaps.list_swaps(ctx, pending_only=True)) == 1
