"""dutydesk stats --from DATE --to DATE [--json]: the counts of DESIGN.md "Statistics"."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from typing import Any

from app.cli.common import EXIT_OK, open_context
from app.domain.errors import InputError
from app.domain.messages import Problem, text
from app.services import stats
from app.services.stats.counts import Checks, Outcomes


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("stats", help="counts from the records for a period")
    p.add_argument("--from", dest="start", required=True, metavar="DATE")
    p.add_argument("--to", dest="end", required=True, metavar="DATE")
    p.add_argument("--json", action="store_true", help="one JSON array (of one object) on stdout")
    p.set_defaults(handler=cmd_stats)


def parse_range(start: str, end: str) -> tuple[dt.date, dt.date]:
    """Both dates, or InputError naming each bad one (and a range that runs backwards)."""
    problems, dates = [], []
    for value, field in ((start, "stats.from"), (end, "stats.to")):
        try:
            dates.append(dt.date.fromisoformat(value.strip()))
        except ValueError:
            problems.append(Problem("stats.bad_date", field, {"value": value}))
    if not problems and dates[1] < dates[0]:
        problems.append(Problem("stats.bad_range", "stats.to"))
    if problems:
        raise InputError(problems)
    return dates[0], dates[1]


def _rate(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _outcomes(o: Outcomes) -> dict[str, Any]:
    return {"total": o.total, "on_time": o.on_time, "late": o.late, "missed": o.missed,
            "open": o.open, "on_time_rate": _rate(o.on_time_rate)}


def _checks(c: Checks) -> dict[str, int]:
    return {"total": c.total, "answered": c.answered, "answered_within_3_rings": c.within_limit}


def as_json(s: stats.Stats) -> dict[str, Any]:
    """The object of ``stats --json`` (keys as in DESIGN.md, a few more after them)."""
    inc = s.incidents
    return {
        "from": s.period.start.isoformat(), "to": s.period.end.isoformat(),
        "incidents": {
            "total": inc.total,
            "by_category": {(c.value if c else "none"): n for c, n in inc.by_category.items()},
            "by_level": {(lv.value if lv else "none"): n for lv, n in inc.by_level.items()},
            "by_month": inc.by_month,
            "by_unit": dict(inc.by_unit),
        },
        "deadlines": {**_outcomes(s.deadlines.total), "by_kind": [
            {"kind": k.report_kind.value, "channel": k.channel.value, **_outcomes(k.outcomes)}
            for k in s.deadlines.by_kind]},
        "calls": s.calls.incoming,
        "presence_checks": {**_checks(s.presence.total), "ring_limit": s.presence.ring_limit,
                            **{d: _checks(c) for d, c in s.presence.by_direction.items()}},
        "drills": s.plans.drills,
        "trainings": s.plans.trainings,
        "warnings": {"total": s.warnings.total,
                     "by_level": {(lv.value if lv else "none"): n
                                  for lv, n in s.warnings.by_level.items()}},
        "outgoing_calls": s.calls.outgoing,
    }


def _percent(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _lines(s: stats.Stats) -> list[str]:
    inc, dl, pc = s.incidents, s.deadlines.total, s.presence.total
    lines = [text("stats.head", start=s.period.start.isoformat(), end=s.period.end.isoformat()),
             text("stats.incidents", total=inc.total, warnings=s.warnings.total)]
    lines += [text("stats.line", name=text(f"stats.category.{c.value}") if c else text("stats.no_category"),
                   n=n) for c, n in inc.by_category.items() if n or c]
    lines += [text("stats.line", name=text(f"stats.level.{lv.value}") if lv else text("stats.no_level"),
                   n=n) for lv, n in inc.by_level.items() if n or lv]
    lines.append(text("stats.months", months="，".join(f"{m}：{n}" for m, n in inc.by_month.items())))
    lines.append(text("stats.deadlines", total=dl.total, on_time=dl.on_time, late=dl.late,
                      missed=dl.missed, open=dl.open, rate=_percent(dl.on_time_rate)))
    lines.append(text("stats.calls", n=s.calls.incoming))
    lines.append(text("stats.presence", total=pc.total, within=pc.within_limit,
                      rings=s.presence.ring_limit))
    lines.append(text("stats.drills", drills=s.plans.drills, trainings=s.plans.trainings))
    return lines


def cmd_stats(args: argparse.Namespace) -> int:
    start, end = parse_range(args.start, args.end)
    ctx = open_context(args)
    try:
        result = stats.compute(ctx, start, end)
    finally:
        ctx.db.dispose()
    if args.json:
        print(json.dumps([as_json(result)], ensure_ascii=False, indent=2))
    else:
        print("\n".join(_lines(result)))
    return EXIT_OK
