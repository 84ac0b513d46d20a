"""The office's recurring duties, gathered: each feature plans its own, this list runs them.

The scheduler calls ``ensure`` on start and then hourly; the demo calls ``ensure_in`` in its
transaction. A new recurring duty adds its planner here (the plans' reviews and drills are one).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.services.context import Context
from app.services.deadlines import recurring
from app.services.dutylog.daily_report import plan_daily_reports
from app.services.plans.clocks import plan_clocks
from app.services.roster.filing import plan_filings

PLANNERS: tuple[recurring.Planner, ...] = (
    recurring.quarterly_reports, plan_daily_reports, plan_filings, plan_clocks,
)


def ensure(ctx: Context) -> list[int]:
    """Create the recurring deadlines due soon that do not exist yet; their ids."""
    return recurring.ensure(ctx, PLANNERS)


def ensure_in(session: Session, ctx: Context, profile: dr.RuleProfile) -> list[int]:
    """The same in the caller's transaction, for ``profile``."""
    return recurring.ensure_in(session, ctx, recurring.plan(ctx, profile, PLANNERS), profile.key)
