"""Export the deadline record (on-time rate by month and kind; late and missed items)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from app.domain.enums import DeadlineOutcome
from app.domain.progress import Progress, no_progress
from app.export import deadlines_xlsx
from app.export.files import check_target
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import office
from app.services.office.zone import office_zone


def export(ctx: Context, path: Path, progress: Progress = no_progress) -> Path:
    """The record's statistics as a workbook, written whole or not at all (atomic_write)."""
    target = check_target(path)
    progress(0, None)
    months, problems = deadlines.statistics(ctx)
    progress(1, 2)
    zone = office_zone(ctx)
    info = office.get_office(ctx)

    def local(value: dt.datetime | None) -> str:
        return value.astimezone(zone).strftime("%Y-%m-%d %H:%M") if value else ""

    month_rows = [deadlines_xlsx.MonthRow(m.month, m.report_kind.zh, m.total, m.on_time, m.late,
                                          m.missed) for m in months]
    problem_rows = [deadlines_xlsx.ProblemRow(p.what, p.report_kind.zh, local(p.due_at),
                                              local(p.met_at), DeadlineOutcome(p.outcome).zh,
                                              p.closed_reason or p.met_how) for p in problems]
    deadlines_xlsx.write(target, info.name if info else "", month_rows, problem_rows)  # whole or not at all
    progress(2, 2)
    return target
