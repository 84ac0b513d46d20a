"""Plan reviews (预案评估): recording one meets the review clock and plans the next; a review
that finds the plan must be revised puts it under revision."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import plans as rules
from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound
from app.domain.messages import Problem, text
from app.domain.plan_input import ReviewInput
from app.models import Plan, PlanReview
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit
from app.services.plans import clocks

FIELDS = ("plan_id", "reviewed_on", "conclusion", "note", "recorded_by")


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    plan_id: int
    reviewed_on: dt.date
    conclusion: rules.ReviewConclusion
    note: str
    recorded_by: str


def record_review(ctx: Context, plan_id: int, data: ReviewInput) -> ReviewInfo:
    """Record a review held on ``data.reviewed_on``; the plan's next review moves on from it."""
    ctx.require(UserRole.ADMIN)
    cs = clocks.settings_of(ctx)
    with ctx.db.write() as s:
        info = record_in(s, ctx, plan_id, data, cs)
    deadlines.notify_changed()
    return info


def record_in(s: Session, ctx: Context, plan_id: int, data: ReviewInput,
              cs: clocks.ClockSettings) -> ReviewInfo:
    """The same in the caller's transaction (the demo uses it)."""
    actor = ctx.require(UserRole.ADMIN)
    problems: list[Problem] = []
    if data.reviewed_on > cs.window.today:
        problems.append(Problem("plan.future_date", "review.date",
                                {"value": data.reviewed_on.isoformat()}))
    if len(data.note.strip()) > 4000:
        problems.append(Problem("too_long", "review.note", {"max": 4000}))
    plan = s.get(Plan, plan_id)
    if plan is None:
        raise NotFound(text("not_found.plan", id=plan_id))
    if plan.status == rules.PlanStatus.WITHDRAWN.value:
        problems.append(Problem("plan.withdrawn", None, {"name": plan.name}))
    if data.reviewed_on < plan.approved_on:
        problems.append(Problem("review.before_approval", "review.date"))
    if problems:
        raise InputError(problems)
    clock = clocks.clocks_in(s, [plan_id])[0]
    latest = data.reviewed_on >= (clock.last_review or plan.approved_on)
    row = PlanReview(plan_id=plan_id, reviewed_on=data.reviewed_on,
                     conclusion=data.conclusion.value, note=data.note.strip(),
                     recorded_by=actor.display_name or actor.name, recorded_at=ctx.clock.now())
    s.add(row)
    s.flush()
    audit.record(s, ctx, "create", "plan_review", row.id, after=audit.snapshot(row, FIELDS))
    if latest:
        clocks.meet_in(s, ctx, plan_id, clocks.REVIEW, data.reviewed_on, cs.window.zone,
                       how=f"{data.reviewed_on.isoformat()}评估：{data.conclusion.zh}")
    if data.conclusion is rules.ReviewConclusion.REVISE and \
            plan.status == rules.PlanStatus.IN_FORCE.value:
        before = {"status": plan.status}
        plan.status = rules.PlanStatus.UNDER_REVISION.value
        s.flush()
        audit.record(s, ctx, "update", "plan", plan.id, before=before, after={"status": plan.status})
    clocks.retime_in(s, ctx, [plan_id], cs)
    return ReviewInfo(row.id, plan_id, row.reviewed_on, data.conclusion, row.note, row.recorded_by)


def reviews_of(ctx: Context, plan_id: int) -> list[ReviewInfo]:
    """A plan's reviews, the newest first."""
    with ctx.db.read() as s:
        rows = s.scalars(select(PlanReview).where(PlanReview.plan_id == plan_id)
                         .order_by(PlanReview.reviewed_on.desc(), PlanReview.id.desc()))
        return [ReviewInfo(r.id, r.plan_id, r.reviewed_on, rules.ReviewConclusion(r.conclusion),
                           r.note, r.recorded_by) for r in rows]
