"""Reading an incident from outside input (the command line's JSON), once, at the edge.

Fields are named as in GLOSSARY.md. Enumerations by identifier or Chinese term (``accident`` or
事故灾难, ``II``, Ⅱ, 2 or 重大), times in ISO 8601 (without an offset: the office's local time),
figures whole and ≥ 0, flags as true/false, 1/0, yes/no or 是/否. Every field that cannot be
read gives one Problem naming it; the facts keep that field's default, so what the rules say
about the rest (missing elements) can be told in the same breath.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
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
)
from app.domain.incident_types import Subtype
from app.domain.incidents import element_name
from app.domain.messages import Problem, text

# The most a figure may say: what the database's integer column holds everywhere (PostgreSQL's
# INTEGER is 32-bit), and a loss a float column keeps to the yuan.
MAX_FIGURE = 2**31 - 1
MAX_LOSS_CNY = 10**15
# Times outside these years are typing mistakes, and would overflow the deadline arithmetic.
FIRST_YEAR, LAST_YEAR = 1900, 2999
IGNORED = ("number",)  # given by the database; a JSON export may carry it

E = TypeVar("E", bound=enum.Enum)
_TRUE = {"1", "true", "yes", "是"}
_FALSE = {"", "0", "false", "no", "否"}
_KIND_TERMS = {"突发事件": IncidentKind.EVENT, "预警信息": IncidentKind.WARNING,
               "预警": IncidentKind.WARNING}
_ROMAN = {"Ⅰ": Level.I, "Ⅱ": Level.II, "Ⅲ": Level.III, "Ⅳ": Level.IV, "1": Level.I,
          "2": Level.II, "3": Level.III, "4": Level.IV}


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
            problems.append(Problem("incident.unknown_field", None, {"field": key}))
            continue
        try:
            read = _read_flag(value) if key == "flash" else _reader(key, zone)(value)
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


def bad_value(field_id: str, value: object, hint: str = "") -> Problem:
    """One field's value cannot be used; ``hint`` is a catalog code saying what would do."""
    return Problem("incident.bad_value", None, {"name": element_name(field_id), "field": field_id,
                                                "value": value, "hint": text(hint) if hint else ""})


# --- one reader per kind of field ---------------------------------------------------------


def _reader(key: str, zone: zoneinfo.ZoneInfo) -> Callable[[object], object]:
    if key in TEXT_FIELDS:
        return _read_text
    if key in CASUALTY_FIELDS:
        return _read_figure
    if key in FLAG_FIELDS:
        return _read_flag
    if key in ("received_at", "occurred_at"):
        return lambda value: _read_time(value, zone)
    return _READERS[key]


def _read_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Unreadable()
    return str(value).strip()


def _number(value: object, *, whole: bool) -> float | int | None:
    """A JSON number, or a string holding one; None for nothing."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise _Unreadable()
    try:
        number = (int(value) if whole and not isinstance(value, float) else float(value))
    except (ValueError, OverflowError):  # not a number; an integer too long for a float
        raise _Unreadable() from None
    if isinstance(number, float) and not math.isfinite(number):
        raise _Unreadable()
    return number


def _read_figure(value: object) -> int | None:
    number = _number(value, whole=True)
    if number is None:
        return None
    if isinstance(number, float) and not number.is_integer():
        raise _Unreadable()
    if not 0 <= number <= MAX_FIGURE:
        raise _Unreadable()
    return int(number)


def _read_loss(value: object) -> int | None:
    number = _number(value, whole=False)
    if number is None:
        return None
    if not 0 <= number <= MAX_LOSS_CNY:
        raise _Unreadable()
    return round(number)


def _read_organization(value: object) -> int | None:
    number = _number(value, whole=True)
    if number is None:
        return None
    if (isinstance(number, float) and not number.is_integer()) or not 1 <= number <= MAX_FIGURE:
        raise _Unreadable()
    return int(number)


def _read_flag(value: object) -> bool:
    if value is None or isinstance(value, bool):
        return bool(value)
    if isinstance(value, int | float) and value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise _Unreadable()


def _read_time(value: object, zone: zoneinfo.ZoneInfo) -> dt.datetime | None:
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
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _Unreadable(hint)
    word = str(value).strip()
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
    return _member(IncidentKind, value, "", _KIND_TERMS) or IncidentKind.EVENT


def _read_category(value: object) -> Category | None:
    return _member(Category, value, "incident.hint.category")


def _read_subtype(value: object) -> Subtype | None:
    return _member(Subtype, value, "")


def _read_level(value: object) -> Level | None:
    word = value.replace("级", "") if isinstance(value, str) else value
    return _member(Level, word, "incident.hint.level", _ROMAN)


_READERS: dict[str, Callable[[object], object]] = {
    "kind": _read_kind, "category": _read_category, "subtype": _read_subtype,
    "level": _read_level, "loss_cny": _read_loss, "organization_id": _read_organization,
}
