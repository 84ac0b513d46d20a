"""The statistics count the plans register: every figure recomputed from the raw rows of the
demo office's register (plans approved or found in need of revision, drills, trainings)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from app.demo import build as demo
from app.domain.plans import ReviewConclusion
from app.models import Drill, Plan, PlanReview, Training
from app.services import stats
from app.services.context import Context
from tests.demo.test_demo import ctx  # noqa: F401  (a fresh database, clock at 2026-11-28)

D = dt.date


def _recompute(ctx: Context, start: dt.date, end: dt.date) -> tuple[int, int, int]:  # noqa: F811
    def inside(day: dt.date | None) -> bool:
        return day is not None and start <= day <= end

    with ctx.db.read() as s:
        approved = {p.id for p in s.scalars(select(Plan)) if inside(p.approved_on)}
        revised = {r.plan_id for r in s.scalars(select(PlanReview))
                   if inside(r.reviewed_on) and r.conclusion == ReviewConclusion.REVISE.value}
        drills = sum(inside(d.held_on) for d in s.scalars(select(Drill)))
        trainings = sum(inside(t.held_on) for t in s.scalars(select(Training)))
    return len(approved | revised), drills, trainings


@pytest.mark.parametrize(("start", "end"), [
    (D(2025, 1, 1), D(2026, 12, 31)), (D(2026, 1, 1), D(2026, 3, 31)),
    (D(2026, 7, 1), D(2026, 9, 30)), (D(2024, 1, 1), D(2024, 12, 31)),
])
def test_plan_counts_match_the_register(ctx: Context, start: dt.date, end: dt.date) -> None:  # noqa: F811
    demo.create_demo(ctx)
    counted = stats.compute(ctx, start, end).plans
    assert (counted.plans, counted.drills, counted.trainings) == _recompute(ctx, start, end)


def test_the_demo_register_is_counted_at_all(ctx: Context) -> None:  # noqa: F811
    demo.create_demo(ctx)
    counted = stats.compute(ctx, D(2025, 1, 1), D(2026, 12, 31)).plans
    assert counted.drills > 10 and counted.trainings > 5 and counted.recorded
