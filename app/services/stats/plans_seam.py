"""Plans, drills and training counted for the statistics, from the plans register (预案演练).

One SQL count each over the period: a plan approved in it or reviewed in it with the
conclusion that it must be revised (编制修订), a drill or a training on its date. The register's
fuller figures (by type, participants, corrective actions) are app.services.plans.stats.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.plans import ReviewConclusion
from app.models import Drill, Plan, PlanReview, Training
from app.services.stats.period import Period


@dataclass(frozen=True)
class PlanCounts:
    plans: int = 0  # emergency plans approved or revised in the period
    drills: int = 0
    trainings: int = 0

    @property
    def recorded(self) -> bool:
        """Whether the register holds anything for the period (else the documents ask)."""
        return bool(self.plans or self.drills or self.trainings)


def plan_counts(session: Session, period: Period) -> PlanCounts:
    """Plans written or revised, drills held and trainings given in ``period``."""
    start, end = period.start, period.end
    approved = select(Plan.id).where(Plan.approved_on >= start, Plan.approved_on <= end)
    revised = select(PlanReview.plan_id).where(
        PlanReview.reviewed_on >= start, PlanReview.reviewed_on <= end,
        PlanReview.conclusion == ReviewConclusion.REVISE.value)
    plans = session.scalar(select(func.count()).select_from(approved.union(revised).subquery()))
    drills = session.scalar(select(func.count()).select_from(Drill).where(
        Drill.held_on >= start, Drill.held_on <= end))
    trainings = session.scalar(select(func.count()).select_from(Training).where(
        Training.held_on >= start, Training.held_on <= end))
    return PlanCounts(plans or 0, drills or 0, trainings or 0)
