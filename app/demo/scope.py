"""What each feature's demo filler gets."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.services.context import Context


@dataclass(frozen=True)
class DemoScope:
    """The open transaction, the actor and the seeded generator. Fillers run after the office,
    units, people and users exist."""

    session: Session
    ctx: Context
    rng: random.Random
    scale: str
