"""Fitting text into printed cells: how wide a text is in Excel's width units, how wide a column
must be to hold its longest cell (within limits), how tall a row must be so that a wrapped cell
shows all its lines. Excel and LibreOffice keep a row at the height the file gives it, so a
cell that wraps into a row too low is cut on paper: the writers size every row from here.

Widths are Excel's units (the width of the digit 0 in the default font); a Chinese character of
宋体 at 11 pt is about two of them, a digit or a Latin letter about one.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import unicodedata
from collections.abc import Iterable

WIDE = 2.1  # a CJK character (宋体 11 pt) in width units, with the spacing LibreOffice adds
NARROW = 1.1  # a digit, a Latin letter, "-"
CELL_PADDING = 1.5  # width units lost to the cell's margins
LINE_HEIGHT = 14.5  # points per line of 宋体 11 pt
ROW_PADDING = 4.0  # points above and below the lines


def text_width(value: object, size: float = 11.0) -> float:
    """The width of ``value`` as one line, in width units (for ``size`` points)."""
    if value is None:
        return 0.0
    if isinstance(value, dt.date):
        return 16.0 * size / 11.0  # 2026年12月31日
    return _units(str(value)) * size / 11.0


@functools.lru_cache(maxsize=8192)
def _units(text: str) -> float:
    """Width units of ``text`` at 11 pt (cached: a sheet repeats its names, phones, weekdays)."""
    if text.isascii():
        return len(text) * NARROW
    return sum(WIDE if unicodedata.east_asian_width(ch) in "WF" else NARROW for ch in text)


def lines_needed(value: object, width: float, size: float = 11.0) -> int:
    """How many lines ``value`` takes wrapped in a column ``width`` units wide."""
    if value is None or value == "":
        return 1
    room = max(width - CELL_PADDING, 1.0)
    return sum(max(1, math.ceil(text_width(part, size) / room))
               for part in str(value).split("\n")) if not isinstance(value, dt.date) else 1


def column_width(values: Iterable[object], least: float, most: float) -> float:
    """A column wide enough for its longest value, never under ``least`` nor over ``most``
    (a longer value wraps, and its row grows)."""
    longest = max((text_width(v) for v in values), default=0.0)
    return round(min(max(longest + CELL_PADDING + 0.5, least), most), 1)


def row_height(cells: Iterable[tuple[object, float]], size: float = 11.0,
               least: float = 18.0) -> float:
    """The height (points) a row needs so that every (value, column width) shows whole."""
    lines = max((lines_needed(v, w, size) for v, w in cells), default=1)
    return max(least, round(lines * LINE_HEIGHT * size / 11.0 + ROW_PADDING, 1))
