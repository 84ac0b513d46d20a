"""Statistics tables as a workbook, written by app.export.stats_xlsx alone."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.domain.report_outline import Table
from app.export import stats_xlsx

TABLE = Table(3, "突发事件分类分级", ("类别", "较大", "一般", "按时率"),
              (("自然灾害", 2, 5, 0.5), ("=HYPERLINK(\"x\")", 1, 0, None)),
              (False, True, True, True), ("合计", 3, 5, 0.75))


def test_each_table_on_its_sheet_under_its_heading_with_a_bold_total(tmp_path: Path) -> None:
    path = tmp_path / "s.xlsx"
    seen: list[int] = []
    stats_xlsx.write_tables(path, "某局2026年统计", [TABLE, Table(4, "a/b:c", ("x",), (), (False,))],
                            lambda done, total=None, what="": seen.append(done))
    wb = load_workbook(path)
    assert wb.sheetnames == ["表3 突发事件分类分级", "表4 a_b_c"] and seen == [1, 2]
    ws = wb["表3 突发事件分类分级"]
    assert ws["A1"].value == "某局2026年统计\n表3　突发事件分类分级"
    assert "A1:D1" in {str(r) for r in ws.merged_cells.ranges} and ws["A1"].alignment.wrap_text
    assert [c.value for c in ws[2]] == ["类别", "较大", "一般", "按时率"]
    assert (ws["B3"].alignment.horizontal, ws["A3"].alignment.horizontal) == ("right", "left")
    assert ws["D3"].value == 0.5 and ws["D3"].number_format == "0.0%"
    assert ws["D4"].value == "—"  # nothing decided: no rate
    assert ws["A4"].value == '=HYPERLINK("x")' and ws["A4"].data_type == "s"  # text, not a formula
    assert [c.value for c in ws[5]] == ["合计", 3, 5, 0.75] and ws["A5"].font.b
    assert ws.print_title_rows == "$1:$2" and ws.page_setup.fitToWidth == 1
