"""The typed incident and its stored picture: to_json / from_json round trips."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_facts import (
    CASUALTY_FIELDS,
    FIELDS,
    TEXT_FIELDS,
    IncidentFacts,
    PlanRef,
    from_json,
    to_json,
    whole_cny,
)
from app.domain.incident_types import Subtype

T0 = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)

FULL = IncidentFacts(
    received_at=T0, occurred_at=T0 - dt.timedelta(minutes=20), kind=IncidentKind.WARNING,
    title="西山县石门镇山体滑坡", source="石门镇政府", source_person="李国强", source_title="镇长",
    source_phone="13905761234", location="下坪村", organization_id=7, category=Category.NATURAL,
    subtype=Subtype.GEOLOGICAL, level=Level.III, nature="滑坡", impact="120 人", deaths=1,
    serious_injuries=0, injuries=None, missing=2, trapped=3, loss_cny=1_500_000, trend="扩大",
    measures="转移", next_steps="搜救", leaders_on_site="县长", notified="县自然资源局",
    outcome="险情排除", aftermath="安置", assessment="及时", is_drill=True, sensitive=True,
    activated_plan=PlanRef(12, "西山县地质灾害应急预案"), response_level=Level.III,
)

# A report's content as every version so far stored it (times in UTC, the loss a float).
STORED = {
    "title": "东湖区储罐泄漏", "source": "", "source_person": "", "source_title": "", "source_phone": "",
    "location": "东湖区化工园区", "nature": "", "impact": "", "trend": "", "measures": "", "next_steps": "",
    "leaders_on_site": "", "notified": "", "outcome": "", "aftermath": "", "assessment": "",
    "deaths": 0, "serious_injuries": 0, "injuries": 0, "missing": 0, "trapped": 0,
    "received_at": "2026-11-28T01:30:00+00:00", "occurred_at": None, "is_drill": False,
    "sensitive": False, "kind": "event", "category": "accident", "subtype": None, "level": "II",
    "loss_cny": 2500000.0, "organization_id": None, "missing_elements": ["nature", "impact"],
}


def test_every_field_survives_the_round_trip_through_stored_json() -> None:
    stored = json.loads(json.dumps(to_json(FULL), ensure_ascii=False))
    assert from_json(stored) == FULL


def test_the_stored_picture_keeps_its_format() -> None:
    picture = to_json(FULL)
    assert tuple(picture) == FIELDS
    assert picture["received_at"] == "2026-11-28T01:30:00+00:00" and picture["occurred_at"].endswith("+00:00")
    assert (picture["kind"], picture["category"], picture["subtype"], picture["level"]) == (
        "warning", "natural", "geological", "III")
    assert type(picture["category"]) is str  # an identifier, not the enumeration
    assert (picture["activated_plan"], picture["response_level"]) == (
        {"id": 12, "name": "西山县地质灾害应急预案"}, "III")  # the plan as the register named it
    assert picture["loss_cny"] == 1500000.0 and isinstance(picture["loss_cny"], float)
    assert picture["injuries"] is None  # unknown stays unknown in the picture


def test_a_picture_stored_by_an_earlier_version_reads_back() -> None:
    facts = from_json(STORED)
    assert facts.category is Category.ACCIDENT and facts.level is Level.II and facts.subtype is None
    assert facts.loss_cny == 2_500_000 and facts.deaths == 0 and facts.occurred_at is None
    assert facts.received_at == T0
    added = {"level_reason": "", "received_by": "", "activated_plan": None,
             "response_level": None}  # fields added since, at their defaults
    assert to_json(facts) == {**{k: v for k, v in STORED.items() if k != "missing_elements"}, **added}


def test_absent_fields_take_their_defaults() -> None:
    facts = from_json({"received_at": "2026-11-28T09:30:00+08:00", "title": "泥石流"})
    assert facts == IncidentFacts(received_at=T0, title="泥石流")
    assert facts.kind is IncidentKind.EVENT and all(facts.figure(k) is None for k in CASUALTY_FIELDS)


@pytest.mark.parametrize("damaged", [
    {}, {"received_at": None}, {"received_at": "2026-11-28T09:30"},  # no time, or no offset
    {"received_at": "2026-11-28T01:30:00+00:00", "category": "weather"},
    {"received_at": "2026-11-28T01:30:00+00:00", "deaths": "many"},
])
def test_a_damaged_picture_is_refused(damaged: dict) -> None:
    with pytest.raises(ValueError):
        from_json(damaged)


def test_a_loss_that_is_no_number_reads_as_unknown() -> None:
    assert whole_cny(float("inf")) is None and whole_cny(float("nan")) is None
    assert whole_cny(None) is None and whole_cny(1234567.6) == 1234568


def test_what_the_types_cannot_say_is_checked() -> None:
    with pytest.raises(ValueError, match="aware"):
        IncidentFacts(received_at=dt.datetime(2026, 11, 28, 9, 30))
    with pytest.raises(ValueError, match="negative"):
        IncidentFacts(received_at=T0, deaths=-1)


_times = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2999, 12, 31),
                      timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=8))]))
_figures = st.none() | st.integers(min_value=0, max_value=2**31 - 1)
facts_strategy = st.builds(
    IncidentFacts,
    received_at=_times, occurred_at=st.none() | _times, kind=st.sampled_from(IncidentKind),
    category=st.none() | st.sampled_from(Category), subtype=st.none() | st.sampled_from(Subtype),
    level=st.none() | st.sampled_from(Level), loss_cny=st.none() | st.integers(0, 10**15),
    organization_id=st.none() | st.integers(1, 2**31 - 1), is_drill=st.booleans(),
    sensitive=st.booleans(),
    **{name: st.text() for name in TEXT_FIELDS}, **{name: _figures for name in CASUALTY_FIELDS},
)


@given(facts_strategy)
def test_any_facts_round_trip(facts: IncidentFacts) -> None:
    assert from_json(json.loads(json.dumps(to_json(facts)))) == facts
