"""What the incident commands print: the fields `incidents add` takes, an incident with its
report chain, sendings and deadlines (JSON keys as in DESIGN.md and GLOSSARY.md), and the
same as Chinese text."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from typing import Any

from app.cli.deadlines import as_row
from app.domain import incidents as rules
from app.domain.enums import Category, IncidentKind, Level, ReportKind
from app.domain.incident_facts import (
    CASUALTY_FIELDS,
    FIELDS,
    FLAG_FIELDS,
    TEXT_FIELDS,
    TIME_FIELDS,
    IncidentFacts,
    to_json,
)
from app.domain.incident_types import Subtype
from app.domain.plans import activation_text, response_text
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.incidents import intake as incidents
from app.services.incidents.info import IncidentInfo, ReportInfo
from app.services.incidents.listing import IncidentRow
from app.services.office.zone import office_zone

CHAIN_KINDS = (ReportKind.INITIAL, ReportKind.FOLLOW_UP, ReportKind.FINAL, ReportKind.VERIFIED,
               ReportKind.WARNING)
_ENUMS: dict[str, list[tuple[str, str]]] = {
    "kind": [(k.value, k.zh) for k in IncidentKind],
    "category": [(c.value, c.zh) for c in Category],
    "subtype": [(s.value, s.zh) for s in Subtype],
    "level": [(lv.value, lv.zh) for lv in Level],
    "response_level": [(lv.value, response_text(lv)) for lv in Level],
}


def _type(field: str) -> str:
    if field in TEXT_FIELDS:
        return "text"
    if field == "activated_plan":
        return "plan"  # its name, {"name", "unit"} where names repeat, or its id
    if field in CASUALTY_FIELDS or field == "organization_id":
        return "integer"
    if field in TIME_FIELDS:
        return "time"
    if field in (*FLAG_FIELDS, "flash"):
        return "boolean"
    return "number" if field == "loss_cny" else "enum"


def field_rows(required: Mapping[str, tuple[str, ...]]) -> list[dict[str, Any]]:
    """One row per field `incidents add` takes: identifier, term, JSON type, the report kinds
    that require it, the allowed values of an enumeration."""
    out = []
    for field in (*FIELDS, "flash"):
        values = _ENUMS.get(field)
        out.append({
            "field": field, "term": rules.element_name(field), "type": _type(field),
            "required_for": [kind for kind, wanted in required.items() if field in wanted],
            "values": [{"value": v, "term": t} for v, t in values] if values else None,
        })
    return out


def fields_text(rows: list[dict[str, Any]]) -> str:
    lines = []
    for r in rows:
        need = "、".join(ReportKind(k).zh for k in r["required_for"]) or "—"
        values = "，".join(f"{v['value']}={v['term']}" for v in r["values"] or ())
        lines.append(f"{r['field']:<18} {r['term']:<10} {r['type']:<8} 必报：{need}"
                     + (f"  可选值：{values}" if values else ""))
    return "\n".join(lines)


def _iso(value: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str | None:
    return value.astimezone(zone).isoformat(timespec="seconds") if value else None


def list_row(r: IncidentRow, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    """The keys of ``incidents list --json`` (the activated plan as ``show`` prints it)."""
    return {"number": r.number, "title": r.title, "kind": r.kind, "category": r.category,
            "level": r.level, "status": r.status, "occurred_at": _iso(r.occurred_at, zone),
            "received_at": _iso(r.received_at, zone), "location": r.location,
            "activated_plan": {"id": r.plan_id, "name": r.plan} if r.plan_id is not None else None,
            "response_level": r.response_level}


def _facts(facts: IncidentFacts, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    out = to_json(facts)
    out.update(received_at=_iso(facts.received_at, zone), occurred_at=_iso(facts.occurred_at, zone),
               loss_cny=facts.loss_cny)
    return out


def _report(r: ReportInfo, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
    return {"kind": r.kind.value, "seq": r.seq, "heading": r.heading,
            "created_at": _iso(r.created_at, zone), "as_of": _iso(r.as_of, zone),
            "changes": list(r.changes) if r.changes is not None else None,
            "sendings": [{"channel": x.channel.value, "means": x.means.value if x.means else None,
                          "to": x.to, "issued_by": x.issued_by, "at": _iso(x.at, zone),
                          "recorded_at": _iso(x.recorded_at, zone), "operator": x.operator}
                         for x in r.sendings]}


def show(ctx: Context, number: str) -> dict[str, Any]:
    """The incident as ``incidents show --json`` prints it (one object)."""
    info: IncidentInfo = incidents.get(ctx, number)
    zone = office_zone(ctx)
    now = ctx.clock.now()
    stages = rule_profiles.stage_settings(ctx)
    owned = [d for d in deadlines.list_all(ctx) if d.incident_id == info.id]
    facts = info.facts
    return {
        "number": info.number, "title": facts.title, "kind": facts.kind.value,
        "category": facts.category.value if facts.category else None,
        "level": facts.level.value if facts.level else None, "status": info.status,
        "occurred_at": _iso(facts.occurred_at, zone), "received_at": _iso(facts.received_at, zone),
        "location": facts.location, **_facts(facts, zone),
        "missing_elements": info.missing_elements, "recorded_by": info.recorded_by,
        "reports": [_report(r, zone) for r in info.reports],
        "deadlines": [{**as_row(d, now, zone, stages), "kind": d.report_kind.value,
                       "channel": d.channel.value} for d in owned],
        "instructions": [{"text": i.text, "from": i.from_whom, "given_at": _iso(i.given_at, zone),
                          "done": i.done, "done_at": _iso(i.done_at, zone)} for i in info.instructions],
    }


def show_text(shown: dict[str, Any]) -> str:
    """The same in Chinese lines: the incident, each report with its sendings, its deadlines."""
    level = Level(shown["level"]).zh if shown["level"] else "未定级"
    status = "办理中" if shown["status"] == "open" else "已办结"
    lines = [f"{shown['number']}  {shown['title']}  {level}  {status}",
             f"接报时间：{shown['received_at']}  事发时间：{shown['occurred_at'] or '—'}  地点：{shown['location']}"]
    plan, response = shown["activated_plan"], shown["response_level"]
    if plan or response:
        lines.append("启动预案：" + activation_text(plan["name"] if plan else "",
                                               Level(response) if response else None).removeprefix("已启动"))
    for r in shown["reports"]:
        as_of = f"（截至 {r['as_of'][:16]}）" if r["as_of"] else ""
        lines.append(f"  {r['heading']}{as_of}  拟写于 {r['created_at'][:16]}")
        for x in r["sendings"]:
            how = {"phone": "电话", "written": "书面"}[x["channel"]]
            signer = f"，签发人：{x['issued_by']}" if x["issued_by"] else ""
            lines.append(f"    {x['at'][:16]} {how}{('·' + x['means']) if x['means'] else ''} 报送{x['to']}{signer}")
        if not r["sendings"]:
            lines.append("    （未报送）")
    outcome = {"open": "未办结", "on_time": "按时", "late": "迟报", "missed": "漏报", "cancelled": "已取消"}
    for d in shown["deadlines"]:
        lines.append(f"  时限 {d['due_at'][:16]}  {outcome[d['outcome']]}  {d['what']}")
    return "\n".join(lines)
