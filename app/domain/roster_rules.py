"""Roster generation and its rules, in plain Python (no database, no Qt).

The service reads the shifts, pools, calendar, absences and existing assignments, turns them
into the values below, and calls :func:`generate` and :func:`check`.

Fairness: each role's duties are counted per person and per kind of day (weekday, weekend,
holiday) over the whole history, and every open place goes to the eligible pool member with
the fewest duties of that kind (then fewest in the role, then the longest since their last
duty). Places that need a leader of a tier are filled first, so those leaders are not spent
on ordinary days just before. A place nobody may fill stays empty and is reported; a tier that
nobody available reaches falls back to any available leader and is reported as broken.
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from app.domain.duty_calendar import DutyCalendar
from app.domain.enums import DutyKind, DutyRole

_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)


@dataclass(frozen=True)
class ShiftSpec:
    """A shift worked every day and the places it has."""

    id: int
    name: str
    start: dt.time
    minutes: int
    roles: tuple[tuple[DutyRole, int], ...]
    sort_order: int = 0


@dataclass(frozen=True)
class ShiftTime:
    """One shift on one duty date: when it starts and ends, what kind of day, what tier leads."""

    date: dt.date
    shift: ShiftSpec
    starts_at: dt.datetime
    ends_at: dt.datetime
    kind: DutyKind
    required_tier: int | None

    @property
    def key(self) -> tuple[dt.date, int]:
        return (self.date, self.shift.id)

    def touched_dates(self) -> tuple[dt.date, dt.date]:
        """First and last local date the shift spends time on (absences are checked on these)."""
        last = (self.ends_at - dt.timedelta(minutes=1)).date()
        return self.starts_at.date(), max(last, self.starts_at.date())


@dataclass(frozen=True)
class Duty:
    """A person in a place of a shift (an existing assignment or a generated one)."""

    person_id: int
    date: dt.date
    shift_id: int
    role: DutyRole
    position: int
    starts_at: dt.datetime
    ends_at: dt.datetime
    kind: DutyKind
    id: int | None = None
    locked: bool = False


@dataclass(frozen=True)
class Candidate:
    person_id: int
    tier: int = 2


@dataclass(frozen=True)
class Rules:
    min_rest: dt.timedelta = dt.timedelta(hours=24)
    monthly_max: int = 10


@dataclass(frozen=True)
class Place:
    """An open place to fill: a shift, a role and a position in it."""

    shift: ShiftTime
    role: DutyRole
    position: int

    @property
    def needs_tier(self) -> int | None:
        return self.shift.required_tier if self.role is DutyRole.LEADER or (
            self.role is DutyRole.CHIEF_LEADER) else None


@dataclass(frozen=True)
class EmptyPlace:
    """A place left empty, and why each pool member could not take it."""

    place: Place
    reasons: dict[str, int]


@dataclass(frozen=True)
class Violation:
    """A rule the roster breaks: code, where, who, and the figures of the message."""

    code: str
    date: dt.date
    shift_id: int
    role: DutyRole | None = None
    person_id: int | None = None
    values: dict[str, int | str] = field(default_factory=dict)


@dataclass
class Generated:
    duties: list[Duty]
    empty: list[EmptyPlace]


def shift_times(days: Iterable[dt.date], shifts: Sequence[ShiftSpec], calendar: DutyCalendar,
                zone: dt.tzinfo) -> list[ShiftTime]:
    """Every shift of every day, in order of starting time."""
    out = []
    for day in days:
        kind = calendar.duty_kind(day)
        tier = calendar.required_tier(day)
        for spec in shifts:
            starts = dt.datetime.combine(day, spec.start, tzinfo=zone)
            out.append(ShiftTime(day, spec, starts, starts + dt.timedelta(minutes=spec.minutes),
                                 kind, tier))
    out.sort(key=lambda s: (s.starts_at, s.shift.sort_order, s.shift.id))
    return out


class _Busy:
    """Each person's duties, sorted by start, for the rest and double-booking tests."""

    def __init__(self) -> None:
        self.starts: dict[int, list[dt.datetime]] = defaultdict(list)
        self.ends: dict[int, list[dt.datetime]] = defaultdict(list)

    def add(self, person: int, starts: dt.datetime, ends: dt.datetime) -> None:
        i = bisect.bisect_left(self.starts[person], starts)
        self.starts[person].insert(i, starts)
        self.ends[person].insert(i, ends)

    def fits(self, person: int, starts: dt.datetime, ends: dt.datetime, rest: dt.timedelta) -> bool:
        s_list = self.starts.get(person)
        if not s_list:
            return True
        e_list = self.ends[person]
        i = bisect.bisect_left(s_list, starts)
        if i > 0 and e_list[i - 1] + rest > starts:
            return False
        return not (i < len(s_list) and ends + rest > s_list[i])


def _overlaps(ranges: list[tuple[dt.date, dt.date]] | None, first: dt.date, last: dt.date) -> bool:
    if not ranges:
        return False
    return any(a <= last and b >= first for a, b in ranges)


def generate(
    places: Sequence[Place],
    existing: Sequence[Duty],
    pools: dict[DutyRole, list[Candidate]],
    unavailable: dict[int, list[tuple[dt.date, dt.date]]],
    rules: Rules,
) -> Generated:
    """Fill ``places`` fairly around the ``existing`` duties (history, kept and locked ones)."""
    busy = _Busy()
    monthly: dict[tuple[int, int, int], int] = defaultdict(int)
    counts: dict[tuple[DutyRole, DutyKind], dict[int, int]] = defaultdict(lambda: defaultdict(int))
    in_role: dict[DutyRole, dict[int, int]] = defaultdict(lambda: defaultdict(int))
    last: dict[tuple[DutyRole, int], dt.datetime] = {}
    for d in existing:
        busy.add(d.person_id, d.starts_at, d.ends_at)
        monthly[(d.person_id, d.date.year, d.date.month)] += 1
        counts[(d.role, d.kind)][d.person_id] += 1
        in_role[d.role][d.person_id] += 1
        key = (d.role, d.person_id)
        if d.starts_at > last.get(key, _NEVER):
            last[key] = d.starts_at
    _level_newcomers(pools, counts, in_role)
    order = {role: {c.person_id: i for i, c in enumerate(members)} for role, members in pools.items()}

    # places that need a leader of a tier first, then the rest; each group in time order
    ranked = sorted(places, key=lambda p: (p.needs_tier is None, p.shift.starts_at,
                                           p.role.order, p.position))
    duties: list[Duty] = []
    empty: list[EmptyPlace] = []
    for place in ranked:
        st = place.shift
        first, last_day = st.touched_dates()
        month = (st.date.year, st.date.month)
        kind_counts = counts[(place.role, st.kind)]
        role_counts = in_role[place.role]
        eligible: list[Candidate] = []
        reasons: dict[str, int] = defaultdict(int)
        for cand in pools.get(place.role, ()):
            pid = cand.person_id
            if _overlaps(unavailable.get(pid), first, last_day):
                reasons["unavailable"] += 1
            elif not busy.fits(pid, st.starts_at, st.ends_at, dt.timedelta(0)):
                reasons["busy"] += 1
            elif not busy.fits(pid, st.starts_at, st.ends_at, rules.min_rest):
                reasons["rest"] += 1
            elif monthly[(pid, *month)] >= rules.monthly_max:
                reasons["monthly_max"] += 1
            else:
                eligible.append(cand)
        tier = place.needs_tier
        if tier is not None and any(c.tier >= tier for c in eligible):
            eligible = [c for c in eligible if c.tier >= tier]
        if not eligible:
            if not pools.get(place.role):
                reasons["no_pool"] += 1
            empty.append(EmptyPlace(place, dict(reasons)))
            continue
        role_order = order[place.role]
        best = min(eligible, key=lambda c: (kind_counts[c.person_id], role_counts[c.person_id],
                                            last.get((place.role, c.person_id), _NEVER),
                                            role_order[c.person_id]))
        pid = best.person_id
        duty = Duty(pid, st.date, st.shift.id, place.role, place.position, st.starts_at,
                    st.ends_at, st.kind)
        duties.append(duty)
        busy.add(pid, st.starts_at, st.ends_at)
        monthly[(pid, *month)] += 1
        kind_counts[pid] += 1
        role_counts[pid] += 1
        if st.starts_at > last.get((place.role, pid), _NEVER):
            last[(place.role, pid)] = st.starts_at
    duties.sort(key=lambda d: (d.starts_at, d.role.order, d.position))
    return Generated(duties, empty)


def _level_newcomers(pools: dict[DutyRole, list[Candidate]],
                     counts: dict[tuple[DutyRole, DutyKind], dict[int, int]],
                     in_role: dict[DutyRole, dict[int, int]]) -> None:
    """Someone new to a pool starts level with the least-served member, not at zero.

    Otherwise a newcomer would be given every duty until their count caught up with
    colleagues who have served for years.
    """
    for role, members in pools.items():
        served = [c.person_id for c in members if in_role[role].get(c.person_id)]
        new = [c.person_id for c in members if not in_role[role].get(c.person_id)]
        if not served or not new:
            continue
        for kind in DutyKind:
            table = counts[(role, kind)]
            floor = min(table.get(p, 0) for p in served)
            for p in new:
                table[p] = floor
        floor_total = min(in_role[role][p] for p in served)
        for p in new:
            in_role[role][p] = floor_total


def check(
    shifts: Sequence[ShiftTime],
    duties: Sequence[Duty],
    tiers: dict[DutyRole, dict[int, int]],
    unavailable: dict[int, list[tuple[dt.date, dt.date]]],
    rules: Rules,
    context: Sequence[Duty] = (),
) -> list[Violation]:
    """Every rule ``duties`` break within ``shifts``.

    ``tiers`` maps each role's pool members to their tier (a person missing from a role's pool
    is reported); ``context`` holds duties just outside the range, for rest and monthly counts.
    """
    out: list[Violation] = []
    by_shift: dict[tuple[dt.date, int], list[Duty]] = defaultdict(list)
    for d in duties:
        by_shift[(d.date, d.shift_id)].append(d)
    for st in shifts:
        out += _shift_problems(st, by_shift.get(st.key, []), tiers)
    per_person: dict[int, list[Duty]] = defaultdict(list)
    for d in [*duties, *context]:
        per_person[d.person_id].append(d)
    inside = {id(d) for d in duties}
    for person, items in per_person.items():
        items.sort(key=lambda d: (d.starts_at, d.role.order))
        out += _spacing_problems(person, items, inside, rules)
        out += _absence_problems(person, items, inside, unavailable.get(person))
        out += _monthly_problems(person, items, inside, rules)
    out.sort(key=lambda v: (v.date, v.shift_id, v.code))
    return out


def _shift_problems(st: ShiftTime, here: list[Duty], tiers: dict[DutyRole, dict[int, int]]) -> list[Violation]:
    """Places left empty, a missing leader or one below the required tier, people not in the pool."""
    out: list[Violation] = []
    for role, need in st.shift.roles:
        have = sum(1 for d in here if d.role is role)
        if have < need:
            out.append(Violation("empty", st.date, st.shift.id, role, None, {"missing": need - have}))
    leaders = [d for d in here if d.role.leads]
    wants_leader = any(r.leads and n > 0 for r, n in st.shift.roles)
    if wants_leader and not leaders:
        out.append(Violation("missing_leader", st.date, st.shift.id, DutyRole.LEADER))
    elif st.required_tier is not None and leaders and not any(
            tiers.get(d.role, {}).get(d.person_id, 0) >= st.required_tier for d in leaders):
        out.append(Violation("leader_tier", st.date, st.shift.id, DutyRole.LEADER,
                             leaders[0].person_id, {"tier": st.required_tier}))
    out += [Violation("not_in_pool", d.date, d.shift_id, d.role, d.person_id)
            for d in here if d.person_id not in tiers.get(d.role, {})]
    return out


def _spacing_problems(person: int, items: list[Duty], inside: set[int], rules: Rules) -> list[Violation]:
    """Double booking and too little rest between one person's consecutive duties."""
    out: list[Violation] = []
    for a, b in itertools.pairwise(items):
        if id(b) not in inside and id(a) not in inside:
            continue
        where = b if id(b) in inside else a
        if b.starts_at < a.ends_at:
            out.append(Violation("double_booking", where.date, where.shift_id, where.role, person))
        elif b.starts_at - a.ends_at < rules.min_rest:
            hours = (b.starts_at - a.ends_at).total_seconds() / 3600
            out.append(Violation("rest", where.date, where.shift_id, where.role, person,
                                 {"hours": f"{round(hours, 1):g}",
                                  "min": f"{rules.min_rest.total_seconds() / 3600:g}"}))
    return out


def _absence_problems(person: int, items: list[Duty], inside: set[int],
                      ranges: list[tuple[dt.date, dt.date]] | None) -> list[Violation]:
    """Duties on days the person reported being away."""
    if not ranges:
        return []
    out: list[Violation] = []
    for d in items:
        if id(d) not in inside:
            continue
        first = d.starts_at.date()
        last_day = max((d.ends_at - dt.timedelta(minutes=1)).date(), first)
        if _overlaps(ranges, first, last_day):
            out.append(Violation("unavailable", d.date, d.shift_id, d.role, person))
    return out


def _monthly_problems(person: int, items: list[Duty], inside: set[int], rules: Rules) -> list[Violation]:
    """More duties in a month than the monthly maximum (reported on the last one in range)."""
    month_count: dict[tuple[int, int], list[Duty]] = defaultdict(list)
    for d in items:
        month_count[(d.date.year, d.date.month)].append(d)
    out: list[Violation] = []
    for (year, month), month_duties in month_count.items():
        mine = [d for d in month_duties if id(d) in inside]
        if len(month_duties) > rules.monthly_max and mine:
            out.append(Violation("monthly_max", mine[-1].date, mine[-1].shift_id, mine[-1].role, person,
                                 {"count": len(month_duties), "max": rules.monthly_max,
                                  "month": f"{year}-{month:02d}"}))
    return out


def counts_by_kind(duties: Iterable[Duty]) -> dict[tuple[DutyRole, int], dict[DutyKind, int]]:
    """(role, person) -> duties of each kind."""
    table: dict[tuple[DutyRole, int], dict[DutyKind, int]] = defaultdict(
        lambda: dict.fromkeys(DutyKind, 0))
    for d in duties:
        table[(d.role, d.person_id)][d.kind] += 1
    return dict(table)
