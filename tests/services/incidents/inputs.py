"""An incident as a caller reports it, read at the edge as the command line reads its JSON."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.domain.incident_facts import IncidentFacts
from app.domain.incident_input import parse_incident
from app.services.context import Context
from app.services.incidents import intake as incidents
from app.services.office.zone import office_zone

LANDSLIDE: dict[str, Any] = {
    "title": "西山县石门镇山体滑坡", "category": "自然灾害", "subtype": "地质灾害", "level": "较大",
    "occurred_at": "2026-11-28T09:10", "location": "西山县石门镇下坪村", "source": "石门镇政府",
    "source_person": "李国强", "source_title": "镇长", "source_phone": "13905761234",
    "nature": "强降雨引发山体滑坡，掩埋民房 3 间", "impact": "下坪村约 120 人",
    "deaths": 1, "trapped": 2, "trend": "存在二次滑坡风险", "measures": "已转移群众 86 人",
    "next_steps": "继续搜救被困人员",
}


def facts(ctx: Context, data: Mapping[str, Any] = LANDSLIDE, **changes: Any) -> IncidentFacts:
    """``data`` with ``changes``, read as the command line reads it; refuses nothing."""
    given = parse_incident({**data, **changes}, office_zone(ctx), now=ctx.clock.now())
    assert not given.problems, [p.message() for p in given.problems]
    return given.facts


def record(ctx: Context, data: Mapping[str, Any] = LANDSLIDE, *, flash: bool = False,
           **changes: Any) -> incidents.IncidentInfo:
    """Record ``data`` with ``changes`` as ``dutydesk incidents add`` would."""
    given = parse_incident({**data, **changes}, office_zone(ctx), now=ctx.clock.now())
    return incidents.record(ctx, given.facts, flash=flash or given.flash, unreadable=given.problems)


def update(ctx: Context, number: str, **changes: Any) -> incidents.IncidentInfo:
    """Change the fields named in ``changes`` (written as in the JSON), the rest as it was."""
    current = incidents.get(ctx, number)
    given = parse_incident(changes, office_zone(ctx), now=ctx.clock.now())
    assert not given.problems, [p.message() for p in given.problems]
    return incidents.update(ctx, number, given.applied_to(current.facts))
