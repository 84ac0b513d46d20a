"""The facts of an incident, typed from the edge to the report text (GLOSSARY.md names).

Outside input (the command line's JSON, the intake form) is read once at the edge into an
``IncidentFacts``; everything inside trusts its types. The stored pictures of an incident (a
report's content, the audit trail, an intake draft) are JSON, converted here and only here by
``to_json`` / ``from_json``. The emergency plan an incident activated (启动预案) is a ``PlanRef``:
as the edge read it (a name, with its owner unit where names repeat, or an id), then as the
register holds it once the intake service has found it (its id and name).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_types import Subtype

_FIRST_TEXT_FIELDS = ("title", "source", "source_person", "source_title", "source_phone",
                      "location", "nature", "impact", "trend", "measures", "next_steps",
                      "leaders_on_site", "notified", "outcome", "aftermath", "assessment")
# Added since the first stored report: why the level is below what the figures reach (定级说明),
# and who took the call (接报人).
ADDED_TEXT_FIELDS = ("level_reason", "received_by")
TEXT_FIELDS = (*_FIRST_TEXT_FIELDS, *ADDED_TEXT_FIELDS)
CASUALTY_FIELDS = ("deaths", "serious_injuries", "injuries", "missing", "trapped")
TIME_FIELDS = ("received_at", "occurred_at")
FLAG_FIELDS = ("is_drill", "sensitive")
ENUM_FIELDS = ("kind", "category", "subtype", "level")
# The plan it activated and the response level (启动预案 / 响应级别, issue 17).
PLAN_FIELDS = ("activated_plan", "response_level")
# Every field, in the order of the stored JSON (fields added later come last).
FIELDS = (*_FIRST_TEXT_FIELDS, *CASUALTY_FIELDS, *TIME_FIELDS, *FLAG_FIELDS, *ENUM_FIELDS,
          "loss_cny", "organization_id", *ADDED_TEXT_FIELDS, *PLAN_FIELDS)


@dataclass(frozen=True)
class PlanRef:
    """An emergency plan of the register, by id or by name (and owner unit, where two units'
    plans share a name). Found in the register, it holds the plan's id and name only."""

    id: int | None = None
    name: str = ""
    unit: str = ""


@dataclass(frozen=True, kw_only=True)
class IncidentFacts:
    """What is known about an incident (突发事件) or warning information (预警信息).

    Times are aware datetimes. A casualty or loss figure that is None is unknown, never 0
    (RULES.md §4); the loss is in whole CNY.
    """

    received_at: dt.datetime
    kind: IncidentKind = IncidentKind.EVENT
    title: str = ""
    occurred_at: dt.datetime | None = None
    source: str = ""
    source_person: str = ""
    source_title: str = ""
    source_phone: str = ""
    location: str = ""
    organization_id: int | None = None
    category: Category | None = None
    subtype: Subtype | None = None
    level: Level | None = None
    nature: str = ""
    impact: str = ""
    deaths: int | None = None
    serious_injuries: int | None = None
    injuries: int | None = None
    missing: int | None = None
    trapped: int | None = None
    loss_cny: int | None = None
    trend: str = ""
    measures: str = ""
    next_steps: str = ""
    leaders_on_site: str = ""
    notified: str = ""
    outcome: str = ""
    aftermath: str = ""
    assessment: str = ""
    level_reason: str = ""
    received_by: str = ""
    is_drill: bool = False
    sensitive: bool = False
    activated_plan: PlanRef | None = None
    response_level: Level | None = None  # Ⅰ–Ⅳ级响应, as the plan defines them

    def __post_init__(self) -> None:
        # What the types cannot say: a programming error, not a user's (the edge refuses those).
        for name in TIME_FIELDS:
            value = getattr(self, name)
            if value is not None and value.utcoffset() is None:
                raise ValueError(f"{name} must be an aware datetime")
        for name in (*CASUALTY_FIELDS, "loss_cny"):
            value = getattr(self, name)
            if value is not None and value < 0:
                raise ValueError(f"{name} cannot be negative")

    def figure(self, name: str) -> int | None:
        """One casualty figure by its field name (CASUALTY_FIELDS)."""
        value: int | None = getattr(self, name)
        return value


def to_json(facts: IncidentFacts) -> dict[str, Any]:
    """The stored picture: times as ISO 8601, enumerations by identifier, the loss as a float
    (as the column holds it), every field in ``FIELDS`` order."""
    out: dict[str, Any] = {}
    for name in FIELDS:
        value = getattr(facts, name)
        if isinstance(value, dt.datetime):
            value = value.isoformat()
        elif isinstance(value, PlanRef):
            value = {"id": value.id, "name": value.name}
        elif isinstance(value, Category | Level | Subtype | IncidentKind):
            value = value.value
        elif name == "loss_cny" and value is not None:
            value = float(value)
        out[name] = value
    return out


def from_json(data: Mapping[str, Any]) -> IncidentFacts:
    """Facts from a stored picture (``to_json``'s, or any older one: absent fields take their
    defaults, unknown keys are ignored). Raises ValueError when the picture is damaged."""
    if not data.get("received_at"):
        raise ValueError("a stored incident has no time received")
    values: dict[str, Any] = {name: str(data.get(name) or "") for name in TEXT_FIELDS}
    values.update({name: _figure(data.get(name)) for name in CASUALTY_FIELDS})
    values.update(
        received_at=_time(data["received_at"]),
        occurred_at=_time(data["occurred_at"]) if data.get("occurred_at") else None,
        kind=IncidentKind(data.get("kind") or IncidentKind.EVENT.value),
        category=Category(data["category"]) if data.get("category") else None,
        subtype=Subtype(data["subtype"]) if data.get("subtype") else None,
        level=Level(data["level"]) if data.get("level") else None,
        loss_cny=whole_cny(None if data.get("loss_cny") is None else float(data["loss_cny"])),
        organization_id=None if data.get("organization_id") is None else int(data["organization_id"]),
        is_drill=bool(data.get("is_drill")),
        sensitive=bool(data.get("sensitive")),
        activated_plan=_plan(data.get("activated_plan")),
        response_level=Level(data["response_level"]) if data.get("response_level") else None,
    )
    return IncidentFacts(**values)


def _plan(value: Any) -> PlanRef | None:
    if not isinstance(value, Mapping) or value.get("id") is None:
        return None
    return PlanRef(int(value["id"]), str(value.get("name") or ""))


def whole_cny(stored: float | None) -> int | None:
    """A stored loss (a float column) in whole CNY; a value that is no number is unknown."""
    if stored is None or not math.isfinite(stored) or stored < 0:
        return None  # earlier versions let infinity through; it means nothing known
    return round(stored)


def _time(value: Any) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(str(value))
    if parsed.tzinfo is None:
        raise ValueError(f"stored time without an offset: {value!r}")
    return parsed


def _figure(value: Any) -> int | None:
    return None if value is None or value == "" else int(value)
