"""Export the incident register."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Iterator
from pathlib import Path

from sqlalchemy import func, select

from app.domain.enums import Category, Level
from app.domain.progress import Progress, Throttled, no_progress
from app.export import incidents_xlsx
from app.export.files import check_target
from app.export.xlsx import CellValue
from app.models import Incident
from app.services.context import Context
from app.services.incidents import listing as incident_list
from app.services.office import office
from app.services.office.zone import office_zone

_COLUMNS = (Incident.number, Incident.received_at, Incident.occurred_at, Incident.title,
            Incident.kind, Incident.category, Incident.level, Incident.location, Incident.deaths,
            Incident.serious_injuries, Incident.injuries, Incident.missing, Incident.trapped,
            Incident.status)
_CATEGORY = {c.value: c.zh for c in Category}
_LEVEL = {lv.value: lv.zh for lv in Level}


def export_list(ctx: Context, f: incident_list.ListFilter, path: Path,
                progress: Progress = no_progress) -> Path:
    """The incidents the filter finds, newest first, as the register workbook at ``path``.

    Written under a temporary name and renamed at the end: a failure or a cancel (``progress``
    raising Cancelled) leaves no file. Reads plain columns, not ORM rows, so the export costs
    little more than writing the workbook.
    """
    target = check_target(path)
    zone = office_zone(ctx)
    info = office.get_office(ctx)
    query = incident_list.filtered(select(*_COLUMNS), f).order_by(Incident.received_at.desc())
    with ctx.db.read() as s:
        total = s.scalar(incident_list.filtered(select(func.count()).select_from(Incident), f)) or 0
        progress(0, total)
        ticker = Throttled(progress, total, every=1000)
        rows = _rows(s.execute(query.execution_options(yield_per=2000)), zone, ticker)
        # the writer writes under a temporary name and renames at the end (a cancel: no file)
        incidents_xlsx.write(target, f"{info.name if info else ''}突发事件台账", rows, total)
    return target


def _rows(result: Iterator, zone: zoneinfo.ZoneInfo, ticker: Throttled) -> Iterator[list[CellValue]]:
    def local(v: dt.datetime | None) -> str:
        return v.astimezone(zone).strftime("%Y-%m-%d %H:%M") if v else ""

    for (number, received, occurred, title, kind, category, level, location, deaths, serious,
         injuries, missing, trapped, status) in result:
        ticker.step()
        yield [number, local(received), local(occurred), title,
               "预警信息" if kind == "warning" else "突发事件",
               _CATEGORY.get(category, "") if category else "", _LEVEL.get(level, "") if level else "",
               location, deaths, serious, injuries, missing, trapped,
               "办理中" if status == "open" else "已办结"]
