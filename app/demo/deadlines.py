"""Demo data for deadlines: recurring duties and a short record of past reports."""

from __future__ import annotations

import datetime as dt

from app.demo.scope import DemoScope
from app.domain import deadline_rules as dr
from app.domain.enums import Channel, DeadlineOutcome, ReportKind
from app.models import Deadline
from app.services import duties
from app.services.office import audit

_PAST = (
    ("西山县石门镇山体滑坡", ReportKind.INITIAL, Channel.PHONE, 30, 22),
    ("西山县石门镇山体滑坡", ReportKind.INITIAL, Channel.WRITTEN, 60, 55),
    ("东湖区化工园区储罐泄漏", ReportKind.INITIAL, Channel.PHONE, 30, 41),
    ("东湖区化工园区储罐泄漏", ReportKind.INITIAL, Channel.WRITTEN, 60, 75),
    ("南湖县G320国道多车相撞", ReportKind.INITIAL, Channel.WRITTEN, 360, 200),
    ("北岭区暴雨内涝", ReportKind.FOLLOW_UP, Channel.WRITTEN, 480, 430),
    ("江州市流感样病例聚集", ReportKind.INITIAL, Channel.WRITTEN, 120, 95),
)


def extend(scope: DemoScope) -> None:
    """Past deadlines with their outcomes (for the statistics) and the coming recurring duties."""
    s, ctx, rng = scope.session, scope.ctx, scope.rng
    now = ctx.clock.now()
    for n, (title, kind, channel, limit, took) in enumerate(_PAST):
        received = now - dt.timedelta(days=rng.randint(5, 80), hours=rng.randint(0, 12))
        due = received + dt.timedelta(minutes=limit)
        met = received + dt.timedelta(minutes=took)
        row = Deadline(
            what=f"{title} · {kind.zh}（{channel.zh}）", report_kind=kind.value, channel=channel.value,
            incident_number=f"DEMO-{n + 1:03d}", rule_profile="default", due_at=due,
            created_at=received, met_at=met, met_how=f"{channel.zh}报送市应急管理局",
            met_by="officer1", closed_reason="", acknowledged_by="", acknowledged_stage="",
            acknowledge_reason="",
            outcome=(DeadlineOutcome.ON_TIME if met <= due else DeadlineOutcome.LATE).value,
        )
        s.add(row)
        s.flush()
        audit.record(s, ctx, "create", "deadline", row.id, after=audit.snapshot(row, ("what", "outcome")))
    s.flush()
    duties.ensure_in(s, ctx, dr.built_in("default"))
