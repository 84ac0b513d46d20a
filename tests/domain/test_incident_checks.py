"""What the facts must make sense of: times in order and not ahead, the level against the
figures, phone numbers one can dial, texts that fit."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_checks import check_facts
from app.domain.incident_facts import IncidentFacts

NOW = dt.datetime(2026, 11, 28, 2, 0, tzinfo=dt.UTC)
BLAST = IncidentFacts(received_at=NOW - dt.timedelta(minutes=10), occurred_at=NOW - dt.timedelta(minutes=30),
                      title="储罐爆燃", category=Category.ACCIDENT, level=Level.II, deaths=12,
                      source_phone="0576-88001234转801")


def fields(facts: IncidentFacts) -> list[str]:
    return [str(p.values["field"]) for p in check_facts(facts, now=NOW)]


def test_sound_facts_pass() -> None:
    assert check_facts(BLAST, now=NOW) == []


def test_times_in_order_and_not_ahead() -> None:
    assert fields(replace(BLAST, received_at=NOW + dt.timedelta(days=5))) == ["received_at"]
    assert fields(replace(BLAST, occurred_at=NOW + dt.timedelta(hours=1))) == [
        "occurred_at", "occurred_at"]  # in the future, and after the receipt
    assert fields(replace(BLAST, occurred_at=BLAST.received_at + dt.timedelta(minutes=8))) == ["occurred_at"]
    # a few minutes of clock skew are no mistake
    assert fields(replace(BLAST, received_at=NOW + dt.timedelta(minutes=4),
                          occurred_at=NOW + dt.timedelta(minutes=4))) == []
    messages = [p.message() for p in check_facts(replace(BLAST, occurred_at=NOW + dt.timedelta(hours=1)), now=NOW)]
    assert messages == ["事发时间（occurred_at）不能晚于现在。",
                        "事发时间（occurred_at）不能晚于接报时间（received_at）。"]


@pytest.mark.parametrize(("deaths", "serious", "loss", "level", "refused"), [
    (12, None, None, Level.IV, True), (12, None, None, Level.III, True), (12, None, None, Level.II, False),
    (12, None, None, Level.I, False),  # a higher level is always allowed
    (None, 55, None, Level.III, True), (None, None, 60_000_000, Level.III, True),
    (2, 9, 9_999_999, Level.IV, False), (None, None, None, Level.IV, False),  # unknown reaches nothing
])
def test_the_level_agrees_with_the_figures(deaths: int | None, serious: int | None, loss: int | None,
                                           level: Level, refused: bool) -> None:
    facts = replace(BLAST, deaths=deaths, serious_injuries=serious, loss_cny=loss, level=level)
    assert fields(facts) == (["level"] if refused else [])
    assert fields(replace(facts, level_reason="初步核定，待上级认定")) == []


def test_the_level_check_names_what_the_figures_reach() -> None:
    [problem] = check_facts(replace(BLAST, level=Level.IV), now=NOW)
    assert problem.message().startswith("事件级别（level）“一般”低于伤亡和损失数字达到的“重大”（死亡 12 人（10 人以上））")


def test_only_categories_graded_by_figures_and_only_incidents() -> None:
    assert fields(replace(BLAST, category=Category.NATURAL, level=Level.IV)) == []
    assert fields(replace(BLAST, kind=IncidentKind.WARNING, level=Level.IV)) == []
    assert fields(replace(BLAST, category=Category.NATURAL, level=Level.IV)) == []
    assert [p.values["field"] for p in check_facts(replace(BLAST, category=Category.NATURAL, level=Level.IV),
                                                   now=NOW, graded=("natural",))] == ["level"]


def test_phones_and_lengths() -> None:
    assert fields(replace(BLAST, source_phone="88001234")) == ["source_phone"]
    assert fields(replace(BLAST, source_phone="")) == []
    assert fields(replace(BLAST, title="滑" * 201, nature="x" * 4001)) == ["title", "nature"]
