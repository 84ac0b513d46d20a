"""A small duty office for the roster tests: leaders and officers in their pools."""

from __future__ import annotations

from app.domain.enums import DutyRole
from app.models import Person
from app.services.context import Context
from app.services.roster import setup as roster_setup

LEADERS = [("赵德明", "局长", "13900000001", 3), ("钱立新", "副局长", "13900000002", 2),
           ("孙海涛", "副局长", "13900000003", 2), ("李文静", "总工程师", "13900000004", 2),
           ("周志强", "办公室主任", "13900000005", 1)]
OFFICERS = [("吴晓东", "13800000011"), ("郑丽华", "13800000012"), ("冯建军", "13800000013"),
            ("陈思远", "13800000014"), ("褚晓燕", "13800000015"), ("卫国平", "13800000016"),
            ("蒋春梅", "13800000017")]


def staff_office(ctx: Context) -> dict[str, int]:
    """People and pools; returns name -> person id."""
    with ctx.db.write() as s:
        people = [Person(name=n, title=t, mobile=m) for n, t, m, _ in LEADERS]
        people += [Person(name=n, title="值班员", mobile=m) for n, m in OFFICERS]
        s.add_all(people)
        s.flush()
        ids = {p.name: p.id for p in people}
    for name, _, _, tier in LEADERS:
        roster_setup.add_to_pool(ctx, DutyRole.LEADER, ids[name], tier)
    for name, _ in OFFICERS:
        roster_setup.add_to_pool(ctx, DutyRole.OFFICER, ids[name])
    return ids
