"""Deadline rules: the built-in profiles, validation, planning and stages."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage

SH = zoneinfo.ZoneInfo("Asia/Shanghai")
T0 = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)  # 09:30 local


def facts(kind="event", category="accident", level="III", sensitive=False):  # type: ignore[no-untyped-def]
    return dr.IncidentFacts(kind, category, level, sensitive, T0, T0 - dt.timedelta(minutes=20))


def plan(f, key="default"):  # type: ignore[no-untyped-def]
    return {(p.report_kind, p.channel): p.due_at - T0 for p in dr.plan_incident(dr.built_in(key), f, SH)}


@pytest.mark.parametrize("profile", dr.BUILT_IN, ids=lambda p: p.key)
def test_built_in_profiles_are_valid_and_sourced(profile: dr.RuleProfile) -> None:
    assert profile.source and profile.name
    for row, rule in enumerate(profile.rules, start=1):
        assert dr.validate_rule(rule, row) == []


@pytest.mark.parametrize("category", ["natural", "accident", "health", "social"])
@pytest.mark.parametrize("level", ["I", "II", "III", "IV", None])
def test_default_profile_gives_every_incident_an_initial_report(category, level) -> None:  # type: ignore[no-untyped-def]
    kinds = {k for k, _ in plan(facts(category=category, level=level))}
    assert "initial" in kinds


def test_default_profile_numbers() -> None:
    major = plan(facts(level="II"))
    assert major[("initial", "phone")] == dt.timedelta(minutes=30)
    assert major[("initial", "written")] == dt.timedelta(hours=1)
    assert plan(facts(level="IV"))[("initial", "written")] == dt.timedelta(hours=6)
    # a sensitive incident is reported by phone whatever its level
    assert ("initial", "phone") in plan(facts(level="IV", sensitive=True))
    assert ("initial", "phone") not in plan(facts(level="IV"))
    # warning information on a possible Ⅰ/Ⅱ incident: 2 hours
    assert plan(facts(kind="warning", level="I")) == {("warning", "written"): dt.timedelta(hours=2)}
    # the follow-up is due before the next 17:00 (local) while open
    follow = plan(facts(level="III"))[("follow-up", "written")]
    assert (T0 + follow).astimezone(SH).time() == dt.time(17, 0)


def test_production_safety_clock_runs_from_occurrence() -> None:
    p = plan(facts(category="accident", level="III"), "production-safety")
    assert p[("initial", "phone")] == dt.timedelta(minutes=40)  # 60 min after occurring 20 min ago


def test_invalid_rules_are_refused_with_a_reason() -> None:
    bad = dr.DeadlineRule("after", "initial", "fax", minutes=0, levels=("V",))
    problems = dr.validate_rule(bad, 3)
    reasons = " ".join(p.message() for p in problems)
    assert "第 3 条" in reasons and "channel" in reasons and "minutes" in reasons and "level" in reasons


def test_stages() -> None:
    s = dr.StageSettings()
    due = T0 + dt.timedelta(hours=1)
    assert dr.stage_at(due, T0, s) is DeadlineStage.PENDING
    assert dr.stage_at(due, due - dt.timedelta(minutes=29), s) is DeadlineStage.NOTICE
    assert dr.stage_at(due, due - dt.timedelta(minutes=9), s) is DeadlineStage.URGENT
    assert dr.stage_at(due, due, s) is DeadlineStage.DUE
    assert dr.stage_at(due, due + dt.timedelta(minutes=2), s) is DeadlineStage.OVERDUE
    assert dr.StageSettings(10, 30, 5).problems()


def test_quarterly_report_due_the_tenth_after_the_quarter() -> None:
    year, q, end = dr.quarter_of(dt.date(2026, 11, 28))
    assert (year, q, end) == (2026, 4, dt.date(2026, 12, 31))
    rule = next(r for r in dr.built_in("default").rules if r.event == "quarter_end")
    due = dr.quarter_report_due(end, rule, SH).astimezone(SH)
    assert due.date() == dt.date(2027, 1, 10)


def test_remaining_time_format() -> None:
    assert dr.format_remaining(3725) == "1:02:05"
    assert dr.format_remaining(-192) == "-0:03:12"
    assert dr.format_remaining(3 * 86400 + 7200) == "3天2时"
