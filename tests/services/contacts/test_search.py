"""The one search box: initials, full pinyin, Chinese fragments, phone digits, unit names,
surnames read as surnames, ranked exact → prefix → substring."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.contacts import ContactLabel, PersonTag
from app.domain.pinyin import other_readings
from app.services.contacts import absences
from app.services.contacts import book as contacts
from app.services.contacts import search as contact_search
from app.services.context import Context

M, OF = ContactLabel.MOBILE, ContactLabel.OFFICE

PEOPLE = [  # name, title, mobile
    ("张三", "局长", "13900001234"), ("张山峰", "科员", "13900002222"), ("周顺", "科员", "13800003333"),
    ("单雄信", "副局长", "13700004444"), ("但丹", "科员", "13600005555"),
    ("曾国华", "队长", "13500006666"), ("岑刚", "科员", "13500007777"),
    ("解放", "科员", "13400008888"), ("谢芳", "科员", "13400009999"),
    ("仇英", "科员", "13300001111"), ("区永明", "科员", "13300002468"), ("朴正义", "科员", "13300003579"),
    ("查良", "科员", "13300004680"), ("盖文", "科员", "13300005791"), ("尉迟刚", "科员", "13300006802"),
    ("乐平", "科员", "13300007913"), ("缪斌", "科员", "13300008024"), ("覃海", "科员", "13300009135"),
    ("翟志刚", "科员", "13300010246"), ("欧阳修", "科员", "13300011357"), ("王建国", "科员", "13300012468"),
]


@pytest.fixture
def book(office_ctx: Context) -> dict[str, int]:
    root = contacts.list_units(office_ctx)[0].id
    town = contacts.save_unit(office_ctx, None, contacts.UnitInput(
        "城关镇", root, "township", duty_phone="0576-86001234"))
    ids = {}
    for i, (name, title, mobile) in enumerate(PEOPLE):
        unit = town.id if i % 2 else root
        p = contacts.save_person(office_ctx, None, contacts.PersonInput(
            name, unit, title, [(M, mobile), (OF, f"0576-8800{i:04d}")],
            [PersonTag.LEADER] if "长" in title else []))
        ids[name] = p.id
    ids["城关镇"] = town.id
    return ids


def names(ctx: Context, query: str, limit: int = 5) -> list[str]:
    return [h.name for h in contact_search.search(ctx, query, limit=limit)]


def test_initials_find_the_person_first(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    assert names(office_ctx, "zs")[0] == "张三"
    assert set(names(office_ctx, "zs")[:2]) == {"张三", "周顺"}  # both exactly "zs"
    assert names(office_ctx, "ZS")[0] == "张三"
    assert names(office_ctx, "zsf") == ["张山峰"]


def test_full_pinyin_exact_then_prefix_then_substring(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    hits = contact_search.search(office_ctx, "zhangsan")
    assert [(h.name, h.rank) for h in hits] == [("张三", 0)]
    assert names(office_ctx, "zhang san")[0] == "张三"
    assert names(office_ctx, "zhangs") == ["张三", "张山峰"]
    hits = contact_search.search(office_ctx, "jianguo")  # inside 王建国
    assert {(h.name, h.rank) for h in hits} == {("王建国", 2)}  # the fixture's admin too


SURNAMES = [
    ("shan", "单雄信"), ("sxx", "单雄信"), ("zengguohua", "曾国华"), ("zgh", "曾国华"),
    ("xiefang", "谢芳"), ("xie", "解放"), ("qiuying", "仇英"), ("ouyongming", "区永明"),
    ("piaozhengyi", "朴正义"), ("zhaliang", "查良"), ("gewen", "盖文"), ("yuchigang", "尉迟刚"),
    ("yueping", "乐平"), ("miaobin", "缪斌"), ("qinhai", "覃海"), ("zhaizhigang", "翟志刚"),
    ("ouyangxiu", "欧阳修"), ("oyx", "欧阳修"),
]


def test_surnames_are_read_as_surnames(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    missed = [(q, want) for q, want in SURNAMES if want not in names(office_ctx, q, 3)]
    assert missed == []


def test_a_surname_read_the_common_way_ranks_below_its_own_reading(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    assert names(office_ctx, "shanxiongxin")[0] == "单雄信"
    assert names(office_ctx, "dan")[0] == "但丹"  # 但 is dan; 单 as a surname is shan
    assert names(office_ctx, "xiefang")[0] == "解放"
    ranked = contact_search.search(office_ctx, "jiefang")
    assert [h.name for h in ranked][:1] == ["解放"] and ranked[0].rank > contact_search.EXACT


@pytest.mark.parametrize(("query", "who"), [
    ("qinhai", "覃海"), ("tanhai", "覃海"), ("qh", "覃海"), ("th", "覃海"), ("tan", "覃海"),
    ("gewen", "盖文"), ("gaiwen", "盖文"), ("gw", "盖文"), ("gai", "盖文"),
])
def test_a_surnames_other_readings_find_it(office_ctx: Context, book, query: str, who: str) -> None:  # type: ignore[no-untyped-def]
    """覃 is qin and tan, 盖 ge and gai (pypinyin's heteronyms): callers say either."""
    assert who in names(office_ctx, query, 3)


def test_other_readings_of_a_key() -> None:
    assert ("覃", "qin") in other_readings("tan") and ("覃", "qz") in other_readings("tz")
    assert ("盖", "geming") in other_readings("gaiming")
    assert other_readings("zs") == [] or all(s not in "张" for s, _ in other_readings("zs"))


def test_chinese_fragments_and_unit_names(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    assert names(office_ctx, "张三")[0] == "张三"
    assert names(office_ctx, "张") == ["张三", "张山峰"]
    assert names(office_ctx, "雄信") == ["单雄信"]
    hits = contact_search.search(office_ctx, "城关", limit=30)
    assert (hits[0].kind, hits[0].name, hits[0].main_phone) == ("organization", "城关镇", "0576-86001234")
    members = [h.name for h in hits if h.rank == contact_search.MEMBER]
    assert "张山峰" in members and "张三" not in members
    assert names(office_ctx, "cgz")[0] == "城关镇"


def test_digits_of_any_number(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    assert names(office_ctx, "1234")[0] == "张三"  # the last four of a mobile
    assert names(office_ctx, "13900001234") == ["张三"]
    hits = contact_search.search(office_ctx, "139 0000 1234")
    assert hits[0].name == "张三" and hits[0].rank == 0
    assert names(office_ctx, "0576-88000003")[0] == "单雄信"  # an office number, with its dash
    hits = contact_search.search(office_ctx, "86001234")
    assert (hits[0].kind, hits[0].name) == ("organization", "城关镇")
    assert names(office_ctx, "1390000", 10) == ["张三", "张山峰"]


def test_hits_carry_phones_tags_and_absence(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    today = dt.date(2026, 11, 28)
    absences.report_absence(office_ctx, book["张三"], starts_on=today, ends_on=today)
    hit = contact_search.search(office_ctx, "张三")[0]
    assert hit.organization == "江州市应急管理局" and hit.title == "局长"
    assert [(p.label, p.number) for p in hit.phones] == [(M, "13900001234"), (OF, "0576-88000000")]
    assert hit.tags == (PersonTag.LEADER,) and hit.away
    assert not contact_search.search(office_ctx, "张山峰")[0].away


def test_odd_queries(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    assert contact_search.search(office_ctx, "") == []
    assert contact_search.search(office_ctx, "  ") == []
    assert contact_search.search(office_ctx, "%_") == []
    assert contact_search.search(office_ctx, "不存在的人") == []
    assert len(contact_search.search(office_ctx, "1", limit=3)) == 3


def test_a_renamed_person_is_found_by_the_new_name(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    p = contacts.get_person(office_ctx, book["周顺"])
    contacts.save_person(office_ctx, p.id, contacts.PersonInput(
        "曾顺", p.organization_id, p.title, [(ph.label, ph.number) for ph in p.phones]),
        expected_version=p.version)
    assert names(office_ctx, "zengshun") == ["曾顺"]
    assert "曾顺" not in names(office_ctx, "zhoushun")


def test_middle_digits_are_found_through_the_index_and_follow_changes(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    # "9000022" is neither the start nor the end of any number: the trigram index finds it
    assert names(office_ctx, "9000022") == ["张山峰"]
    p = contacts.get_person(office_ctx, book["张山峰"])
    contacts.save_person(office_ctx, p.id, contacts.PersonInput(
        p.name, p.organization_id, p.title, [(M, "13977775555")]), expected_version=p.version)
    assert names(office_ctx, "9000022") == []  # the old number left the index with the change
    assert names(office_ctx, "977775") == ["张山峰"]
    assert names(office_ctx, "00") != []  # under three digits: the numbers themselves are read


def test_name_and_pinyin_fragments_through_the_index(office_ctx: Context, book) -> None:  # type: ignore[no-untyped-def]
    root = contacts.list_units(office_ctx)[0].id
    contacts.save_person(office_ctx, None, contacts.PersonInput("阿不都热合曼", root, "科员", []))
    assert names(office_ctx, "都热合") == ["阿不都热合曼"]  # three characters inside the name
    assert names(office_ctx, "热合") == ["阿不都热合曼"]  # two: the names themselves are read
    assert "单雄信" in names(office_ctx, "xiongxin")  # inside the pinyin, not at its start
    contacts.delete_person(office_ctx, book["单雄信"])
    assert "单雄信" not in names(office_ctx, "xiongxin")  # a deleted person leaves the index
