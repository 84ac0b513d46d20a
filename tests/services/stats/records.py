"""Random records for the statistics tests, and the counts recomputed from the raw rows in plain
Python (no SQL grouping), to hold the service's SQL against."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any

from sqlalchemy import select

from app.domain.duty import LogKind
from app.domain.enums import Category, Channel, DeadlineOutcome, Level, ReportKind
from app.models import Deadline, DutyLogEntry, Incident, Organization, PresenceCheck
from app.services.context import Context
from app.services.office import duty_chain

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
UNITS = ("东湖区", "西山县", "市消防救援支队")
SOURCES = ("南湖县人民政府值班室", "  ", "", "北岭区人民政府值班室", "东湖区")


def local(y: int, m: int, d: int, hh: int = 0, mm: int = 0) -> dt.datetime:
    return dt.datetime(y, m, d, hh, mm, tzinfo=ZONE)


def _moment(rng: random.Random) -> dt.datetime:
    """Anywhere in 2025-11 .. 2027-01, often exactly on a local month or day boundary."""
    if rng.random() < 0.25:
        year, month = rng.choice(((2025, 12), (2026, 1), (2026, 4), (2026, 7), (2026, 10), (2027, 1)))
        edge = local(year, month, 1)
        return edge + rng.choice((dt.timedelta(0), -dt.timedelta(seconds=1), dt.timedelta(seconds=1)))
    start = local(2025, 11, 1)
    return start + dt.timedelta(minutes=rng.randrange(0, 460 * 24 * 60))


def fill(ctx: Context, seed: int, n: int = 400) -> None:
    """Incidents (events, warnings, drills; every category and level, none too), deadlines of
    every kind, channel and outcome, duty log calls with corrections, presence checks."""
    rng = random.Random(seed)
    with ctx.db.write() as s:
        orgs = [Organization(name=name, kind="district") for name in UNITS]
        s.add_all(orgs)
        s.flush()
        incidents = []
        for i in range(n):
            category = rng.choice([*Category, None])
            row = Incident(
                number=f"T{seed}-{i:04d}", kind=rng.choice(("event", "event", "event", "warning")),
                status="closed", title=f"测试事件{i}", received_at=_moment(rng),
                category=None if category is None else category.value,
                level=rng.choice([None, *(lv.value for lv in Level)]),
                organization_id=rng.choice([None, None, *(o.id for o in orgs)]),
                source=rng.choice(SOURCES), is_drill=rng.random() < 0.1)
            s.add(row)
            incidents.append(row)
        s.flush()
        for i in range(n):
            inc = rng.choice([None, None, *incidents])
            s.add(Deadline(
                what=f"时限{i}", report_kind=rng.choice(list(ReportKind)).value,
                channel=rng.choice(list(Channel)).value,
                incident_id=inc.id if inc else None, incident_number=inc.number if inc else None,
                due_at=_moment(rng), created_at=local(2025, 10, 1),
                outcome=rng.choice(list(DeadlineOutcome)).value))
        entries: list[DutyLogEntry] = []
        for _ in range(n // 2):
            at = _moment(rng)
            kind = rng.choice((LogKind.INCOMING_CALL, LogKind.INCOMING_CALL, LogKind.OUTGOING_CALL,
                               LogKind.NOTE))
            corrects = rng.choice(entries).id if entries and rng.random() < 0.15 else None
            entries.append(duty_chain.append_in(s, ctx, shift_date=at.date(), at=at,
                                                kind=kind.value, text="电话", corrects_id=corrects))
        for _ in range(n // 2):
            answered = rng.random() < 0.85
            s.add(PresenceCheck(direction=rng.choice(("incoming", "outgoing")), at=_moment(rng),
                                unit=rng.choice(UNITS), answered=answered,
                                rings=rng.choice((None, 1, 2, 3, 4, 6)) if answered else None,
                                checked_by="test"))


@dataclass
class Expected:
    """The counts recomputed from the raw rows."""

    numbers: dict[str, Any] = field(default_factory=dict)


def _in(at: dt.datetime, start: dt.date, end: dt.date) -> bool:
    return start <= at.astimezone(ZONE).date() <= end


def _month(at: dt.datetime) -> str:
    return at.astimezone(ZONE).strftime("%Y-%m")


def _months(start: dt.date, end: dt.date) -> list[str]:
    out, day = [], start
    while day <= end:
        key = f"{day.year}-{day.month:02d}"
        if key not in out:
            out.append(key)
        day += dt.timedelta(days=1)
    return out


def _outcomes(rows: list[Any]) -> dict[str, Any]:
    c = Counter(r.outcome for r in rows)
    decided = c["on_time"] + c["late"] + c["missed"]
    return {"total": decided + c["open"], "on_time": c["on_time"], "late": c["late"],
            "missed": c["missed"], "open": c["open"],
            "on_time_rate": round(c["on_time"] / decided, 4) if decided else None}


def _incidents(rows: list[Any], orgs: dict[int, str], start: dt.date,
               end: dt.date) -> tuple[dict[str, Any], dict[str, Any]]:
    events = [r for r in rows if r.kind == "event" and not r.is_drill and _in(r.received_at, start, end)]
    warns = [r for r in rows if r.kind == "warning" and not r.is_drill and _in(r.received_at, start, end)]
    by_unit: Counter[str] = Counter()
    for r in events:
        name = orgs.get(r.organization_id or 0) or r.source.strip() or ""
        by_unit[name] += 1
    levels = [*(lv.value for lv in Level), "none"]
    incidents = {
        "total": len(events),
        "by_category": {**{c.value: 0 for c in Category},
                        **Counter(r.category or "none" for r in events)},
        "by_level": {**dict.fromkeys(levels, 0), **Counter(r.level or "none" for r in events)},
        "by_month": {**dict.fromkeys(_months(start, end), 0),
                     **Counter(_month(r.received_at) for r in events)},
        "by_unit": dict(by_unit),
    }
    warnings = {"total": len(warns),
                "by_level": {**dict.fromkeys(levels, 0), **Counter(r.level or "none" for r in warns)}}
    return incidents, warnings


def _plain(rows: Any) -> list[SimpleNamespace]:
    """Rows as plain objects, readable after the session is gone."""
    return [SimpleNamespace(**{c.key: getattr(r, c.key) for c in r.__table__.columns}) for r in rows]


def recompute(ctx: Context, start: dt.date, end: dt.date, ring_limit: int = 3) -> dict[str, Any]:
    """Every number of ``stats --json`` from the raw rows, by plain Python."""
    with ctx.db.read() as s:
        incidents = _plain(s.scalars(select(Incident)))
        orgs = {o.id: o.name for o in s.scalars(select(Organization))}
        deadlines = _plain(s.scalars(select(Deadline)))
        log = _plain(s.scalars(select(DutyLogEntry)))
        checks = _plain(s.scalars(select(PresenceCheck)))
    drill = {r.id for r in incidents if r.is_drill}
    owed = [d for d in deadlines if _in(d.due_at, start, end) and d.outcome != "cancelled"
            and d.incident_id not in drill]
    by_kind: dict[tuple[str, str], list[Any]] = defaultdict(list)
    for d in owed:
        by_kind[(d.report_kind, d.channel)].append(d)
    kind_order = [k.value for k in ReportKind]
    calls = [e for e in log if _in(e.at, start, end) and e.corrects_id is None]
    presence: dict[str, Any] = {}
    for direction in ("incoming", "outgoing"):
        rows = [c for c in checks if c.direction == direction and _in(c.at, start, end)]
        presence[direction] = {
            "total": len(rows), "answered": sum(c.answered for c in rows),
            "answered_within_3_rings": sum(c.answered and (c.rings is None or c.rings <= ring_limit)
                                           for c in rows)}
    incident_numbers, warning_numbers = _incidents(incidents, orgs, start, end)
    return {
        "from": start.isoformat(), "to": end.isoformat(),
        "incidents": incident_numbers,
        "deadlines": {**_outcomes(owed), "by_kind": [
            {"kind": k, "channel": c, **_outcomes(rows)} for (k, c), rows in
            sorted(by_kind.items(), key=lambda kv: (kind_order.index(kv[0][0]), kv[0][1] == "written"))]},
        "calls": sum(e.kind == "incoming_call" for e in calls),
        "presence_checks": {
            key: presence["incoming"][key] + presence["outgoing"][key]
            for key in ("total", "answered", "answered_within_3_rings")} | {
            "ring_limit": ring_limit, **presence},
        "drills": 0, "trainings": 0,
        "warnings": warning_numbers,
        "outgoing_calls": sum(e.kind == "outgoing_call" for e in calls),
    }


def leaves(value: Any) -> int:
    """How many numbers a nested result holds (for the report of what was compared)."""
    if isinstance(value, dict):
        return sum(leaves(v) for v in value.values())
    if isinstance(value, list):
        return sum(leaves(v) for v in value)
    return 1 if isinstance(value, int | float) and not isinstance(value, bool) else 0
