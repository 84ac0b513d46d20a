"""The incident register (突发事件台账), written by app.export.incidents_xlsx alone."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.export import incidents_xlsx
from app.export.incidents_xlsx import HEADERS, WIDTHS

ROWS = [
    ("JZ-2026-0012", "2026-10-03 09:12", "2026-10-03 08:40", "城关镇某小区民房火灾", "突发事件",
     "事故灾难", "一般", "城关镇幸福路 18 号", 0, 1, 2, 0, None, "办理中"),
    ("JZ-2026-0013", "2026-10-04 21:05", "", "暴雨蓝色预警", "预警信息", "自然灾害", "", "全市",
     None, None, None, None, None, "已办结"),
]


def test_the_register_has_a_title_a_framed_header_and_one_row_per_incident(tmp_path: Path) -> None:
    path = tmp_path / "out" / "台账.xlsx"
    assert incidents_xlsx.write(path, "江州市应急管理局突发事件台账", ROWS, len(ROWS)) == path
    wb = load_workbook(path)
    assert wb.sheetnames == ["台账"]
    ws = wb["台账"]
    assert ws["A1"].value == "江州市应急管理局突发事件台账"
    assert ws["A1"].font.b and ws["A1"].font.sz == 14
    assert tuple(c.value for c in ws[2]) == HEADERS
    for cell in ws[2]:
        assert cell.font.b and cell.alignment.horizontal == "center"
        assert cell.border.left.style == cell.border.bottom.style == "thin"
    assert ws.max_row == 4 and ws.max_column == len(HEADERS)
    first = [c.value for c in ws[3]]
    assert first[:8] == list(ROWS[0][:8])
    assert first[8:] == [0, 1, 2, 0, None, "办理中"]  # 0 is a figure; unknown stays empty
    assert isinstance(first[9], int)  # figures are numbers, so the sheet can sum them
    second = [c.value for c in ws[4]]
    assert second[2] is None and second[8:13] == [None] * 5  # no "0" made up for unknown
    # the grid of the rows: one always-true conditional format over them, not a style per cell
    (grid,) = list(ws.conditional_formatting)
    assert str(grid.sqref) == "A3:N4"
    (rule,) = grid.rules
    assert rule.formula == ["TRUE"]
    assert rule.dxf.border.top.style == rule.dxf.border.right.style == "thin"


def test_a_title_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    row = ("JZ-1", "2026-10-03 09:12", "", "=HYPERLINK(\"http://x\")", "突发事件", "", "", "@SUM(A1)",
           None, None, None, None, None, "办理中")
    ws = load_workbook(incidents_xlsx.write(tmp_path / "f.xlsx", "台账", [row]))["台账"]
    assert ws["D3"].value == "=HYPERLINK(\"http://x\")" and ws["D3"].data_type == "s"
    assert ws["H3"].data_type == "s"


def test_the_register_prints_landscape_one_page_wide_with_the_header_on_every_page(tmp_path: Path) -> None:
    ws = load_workbook(incidents_xlsx.write(tmp_path / "r.xlsx", "台账", ROWS))["台账"]
    assert [ws.column_dimensions[c.column_letter].width for c in ws[2]] == list(WIDTHS)
    assert ws.print_title_rows == "$2:$2"
    assert ws.page_setup.orientation == "landscape"
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页"


def test_rows_are_streamed_from_any_iterable(tmp_path: Path) -> None:
    generated = ((f"JZ-{n:04d}", "", "", f"事件{n}", "突发事件", "", "", "", n, None, None, None, None, "已办结")
                 for n in range(1, 501))
    ws = load_workbook(incidents_xlsx.write(tmp_path / "many.xlsx", "台账", generated))["台账"]
    assert ws.max_row == 502 and ws["A502"].value == "JZ-0500" and ws["I502"].value == 500
