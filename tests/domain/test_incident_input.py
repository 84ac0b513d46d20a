"""Reading outside input at the edge: what is accepted, one problem per bad field, and a
property: no JSON object, however wrong its values, makes the reader raise."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_facts import (
    CASUALTY_FIELDS,
    FIELDS,
    FLAG_FIELDS,
    TEXT_FIELDS,
    TIME_FIELDS,
    IncidentFacts,
    PlanRef,
)
from app.domain.incident_input import parse_incident
from app.domain.incident_types import Subtype
from app.domain.messages import set_language

SH = zoneinfo.ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 28, 2, 0, tzinfo=dt.UTC)


def read(**data: object) -> IncidentFacts:
    given_ = parse_incident(data, SH, now=NOW)
    assert not given_.problems, [p.message() for p in given_.problems]
    return given_.facts


def messages(**data: object) -> list[str]:
    return [p.message() for p in parse_incident(data, SH, now=NOW).problems]


@pytest.mark.parametrize("word", ["II", "Ⅱ", "Ⅱ级", "II级", "2", "重大", " 重大 "])
def test_a_level_by_identifier_numeral_or_term(word: object) -> None:
    assert read(level=word).level is Level.II


@pytest.mark.parametrize(("word", "category"), [
    ("accident", Category.ACCIDENT), ("ACCIDENT", Category.ACCIDENT), ("事故灾难", Category.ACCIDENT),
    ("社会安全事件", Category.SOCIAL)])
def test_a_category_by_identifier_name_or_term(word: str, category: Category) -> None:
    assert read(category=word).category is category


@pytest.mark.parametrize(("word", "kind"), [
    ("event", IncidentKind.EVENT), ("warning", IncidentKind.WARNING), ("预警信息", IncidentKind.WARNING),
    ("突发事件", IncidentKind.EVENT), (None, IncidentKind.EVENT), ("", IncidentKind.EVENT)])
def test_the_kind_by_identifier_or_term(word: object, kind: IncidentKind) -> None:
    assert read(kind=word).kind is kind


def test_a_subtype_by_identifier_or_term_within_its_category() -> None:
    assert read(subtype="地质灾害").subtype is Subtype.GEOLOGICAL
    assert read(category="natural", subtype="geological").subtype is Subtype.GEOLOGICAL
    assert messages(category="natural", subtype="traffic") == [
        "事件子类（subtype）的值“traffic”无效（与事件类别不符）"]


def test_times_in_iso_8601_local_without_an_offset() -> None:
    facts = read(occurred_at="2026-11-28T09:10", received_at="2026-11-28T01:30Z")
    assert facts.occurred_at == dt.datetime(2026, 11, 28, 1, 10, tzinfo=dt.UTC)
    assert facts.received_at == dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)
    assert read(occurred_at="2026-11-28 09:10+08:00").occurred_at == facts.occurred_at
    assert read().received_at == NOW and read(received_at=None).received_at == NOW
    assert read(occurred_at="").occurred_at is None


def test_figures_whole_and_not_negative_unknown_when_not_given() -> None:
    facts = read(deaths=2, injuries=3.0, missing=None, trapped=0, loss_cny=1500000)
    assert (facts.deaths, facts.injuries, facts.missing, facts.trapped) == (2, 3, None, 0)
    assert facts.loss_cny == 1_500_000 and read().serious_injuries is None
    assert read(loss_cny=1234.4).loss_cny == 1234  # whole yuan
    assert read(deaths=1_000_000).deaths == 1_000_000  # the most a figure may say


@pytest.mark.parametrize(("word", "value"), [(True, True), (False, False), (None, False)])
def test_flags_are_booleans(word: object, value: bool) -> None:
    assert read(sensitive=word).sensitive is value


@pytest.mark.parametrize(("field", "value"), [
    ("flash", "false"), ("sensitive", "true"), ("is_drill", 1), ("sensitive", "是"), ("is_drill", 0)])
def test_a_flag_that_is_not_a_boolean_is_refused(field: str, value: object) -> None:
    assert [p.values["field"] for p in parse_incident({field: value}, SH, now=NOW).problems] == [field]


def test_texts_are_trimmed_and_only_strings() -> None:
    facts = read(title="  山体滑坡 ", source_phone="13905761234", nature=None)
    assert (facts.title, facts.source_phone, facts.nature) == ("山体滑坡", "13905761234", "")
    assert messages(source_phone=13905761234, title=["a"]) == [
        "报告人电话（source_phone）的值“13905761234”无效（应为文字）",
        "事件标题（title）的值“[\"a\"]”无效（应为文字）"]


def test_the_issue_s_wrong_types_are_each_named() -> None:
    """The values issue 11 lists: a string flag, a boolean figure, a list title, a figure
    beyond reason, infinity."""
    assert messages(flash="false", deaths=True, title=["a"], injuries=1e20, missing=float("inf")) == [
        "先报（flash）的值“false”无效（应为 true 或 false）",
        "死亡（deaths）的值“true”无效（应为 0 至 1000000 之间的整数；不详时不填或填 null）",
        "事件标题（title）的值“[\"a\"]”无效（应为文字）",
        "受伤（injuries）的值“1e+20”无效（应为 0 至 1000000 之间的整数；不详时不填或填 null）",
        "失踪（missing）的值“Infinity”无效（应为 0 至 1000000 之间的整数；不详时不填或填 null）",
    ]


def test_texts_no_record_can_keep_are_refused() -> None:
    assert [p.values["field"] for p in parse_incident({"title": "a\x00b", "nature": "\ud800"}, SH,
                                                      now=NOW).problems] == ["title", "nature"]


def test_flash_and_the_number_are_not_facts() -> None:
    given_ = parse_incident({"title": "泄漏", "flash": True, "number": "2026-0001"}, SH, now=NOW)
    assert given_.flash and not given_.problems and given_.given == {"title"}


def test_one_problem_per_bad_field_in_the_order_given() -> None:
    assert messages(level="X", category="Y", deaths=-1, occurred_at="tomorrow", foo=1, deaths_=2) == [
        "事件级别（level）的值“X”无效（I/II/III/IV 或 特别重大/重大/较大/一般）",
        "事件类别（category）的值“Y”无效（natural/accident/health/social 或 自然灾害/事故灾难/公共卫生事件/社会安全事件）",
        "死亡（deaths）的值“-1”无效（应为 0 至 1000000 之间的整数；不详时不填或填 null）",
        "事发时间（occurred_at）的值“tomorrow”无效（ISO 8601，如 2026-11-28T09:30）",
        "未知字段“foo”", "未知字段“deaths_”",
    ]


@pytest.mark.parametrize(("field", "value"), [
    ("deaths", 1.5), ("deaths", True), ("deaths", []), ("deaths", float("inf")), ("deaths", 10**30),
    ("deaths", "3.0"), ("deaths", "3"), ("deaths", 1_000_001), ("loss_cny", -5), ("loss_cny", "5"), ("loss_cny", float("nan")), ("loss_cny", "1e999"),
    ("loss_cny", 10**400), ("loss_cny", 10**16),
    ("title", ["a"]), ("nature", True), ("nature", {"a": 1}), ("occurred_at", 5),
    ("occurred_at", "0001-01-01T00:00"), ("received_at", "9999-12-31T23:59"), ("sensitive", "maybe"),
    ("sensitive", 2), ("level", 3.0), ("level", 2), ("level", "五级"), ("kind", 1), ("subtype", "nope"), ("kind", "演练"),
    ("organization_id", "x"), ("organization_id", 0), ("organization_id", 1.5), ("flash", []),
])
def test_values_that_cannot_be_read_are_named(field: str, value: object) -> None:
    given_ = parse_incident({field: value}, SH, now=NOW)
    assert [p.values["field"] for p in given_.problems] == [field]
    assert given_.facts == IncidentFacts(received_at=NOW) and field not in given_.given


def test_the_hints_follow_the_language() -> None:
    set_language("en")
    try:
        assert messages(level="X") == ["level (level): \"X\" is not valid (I/II/III/IV or 特别重大/重大/较大/一般)"]
    finally:
        set_language("zh_CN")


def test_an_update_changes_only_the_fields_it_gives() -> None:
    before = read(title="山体滑坡", level="IV", deaths=1, occurred_at="2026-11-28T09:10")
    given_ = parse_incident({"level": "重大", "deaths": 12}, SH, now=NOW + dt.timedelta(hours=1))
    after = given_.applied_to(before)
    assert (after.level, after.deaths, after.title) == (Level.II, 12, "山体滑坡")
    assert after.received_at == before.received_at and after.occurred_at == before.occurred_at


# --- the property: wrong types never make the reader raise ----------------------------------

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_plausible = st.sampled_from(["", " ", "II", "重大", "accident", "地质灾害", "2026-11-28T09:10", "是",
                              "3", "-1", "1e3", "NaN", "Ⅳ级", "event", "预警"])
_keys = st.sampled_from([*FIELDS, "flash", "number", "unknown", "Title"])
objects = st.dictionaries(_keys, _json | _plausible, max_size=12)


@settings(max_examples=400)
@given(objects)
def test_no_json_object_makes_the_reader_raise(data: dict) -> None:
    given_ = parse_incident(data, SH, now=NOW)
    facts = given_.facts
    for name in TEXT_FIELDS:
        assert isinstance(getattr(facts, name), str)
    for name in (*CASUALTY_FIELDS, "loss_cny", "organization_id"):
        value = getattr(facts, name)
        assert value is None or (type(value) is int and value >= 0)
    for name in FLAG_FIELDS:
        assert type(getattr(facts, name)) is bool
    for name in TIME_FIELDS:
        value = getattr(facts, name)
        assert value is None or value.utcoffset() is not None
    assert isinstance(facts.kind, IncidentKind)
    assert facts.category is None or isinstance(facts.category, Category)
    assert facts.level is None or isinstance(facts.level, Level)
    assert facts.subtype is None or isinstance(facts.subtype, Subtype)
    named = [p.values["field"] for p in given_.problems]
    assert len(named) == len(set(named)) and set(named) <= set(data)  # each bad field once
    assert not set(named) & given_.given
    for problem in given_.problems:
        problem.message()  # every problem can be told


@pytest.mark.parametrize("word", ["III", "iii", "Ⅲ", "3", "三", "Ⅲ级", "三级", "Ⅲ级响应", "三级响应",
                                  "Ⅲ级应急响应", " III 级 "])
def test_a_response_level_by_identifier_numeral_or_term(word: str) -> None:
    assert read(response_level=word).response_level is Level.III


@pytest.mark.parametrize("value", ["较大", "V", "Ⅴ级响应", "五级", 3, True, ["III"]])
def test_a_response_level_that_is_none_of_them_is_named(value: object) -> None:
    (problem,) = messages(response_level=value)
    assert problem.startswith("响应级别（response_level）") and "Ⅲ级响应" in problem


def test_the_activated_plan_by_name_name_and_unit_or_id() -> None:
    assert read(activated_plan="江州市防汛抗旱应急预案").activated_plan == \
        PlanRef(name="江州市防汛抗旱应急预案")
    assert read(activated_plan={"name": " 防汛预案 ", "unit": "东湖区应急管理局"}).activated_plan == \
        PlanRef(name="防汛预案", unit="东湖区应急管理局")
    assert read(activated_plan=12).activated_plan == PlanRef(id=12)
    assert read(activated_plan={"id": 12, "name": "as show --json prints it"}).activated_plan == \
        PlanRef(id=12)
    assert read(activated_plan=None).activated_plan is None and read(activated_plan="").activated_plan is None
    assert parse_incident({"activated_plan": None}, SH, now=NOW).given == {"activated_plan"}  # clears it


@pytest.mark.parametrize("value", [0, -4, 2**40, 1.5, True, ["防汛"], {}, {"unit": "东湖区"},
                                   {"name": "防汛", "level": "III"}, {"name": 3}, {"id": "12"}])
def test_a_plan_that_cannot_be_read_is_named(value: object) -> None:
    (problem,) = messages(activated_plan=value)
    assert problem.startswith("启动预案（activated_plan）") and "预案名称" in problem
