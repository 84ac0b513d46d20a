"""The expert pool and the rescue teams, and what to suggest for an incident.

``suggest(ctx, category, subtype)`` is what the intake form calls: experts whose sub-types
include the incident's come first, then experts of the same category; teams whose kind serves
the sub-type, ready teams before deployed ones. Away experts are listed but marked.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm.exc import StaleDataError

from app.domain import validation
from app.domain.contacts import PersonTag, TeamKind, TeamStatus, join_tags, stored_tags
from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.incident_types import SUBTYPES, Category, Subtype
from app.domain.messages import Problem, text
from app.models import Expert, Organization, Person, RescueTeam
from app.services.contacts.absences import away_ids
from app.services.contacts.numbers import Phone, phones_of
from app.services.context import Context
from app.services.office import audit
from app.services.office.zone import office_today

TEAM_FIELDS = ("organization_id", "name", "kind", "leader_id", "phone", "headcount",
               "equipment", "status", "base", "notes")


@dataclass(frozen=True)
class ExpertInfo:
    id: int
    person_id: int
    name: str
    organization: str
    title: str
    specialties: tuple[str, ...]
    subtypes: tuple[Subtype, ...]
    phones: tuple[Phone, ...]
    away: bool
    notes: str
    version: int

    @property
    def main_phone(self) -> str:
        return self.phones[0].number if self.phones else ""


@dataclass(frozen=True)
class TeamInfo:
    id: int
    organization_id: int | None
    name: str
    kind: TeamKind
    leader_id: int | None
    leader_name: str
    leader_phone: str
    phone: str
    headcount: int
    equipment: str
    status: TeamStatus
    base: str
    notes: str
    version: int


@dataclass(frozen=True)
class Suggestions:
    experts: list[ExpertInfo]
    teams: list[TeamInfo]


def _subtypes(values: Sequence[str]) -> tuple[Subtype, ...]:
    known = {s.value for s in Subtype}
    return tuple(Subtype(v) for v in values if v in known)


def list_experts(ctx: Context) -> list[ExpertInfo]:
    """The expert pool, by name."""
    with ctx.db.read() as session:
        rows = session.execute(
            select(Expert, Person.name, Person.title, Organization.name)
            .join(Person, Person.id == Expert.person_id)
            .outerjoin(Organization, Organization.id == Person.organization_id)
            .order_by(Person.pinyin_key)).all()
        ids = [e.person_id for e, *_ in rows]
        phones = phones_of(session, person_ids=ids)
        away = away_ids(session, ids, office_today(session, ctx))
        return [ExpertInfo(e.id, e.person_id, name, unit or "", title, tuple(e.specialties or ()),
                           _subtypes(e.subtypes or ()), tuple(phones.get(("person", e.person_id), ())),
                           e.person_id in away, e.notes, e.version)
                for e, name, title, unit in rows]


def list_teams(ctx: Context) -> list[TeamInfo]:
    with ctx.db.read() as session:
        rows = session.execute(
            select(RescueTeam, Person.name, Person.mobile)
            .outerjoin(Person, Person.id == RescueTeam.leader_id)
            .order_by(RescueTeam.kind, RescueTeam.id)).all()
        return [_team(t, leader or "", mobile or "") for t, leader, mobile in rows]


def _team(t: RescueTeam, leader: str, mobile: str) -> TeamInfo:
    kind = TeamKind(t.kind) if t.kind in {k.value for k in TeamKind} else TeamKind.COMPREHENSIVE
    status = (TeamStatus(t.status) if t.status in {s.value for s in TeamStatus}
              else TeamStatus.READY)
    return TeamInfo(t.id, t.organization_id, t.name, kind, t.leader_id, leader, mobile, t.phone,
                    t.headcount, t.equipment, status, t.base, t.notes, t.version)


def suggest(ctx: Context, category: Category | str | None, subtype: Subtype | str | None,
            *, limit: int = 10) -> Suggestions:
    """Experts and teams for an incident of ``category`` / ``subtype`` (either may be None)."""
    sub = Subtype(subtype) if subtype else None
    cat = Category(category) if category else (sub.category if sub else None)
    in_category = set(SUBTYPES.get(cat, ())) if cat else set()

    def expert_score(e: ExpertInfo) -> int:
        if sub is not None and sub in e.subtypes:
            return 2
        return 1 if in_category & set(e.subtypes) else 0

    experts = [e for e in list_experts(ctx) if expert_score(e) > 0]
    experts.sort(key=lambda e: (-expert_score(e), e.away))

    def team_score(t: TeamInfo) -> int:
        served = set(t.kind.subtypes)
        if sub is not None and sub in served:
            return 2 + (sub == t.kind.subtypes[0])
        return 1 if in_category & served else 0

    status_order = {TeamStatus.READY: 0, TeamStatus.DEPLOYED: 1, TeamStatus.UNAVAILABLE: 2}
    teams = [t for t in list_teams(ctx) if team_score(t) > 0]
    # teams for this very sub-type first (ready ones before those out), then the category's
    teams.sort(key=lambda t: (team_score(t) < 2, status_order[t.status], -team_score(t), t.id))
    return Suggestions(experts[:limit], teams[:limit])


# --- writes -------------------------------------------------------------------------
def save_expert(ctx: Context, person_id: int, specialties: Sequence[str],
                subtypes: Sequence[Subtype | str], notes: str = "") -> ExpertInfo:
    """Put a person in the expert pool (or change their entry); they get the expert tag."""
    ctx.require(UserRole.OFFICER)
    problems: list[Problem] = []
    chosen: list[str] = []
    for value in subtypes:
        try:
            chosen.append(Subtype(value).value)
        except ValueError:
            problems.append(Problem("bad_choice", "expert.subtypes", {"value": value}))
    cleaned = [s.strip() for s in specialties if s.strip()]
    if not cleaned:
        problems.append(Problem("required", "expert.specialties"))
    if problems:
        raise InputError(problems)
    with ctx.db.write() as session:
        person = session.get(Person, person_id)
        if person is None:
            raise NotFound(text("not_found", what=text("field.person.name")))
        expert = session.scalar(select(Expert).where(Expert.person_id == person_id))
        before = None
        if expert is None:
            expert = Expert(person_id=person_id, specialties=cleaned, subtypes=chosen, notes=notes)
            session.add(expert)
        else:
            before = {"specialties": expert.specialties, "subtypes": expert.subtypes}
            expert.specialties, expert.subtypes, expert.notes = cleaned, chosen, notes
        tags = stored_tags(person.tags)
        if PersonTag.EXPERT not in tags:
            person.tags = join_tags([*tags, PersonTag.EXPERT])
        session.flush()
        audit.record(session, ctx, "update" if before else "create", "expert", expert.id,
                     before=before, after={"person_id": person_id, "specialties": cleaned,
                                           "subtypes": chosen})
    return next(e for e in list_experts(ctx) if e.person_id == person_id)


@dataclass
class TeamInput:
    name: str
    kind: TeamKind | str
    organization_id: int | None = None
    leader_id: int | None = None
    phone: str = ""
    headcount: int = 0
    equipment: str = ""
    status: TeamStatus | str = TeamStatus.READY
    base: str = ""
    notes: str = ""


def save_team(ctx: Context, team_id: int | None, data: TeamInput,
              expected_version: int | None = None) -> TeamInfo:
    """Add a rescue team or change one (its status above all: ready, deployed, resting)."""
    ctx.require(UserRole.OFFICER)
    problems = validation.required(data.name, "team.name", 200) + validation.phone(
        data.phone, "team.phone")
    for value, enum_type, field in ((data.kind, TeamKind, "team.kind"),
                                    (data.status, TeamStatus, "team.status")):
        try:
            enum_type(value)
        except ValueError:
            problems.append(Problem("bad_choice", field, {"value": value}))
    if not isinstance(data.headcount, int) or data.headcount < 0:
        problems.append(Problem("bad_number", "team.headcount"))
    if problems:
        raise InputError(problems)
    try:
        with ctx.db.write() as session:
            team: RescueTeam | None
            if team_id is None:
                team = RescueTeam()
                session.add(team)
                before = None
            else:
                team = session.get(RescueTeam, team_id)
                if team is None:
                    raise NotFound(text("not_found", what=text("field.team.name")))
                if expected_version is not None and team.version != expected_version:
                    raise StaleRecord()
                before = audit.snapshot(team, TEAM_FIELDS)
            team.name, team.kind = data.name.strip(), TeamKind(data.kind).value
            team.organization_id, team.leader_id = data.organization_id, data.leader_id
            team.phone, team.headcount = data.phone.strip(), data.headcount
            team.equipment, team.status = data.equipment.strip(), TeamStatus(data.status).value
            team.base, team.notes = data.base.strip(), data.notes.strip()
            session.flush()
            audit.record(session, ctx, "update" if before else "create", "rescue_team", team.id,
                         before=before, after=audit.snapshot(team, TEAM_FIELDS))
            new_id = team.id
    except StaleDataError as exc:
        raise StaleRecord() from exc
    return next(t for t in list_teams(ctx) if t.id == new_id)
