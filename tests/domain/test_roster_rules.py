"""The generator's rules, without a database: fairness, rest, absences, tiers, monthly cap."""

from __future__ import annotations

import datetime as dt
import itertools
import zoneinfo

from app.domain.duty_calendar import DutyCalendar, Period
from app.domain.enums import DutyKind, DutyRole
from app.domain.roster_rules import (
    Candidate,
    Duty,
    Place,
    Rules,
    ShiftSpec,
    check,
    counts_by_kind,
    generate,
    shift_times,
)

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
DAY = ShiftSpec(1, "全天", dt.time(8, 30), 24 * 60, ((DutyRole.LEADER, 1), (DutyRole.OFFICER, 2)))


def days(start: dt.date, end: dt.date) -> list[dt.date]:
    return [start + dt.timedelta(n) for n in range((end - start).days + 1)]


def places_of(shifts) -> list[Place]:  # type: ignore[no-untyped-def]
    return [Place(st, role, pos) for st in shifts for role, n in st.shift.roles for pos in range(n)]


def pools(leaders: int, officers: int, tier: int = 2) -> dict[DutyRole, list[Candidate]]:
    return {DutyRole.LEADER: [Candidate(100 + i, tier) for i in range(leaders)],
            DutyRole.OFFICER: [Candidate(200 + i) for i in range(officers)]}


def year(calendar: DutyCalendar, y: int = 2026):  # type: ignore[no-untyped-def]
    return shift_times(days(dt.date(y, 1, 1), dt.date(y, 12, 31)), [DAY], calendar, ZONE)


def test_a_year_from_empty_history_is_fair_within_each_kind() -> None:
    calendar = DutyCalendar.build([], years=[2026])
    shifts = year(calendar)
    result = generate(places_of(shifts), [], pools(7, 11), {}, Rules())
    assert not result.empty
    table = counts_by_kind(result.duties)
    for role, size in ((DutyRole.LEADER, 7), (DutyRole.OFFICER, 11)):
        for kind in DutyKind:
            values = [table.get((role, pid), dict.fromkeys(DutyKind, 0))[kind]
                      for pid in range(100 if role is DutyRole.LEADER else 200,
                                       (100 if role is DutyRole.LEADER else 200) + size)]
            assert max(values) - min(values) <= 1, (role, kind, values)
    holidays = sum(1 for d in result.duties if d.kind is DutyKind.HOLIDAY and d.role is DutyRole.LEADER)
    assert holidays == 33  # the State Council's 2026 holidays, weekends inside the breaks included
    rules_broken = [v for v in check(shifts, result.duties, _tiers(pools(7, 11)), {}, Rules())]
    assert rules_broken == []


def _tiers(p: dict[DutyRole, list[Candidate]]) -> dict[DutyRole, dict[int, int]]:
    return {role: {c.person_id: c.tier for c in members} for role, members in p.items()}


def test_rest_absence_and_monthly_maximum_are_respected() -> None:
    calendar = DutyCalendar.build([], years=[2026])
    shifts = shift_times(days(dt.date(2026, 3, 1), dt.date(2026, 3, 31)), [DAY], calendar, ZONE)
    away = {200: [(dt.date(2026, 3, 10), dt.date(2026, 3, 20))]}
    rules = Rules(min_rest=dt.timedelta(hours=48), monthly_max=9)
    result = generate(places_of(shifts), [], pools(4, 8), away, rules)
    mine = [d for d in result.duties if d.person_id == 200]
    # the shift of 9 March ends on the morning of the 10th: he is leaving, so not that one either
    assert all(not dt.date(2026, 3, 9) <= d.date <= dt.date(2026, 3, 20) for d in mine)
    by_person: dict[int, list[Duty]] = {}
    for d in result.duties:
        by_person.setdefault(d.person_id, []).append(d)
    for items in by_person.values():
        assert len(items) <= 9
        for a, b in itertools.pairwise(items):
            assert b.starts_at - a.ends_at >= dt.timedelta(hours=48)
    assert check(shifts, result.duties, _tiers(pools(4, 8)), away, rules) == []


def test_a_place_nobody_may_take_stays_empty_with_its_reasons() -> None:
    calendar = DutyCalendar.build([], years=[2026])
    shifts = shift_times(days(dt.date(2026, 3, 2), dt.date(2026, 3, 3)), [DAY], calendar, ZONE)
    result = generate(places_of(shifts), [], pools(1, 3), {}, Rules())
    empty = [(e.place.shift.date, e.place.role, e.reasons) for e in result.empty]
    assert empty == [(dt.date(2026, 3, 3), DutyRole.LEADER, {"rest": 1}),
                     (dt.date(2026, 3, 3), DutyRole.OFFICER, {"rest": 2, "busy": 1})]
    broken = check(shifts, result.duties, _tiers(pools(1, 3)), {}, Rules())
    assert [(v.code, v.role) for v in broken] == [("empty", DutyRole.LEADER),
                                                  ("empty", DutyRole.OFFICER),
                                                  ("missing_leader", DutyRole.LEADER)]


def test_holidays_and_sensitive_periods_get_a_leader_of_their_tier() -> None:
    period = Period("全国两会", dt.date(2026, 3, 4), dt.date(2026, 3, 11), 3)
    calendar = DutyCalendar.build([], [period], holiday_tier=2, years=[2026])
    shifts = shift_times(days(dt.date(2026, 2, 1), dt.date(2026, 3, 31)), [DAY], calendar, ZONE)
    leaders = [Candidate(100, 3), Candidate(101, 3), Candidate(102, 2), Candidate(103, 2),
               Candidate(104, 1), Candidate(105, 1)]
    pool = {DutyRole.LEADER: leaders, DutyRole.OFFICER: [Candidate(200 + i) for i in range(8)]}
    result = generate(places_of(shifts), [], pool, {}, Rules())
    tier = {c.person_id: c.tier for c in leaders}
    for d in result.duties:
        if d.role is DutyRole.LEADER and period.covers(d.date):
            assert tier[d.person_id] == 3
        if d.role is DutyRole.LEADER and d.kind is DutyKind.HOLIDAY:  # 春节 15–23 February
            assert tier[d.person_id] >= 2
    assert check(shifts, result.duties, _tiers(pool), {}, Rules()) == []
    # a roster written by hand with a junior leader in the period is reported
    hand = [d if not (d.role is DutyRole.LEADER and d.date == dt.date(2026, 3, 5))
            else Duty(104, d.date, d.shift_id, d.role, 0, d.starts_at, d.ends_at, d.kind)
            for d in result.duties]
    codes = {(v.code, v.date) for v in check(shifts, hand, _tiers(pool), {}, Rules())}
    assert ("leader_tier", dt.date(2026, 3, 5)) in codes


def test_history_is_carried_and_kept_duties_are_respected() -> None:
    calendar = DutyCalendar.build([], years=[2026])
    first = shift_times(days(dt.date(2026, 4, 1), dt.date(2026, 4, 30)), [DAY], calendar, ZONE)
    second = shift_times(days(dt.date(2026, 5, 1), dt.date(2026, 6, 30)), [DAY], calendar, ZONE)
    pool = pools(5, 7)
    april = generate(places_of(first), [], pool, {}, Rules()).duties
    locked = Duty(100, dt.date(2026, 5, 20), 1, DutyRole.LEADER, 0, second[19].starts_at,
                  second[19].ends_at, second[19].kind, locked=True)
    open_places = [p for p in places_of(second)
                   if not (p.shift.date == locked.date and p.role is DutyRole.LEADER)]
    rest = generate(open_places, [*april, locked], pool, {}, Rules()).duties
    table = counts_by_kind([*april, locked, *rest])
    for role, base, size in ((DutyRole.LEADER, 100, 5), (DutyRole.OFFICER, 200, 7)):
        for kind in DutyKind:
            values = [table[(role, base + i)][kind] for i in range(size)]
            assert max(values) - min(values) <= 1, (role, kind, values)
    assert not any(d.date == locked.date and d.role is DutyRole.LEADER for d in rest)


def test_a_newcomer_starts_level_with_the_least_served() -> None:
    calendar = DutyCalendar.build([], years=[2026])
    shifts = shift_times(days(dt.date(2026, 4, 1), dt.date(2026, 4, 30)), [DAY], calendar, ZONE)
    pool = pools(4, 6)
    april = generate(places_of(shifts), [], pool, {}, Rules()).duties
    pool[DutyRole.OFFICER].append(Candidate(299))
    may = shift_times(days(dt.date(2026, 5, 4), dt.date(2026, 5, 17)), [DAY], calendar, ZONE)
    new = generate(places_of(may), april, pool, {}, Rules()).duties
    theirs = sum(1 for d in new if d.person_id == 299)
    assert 2 <= theirs <= 5  # a fair share of 28 officer places among 7, not all of them
