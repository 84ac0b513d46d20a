"""A year's roster for 60 people: the generator alone and the whole service call.

    python bench/roster_generate.py [--runs 5]

The office has 15 leaders and 45 duty officers in its pools, two shifts a day (day and night,
a leader and two officers each), and a sensitive period. Printed: the median of each (goal: the
service call, database writes and quality report included, <= 1 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.clock import FixedClock
from app.domain.duty_calendar import DutyCalendar, Period
from app.domain.enums import DutyRole
from app.domain.roster_rules import (
    Candidate,
    Place,
    Rules,
    ShiftSpec,
    generate,
    shift_times,
)
from app.models import Person
from app.services.context import Actor, Context
from app.services.office import health, office
from app.services.roster import calendar as roster_calendar
from app.services.roster import generate as roster_generate
from app.services.roster import setup as roster_setup

YEAR = 2026
ROLES = {DutyRole.LEADER: 1, DutyRole.OFFICER: 2}


def domain_only() -> float:
    import zoneinfo

    shifts = [ShiftSpec(1, "白班", dt.time(8, 30), 720, tuple(ROLES.items())),
              ShiftSpec(2, "夜班", dt.time(20, 30), 720, tuple(ROLES.items()), 1)]
    cal = DutyCalendar.build([], [Period("两会", dt.date(YEAR, 3, 3), dt.date(YEAR, 3, 15), 3)],
                             years=[YEAR])
    days = [dt.date(YEAR, 1, 1) + dt.timedelta(n) for n in range(365)]
    start = time.perf_counter()
    times = shift_times(days, shifts, cal, zoneinfo.ZoneInfo("Asia/Shanghai"))
    places = [Place(st, r, p) for st in times for r, n in st.shift.roles for p in range(n)]
    pools = {DutyRole.LEADER: [Candidate(i, 3 if i < 4 else 2) for i in range(15)],
             DutyRole.OFFICER: [Candidate(100 + i) for i in range(45)]}
    result = generate(places, [], pools, {}, Rules(dt.timedelta(hours=12), 12))
    elapsed = time.perf_counter() - start
    assert not result.empty
    return elapsed


def service_call(folder: Path, run: int) -> float:
    clock = FixedClock(dt.datetime(YEAR, 1, 1, tzinfo=dt.UTC))
    opened = health.open_database(folder / f"bench{run}.db", clock)
    ctx = Context(opened.db, clock, Actor.command_line())
    admin = office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234",
                          admin_username="admin", admin_name="管理员", admin_password="bench-pass-1")
    ctx = ctx.acting_as(admin)
    with ctx.db.write() as s:
        people = [Person(name=f"人员{i:02d}", title="值班员", mobile=f"138{i:08d}") for i in range(60)]
        s.add_all(people)
        s.flush()
        ids = [p.id for p in people]
    for i, pid in enumerate(ids[:15]):
        roster_setup.add_to_pool(ctx, DutyRole.LEADER, pid, 3 if i < 4 else 2)
    for pid in ids[15:]:
        roster_setup.add_to_pool(ctx, DutyRole.OFFICER, pid)
    roster_setup.save_shift(ctx, shift_id=1, name="白班", start_time=dt.time(8, 30),
                            length_minutes=720, roles=ROLES)
    roster_setup.save_shift(ctx, shift_id=None, name="夜班", start_time=dt.time(20, 30),
                            length_minutes=720, roles=ROLES, sort_order=1)
    roster_setup.update_rules(ctx, min_rest_hours=12, monthly_max=12, holiday_leader_tier=2,
                              filing_days_before=7)
    roster_calendar.save_period(ctx, period_id=None, name="全国两会", starts_on=dt.date(YEAR, 3, 3),
                                ends_on=dt.date(YEAR, 3, 15), leader_tier=3)
    start = time.perf_counter()
    report = roster_generate.generate_roster(ctx, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    elapsed = time.perf_counter() - start
    assert report.created == 365 * 6 and not report.empty, report.lines()[:5]
    opened.db.dispose()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    runs = parser.parse_args().runs
    domain = [domain_only() for _ in range(runs)]
    with tempfile.TemporaryDirectory() as tmp:
        service = [service_call(Path(tmp), i) for i in range(runs)]
    print(f"people 60 (15 leaders, 45 officers), {YEAR}: 730 shifts, 2190 places")
    print(f"generator alone        median {statistics.median(domain) * 1000:7.0f} ms")
    print(f"roster generate (all)  median {statistics.median(service) * 1000:7.0f} ms"
          f"   (goal <= 1000 ms, {runs} runs)")


if __name__ == "__main__":
    main()
