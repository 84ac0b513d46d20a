"""A small register for the plans tests: the office's units, a few plans."""

from __future__ import annotations

import datetime as dt

from app.domain.plan_input import PlanInput
from app.domain.plans import PlanType
from app.services.contacts import book
from app.services.contacts.book import UnitInput
from app.services.context import Context
from app.services.plans import register
from app.services.plans.register import PlanInfo


def units(ctx: Context) -> dict[str, int]:
    """Under the office's own unit (江州市应急管理局, made by the set-up): a department, a
    district with a township and an enterprise."""
    root = next(u.id for u in book.list_units(ctx) if u.parent_id is None)
    made = {"江州市应急管理局": root}
    for name, kind, parent in (("江州市水利局", "department", "江州市应急管理局"),
                               ("东湖区", "district", "江州市应急管理局"),
                               ("城关街道", "township", "东湖区"),
                               ("江州华昌化工有限公司", "enterprise", "东湖区")):
        made[name] = book.save_unit(ctx, None, UnitInput(name=name, kind=kind,
                                                         parent_id=made[parent])).id
    return made


def plan(ctx: Context, name: str, kind: PlanType, unit: str | int, approved: dt.date,
         **extra: object) -> PlanInfo:
    return register.add_plan(ctx, PlanInput(name=name, type=kind, unit=unit, approved_on=approved,
                                            **extra))  # type: ignore[arg-type]
