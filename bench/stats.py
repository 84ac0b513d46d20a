"""The statistics of a year, and the quarterly report's content, on a large office.

    python bench/stats.py --db COPY_OF_LARGE.db [--year 2026] [--runs 5]

Counts a whole year (SQL aggregates over up to a million incidents) and assembles the content
of the year's last quarterly report and of the annual summary; prints the median of each.
Use a copy of a large demo database (``dutydesk demo --scale large``): opening it may migrate it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from sqlalchemy import func, select

from app.domain.clock import SystemClock
from app.domain.report_outline import DocumentKind
from app.models import Incident
from app.services import stats
from app.services.context import Actor, Context
from app.services.office import health
from app.services.stats import report_content
from bench.common import median_seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    opened = health.open_database(args.db, SystemClock())
    ctx = Context(opened.db, SystemClock(), Actor.command_line())
    with ctx.db.read() as s:
        total = s.scalar(select(func.count()).select_from(Incident))
    first, last = dt.date(args.year, 1, 1), dt.date(args.year, 12, 31)
    year = stats.compute(ctx, first, last)
    print(f"incidents held: {total}; in {args.year}: {year.incidents.total}")
    print(f"stats, a year:        {median_seconds(args.runs, lambda: stats.compute(ctx, first, last)):.3f} s")
    print(f"quarterly content:    {median_seconds(args.runs, lambda: report_content.assemble(ctx, DocumentKind.QUARTERLY, args.year, 4)):.3f} s")
    print(f"annual content:       {median_seconds(args.runs, lambda: report_content.assemble(ctx, DocumentKind.ANNUAL, args.year)):.3f} s")
    opened.db.dispose()


if __name__ == "__main__":
    main()
