"""Export the incident register."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import select

from app.domain.enums import Category, Level
from app.export import incidents_xlsx
from app.models import Incident
from app.services.context import Context
from app.services.incidents import listing as incident_list
from app.services.office import office
from app.services.office.zone import office_zone


def export_list(ctx: Context, f: incident_list.ListFilter, path: Path) -> Path:
    zone = office_zone(ctx)
    info = office.get_office(ctx)

    def local(v: dt.datetime | None) -> str:
        return v.astimezone(zone).strftime("%Y-%m-%d %H:%M") if v else ""

    query = incident_list.filtered(select(Incident), f).order_by(Incident.received_at.desc())
    with ctx.db.read() as s:
        rows = (
            (r.number, local(r.received_at), local(r.occurred_at), r.title,
             "预警信息" if r.kind == "warning" else "突发事件",
             Category(r.category).zh if r.category else "", Level(r.level).zh if r.level else "",
             r.location, r.deaths, r.serious_injuries, r.injuries, r.missing, r.trapped,
             "办理中" if r.status == "open" else "已办结")
            for r in s.scalars(query.execution_options(yield_per=1000))
        )
        return incidents_xlsx.write(path, f"{info.name if info else ''}突发事件台账", rows)
