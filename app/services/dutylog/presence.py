"""Presence checks (查岗): spot checks of our duty phone by a superior, and our calls to the
subordinate units' duty phones; statistics per unit (RULES.md §5: answered within three rings)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select

from app.domain import duty
from app.domain.duty import LogKind
from app.domain.enums import OrgKind, UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.models import Organization, PresenceCheck
from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.office import audit, settings

MAX_RINGS_KEY = "duty.max_rings"
RING_LIMIT = 99
INCOMING, OUTGOING = "incoming", "outgoing"
TARGET_KINDS = (OrgKind.DISTRICT.value, OrgKind.TOWNSHIP.value)


def max_rings(ctx: Context) -> int:
    value = settings.get(ctx, MAX_RINGS_KEY, duty.DEFAULT_MAX_RINGS)
    return value if isinstance(value, int) and 1 <= value <= RING_LIMIT else duty.DEFAULT_MAX_RINGS


@dataclass(frozen=True)
class UnitPhone:
    """A subordinate unit to call in an outgoing check."""

    id: int
    name: str
    kind: str
    parent: str
    duty_phone: str


def targets(ctx: Context) -> list[UnitPhone]:
    """The districts and townships with their duty phones, each district followed by its towns."""
    with ctx.db.read() as s:
        rows = [UnitPhone(o.id, o.name, o.kind, str(o.parent_id or ""), o.duty_phone) for o in s.scalars(
            select(Organization).where(Organization.kind.in_(TARGET_KINDS))
            .order_by(Organization.sort_order, Organization.id))]
        parent_ids = {int(r.parent) for r in rows if r.parent}
        names = dict(s.execute(select(Organization.id, Organization.name)
                               .where(Organization.id.in_(parent_ids))).all())
    towns: dict[str, list[UnitPhone]] = defaultdict(list)
    for r in rows:
        if r.kind == OrgKind.TOWNSHIP.value:
            towns[r.parent].append(r)
    ordered: list[UnitPhone] = []
    for d in rows:
        if d.kind == OrgKind.DISTRICT.value:
            ordered.append(d)
            ordered.extend(towns.pop(str(d.id), []))
    for rest in towns.values():  # townships under another kind of unit
        ordered.extend(rest)
    return [dataclasses.replace(u, parent=names.get(int(u.parent), "") if u.parent else "") for u in ordered]


@dataclass(frozen=True)
class PresenceInfo:
    id: int
    direction: str
    at: dt.datetime
    organization_id: int | None
    unit: str
    phone: str
    answered: bool
    rings: int | None
    answered_by: str
    checked_by: str
    note: str


def _info(r: PresenceCheck) -> PresenceInfo:
    return PresenceInfo(r.id, r.direction, r.at, r.organization_id, r.unit, r.phone, r.answered, r.rings,
                        r.answered_by, r.checked_by, r.note)


def _rings_problem(rings: int | None) -> list[Problem]:
    if rings is None:
        return []
    if isinstance(rings, bool) or not isinstance(rings, int) or not 0 <= rings <= RING_LIMIT:
        return [Problem("presence.bad_rings", "presence.rings", {"max": RING_LIMIT})]
    return []


def record_incoming(ctx: Context, *, caller_unit: str, rings: int, answered_by: str = "",
                    at: dt.datetime | None = None, note: str = "") -> PresenceInfo:
    """A superior checked our duty phone: who called, after how many rings, who answered.
    It goes into the duty log too."""
    actor = ctx.require(UserRole.OFFICER)
    problems = [Problem("required", "presence.unit")] if not (caller_unit or "").strip() else []
    problems += _rings_problem(rings)
    if problems:
        raise InputError(problems)
    limit = max_rings(ctx)
    when = at or ctx.clock.now()
    who = (answered_by or "").strip() or actor.display_name or actor.name
    with ctx.db.write() as s:
        row = PresenceCheck(direction=INCOMING, at=when, unit=caller_unit.strip(), phone="", answered=True,
                            rings=rings, answered_by=who, checked_by=actor.label, note=note.strip())
        s.add(row)
        s.flush()
        words = f"{row.unit}查岗，响铃{rings}声接听（接听人：{who}）"
        if rings > limit:
            words += f"，超过{limit}声"
        dutylog.write_in(s, ctx, LogKind.PRESENCE_CHECK, words + (f"。{row.note}" if row.note else ""), at=when)
        audit.record(s, ctx, "create", "presence_check", row.id,
                     after={"direction": INCOMING, "unit": row.unit, "rings": rings})
        return _info(row)


def record_outgoing(ctx: Context, *, organization_id: int, answered: bool, rings: int | None = None,
                    answered_by: str = "", at: dt.datetime | None = None, note: str = "") -> PresenceInfo:
    """We called a unit's duty phone: answered or not (and after how many rings, who answered)."""
    actor = ctx.require(UserRole.OFFICER)
    problems = _rings_problem(rings)
    if problems:
        raise InputError(problems)
    with ctx.db.write() as s:
        org = s.get(Organization, organization_id)
        if org is None:
            raise InputError(Problem("presence.no_unit", None, {"value": organization_id}))
        row = PresenceCheck(direction=OUTGOING, at=at or ctx.clock.now(), organization_id=org.id, unit=org.name,
                            phone=org.duty_phone, answered=bool(answered), rings=rings if answered else None,
                            answered_by=(answered_by or "").strip() if answered else "",
                            checked_by=actor.label, note=(note or "").strip())
        s.add(row)
        s.flush()
        audit.record(s, ctx, "create", "presence_check", row.id,
                     after={"direction": OUTGOING, "unit": row.unit, "answered": row.answered})
        return _info(row)


def recent(ctx: Context, direction: str | None = None, limit: int = 500) -> list[PresenceInfo]:
    """The newest checks first."""
    query = select(PresenceCheck).order_by(PresenceCheck.at.desc(), PresenceCheck.id.desc()).limit(limit)
    if direction:
        query = query.where(PresenceCheck.direction == direction)
    with ctx.db.read() as s:
        return [_info(r) for r in s.scalars(query)]


@dataclass(frozen=True)
class UnitStats:
    """How one unit did in presence checks."""

    direction: str
    unit: str
    checks: int
    answered: int
    within_limit: int  # answered within the allowed rings
    average_rings: float | None
    last_at: dt.datetime

    @property
    def answered_rate(self) -> float:
        return self.answered / self.checks if self.checks else 0.0


def statistics(ctx: Context, direction: str = OUTGOING, since: dt.datetime | None = None) -> list[UnitStats]:
    """Per unit: checks, answered, answered within the limit, average rings; worst rate first."""
    limit = max_rings(ctx)
    query = select(PresenceCheck).where(PresenceCheck.direction == direction)
    if since is not None:
        query = query.where(PresenceCheck.at >= since)
    acc: dict[str, list] = {}
    with ctx.db.read() as s:
        for r in s.scalars(query):
            a = acc.setdefault(r.unit, [0, 0, 0, [], r.at])
            a[0] += 1
            if r.answered:
                a[1] += 1
                if r.rings is None or r.rings <= limit:
                    a[2] += 1
            if r.rings is not None:
                a[3].append(r.rings)
            a[4] = max(a[4], r.at)
    out = [UnitStats(direction, unit, n, ok, within, (sum(rs) / len(rs)) if rs else None, last)
           for unit, (n, ok, within, rs, last) in acc.items()]
    return sorted(out, key=lambda u: (u.answered_rate, -u.checks, u.unit))
