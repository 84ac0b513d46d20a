"""What the plans register takes in, typed, and the one reader of outside input (JSON, cells).

The screens build these dataclasses from their widgets; the command line's JSON and the plans
workbook are read here, once, at the edge: enumerations by identifier or glossary term, dates as
``YYYY-MM-DD`` (also 2024/3/1, 2024.3.1, 2024年3月1日, or a real Excel date), every value that
cannot be read one Problem naming its field. Units and plans are named (a name, or a parent/child
path for units) and the service resolves them against the contact book and the register.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.messages import Problem
from app.domain.plans import (
    DEFAULT_DRILL_MONTHS,
    DEFAULT_REVIEW_YEARS,
    MAX_DRILL_MONTHS,
    MAX_REVIEW_YEARS,
    DrillType,
    E,
    PlanStatus,
    PlanType,
    ReviewConclusion,
    parse_choice,
)

UnitRef = int | str  # a unit's id, or its name (or "parent/child" path) in the contact book
MAX_HOURS = 1000.0
MAX_COUNT = 10**6
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")


@dataclass(frozen=True)
class PlanInput:
    """A plan as recorded or edited; cycles left None take the type's defaults (RULES.md §7)."""

    name: str
    type: PlanType
    unit: UnitRef
    approved_on: dt.date
    number: str = ""
    filed_on: dt.date | None = None
    filed_with: str = ""
    review_years: int | None = None
    drill_months: int | None = None
    status: PlanStatus = PlanStatus.IN_FORCE
    document: str = ""
    note: str = ""

    @property
    def cycles(self) -> tuple[int, int]:
        """(review years, drill months), the defaults of the type where none was given."""
        return (DEFAULT_REVIEW_YEARS if self.review_years is None else self.review_years,
                DEFAULT_DRILL_MONTHS[self.type] if self.drill_months is None else self.drill_months)


@dataclass(frozen=True)
class ReviewInput:
    reviewed_on: dt.date
    conclusion: ReviewConclusion = ReviewConclusion.VALID
    note: str = ""


@dataclass(frozen=True)
class ActionInput:
    """A corrective action: what, which unit owns it, by when, and when it was done."""

    text: str
    owner: UnitRef
    due_on: dt.date
    done_on: dt.date | None = None


@dataclass(frozen=True)
class DrillInput:
    """A drill of a plan (its id, or its name with ``plan_unit`` where names repeat)."""

    plan: int | str
    held_on: dt.date
    type: DrillType
    place: str = ""
    organizer: str = ""
    units: tuple[UnitRef, ...] = ()
    participant_count: int | None = None
    scenario: str = ""
    evaluation: str = ""
    problems: str = ""
    actions: tuple[ActionInput, ...] = ()
    incident_number: str = ""
    plan_unit: str = ""


@dataclass(frozen=True)
class TrainingInput:
    """A training session; ``people`` are contact-book person ids (else ``participant_count``)."""

    course: str
    held_on: dt.date
    hours: float
    organizer: str = ""
    people: tuple[int, ...] = ()
    participant_count: int = 0
    counts_as_drill: bool = False
    note: str = ""


class Unreadable(ValueError):
    """A value that cannot be read as what its field holds."""


# --- readers of single values, shared by the JSON and the workbook -----------------------


def read_date(value: object) -> dt.date | None:
    """A date from a cell or a JSON string; None for an empty value; Unreadable otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _DATE.match(str(value).strip())
    if not match:
        raise Unreadable(value)
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError as exc:
        raise Unreadable(value) from exc


def read_int(value: object, low: int, high: int) -> int | None:
    """A whole number in low..high (12, 12.0, "12"); None for an empty value."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise Unreadable(value)
    try:
        number = float(str(value).strip()) if not isinstance(value, int | float) else float(value)
    except ValueError as exc:
        raise Unreadable(value) from exc
    if not math.isfinite(number) or not number.is_integer() or not low <= number <= high:
        raise Unreadable(value)
    return int(number)


def read_choice(kind: type[E], value: object) -> E | None:
    if value is None or not str(value).strip():
        return None
    found = parse_choice(kind, value)
    if found is None:
        raise Unreadable(value)
    return found


def allowed(kind: type[E]) -> str:
    """The choices of ``kind`` in the glossary's words, for a message."""
    return "、".join(getattr(m, "short", m.zh) for m in kind)


# --- JSON ---------------------------------------------------------------------------------

PLAN_KEYS = ("name", "type", "unit", "approved_on", "number", "filed_on", "filed_with",
             "review_years", "drill_months", "status", "document", "note")
PLAN_IGNORED = ("next_review", "next_drill")  # what `plans list --json` adds: read back, unused
DRILL_KEYS = ("plan", "plan_unit", "date", "type", "place", "organizer", "participants",
              "scenario", "evaluation", "problems", "actions", "incident")
ACTION_KEYS = ("text", "owner", "due", "done")


class _Reader:
    """Reads the fields of one JSON object, collecting one Problem per unreadable value."""

    def __init__(self, data: Mapping[str, Any], known: tuple[str, ...],
                 ignored: tuple[str, ...] = ()) -> None:
        self.data = data
        self.problems: list[Problem] = [Problem("plan.unknown_field", None, {"name": k})
                                        for k in data if k not in known and k not in ignored]

    def text(self, key: str, field_id: str, limit: int, *, required: bool = False) -> str:
        value = self.data.get(key)
        words = "" if value is None else str(value).strip()
        if required and not words:
            self.problems.append(Problem("required", field_id))
        elif len(words) > limit:
            self.problems.append(Problem("too_long", field_id, {"max": limit}))
        return words

    def date(self, key: str, field_id: str, *, required: bool = False,
             today: dt.date | None = None) -> dt.date | None:
        try:
            day = read_date(self.data.get(key))
        except Unreadable:
            self.problems.append(Problem("plan.bad_date", field_id, {"value": self.data.get(key)}))
            return None
        if day is None and required:
            self.problems.append(Problem("required", field_id))
        if day is not None and today is not None and day > today:
            self.problems.append(Problem("plan.future_date", field_id, {"value": day.isoformat()}))
            return None
        return day

    def choice(self, key: str, field_id: str, kind: type[E], *, required: bool = False) -> E | None:
        try:
            found = read_choice(kind, self.data.get(key))
        except Unreadable:
            self.problems.append(Problem("plan.bad_choice", field_id,
                                         {"value": self.data.get(key), "allowed": allowed(kind)}))
            return None
        if found is None and required:
            self.problems.append(Problem("required", field_id))
        return found

    def number(self, key: str, field_id: str, low: int, high: int) -> int | None:
        try:
            return read_int(self.data.get(key), low, high)
        except Unreadable:
            code = "plan.bad_count" if low == 0 else "plan.bad_cycle"
            self.problems.append(Problem(code, field_id, {"max": high}))
            return None


def parse_plan(data: Mapping[str, Any], today: dt.date) -> tuple[PlanInput | None, list[Problem]]:
    """A plan from ``plans add``'s JSON (the keys of ``plans list --json`` and more)."""
    r = _Reader(data, PLAN_KEYS, PLAN_IGNORED)
    name = r.text("name", "plan.name", 200, required=True)
    kind = r.choice("type", "plan.type", PlanType, required=True)
    unit = r.text("unit", "plan.unit", 200, required=True)
    approved = r.date("approved_on", "plan.approved_on", required=True, today=today)
    filed = r.date("filed_on", "plan.filed_on", today=today)
    review = r.number("review_years", "plan.review_years", 1, MAX_REVIEW_YEARS)
    drill = r.number("drill_months", "plan.drill_months", 1, MAX_DRILL_MONTHS)
    status = r.choice("status", "plan.status", PlanStatus) or PlanStatus.IN_FORCE
    number = r.text("number", "plan.number", 100)
    filed_with = r.text("filed_with", "plan.filed_with", 200)
    document = r.text("document", "plan.document", 500)
    note = r.text("note", "plan.note", 2000)
    if approved and filed and filed < approved:
        r.problems.append(Problem("plan.filed_before_approved", "plan.filed_on"))
    if r.problems or kind is None or approved is None:
        return None, r.problems
    return PlanInput(name, kind, unit, approved, number, filed, filed_with, review, drill, status,
                     document, note), []


def _participants(r: _Reader) -> tuple[tuple[str, ...], int | None]:
    """``participants``: {"units": [...], "count": N}, or a plain list of units, or a count."""
    value = r.data.get("participants")
    units: list[Any] = []
    count_value: object = None
    if isinstance(value, Mapping):
        units, count_value = value.get("units") or [], value.get("count")
    elif isinstance(value, list):
        units = value
    elif value is not None:
        count_value = value
    if not isinstance(units, list):
        r.problems.append(Problem("plan.bad_list", "drill.units"))
        units = []
    count = None
    try:
        count = read_int(count_value, 0, MAX_COUNT)
    except Unreadable:
        r.problems.append(Problem("plan.bad_count", "drill.count"))
    names = tuple(str(u).strip() for u in units if str(u).strip())
    return names, count


def _actions(r: _Reader, today: dt.date) -> tuple[ActionInput, ...]:
    value = r.data.get("actions") or []
    if not isinstance(value, list):
        r.problems.append(Problem("plan.bad_list", "drill.actions"))
        return ()
    out: list[ActionInput] = []
    for n, item in enumerate(value, start=1):
        a = _Reader(item if isinstance(item, Mapping) else {"text": item}, ACTION_KEYS)
        text = a.text("text", "action.text", 1000, required=True)
        owner = a.text("owner", "action.owner", 200, required=True)
        due = a.date("due", "action.due", required=True)
        done = a.date("done", "action.done", today=today)
        r.problems += [Problem("action.problem", None, {"n": n, "detail": p.message()})
                       for p in a.problems]
        if not a.problems and due is not None:
            out.append(ActionInput(text, owner, due, done))
    return tuple(out)


def parse_drill(data: Mapping[str, Any], today: dt.date) -> tuple[DrillInput | None, list[Problem]]:
    """A drill from ``drills add``'s JSON (the keys of ``drills list --json`` and more)."""
    r = _Reader(data, DRILL_KEYS)
    plan = r.text("plan", "plan", 200, required=True)
    plan_unit = r.text("plan_unit", "plan.plan_unit", 200)
    held = r.date("date", "drill.date", required=True, today=today)
    kind = r.choice("type", "drill.type", DrillType, required=True)
    place = r.text("place", "drill.place", 300)
    organizer = r.text("organizer", "drill.organizer", 200)
    units, count = _participants(r)
    texts = {k: r.text(k, f"drill.{k}", 4000) for k in ("scenario", "evaluation", "problems")}
    incident = r.text("incident", "drill.incident", 40)
    actions = _actions(r, today)
    if r.problems or held is None or kind is None:
        return None, r.problems
    return DrillInput(plan, held, kind, place, organizer, units, count, texts["scenario"],
                      texts["evaluation"], texts["problems"], actions, incident, plan_unit), []
