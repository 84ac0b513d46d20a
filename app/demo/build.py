"""Build the demo office: the units and people of ``office``, then each feature's filler.

``dutydesk demo`` and the benches use this; the services never do.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from app.demo import contacts, deadlines, dutylog, incidents, plans, roster, volumes
from app.demo.office import SCALES, DemoUser, build_office, reset
from app.demo.scope import DemoScope
from app.domain.enums import UserRole
from app.services.context import Context
from app.services.office import audit

__all__ = ["SCALES", "DemoResult", "DemoUser", "create_demo"]

# Each feature's filler, in the order they build on each other.
_FILLERS: tuple[Callable[[DemoScope], None], ...] = (
    contacts.extend, roster.extend, deadlines.extend, incidents.extend, dutylog.extend,
    plans.extend, volumes.extend,
)


@dataclass(frozen=True)
class DemoResult:
    organizations: int
    people: int
    users: list[DemoUser]


def create_demo(
    ctx: Context, *, scale: str = "small", force: bool = False, seed: int = 20261128
) -> DemoResult:
    """Fill the database with the demo office; InputError if it holds data and not ``force``.

    With ``force`` the office, units, people and users are deleted first (the audit trail stays
    and records the reset). Everything happens in one write transaction.
    """
    if scale not in SCALES:
        raise ValueError(f"unknown demo scale {scale!r}")
    ctx.require(UserRole.ADMIN)
    rng = random.Random(seed)
    with ctx.db.write() as session:
        reset(session, ctx, force=force)
        built = build_office(session, ctx, rng, scale)
        for fill in _FILLERS:
            fill(DemoScope(session, ctx, rng, scale))
        audit.record(session, ctx, "demo", "office", built.office_id,
                     after={"organizations": built.organizations, "people": built.people,
                            "scale": scale})
    return DemoResult(built.organizations, built.people, built.users)
