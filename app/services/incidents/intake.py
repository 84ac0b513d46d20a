"""Incident intake and the report chain: record, regrade, report, send, instruct.

Recording an incident starts its deadlines (deadlines.start_for_incident); regrading moves
them; marking a report sent meets them. A flash report may go first with elements missing:
the missing list stays on the incident and becomes a follow-up deadline.
"""

from __future__ import annotations

import datetime as dt
import math
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain import incidents as rules
from app.domain.enums import (
    Category,
    Channel,
    DeadlineOutcome,
    IncidentKind,
    Level,
    ReportKind,
    UserRole,
)
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem
from app.models import Deadline, Incident, Instruction, Report
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit, office, settings
from app.services.office.zone import office_zone

REQUIRED_KEY = "incidents.required"
FLASH_FOLLOW_UP_MINUTES = 60
TEXT_FIELDS = ("title", "source", "source_person", "source_title", "source_phone", "location",
               "nature", "impact", "trend", "measures", "next_steps", "leaders_on_site", "notified",
               "outcome", "aftermath", "assessment")
INT_FIELDS = rules.CASUALTY_FIELDS
TIME_FIELDS = ("received_at", "occurred_at")
BOOL_FIELDS = ("is_drill", "sensitive")
ALL_FIELDS = (*TEXT_FIELDS, *INT_FIELDS, *TIME_FIELDS, *BOOL_FIELDS, "kind", "category", "subtype",
              "level", "loss_cny", "organization_id")
AUDITED = (*ALL_FIELDS, "status", "missing_elements")


def _name(field_id: str) -> str:
    return rules.ELEMENTS.get(field_id) or rules.CASUALTY_ZH.get(field_id) or {
        "kind": "信息类型", "is_drill": "演练", "sensitive": "敏感事件", "organization_id": "事发单位",
    }.get(field_id, field_id)


def _bad(field_id: str, value: Any, hint: str = "") -> Problem:
    return Problem("incident.bad_value", None, {"name": _name(field_id), "field": field_id,
                                                "value": value, "hint": hint})


def parse_fields(data: Mapping[str, Any], zone: zoneinfo.ZoneInfo, *, partial: bool = False
                 ) -> tuple[dict[str, Any], list[Problem]]:
    """Normalise input named as in GLOSSARY.md: enumerations by identifier or Chinese term,
    times ISO 8601 (without an offset: the office's local time), figures whole and ≥ 0."""
    out: dict[str, Any] = {}
    problems: list[Problem] = []
    for key, value in data.items():
        if key in ("flash", "number"):
            continue
        if key not in ALL_FIELDS:
            problems.append(Problem("incident.unknown_field", None, {"field": key}))
            continue
        try:
            if key in TEXT_FIELDS:
                out[key] = "" if value is None else str(value).strip()
            elif key in INT_FIELDS:
                number = int(value or 0)
                if number < 0 or (isinstance(value, float) and not value.is_integer()):
                    raise ValueError
                out[key] = number
            elif key == "loss_cny":
                out[key] = None if value in (None, "") else float(value)
                if out[key] is not None and (out[key] < 0 or math.isnan(out[key])):
                    raise ValueError
            elif key in TIME_FIELDS:
                out[key] = _parse_time(value, zone)
            elif key in BOOL_FIELDS:
                out[key] = value in (True, 1, "1", "true", "yes", "是")
            elif key == "kind":
                out[key] = rules.parse_enum(value or "event", IncidentKind, key) or "event"
                if out[key] == "event" and str(value) in ("预警", "预警信息"):
                    out[key] = "warning"
            elif key == "category":
                out[key] = rules.parse_enum(value, Category, key)
            elif key == "level":
                out[key] = rules.parse_enum(value, Level, key)
            elif key == "subtype":
                out[key] = rules.parse_subtype(value)
            elif key == "organization_id":
                out[key] = None if value in (None, "") else int(value)
        except (ValueError, TypeError):
            hint = {"level": "（I/II/III/IV 或 特别重大/重大/较大/一般）",
                    "category": "（natural/accident/health/social 或 自然灾害/事故灾难/公共卫生事件/社会安全事件）",
                    "received_at": "（ISO 8601，如 2026-11-28T09:30）",
                    "occurred_at": "（ISO 8601，如 2026-11-28T09:30）"}.get(key, "")
            problems.append(_bad(key, value, hint))
    if not partial:
        out.setdefault("kind", IncidentKind.EVENT.value)
    if out.get("subtype") and out.get("category"):
        allowed = {k for k, _ in rules.SUBTYPES.get(out["category"], ())}
        if out["subtype"] not in allowed:
            problems.append(_bad("subtype", out["subtype"], "（与事件类别不符）"))
    return out, problems


def _parse_time(value: Any, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        parsed = value
    else:
        parsed = dt.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(dt.UTC)


def required_elements(ctx: Context) -> dict[str, tuple[str, ...]]:
    stored = settings.get(ctx, REQUIRED_KEY, None) or {}
    merged = dict(rules.DEFAULT_REQUIRED)
    merged.update({k: tuple(v) for k, v in stored.items()})
    return merged


@dataclass(frozen=True)
class ReportInfo:
    id: int
    kind: ReportKind
    seq: int
    heading: str
    created_at: dt.datetime
    text: str
    sent_at: dt.datetime | None
    channel: str
    sent_how: str
    sent_to: str
    issued_by: str


@dataclass(frozen=True)
class InstructionInfo:
    id: int
    text: str
    from_whom: str
    given_at: dt.datetime
    deadline_id: int | None
    done: str
    done_at: dt.datetime | None


@dataclass(frozen=True)
class IncidentInfo:
    id: int
    number: str
    status: str
    fields: dict[str, Any]
    missing_elements: list[str]
    version: int
    reports: list[ReportInfo] = field(default_factory=list)
    instructions: list[InstructionInfo] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.fields.get("title", "")


def snapshot(row: Incident) -> dict[str, Any]:
    data = {f: getattr(row, f) for f in ALL_FIELDS}
    for f in TIME_FIELDS:
        data[f] = data[f].isoformat() if data[f] else None
    data["missing_elements"] = list(row.missing_elements or [])
    return data


def _report_info(r: Report) -> ReportInfo:
    return ReportInfo(r.id, ReportKind(r.kind), r.seq, rules.report_heading(r.kind, r.seq), r.created_at,
                      r.text, r.sent_at, r.channel, r.sent_how, r.sent_to, r.issued_by)


def _info(s: Session, row: Incident, *, full: bool = True) -> IncidentInfo:
    reports, instructions = [], []
    if full:
        reports = [_report_info(r) for r in s.scalars(
            select(Report).where(Report.incident_id == row.id).order_by(Report.id))]
        instructions = [InstructionInfo(i.id, i.text, i.from_whom, i.given_at, i.deadline_id, i.done, i.done_at)
                        for i in s.scalars(select(Instruction).where(Instruction.incident_id == row.id)
                                           .order_by(Instruction.id))]
    return IncidentInfo(row.id, row.number, row.status, snapshot(row), list(row.missing_elements or []),
                        row.version, reports, instructions)


def _facts(row: Incident) -> dr.IncidentFacts:
    return dr.IncidentFacts(row.kind, row.category, row.level, row.sensitive, row.received_at, row.occurred_at)


def _next_number(s: Session, ctx: Context, zone: zoneinfo.ZoneInfo) -> str:
    year = ctx.clock.now().astimezone(zone).year
    prefix = f"{year}-"
    last = s.scalar(select(func.max(Incident.number)).where(Incident.number.like(f"{prefix}%")))
    n = int(last.split("-")[1]) + 1 if last else 1
    return f"{prefix}{n:04d}"


def _office_name(ctx: Context) -> str:
    info = office.get_office(ctx)
    return info.name if info else ""


def record(ctx: Context, data: Mapping[str, Any], *, flash: bool | None = None) -> IncidentInfo:
    """Record an incident or warning from the intake form or JSON.

    Missing required elements of the first report are refused, each named — unless it is a
    flash report, which goes first with what is known and tracks what is missing.
    """
    actor = ctx.require(UserRole.OFFICER)
    zone = office_zone(ctx)
    fields, problems = parse_fields(data, zone)
    flash = bool(data.get("flash")) if flash is None else flash
    fields.setdefault("received_at", ctx.clock.now())
    if fields.get("received_at") is None:
        fields["received_at"] = ctx.clock.now()
    for f in INT_FIELDS:
        fields.setdefault(f, 0)
    first_kind = ReportKind.WARNING.value if fields["kind"] == IncidentKind.WARNING.value else ReportKind.INITIAL.value
    missing = rules.missing_elements(fields, first_kind, required_elements(ctx))
    # A flash report may lack anything but its title.
    refused = missing if not flash else [m for m in missing if m == "title"]
    invalid = {p.values.get("field") for p in problems}
    refused = [m for m in refused if m not in invalid]  # a bad value is named once, not twice
    problems += [Problem("incident.missing", None, {"name": _name(m), "field": m}) for m in refused]
    if problems:
        raise InputError(problems)
    with ctx.db.write() as s:
        row = Incident(number=_next_number(s, ctx, zone), status="open", recorded_by=actor.label,
                       missing_elements=missing if flash else [], **_defaults(fields))
        s.add(row)
        s.flush()
        audit.record(s, ctx, "create", "incident", row.number, after=snapshot(row))
        deadlines.start_for_incident(s, ctx, _facts(row), incident_id=row.id, incident_number=row.number,
                                     title=row.title)
        if row.missing_elements:
            deadlines.add_in(s, ctx, what=f"{row.title} · 补报要素：" + "、".join(_name(m) for m in row.missing_elements),
                             report_kind=ReportKind.FOLLOW_UP, channel=Channel.WRITTEN,
                             due_at=ctx.clock.now() + dt.timedelta(minutes=FLASH_FOLLOW_UP_MINUTES),
                             incident_id=row.id, incident_number=row.number, rule_profile="flash")
        _new_report(s, ctx, row, ReportKind(first_kind))
        info = _info(s, row)
    deadlines.notify_changed()
    return info


def _blank_title(fields: Mapping[str, Any]) -> bool:
    return not (fields.get("title") or "").strip()


def _defaults(fields: Mapping[str, Any]) -> dict[str, Any]:
    out = {f: "" for f in TEXT_FIELDS}
    out.update({f: 0 for f in INT_FIELDS})
    out.update({"is_drill": False, "sensitive": False, "loss_cny": None, "occurred_at": None,
                "category": None, "subtype": None, "level": None, "organization_id": None})
    out.update(fields)
    return out


def _load(s: Session, number_or_id: str | int) -> Incident:
    query = select(Incident).where(
        Incident.id == number_or_id if isinstance(number_or_id, int) else Incident.number == str(number_or_id))
    row = s.scalar(query)
    if row is None:
        raise NotFound(Problem("incident.not_found", None, {"number": number_or_id}).message())
    return row


def get(ctx: Context, number_or_id: str | int) -> IncidentInfo:
    with ctx.db.read() as s:
        return _info(s, _load(s, number_or_id))


def update(ctx: Context, number_or_id: str | int, changes: Mapping[str, Any], *,
           expected_version: int | None = None) -> IncidentInfo:
    """Change an incident's fields; a new level or category moves its deadlines; filled-in
    missing elements are crossed off the flash list."""
    ctx.require(UserRole.OFFICER)
    fields, problems = parse_fields(changes, office_zone(ctx), partial=True)
    if problems:
        raise InputError(problems)
    with ctx.db.write() as s:
        row = _load(s, number_or_id)
        if expected_version is not None and row.version != expected_version:
            raise StaleRecord()
        before = snapshot(row)
        regrade = any(k in fields and fields[k] != getattr(row, k) for k in ("level", "category", "kind", "sensitive"))
        for k, v in fields.items():
            setattr(row, k, v)
        if row.missing_elements:
            row.missing_elements = [m for m in row.missing_elements if m in rules.missing_elements(
                snapshot(row), ReportKind.INITIAL.value, required_elements(ctx))]
            if not row.missing_elements:
                for d in s.scalars(select(Deadline).where(Deadline.incident_id == row.id,
                                                          Deadline.rule_profile == "flash",
                                                          Deadline.outcome == DeadlineOutcome.OPEN.value)):
                    deadlines.meet_in(s, ctx, d.id, how="要素已补齐")
        s.flush()
        audit.record(s, ctx, "update", "incident", row.number, before=before, after=snapshot(row))
        if regrade:
            deadlines.move_for_incident(s, ctx, _facts(row), incident_id=row.id,
                                        incident_number=row.number, title=row.title)
        info = _info(s, row)
    deadlines.notify_changed()
    return info


def _new_report(s: Session, ctx: Context, row: Incident, kind: ReportKind) -> Report:
    seq = 0
    previous = None
    if kind is ReportKind.FOLLOW_UP:
        seq = (s.scalar(select(func.max(Report.seq)).where(Report.incident_id == row.id,
                                                            Report.kind == kind.value)) or 0) + 1
    last = s.scalar(select(Report).where(Report.incident_id == row.id).order_by(Report.id.desc()).limit(1))
    if last is not None:
        previous = last.content
    content = snapshot(row)
    text = rules.compose_text(content, kind=kind.value, seq=seq, office=_office_name(ctx), zone=office_zone(ctx),
                              number=row.number, previous=previous)
    report = Report(incident_id=row.id, kind=kind.value, seq=seq, created_at=ctx.clock.now(), content=content,
                    text=text, channel=Channel.WRITTEN.value, sent_how="", sent_to="", issued_by="",
                    recorded_by=ctx.actor.label if ctx.actor else "")
    s.add(report)
    s.flush()
    audit.record(s, ctx, "create", "report", report.id,
                 after={"incident": row.number, "kind": kind.value, "seq": seq})
    return report
