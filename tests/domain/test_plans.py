"""The plans register's pure rules: terms, cycles, next dates, the horizon, the edge readers."""

from __future__ import annotations

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from app.domain.enums import Level, ReportKind
from app.domain.plan_input import PlanInput, Unreadable, parse_drill, parse_plan, read_date
from app.domain.plans import (
    DrillType,
    Horizon,
    PlanStatus,
    PlanType,
    activation_text,
    add_months,
    next_drill,
    next_review,
    on_strip,
    parse_choice,
)

TODAY = dt.date(2026, 11, 28)
NOW = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)


def test_terms_by_identifier_glossary_term_or_common_spelling() -> None:
    assert parse_choice(PlanType, "special") is PlanType.SPECIAL
    assert parse_choice(PlanType, "专项") is PlanType.SPECIAL
    assert parse_choice(PlanType, "专项应急预案") is PlanType.SPECIAL
    assert parse_choice(PlanType, "乡镇（街道）") is PlanType.TOWNSHIP
    assert parse_choice(PlanType, " 现场 处置方案 ") is PlanType.ONSITE
    assert parse_choice(PlanStatus, "废止") is PlanStatus.WITHDRAWN
    assert parse_choice(DrillType, "桌面演练") is DrillType.TABLETOP
    assert parse_choice(PlanType, "特别") is None


def test_cycles_count_from_the_approval_or_the_last_record() -> None:
    assert add_months(dt.date(2024, 1, 31), 1) == dt.date(2024, 2, 29)
    assert add_months(dt.date(2024, 2, 29), 36) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 11, 28), -14) == dt.date(2025, 9, 28)
    approved = dt.date(2023, 10, 15)
    assert next_review(approved, None, 3) == dt.date(2026, 10, 15)
    assert next_review(approved, dt.date(2025, 1, 2), 3) == dt.date(2028, 1, 2)
    assert next_drill(approved, None, 6) == dt.date(2024, 4, 15)
    assert next_drill(approved, dt.date(2026, 6, 1), 12) == dt.date(2027, 6, 1)
    assert PlanInput("x", PlanType.ENTERPRISE, 1, approved).cycles == (3, 12)
    assert PlanInput("x", PlanType.ONSITE, 1, approved, review_years=2).cycles == (2, 6)


def test_long_range_duties_reach_the_strip_only_in_their_last_days() -> None:
    h = Horizon()
    soon, later = NOW + dt.timedelta(days=6), NOW + dt.timedelta(days=8)
    assert h.planned(NOW + dt.timedelta(days=30), NOW) and not h.planned(NOW + dt.timedelta(days=31), NOW)
    assert on_strip(ReportKind.PLAN_REVIEW, soon, NOW, h)
    assert not on_strip(ReportKind.PLAN_DRILL, later, NOW, h)
    assert on_strip(ReportKind.CORRECTIVE_ACTION, NOW - dt.timedelta(days=90), NOW, h)  # overdue
    assert on_strip(ReportKind.INITIAL, NOW + dt.timedelta(days=90), NOW, h)  # reports: always
    assert Horizon(5, 7).problems() and not Horizon(7, 7).problems()


def test_the_activation_sentence() -> None:
    assert activation_text("江州市防汛抗旱应急预案", Level.III) == "已启动《江州市防汛抗旱应急预案》Ⅲ级响应"
    assert activation_text("江州市地震应急预案", None) == "已启动《江州市地震应急预案》"


def test_dates_in_the_spellings_offices_type() -> None:
    for text in ("2024-03-01", "2024/3/1", "2024.03.01", "2024年3月1日", " 2024 - 3 - 1 "):
        assert read_date(text) == dt.date(2024, 3, 1)
    assert read_date(dt.datetime(2024, 3, 1, 8, 0)) == dt.date(2024, 3, 1)
    assert read_date("") is None and read_date(None) is None
    for bad in ("2024-02-30", "昨天", "20240301", "2024-3"):
        try:
            read_date(bad)
        except Unreadable:
            continue
        raise AssertionError(bad)


def test_plan_json_names_every_unreadable_field() -> None:
    plan, problems = parse_plan({"name": "某预案", "type": "special", "unit": "东湖区",
                                 "approved_on": "2024-03-01", "drill_months": "12"}, TODAY)
    assert problems == [] and plan is not None and plan.drill_months == 12
    plan, problems = parse_plan({"type": 3, "approved_on": "2024-02-30", "filed_on": "2030-01-01",
                                 "drill_months": 12.5, "next_review": "x"}, TODAY)
    assert plan is None
    assert [p.message() for p in problems] == [
        "预案名称不能为空。", "预案类型“3”不是可选的值（可用：总体、专项、部门、乡镇(街道)、企事业单位、现场处置方案）。",
        "编制单位不能为空。", "批准日期“2024-02-30”不是日期（格式 YYYY-MM-DD）。",
        "备案日期“2030-01-01”晚于今天。", "演练周期（月）须是 1 到 120 的整数。"]


def test_drill_json_reads_participants_and_actions() -> None:
    drill, problems = parse_drill({
        "plan": "某预案", "date": "2026-06-18", "type": "实战", "participants": {"units": ["东湖区"],
                                                                               "count": 80},
        "actions": [{"text": "补充物资", "owner": "东湖区", "due": "2026-07-18"}]}, TODAY)
    assert problems == [] and drill is not None
    assert (drill.units, drill.participant_count, drill.actions[0].due_on) == (
        ("东湖区",), 80, dt.date(2026, 7, 18))
    drill, problems = parse_drill({"plan": "某预案", "date": "2026-06-18", "type": "live",
                                   "participants": 40, "actions": "x"}, TODAY)
    assert drill is None and [p.message() for p in problems] == ["整改事项须是一个列表。"]


@given(st.dictionaries(st.sampled_from(["name", "type", "unit", "approved_on", "filed_on",
                                        "review_years", "drill_months", "status", "x"]),
                       st.one_of(st.none(), st.text(max_size=12), st.integers(), st.floats(),
                                 st.booleans(), st.lists(st.integers(), max_size=2))))
def test_the_plan_reader_never_raises(data: dict[str, object]) -> None:
    plan, problems = parse_plan(data, TODAY)
    assert (plan is None) == bool(problems)  # a plan, or the problems saying why not
