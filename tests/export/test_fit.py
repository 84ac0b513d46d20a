"""Fitting text into printed cells: widths in Excel's units, lines, row heights."""

from __future__ import annotations

import datetime as dt

from app.export import fit


def test_chinese_is_about_twice_as_wide_as_digits() -> None:
    assert fit.text_width("应急指挥中心副主任") == 9 * fit.WIDE
    assert round(fit.text_width("13900001234"), 6) == round(11 * fit.NARROW, 6)
    assert fit.text_width(dt.date(2026, 12, 31)) == 16.0 and fit.text_width(None) == 0


def test_a_long_title_wraps_within_a_taller_row() -> None:
    assert fit.lines_needed("应急指挥中心副主任", 21) == 1
    assert fit.lines_needed("应急指挥中心副主任", 12) == 2
    assert fit.lines_needed("一行\n两行", 30) == 2
    assert fit.row_height([("局长", 10)]) == 18.5
    assert fit.row_height([("局长", 10), ("应急指挥中心副主任", 12)]) == 2 * fit.LINE_HEIGHT + fit.ROW_PADDING


def test_columns_fit_their_longest_cell_within_limits() -> None:
    assert fit.column_width(["姓名", "王五"], 8, 12) == 8
    assert fit.column_width(["姓名", "欧阳修"], 8, 12) == round(3 * fit.WIDE + 2, 1)
    assert fit.column_width(["单位", "江州市应急管理局"], 8, 30) == round(8 * fit.WIDE + 2, 1)
    assert fit.column_width(["职务", "党委委员、副局长，市应急指挥中心主任"], 8, 24) == 24
