"""The statistics of a period as a workbook (统计 → export): every table, with its totals."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from app.domain.progress import Progress, no_progress
from app.export import stats_xlsx
from app.export.files import atomic_write, check_target
from app.models import Office
from app.services import stats
from app.services.context import Context
from app.services.stats import tables


def heading(ctx: Context, result: stats.Stats) -> str:
    """江州市应急管理局 2026年1月1日至2026年12月31日 统计."""
    with ctx.db.read() as s:
        office = s.scalar(select(Office.name).order_by(Office.id).limit(1)) or ""
    start, end = result.period.start, result.period.end
    return (f"{office}{start.year}年{start.month}月{start.day}日至"
            f"{end.year}年{end.month}月{end.day}日统计")


def export_workbook(ctx: Context, result: stats.Stats, path: Path,
                    progress: Progress = no_progress) -> Path:
    """Write ``result``'s tables to ``path`` (.xlsx), whole or not at all; the path written."""
    target = check_target(path)
    with atomic_write(target) as part:
        stats_xlsx.write_tables(part, heading(ctx, result), tables.all_tables(result), progress)
    return target
