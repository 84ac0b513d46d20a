"""Plans, drills and training counted for the statistics: the seam the plans register fills.

The plans register (预案演练, its own issue) keeps emergency plans, drills with their dates and
training records; until it is merged there is nothing to count and this returns zero. When it
is, this one function counts them by SQL over the period (a plan approved or revised in it, a
drill or training on its date).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

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
    """Plans, drills and trainings of ``period`` (zero until the plans register exists)."""
    return PlanCounts()
