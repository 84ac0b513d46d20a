"""Reading an incident from outside input (the command line's JSON), once, at the edge.

Fields are named as in GLOSSARY.md, and each holds its JSON type: texts are strings, figures
are whole numbers within sane bounds (null or absent: unknown, never 0), the loss a number of
CNY, flags true or false, times ISO 8601 strings (without an offset: the office's local time),
enumerations strings naming the identifier or the Chinese term (``accident`` or 事故灾难,
``II``, Ⅱ, 2 or 重大, ``warning`` or 预警信息), the response level likewise (``III``, Ⅲ, 3,
Ⅲ级, 三级 or Ⅲ级响应), the activated plan by its name, by ``{"name": …, "unit": …}`` where two
units' plans share a name, or by its id (the intake service then finds it in the register).
Every field that cannot be read gives one Problem naming it; the facts keep that field's
default, so what the rules say about the rest (missing elements) can be told in the same breath.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import json
import math
import zoneinfo
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_facts import (
    CASUALTY_FIELDS,
    FIELDS,
    FLAG_FIELDS,
    TEXT_FIELDS,
    IncidentFacts,
    PlanRef,
)
from app.domain.incident_types import Subtype
from app.domain.incidents import element_term
from app.domain.messages import Problem, text

# The most a figure may say: more people than any disaster ever counted is a typing mistake;
# ten trillion yuan is beyond any loss, and a float column keeps it to the yuan.
MAX_FIGURE = 1_000_000
MAX_LOSS_CNY = 10**13
MAX_ID = 2**31 - 1  # what an id column holds everywhere (PostgreSQL's INTEGER is 32-bit)
# Times outside these years are typing mistakes, and would overflow the deadline arithmetic.
FIRST_YEAR, LAST_YEAR = 1900, 2999
IGNORED = ("number",)  # given by the database; a JSON export may carry it

E = TypeVar("E", bound=enum.Enum)
_KIND_TERMS = {"突发事件": IncidentKind.EVENT, "预警信息": IncidentKind.WARNING,
               "预警": IncidentKind.WARNING}
_ROMAN = {"Ⅰ": Level.I, "Ⅱ": Level.II, "Ⅲ": Level.III, "Ⅳ": Level.IV, "1": Level.I,
          "2": Level.II, "3": Level.III, "4": Level.IV}
_RESPONSE = {**_ROMAN, "一": Level.I, "二": Level.II, "三": Level.III, "四": Level.IV,
             **{lv.value: lv for lv in Level}}
_RESPONSE_WORDS = ("级应急响应", "级响应", "级")  # Ⅲ级应急响应, Ⅲ级响应, Ⅲ级: all Ⅲ
_PLAN_KEYS = frozenset({"id", "name", "unit"})


class _Unreadable(ValueError):
    """A value that cannot be read; ``hint`` (a catalog code or "") says what would do."""

    def __init__(self, hint: str = "") -> None:
        super().__init__(hint)
        self.hint = hint


@dataclass(frozen=True)
class IncidentInput:
    """What the edge read: the facts, whether it is a flash report, and what could not be read.

    ``given`` names the fields the input set (an update changes only those).
    """

    facts: IncidentFacts
    flash: bool = False
    problems: tuple[Problem, ...] = ()
    given: frozenset[str] = frozenset()

    def applied_to(self, facts: IncidentFacts) -> IncidentFacts:
        """``facts`` with the fields this input gave."""
        return dataclasses.replace(facts, **{k: getattr(self.facts, k) for k in self.given})


def parse_incident(data: Mapping[str, Any], zone: zoneinfo.ZoneInfo, *, now: dt.datetime
                   ) -> IncidentInput:
    """Read ``data`` (a JSON object); never raises for what the object holds.

    The time received defaults to ``now``; the kind to an incident (not a warning).
    """
    values: dict[str, Any] = {}
    problems: list[Problem] = []
    flash = False
    for key, value in data.items():
        if key in IGNORED:
            continue
        if key != "flash" and key not in FIELDS:
            problems.append(Problem("incident.unknown_field", None, {"field": shown(key)}))
            continue
        try:
            read = read_flag(value) if key == "flash" else _reader(key, zone)(value)
        except _Unreadable as bad:
            problems.append(bad_value(key, value, bad.hint))
            continue
        if key == "flash":
            flash = bool(read)
        else:
            values[key] = read
    subtype, category = values.get("subtype"), values.get("category")
    if subtype is not None and category is not None and subtype.category is not category:
        problems.append(bad_value("subtype", subtype.value, "incident.hint.subtype_category"))
        del values["subtype"]
    given = frozenset(values)
    if values.get("received_at") is None:
        values["received_at"] = now
    facts = dataclasses.replace(IncidentFacts(received_at=now), **values)
    return IncidentInput(facts, flash, tuple(problems), given)


def read_as_of(value: object, zone: zoneinfo.ZoneInfo) -> tuple[dt.datetime | None, list[Problem]]:
    """A follow-up's 截至 time (``as_of``) from outside input: the time, or the problem."""
    try:
        return read_time(value, zone), []
    except _Unreadable as bad:
        return None, [bad_value("as_of", value, bad.hint)]


def bad_value(field_id: str, value: object, hint: str = "") -> Problem:
    """One field's value cannot be used; ``hint`` is a catalog code saying what would do."""
    return Problem("incident.bad_value", None, {"name": element_term(field_id), "field": field_id,
                                                "value": shown(value), "hint": text(hint) if hint else ""})


def shown(value: object, limit: int = 60) -> str:
    """A value as the input wrote it (JSON for what is not a string), printable anywhere."""
    if isinstance(value, str):
        words = value
    else:
        try:
            words = json.dumps(value, ensure_ascii=False)
        except (TypeError, ValueError):
            words = repr(value)
    words = words.encode("utf-8", "backslashreplace").decode("utf-8")
    return words if len(words) <= limit else words[:limit] + "…"


# --- one reader per kind of field ---------------------------------------------------------


def _reader(key: str, zone: zoneinfo.ZoneInfo) -> Callable[[object], object]:
    if key in TEXT_FIELDS:
        return read_text
    if key in CASUALTY_FIELDS:
        return _read_figure
    if key in FLAG_FIELDS:
        return read_flag
    if key in ("received_at", "occurred_at"):
        return lambda value: read_time(value, zone)
    return _READERS[key]


def read_text(value: object) -> str:
    """A JSON string (null: empty), without the characters no record can keep."""
    if value is None:
        return ""
    if not isinstance(value, str) or "\x00" in value:
        raise _Unreadable("incident.hint.text")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate from a \ud800 escape
        raise _Unreadable("incident.hint.text") from None
    return value.strip()


def _finite(value: object, hint: str) -> float | int | None:
    """A JSON number (never a boolean, a string or infinity); None for null."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _Unreadable(hint)
    if isinstance(value, float) and not math.isfinite(value):
        raise _Unreadable(hint)
    return value


def _whole(value: object, hint: str, low: int, high: int) -> int | None:
    number = _finite(value, hint)
    if number is None:
        return None
    if isinstance(number, float) and not number.is_integer():
        raise _Unreadable(hint)
    if not low <= number <= high:
        raise _Unreadable(hint)
    return int(number)


def _read_figure(value: object) -> int | None:
    return _whole(value, "incident.hint.figure", 0, MAX_FIGURE)


def _read_loss(value: object) -> int | None:
    number = _finite(value, "incident.hint.loss")
    if number is None:
        return None
    if not 0 <= number <= MAX_LOSS_CNY:
        raise _Unreadable("incident.hint.loss")
    return round(number)


def _read_organization(value: object) -> int | None:
    return _whole(value, "", 1, MAX_ID)


def read_flag(value: object) -> bool:
    """A JSON boolean; null is false."""
    if value is None or isinstance(value, bool):
        return bool(value)
    raise _Unreadable("incident.hint.flag")


def read_time(value: object, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
    """An ISO 8601 string, in ``zone`` when it has no offset; None for null or empty."""
    if value is None or value == "":
        return None
    hint = "incident.hint.time"
    if not isinstance(value, str):
        raise _Unreadable(hint)
    try:
        parsed = dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        if parsed.tzinfo is None:
            parsed = parsed.replace(tzinfo=zone)
        parsed = parsed.astimezone(dt.UTC)
    except (ValueError, OverflowError):
        raise _Unreadable(hint) from None
    if not FIRST_YEAR <= parsed.year <= LAST_YEAR:
        raise _Unreadable(hint)
    return parsed


def _member(enum_type: type[E], value: object, hint: str,
            terms: Mapping[str, E] | None = None) -> E | None:
    """An enumeration member by identifier, name or Chinese term; None for nothing."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise _Unreadable(hint)
    word = value.strip()
    if not word:
        return None
    for member in enum_type:
        if word in (member.value, member.name, getattr(member, "zh", None)):
            return member
    found = (terms or {}).get(word)
    if found is None:
        raise _Unreadable(hint)
    return found


def _read_kind(value: object) -> IncidentKind:
    return _member(IncidentKind, value, "incident.hint.kind", _KIND_TERMS) or IncidentKind.EVENT


def _read_category(value: object) -> Category | None:
    return _member(Category, value, "incident.hint.category")


def _read_subtype(value: object) -> Subtype | None:
    return _member(Subtype, value, "incident.hint.subtype")


def _read_level(value: object) -> Level | None:
    word = value.replace("级", "") if isinstance(value, str) else value
    return _member(Level, word, "incident.hint.level", _ROMAN)


def read_response_level(value: object) -> Level | None:
    """A response level (响应级别): I–IV, Ⅰ–Ⅳ, 1–4 or 一–四, alone or as Ⅲ级 / Ⅲ级响应."""
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        raise _Unreadable("incident.hint.response_level")
    word = "".join(value.split()).upper()
    for suffix in _RESPONSE_WORDS:
        word = word.removesuffix(suffix)
    found = _RESPONSE.get(word)
    if found is None:
        raise _Unreadable("incident.hint.response_level")
    return found


def read_plan(value: object) -> PlanRef | None:
    """The activated plan as the input names it: a name, ``{"name", "unit"}`` or an id (also
    ``{"id": …}``, as ``incidents show --json`` prints it); null or empty: none."""
    if value is None or value == "":
        return None
    if isinstance(value, Mapping):
        if not value or not set(value) <= _PLAN_KEYS:
            raise _Unreadable("incident.hint.plan")
        if value.get("id") is not None:
            return PlanRef(id=_whole(value["id"], "incident.hint.plan", 1, MAX_ID))
        name, unit = value.get("name"), value.get("unit")
        if not isinstance(name, str) or not isinstance(unit, str | None) or not name.strip():
            raise _Unreadable("incident.hint.plan")
        return PlanRef(name=read_text(name), unit=read_text(unit))
    if isinstance(value, str):
        name = read_text(value)
        return PlanRef(name=name) if name else None
    plan_id = _whole(value, "incident.hint.plan", 1, MAX_ID)
    return None if plan_id is None else PlanRef(id=plan_id)


_READERS: dict[str, Callable[[object], object]] = {
    "kind": _read_kind, "category": _read_category, "subtype": _read_subtype,
    "level": _read_level, "loss_cny": _read_loss, "organization_id": _read_organization,
    "activated_plan": read_plan, "response_level": read_response_level,
}
