"""The demo register: its plans, their clocks, two years of drills and training, activations."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest

from app.demo import build as demo
from app.domain.clock import FixedClock
from app.domain.enums import DeadlineOutcome, ReportKind
from app.domain.plans import LONG_RANGE_KINDS, PlanStatus, PlanType, activation_text
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import intake as incidents
from app.services.office import health
from app.services.plans import activations, drills, register, stats, training


@pytest.fixture
def ctx(tmp_path) -> Iterator[Context]:  # type: ignore[no-untyped-def]
    opened = health.open_database(tmp_path / "t.db")
    clock = FixedClock(dt.datetime(2026, 11, 28, 8, 30, tzinfo=dt.UTC))
    yield Context(opened.db, clock, Actor.command_line())
    opened.db.dispose()


def test_the_demo_register_is_realistic_and_its_clocks_run(ctx: Context) -> None:
    demo.create_demo(ctx)
    today = dt.date(2026, 11, 28)
    plans = register.list_plans(ctx)
    kinds = Counter(p.type for p in plans)
    assert kinds[PlanType.OVERALL] == 1
    assert kinds[PlanType.SPECIAL] + kinds[PlanType.DEPARTMENT] >= 12
    assert kinds[PlanType.TOWNSHIP] >= 5 and kinds[PlanType.ENTERPRISE] >= 5
    assert kinds[PlanType.ONSITE] >= 2
    assert {p.status for p in plans} == set(PlanStatus)
    overdue_review = [p for p in plans if p.next_review and p.next_review < today]
    assert 2 <= len(overdue_review) <= 5
    held = drills.list_drills(ctx)
    assert min(d.held_on for d in held) < today - dt.timedelta(days=600)
    actions = [a for d in held for a in d.actions]
    assert any(a.late(today) and a.done_on for a in actions)  # done late
    assert any(a.done_on is None and a.due_on < today for a in actions)  # still open, overdue
    assert len(training.list_trainings(ctx)) >= 10
    kept = [d for d in deadlines.list_all(ctx) if d.report_kind in LONG_RANGE_KINDS]
    outcomes = Counter((d.report_kind, d.outcome) for d in kept)
    assert outcomes[(ReportKind.PLAN_DRILL, DeadlineOutcome.ON_TIME)] > 0
    assert outcomes[(ReportKind.PLAN_DRILL, DeadlineOutcome.LATE)] > 0
    assert outcomes[(ReportKind.PLAN_REVIEW, DeadlineOutcome.OPEN)] >= len(overdue_review)
    assert outcomes[(ReportKind.CORRECTIVE_ACTION, DeadlineOutcome.LATE)] > 0
    flood = next(p for p in plans if p.name == "江州市防汛抗旱应急预案")
    activated = activations.activations(ctx, flood.id)
    assert activated
    for a in activated:  # its reports were written knowing it: the measures say so
        info = incidents.get(ctx, a.number)
        assert info.facts.activated_plan is not None and info.facts.activated_plan.name == flood.name
        sentence = activation_text(flood.name, a.response_level)
        assert all(f"已采取的主要措施及效果：{sentence}。" in r.text for r in info.reports
                   if r.kind is not ReportKind.FOLLOW_UP)
    year = stats.counts(ctx, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert year.drills > 10 and year.trainings > 3 and year.actions.due > 0
