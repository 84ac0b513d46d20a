"""Drills and training counted for the statistics: the seam the plans register fills.

The plans register (预案演练, its own issue) keeps drills with their dates and training
records; until it is merged there is nothing to count and this returns zero. When it is,
this one function counts them by SQL over the period (a drill or training on its date).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.stats.period import Period


@dataclass(frozen=True)
class DrillCounts:
    drills: int = 0
    trainings: int = 0


def drill_counts(session: Session, period: Period) -> DrillCounts:
    """Drills and trainings held in ``period`` (zero until the plans register exists)."""
    return DrillCounts()
