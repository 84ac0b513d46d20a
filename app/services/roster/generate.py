"""Roster generation (排班) for any range, and its quality report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.enums import DutyKind, DutyRole, SwapStatus, UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem, text
from app.domain.roster_rules import Place, counts_by_kind, generate, shift_times
from app.models import RosterAssignment, SwapRequest
from app.services.context import Context
from app.services.office import audit
from app.services.office.zone import zone_in
from app.services.roster.schedule import (
    _days,
    describe,
    duties_in,
    names_in,
    unavailable_in,
    violations_in,
)
from app.services.roster.setup import calendar_in, pools_in, rules_in, shifts_in

MAX_DAYS = 3 * 366


@dataclass(frozen=True)
class EmptyInfo:
    date: dt.date
    shift: str
    role: DutyRole
    reasons: dict[str, int]


@dataclass(frozen=True)
class PersonCount:
    role: DutyRole
    person_id: int
    name: str
    counts: dict[DutyKind, int]


@dataclass(frozen=True)
class QualityReport:
    """What a generation did and how good the result is (the command still exits 0)."""

    start: dt.date
    end: dt.date
    created: int
    kept: int
    removed: int
    empty: list[EmptyInfo]
    counts: list[PersonCount]
    violations: list[str]
    unknown_years: list[int]

    def lines(self) -> list[str]:
        """The report as sentences in the catalog's language (command line and screen)."""
        out = [text("roster.report.header", start=self.start.isoformat(), end=self.end.isoformat(),
                    created=self.created, kept=self.kept, removed=self.removed)]
        out += [text("roster.report.unknown_year", year=y) for y in self.unknown_years]
        if self.empty:
            out.append(text("roster.report.empty_header", n=len(self.empty)))
            for e in self.empty:
                why = "、".join(text(f"roster.reason.{k}", n=n) for k, n in sorted(e.reasons.items()))
                out.append(text("roster.report.empty", date=e.date.isoformat(), shift=e.shift,
                                role=text(f"role.{e.role.value}"), reasons=why or "—"))
        else:
            out.append(text("roster.report.no_empty"))
        out.append(text("roster.report.counts_header"))
        for c in self.counts:
            out.append(text("roster.report.count", role=text(f"role.{c.role.value}"), name=c.name,
                            weekday=c.counts[DutyKind.WEEKDAY], weekend=c.counts[DutyKind.WEEKEND],
                            holiday=c.counts[DutyKind.HOLIDAY]))
        if self.violations:
            out.append(text("roster.report.violations_header", n=len(self.violations)))
            out += ["  " + v for v in self.violations]
        else:
            out.append(text("roster.report.no_violations"))
        return out


def generate_roster(ctx: Context, start: dt.date, end: dt.date, *, replace: bool = False) -> QualityReport:
    """Fill ``start``..``end``; with ``replace`` rewrite what is not locked by hand.

    Entries locked by hand always stay. Everything happens in one transaction with one audit
    entry naming what was removed and what was created.
    """
    ctx.require(UserRole.ADMIN)
    if end < start:
        raise InputError(Problem("roster.bad_range", "roster.to"))
    if (end - start).days >= MAX_DAYS:
        raise InputError(Problem("roster.range_too_long", "roster.to", {"days": MAX_DAYS}))
    with ctx.db.write() as session:
        return generate_in(session, ctx, start, end, replace=replace)


def generate_in(session: Session, ctx: Context, start: dt.date, end: dt.date, *,
                replace: bool = False, record: bool = True) -> QualityReport:
    """The generation inside the caller's transaction (the demo office uses it too, with
    ``record`` off: its own audit entry covers the whole demo).

    With ``replace``, requests to swap a removed duty are withdrawn in an administrator's name.
    """
    zone = zone_in(session)
    rules = rules_in(session)
    infos = shifts_in(session)
    specs = {s.id: s.spec() for s in infos}
    active = [s.spec() for s in infos if s.active]
    if not active:
        raise InputError(Problem("roster.no_shift"))
    first_held = session.scalar(select(RosterAssignment.date).order_by(RosterAssignment.date)
                                .limit(1)) or start
    last_held = session.scalar(select(RosterAssignment.date)
                               .order_by(RosterAssignment.date.desc()).limit(1)) or end
    lo, hi = min(first_held, start), max(last_held, end)
    calendar = calendar_in(session, range(lo.year, hi.year + 1), rules.holiday_leader_tier)
    held = duties_in(session, lo, hi, specs, calendar, zone)
    inside = [d for d in held if start <= d.date <= end]
    removed = [d for d in inside if replace and not d.locked]
    if removed:
        decided_by = ctx.require(UserRole.ADMIN).label
        gone = [d.id for d in removed]
        session.execute(update(SwapRequest).where(
            SwapRequest.status == SwapStatus.REQUESTED.value,
            SwapRequest.assignment_id.in_(gone) | SwapRequest.other_assignment_id.in_(gone))
            .values(status=SwapStatus.WITHDRAWN.value, decided_by=decided_by,
                    decided_at=ctx.clock.now(), version=SwapRequest.version + 1))
        for chunk in range(0, len(gone), 500):
            session.execute(RosterAssignment.__table__.delete().where(
                RosterAssignment.id.in_(gone[chunk:chunk + 500])))
    removed_ids = {d.id for d in removed}
    existing = [d for d in held if d.id not in removed_ids]
    kept = [d for d in inside if d.id not in removed_ids]
    taken: dict[tuple[dt.date, int, DutyRole], set[int]] = {}
    for d in kept:
        taken.setdefault((d.date, d.shift_id, d.role), set()).add(d.position)
    times = shift_times(_days(start, end), active, calendar, zone)
    places = []
    for st in times:
        for role, count in st.shift.roles:
            used = taken.get((st.date, st.shift.id, role), set())
            free = [p for p in range(count + len(used)) if p not in used][:max(0, count - len(used))]
            places += [Place(st, role, p) for p in free]
    result = generate(places, existing, pools_in(session),
                      unavailable_in(session, start - dt.timedelta(days=1), end + dt.timedelta(days=1)),
                      rules.rules())
    if result.duties:
        session.execute(RosterAssignment.__table__.insert(), [
            {"date": d.date, "shift_id": d.shift_id, "role": d.role.value,
             "position": d.position, "person_id": d.person_id, "locked": False, "note": "",
             "version": 1} for d in result.duties])
    session.flush()
    violations = [v for v in violations_in(session, start, end) if v.code != "empty"]
    table = counts_by_kind([*kept, *result.duties])
    names = names_in(session, {pid for _, pid in table} | {v.person_id for v in violations
                                                          if v.person_id})
    single = len(active) <= 1
    shift_map = {s.id: s for s in infos}
    report = QualityReport(
        start, end, len(result.duties), len(kept), len(removed),
        [EmptyInfo(e.place.shift.date, e.place.shift.shift.name, e.place.role, e.reasons)
         for e in result.empty],
        sorted((PersonCount(role, pid, names.get(pid, ""), kinds)
                for (role, pid), kinds in table.items()),
               key=lambda c: (c.role.order, -sum(c.counts.values()), c.name)),
        [describe(v, names, shift_map, single) for v in violations],
        calendar.unknown_years(start, end),
    )
    if record:
        audit.record(session, ctx, "generate", "roster", f"{start}..{end}", before={
            "removed": [[d.date, d.shift_id, d.role.value, d.person_id] for d in removed]},
            after={"from": start, "to": end, "replace": replace, "kept": len(kept),
                   "created": [[d.date, d.shift_id, d.role.value, d.person_id]
                               for d in result.duties],
                   "empty": len(result.empty), "unknown_years": report.unknown_years})
    return report
