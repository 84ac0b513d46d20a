"""Training (培训): course, date, hours, organizer, who took part (people of the contact book, or
a count), and whether the session counted as a drill."""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.domain.plan_input import MAX_COUNT, MAX_HOURS, TrainingInput
from app.models import Organization, Person, Training, TrainingParticipant
from app.services.context import Context
from app.services.office import audit
from app.services.office.zone import office_today

FIELDS = ("course", "held_on", "hours", "organizer", "participant_count", "counts_as_drill", "note")


@dataclass(frozen=True)
class TrainingInfo:
    id: int
    course: str
    held_on: dt.date
    hours: float
    organizer: str
    people: tuple[tuple[int, str], ...]  # (person id, name)
    participant_count: int
    counts_as_drill: bool
    note: str
    recorded_by: str
    version: int


def _problems(session: Session, data: TrainingInput, today: dt.date) -> list[Problem]:
    problems: list[Problem] = []
    if not data.course.strip():
        problems.append(Problem("required", "training.course"))
    for value, field, limit in ((data.course, "training.course", 200),
                                (data.organizer, "training.organizer", 200),
                                (data.note, "plan.note", 2000)):
        if len(value.strip()) > limit:
            problems.append(Problem("too_long", field, {"max": limit}))
    if data.held_on > today:
        problems.append(Problem("plan.future_date", "training.date", {"value": data.held_on.isoformat()}))
    if not 0 < data.hours <= MAX_HOURS:
        problems.append(Problem("plan.bad_hours", "training.hours", {"max": int(MAX_HOURS)}))
    if not 0 <= data.participant_count <= MAX_COUNT:
        problems.append(Problem("plan.bad_count", "training.count"))
    if data.people:
        known = set(session.scalars(select(Person.id).where(Person.id.in_(list(data.people)))))
        for person_id in data.people:
            if person_id not in known:
                problems.append(Problem("not_found", "training.people",
                                        {"what": text("field.training.people") + f" #{person_id}"}))
    return problems


def _count(data: TrainingInput) -> int:
    """People named count themselves; a bare count stands where nobody is named."""
    return max(len(set(data.people)), data.participant_count)


def save_in(session: Session, ctx: Context, training_id: int | None, data: TrainingInput) -> int:
    """Record or edit a session in the caller's transaction; its id."""
    actor = ctx.require(UserRole.ADMIN)
    problems = _problems(session, data, office_today(session, ctx))
    if problems:
        raise InputError(problems)
    row = session.get(Training, training_id) if training_id is not None else None
    if training_id is not None and row is None:
        raise NotFound(text("not_found.training", id=training_id))
    before = audit.snapshot(row, FIELDS) if row is not None else None
    if row is None:
        row = Training(recorded_by=actor.display_name or actor.name, recorded_at=ctx.clock.now())
        session.add(row)
    row.course, row.held_on, row.hours = data.course.strip(), data.held_on, float(data.hours)
    row.organizer, row.participant_count = data.organizer.strip(), _count(data)
    row.counts_as_drill, row.note = data.counts_as_drill, data.note.strip()
    session.flush()
    session.execute(delete(TrainingParticipant).where(TrainingParticipant.training_id == row.id))
    session.add_all(TrainingParticipant(training_id=row.id, person_id=p)
                    for p in dict.fromkeys(data.people))
    session.flush()
    audit.record(session, ctx, "update" if before else "create", "training", row.id, before=before,
                 after={**audit.snapshot(row, FIELDS), "people": list(dict.fromkeys(data.people))})
    return row.id


def add_training(ctx: Context, data: TrainingInput) -> TrainingInfo:
    with ctx.db.write() as s:
        training_id = save_in(s, ctx, None, data)
        return _infos(s, [training_id])[0]


def update_training(ctx: Context, training_id: int, data: TrainingInput,
                    expected_version: int | None = None) -> TrainingInfo:
    with ctx.db.write() as s:
        held = s.get(Training, training_id)
        if held is not None and expected_version is not None and held.version != expected_version:
            raise StaleRecord()
        save_in(s, ctx, training_id, data)
        return _infos(s, [training_id])[0]


def _infos(session: Session, ids: Sequence[int] | None = None) -> list[TrainingInfo]:
    query = select(Training).order_by(Training.held_on.desc(), Training.id.desc())
    people_query = select(TrainingParticipant.training_id, Person.id, Person.name).join(
        Person, Person.id == TrainingParticipant.person_id).order_by(Person.id)
    if ids is not None:
        query = query.where(Training.id.in_(list(ids)))
        people_query = people_query.where(TrainingParticipant.training_id.in_(list(ids)))
    people: dict[int, list[tuple[int, str]]] = defaultdict(list)
    for training_id, person_id, name in session.execute(people_query):
        people[training_id].append((person_id, name))
    return [TrainingInfo(t.id, t.course, t.held_on, t.hours, t.organizer, tuple(people[t.id]),
                         t.participant_count, t.counts_as_drill, t.note, t.recorded_by, t.version)
            for t in session.scalars(query)]


_WITH_UNIT = re.compile(r"^(.+?)\s*[（(](.+)[）)]$")


def people_named(ctx: Context, names: Sequence[str]) -> list[int]:
    """The contact book's people, by name or "姓名（单位）"; InputError naming each that is
    unknown or shared by several people."""
    problems: list[Problem] = []
    found: list[int] = []
    with ctx.db.read() as s:
        for given in (n.strip() for n in names if n.strip()):
            match = _WITH_UNIT.match(given)
            name, unit = (match.group(1), match.group(2)) if match else (given, "")
            query = select(Person.id).where(Person.name == name)
            if unit:
                query = query.join(Organization, Organization.id == Person.organization_id) \
                    .where(Organization.name == unit)
            ids = list(s.scalars(query.limit(10)))
            if len(ids) == 1:
                found.append(ids[0])
            elif ids:
                problems.append(Problem("training.ambiguous_person", None,
                                        {"name": given, "count": len(ids)}))
            else:
                problems.append(Problem("training.unknown_person", None, {"name": given}))
    if problems:
        raise InputError(problems)
    return found


def list_trainings(ctx: Context) -> list[TrainingInfo]:
    """Every training session, the newest first."""
    with ctx.db.read() as s:
        return _infos(s)
