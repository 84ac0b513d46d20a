"""Numbers the Chinese way: numerals (续报二十三, 第一百零一) and amounts (约480万元, 约12.3亿元).

One converter for the whole program: the report chain, the daily report and every document
number their items with it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

__all__ = ["amount_cny", "numeral", "ordinal"]

_DIGITS = "零一二三四五六七八九"
_UNITS = ("", "十", "百", "千")
_GROUPS = ("", "万", "亿")
LIMIT = 10**12  # 一万亿: far beyond any count a report numbers


def _below_10000(n: int) -> str:
    """0 < n < 10000, with 零 where a place is skipped (一百零一, 一千零一十)."""
    out: list[str] = []
    zero = False
    for place in range(3, -1, -1):
        digit = n // 10**place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(_DIGITS[digit] + _UNITS[place])
    return "".join(out)


def numeral(n: int) -> str:
    """0 → 零, 10 → 十, 12 → 十二, 23 → 二十三, 101 → 一百零一, 110 → 一百一十,
    1001 → 一千零一, 10010 → 一万零一十, 200000 → 二十万. ValueError below 0 or from 10¹²."""
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n < LIMIT:
        raise ValueError(f"no Chinese numeral for {n!r}")
    if n == 0:
        return _DIGITS[0]
    groups = []
    while n:
        n, rest = divmod(n, 10000)
        groups.append(rest)
    out: list[str] = []
    for index in range(len(groups) - 1, -1, -1):
        value = groups[index]
        if value == 0:
            continue
        higher = any(groups[index + 1:])
        if higher and (value < 1000 or (out and out[-1] == "零")):
            out.append("零")  # a gap inside the number: 一万零五, 一亿零一万
        out.append(_below_10000(value) + _GROUPS[index])
    text = "".join(out).replace("零零", "零")
    return text[1:] if text.startswith("一十") else text  # 十二, not 一十二


def ordinal(n: int) -> str:
    """第一, 第二十三, 第一百零一."""
    return "第" + numeral(n)


def amount_cny(cny: int | None) -> str:
    """A sum of money as reports write it: 约3500元, 约480万元, 约1234.5万元, 约12.3亿元; an
    unknown sum (None) is empty. Never an exponent, at most two decimals."""
    if cny is None:
        return ""
    value = Decimal(int(cny))
    for unit, scale in (("亿元", Decimal(10**8)), ("万元", Decimal(10**4))):
        if value >= scale:
            return f"约{_plain(value / scale)}{unit}"
    return f"约{_plain(value)}元"


def _plain(value: Decimal) -> str:
    """At most two decimals, trailing zeros dropped, never scientific notation."""
    rounded = value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    text = format(rounded, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
