"""A holiday notice file read by app.export.calendar_file alone: header found by name, cells
with their row and column, the file refused when it is no notice."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook

from app.domain.errors import InputError
from app.export import calendar_file


def test_a_workbook_reads_back_with_rows_and_columns(tmp_path: Path) -> None:
    path = tmp_path / "n.xlsx"
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for values in (["日期", "类型", "名称"], [dt.date(2027, 1, 1), "节假日", "元旦"],
                   [dt.date(2027, 2, 20), "调休上班", "春节"]):
        sheet.append(values)
    book.save(path)
    rows = calendar_file.read_notice(path)
    assert [(r.row, r.date.value, r.kind.value, r.name.column) for r in rows] == [
        (2, dt.datetime(2027, 1, 1), "节假日", "C"), (3, dt.datetime(2027, 2, 20), "调休上班", "C")]


def test_a_csv_in_any_column_order_below_a_title(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text("2027年节假日安排\n\n类型,名称,日期\n节假日,元旦,2027-01-01\n,,\n", encoding="utf-8")
    rows = calendar_file.read_notice(path)
    assert len(rows) == 1 and (rows[0].row, rows[0].date.column, rows[0].date.value) == (4, "C", "2027-01-01")


def test_what_is_no_notice_is_refused(tmp_path: Path) -> None:
    huge = tmp_path / "huge.csv"
    huge.write_text("日期,类型,名称\n" + "2027-01-01,节假日,元旦\n" * 2500, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        calendar_file.read_notice(huge)
    assert caught.value.problems[0].code == "notice.too_long"
    with pytest.raises(InputError) as caught:
        calendar_file.read_notice(tmp_path / "missing.xlsx")
    assert caught.value.problems[0].code == "workbook.no_file"
    with pytest.raises(InputError) as caught:
        calendar_file.read_notice(tmp_path)
    assert caught.value.problems[0].code == "workbook.is_dir"
    gbk_junk = tmp_path / "junk.csv"
    gbk_junk.write_bytes(b"\xff\xfe\x00\x81\x30")
    with pytest.raises(InputError) as caught:
        calendar_file.read_notice(gbk_junk)
    assert caught.value.problems[0].code == "notice.not_text"
    formula = tmp_path / "formula.xlsx"
    from openpyxl import Workbook
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["日期", "类型", "名称"])
    sheet.append(["2027-01-01", "节假日", '=HYPERLINK("http://x","元旦")'])
    book.save(formula)
    with pytest.raises(InputError) as caught:
        calendar_file.read_notice(formula)
    assert caught.value.problems[0].code == "workbook.formula"
