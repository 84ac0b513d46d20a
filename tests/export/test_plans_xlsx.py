"""The plans workbook writer and reader, called directly."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import InputError
from app.export import plans_xlsx


def test_written_rows_read_back_with_their_cells(tmp_path: Path) -> None:
    out = tmp_path / "plans.xlsx"
    rows = [["江州市突发事件总体应急预案", "总体", "江州市人民政府", dt.datetime(2024, 5, 1),
             "江政发〔2024〕3号", None, "", 3, 36, "有效", dt.datetime(2027, 5, 1),
             dt.datetime(2027, 5, 1), "@档案室", "+备注"]]
    assert plans_xlsx.write_plans(out, "江州市应急预案台账", rows, 1) == 1
    ws = load_workbook(out).active
    assert ws is not None
    assert ws.print_title_rows == "$2:$2" and ws.freeze_panes == "A3"
    assert ws["M3"].value == "@档案室" and ws["M3"].data_type == "s"
    assert ws["N3"].value == "+备注" and ws["N3"].data_type == "s"
    assert ws["D3"].number_format == "yyyy-mm-dd"
    sheet = plans_xlsx.read_plans(out)
    assert sheet.header_row == 2 and len(sheet.rows) == 1
    row = sheet.rows[0]
    assert row.text("预案名称") == "江州市突发事件总体应急预案" and row.text("评估周期（年）") == "3"
    assert row.cells["批准日期"].value == dt.datetime(2024, 5, 1)
    assert (row.cells["状态"].row, row.cells["状态"].column) == (3, "J")
    assert "下次评估" not in row.cells  # computed by the register: never read back


def test_headers_by_other_names_in_any_order_and_shape_errors(tmp_path: Path) -> None:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["名称", "预案类型*", "单位", "印发日期", "评估周期(年)"])
    ws.append(["某预案", "专项", "某局", "2024-01-01", 3])
    ws.append([None, None, None, None, None])  # blank rows are skipped
    book.save(tmp_path / "a.xlsx")
    sheet = plans_xlsx.read_plans(tmp_path / "a.xlsx")
    assert [r.row for r in sheet.rows] == [2]
    assert sheet.rows[0].text("评估周期（年）") == "3"
    ws.cell(row=1, column=6, value="预案名称")
    book.save(tmp_path / "b.xlsx")
    with pytest.raises(InputError) as bad:
        plans_xlsx.read_plans(tmp_path / "b.xlsx")
    assert bad.value.message == "第 1 行 F 列：表头“预案名称”重复（已在 A 列）。"
    empty = Workbook()
    empty.save(tmp_path / "c.xlsx")
    with pytest.raises(InputError) as bad:
        plans_xlsx.read_plans(tmp_path / "c.xlsx")
    assert "预案名称" in bad.value.message
