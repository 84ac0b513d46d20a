"""The one converter of numbers to Chinese: numerals for numbering, amounts for losses."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.chinese import amount_cny, numeral, ordinal
from app.domain.incidents import report_heading


@pytest.mark.parametrize(("n", "words"), [
    (0, "零"), (1, "一"), (9, "九"), (10, "十"), (11, "十一"), (12, "十二"), (20, "二十"), (21, "二十一"),
    (23, "二十三"), (99, "九十九"), (100, "一百"), (101, "一百零一"), (110, "一百一十"), (111, "一百一十一"),
    (1000, "一千"), (1001, "一千零一"), (1010, "一千零一十"), (1100, "一千一百"), (9999, "九千九百九十九"),
    (10000, "一万"), (10005, "一万零五"), (10010, "一万零一十"), (11000, "一万一千"),
    (100000, "十万"), (200000, "二十万"), (1_000_000, "一百万"), (10_000_001, "一千万零一"),
    (100_000_000, "一亿"), (100_010_000, "一亿零一万"), (100_000_005, "一亿零五"),
])
def test_numerals(n: int, words: str) -> None:
    assert numeral(n) == words


def test_ordinals_and_follow_up_headings() -> None:
    assert ordinal(1) == "第一" and ordinal(101) == "第一百零一"
    assert [report_heading("follow-up", n) for n in (1, 2, 10, 12, 21, 23, 101)] == [
        "续报一", "续报二", "续报十", "续报十二", "续报二十一", "续报二十三", "续报一百零一"]


@pytest.mark.parametrize("bad", [-1, 10**12, True, 1.5])
def test_no_numeral_for_what_is_not_a_count(bad: object) -> None:
    with pytest.raises(ValueError):
        numeral(bad)  # type: ignore[arg-type]


_DIGIT = dict(zip("零一二三四五六七八九", range(10), strict=True))
_UNIT = {"十": 10, "百": 100, "千": 1000}


def _back(words: str) -> int:
    """An independent reader of what ``numeral`` writes (for the property below)."""
    total = section = digit = 0
    for ch in words:
        if ch in _DIGIT:
            digit = _DIGIT[ch]
        elif ch in _UNIT:
            section += (digit or 1) * _UNIT[ch]
            digit = 0
        else:  # 万 or 亿
            scale = 10_000 if ch == "万" else 100_000_000
            total = (total + section + digit) * scale if ch == "亿" else total + (section + digit) * scale
            section = digit = 0
    return total + section + digit


@given(st.integers(min_value=0, max_value=10**8 - 1))
def test_every_numeral_reads_back_as_its_number(n: int) -> None:
    words = numeral(n)
    assert _back(words) == n
    assert ("零零" not in words and not words.endswith("零")) or n == 0


@pytest.mark.parametrize(("cny", "words"), [
    (None, ""), (0, "约0元"), (3500, "约3500元"), (10_000, "约1万元"), (4_800_000, "约480万元"),
    (1_234_567, "约123.46万元"), (12_345_678_901, "约123.46亿元"), (1_230_000_000, "约12.3亿元"),
    (100_000_000, "约1亿元"), (99_999_999, "约10000万元"),
])
def test_amounts_the_chinese_way(cny: int | None, words: str) -> None:
    assert amount_cny(cny) == words


@given(st.integers(min_value=0, max_value=10**13))
def test_an_amount_never_has_an_exponent(cny: int) -> None:
    words = amount_cny(cny)
    assert "e" not in words and "E" not in words and words.startswith("约") and words.endswith("元")


def test_a_hundredth_follow_up_is_named() -> None:
    """A long incident may see a hundredth follow-up (the shared office's test found the old
    converter stopping at 99)."""
    assert [numeral(n) for n in (9, 10, 21, 99, 100, 101, 110, 1000, 2345)] == [
        "九", "十", "二十一", "九十九", "一百", "一百零一", "一百一十", "一千", "二千三百四十五"]
