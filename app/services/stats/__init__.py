"""Statistics (统计) of any period: incidents by category, level, month and unit; reporting
deadlines on time, late and missed by kind and channel; calls received; presence checks
answered within the allowed rings; plans, drills and training. One read transaction, SQL aggregates
only (app.services.stats.counts); the result is plain frozen data for the screen, the command
line, the workbook and the periodic reports.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from app.domain.progress import Progress, no_progress
from app.services.context import Context
from app.services.dutylog.presence import max_rings
from app.services.office.zone import zone_in
from app.services.stats import counts
from app.services.stats.counts import (
    CallCounts,
    DeadlineCounts,
    IncidentCounts,
    PresenceCounts,
    WarningCounts,
)
from app.services.stats.period import Period
from app.services.stats.plans_seam import PlanCounts, plan_counts

__all__ = ["Stats", "compute"]

STEPS = 6


@dataclass(frozen=True)
class Stats:
    """Everything counted for ``period``."""

    period: Period
    incidents: IncidentCounts
    warnings: WarningCounts
    deadlines: DeadlineCounts
    calls: CallCounts
    presence: PresenceCounts
    plans: PlanCounts


def compute(ctx: Context, start: dt.date, end: dt.date, progress: Progress = no_progress) -> Stats:
    """Count the records of ``start``..``end`` (office-local dates, both included).

    ``progress`` hears of each of the six counts as it is done (and may cancel between them).
    """
    limit = max_rings(ctx)
    with ctx.db.read() as s:
        period = Period(start, end, zone_in(s))
        progress(0, STEPS)
        incidents = counts.incidents(s, period)
        progress(1, STEPS)
        warnings = counts.warnings(s, period)
        progress(2, STEPS)
        deadlines = counts.deadlines(s, period)
        progress(3, STEPS)
        calls = counts.calls(s, period)
        progress(4, STEPS)
        presence = counts.presence(s, period, limit)
        progress(5, STEPS)
        plans = plan_counts(s, period)
        progress(6, STEPS)
    return Stats(period, incidents, warnings, deadlines, calls, presence, plans)
