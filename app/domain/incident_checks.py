"""What the facts of an incident must make sense of (RULES.md §2, §4), whoever gives them:
the intake form, the command line, an import. Pure Python; each problem names its field.

- Times: occurred ≤ received ≤ now, a few minutes of clock skew allowed.
- The level agrees with the figures where a rule grades by numbers (production-safety
  accidents, 国务院令第493号): a level below the one the figures reach needs a 定级说明.
- Phone numbers are numbers one can dial (``phones``); texts fit what the record keeps.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection

from app.domain import phones
from app.domain.enums import IncidentKind
from app.domain.incident_facts import IncidentFacts
from app.domain.incidents import element_term, severity, suggest_level
from app.domain.messages import Problem

SKEW = dt.timedelta(minutes=5)
# Categories whose level a rule sets by the figures (the office may add others).
GRADED_BY_FIGURES: tuple[str, ...] = ("accident",)
# The longest text each field keeps (the columns' sizes; long texts a page and a half).
MAX_LENGTHS = {"title": 200, "source": 200, "source_person": 50, "source_title": 100,
               "source_phone": 40, "location": 300, "received_by": 50, "level_reason": 500}
MAX_TEXT = 4000


def check_facts(facts: IncidentFacts, *, now: dt.datetime,
                graded: Collection[str] = GRADED_BY_FIGURES) -> list[Problem]:
    """Every problem with ``facts``, in the order of the form."""
    return [*_lengths(facts), *_times(facts, now), *_level(facts, graded), *_phone(facts)]


def _problem(code: str, field: str, **values: object) -> Problem:
    return Problem(code, None, {"name": element_term(field), "field": field, **values})


def _lengths(facts: IncidentFacts) -> list[Problem]:
    out = []
    for name in ("title", "source", "source_person", "source_title", "source_phone", "location",
                 "nature", "impact", "trend", "measures", "next_steps", "leaders_on_site",
                 "notified", "outcome", "aftermath", "assessment", "level_reason", "received_by"):
        limit = MAX_LENGTHS.get(name, MAX_TEXT)
        if len(getattr(facts, name)) > limit:
            out.append(_problem("incident.too_long", name, max=limit))
    return out


def _times(facts: IncidentFacts, now: dt.datetime) -> list[Problem]:
    out = []
    latest = now + SKEW
    if facts.occurred_at is not None and facts.occurred_at > latest:
        out.append(_problem("incident.future", "occurred_at"))
    if facts.received_at > latest:
        out.append(_problem("incident.future", "received_at"))
    if facts.occurred_at is not None and facts.occurred_at > facts.received_at + SKEW:
        out.append(_problem("incident.occurred_after_received", "occurred_at"))
    return out


def _level(facts: IncidentFacts, graded: Collection[str]) -> list[Problem]:
    if (facts.kind is not IncidentKind.EVENT or facts.category is None
            or facts.category.value not in graded or facts.level is None):
        return []
    reached = suggest_level(facts.deaths, facts.serious_injuries, facts.loss_cny)
    if severity(facts.level) >= severity(reached.level) or facts.level_reason.strip():
        return []
    return [_problem("incident.level_below", "level", level=facts.level.zh,
                     reached=reached.level.zh, reasons="；".join(reached.reasons))]


def _phone(facts: IncidentFacts) -> list[Problem]:
    value = facts.source_phone.strip()
    if value and not phones.is_valid(value):
        return [_problem("incident.bad_phone", "source_phone", value=value)]
    return []
