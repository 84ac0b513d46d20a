"""dutydesk deadlines [--all] [--json]: what, due time, time left, stage, outcome."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import zoneinfo
from typing import TypedDict

from app.cli.common import EXIT_OK, open_context
from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineOutcome
from app.domain.messages import language
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.office.zone import office_zone


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("deadlines", help="open reporting deadlines (with --all: the whole record)")
    p.add_argument("--all", action="store_true", help="include met, late, missed and cancelled ones")
    p.add_argument("--json", action="store_true", help="one JSON array on stdout")
    p.set_defaults(handler=cmd_deadlines)


class DeadlineRow(TypedDict):
    """One deadline as ``--json`` prints it."""

    id: int
    what: str
    incident_number: str | None
    due_at: str
    remaining_seconds: int
    stage: str | None  # None once met, missed or cancelled
    outcome: str


def as_row(d: deadlines.DeadlineInfo, now: dt.datetime, zone: zoneinfo.ZoneInfo,
           stages: dr.StageSettings) -> DeadlineRow:
    """One deadline with the keys of ``deadlines --json`` (``incidents show`` uses them too)."""
    return {
        "id": d.id,
        "what": d.what,
        "incident_number": d.incident_number,
        "due_at": d.due_at.astimezone(zone).isoformat(timespec="seconds"),
        "remaining_seconds": int(d.remaining_seconds(now)),
        "stage": dr.stage_at(d.due_at, now, stages).value if d.is_open else None,
        "outcome": d.outcome.value,
    }


STAGE_ZH = {"pending": "未到提醒", "notice": "预先提醒", "urgent": "紧急", "due": "到期", "overdue": "已超时"}


def cmd_deadlines(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    try:
        zone = office_zone(ctx)
        stages = rule_profiles.stage_settings(ctx)
        now = ctx.clock.now()
        items = deadlines.list_all(ctx) if args.all else deadlines.list_open(ctx)
    finally:
        ctx.db.dispose()
    rows = [as_row(d, now, zone, stages) for d in items]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return EXIT_OK
    zh = language() == "zh_CN"
    for row, d in zip(rows, items, strict=True):
        left = dr.format_remaining(row["remaining_seconds"]) if d.is_open else ""
        stage = row["stage"]  # set exactly when the deadline is open
        if zh:
            state = STAGE_ZH[stage] if stage is not None else DeadlineOutcome(row["outcome"]).zh
        else:
            state = row["stage"] or row["outcome"]
        due = d.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")
        print(f"{row['id']:>5}  {due}  {left:>10}  {state:<6}  {row['what']}")
    return EXIT_OK
