"""The deadline statistics workbook (报送时限统计), written by app.export.deadlines_xlsx alone."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from app.export import deadlines_xlsx
from app.export.deadlines_xlsx import MonthRow, ProblemRow

MONTHS = [MonthRow("2026-10", "初报", 8, 6, 1, 1), MonthRow("2026-10", "续报", 3, 3, 0, 0),
          MonthRow("2026-11", "终报", 0, 0, 0, 0)]
PROBLEMS = [ProblemRow("2026-10-03 森林火灾 初报", "初报（电话）", "2026-10-03 10:30", "2026-10-03 10:52",
                       "迟报", "信息核实耗时较长，领导审核后报送"),
            ProblemRow("2026-10-09 道路交通事故 初报", "初报（书面）", "2026-10-09 09:00", "", "漏报", "")]


def _printable(ws, widths: list[int]) -> None:  # type: ignore[no-untyped-def]
    assert ws.print_title_rows == "$2:$2"  # the column header repeats, the title does not
    assert ws.page_setup.paperSize == 9  # A4 in OOXML's codes
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页"
    assert [ws.column_dimensions[chr(65 + i)].width for i in range(len(widths))] == widths


def _framed(ws, columns: int) -> None:  # type: ignore[no-untyped-def]
    """The title sits merged above the table; every table cell is bordered and wraps."""
    assert ws["A1"].font.b and ws["A1"].font.sz == 14 and ws["A1"].alignment.horizontal == "center"
    assert [str(r) for r in ws.merged_cells.ranges] == [f"A1:{chr(64 + columns)}1"]
    for cell in ws[2]:
        assert cell.font.b and cell.alignment.horizontal == "center"
    for row in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=columns):
        for cell in row:
            assert cell.border.left.style == cell.border.right.style == "thin"
            assert cell.border.top.style == cell.border.bottom.style == "thin"
    for row in ws.iter_rows(min_row=3, max_row=ws.max_row, max_col=columns):
        for cell in row:
            assert cell.alignment.vertical == "center" and cell.alignment.wrap_text


def test_months_and_misses_on_two_printable_sheets(tmp_path: Path) -> None:
    path = tmp_path / "stats" / "时限.xlsx"  # the folder is made
    assert deadlines_xlsx.write(path, "江州市应急管理局", MONTHS, PROBLEMS) == path
    wb = load_workbook(path)
    assert wb.sheetnames == ["按月统计", "迟报漏报明细"]

    months = wb["按月统计"]
    assert months["A1"].value == "江州市应急管理局信息报送按时率统计"
    assert [c.value for c in months[2]] == ["月份", "报送类别", "应报", "按时", "迟报", "漏报", "按时率"]
    assert [[c.value for c in r] for r in months.iter_rows(min_row=3)] == [
        ["2026-10", "初报", 8, 6, 1, 1, "75.0%"],
        ["2026-10", "续报", 3, 3, 0, 0, "100.0%"],
        ["2026-11", "终报", 0, 0, 0, 0, "—"],  # nothing due: no rate, not 0 %
    ]
    _framed(months, 7)
    _printable(months, [10, 22, 8, 8, 8, 8, 10])

    misses = wb["迟报漏报明细"]
    assert misses["A1"].value == "江州市应急管理局迟报、漏报明细"
    assert [c.value for c in misses[2]] == ["事项", "报送类别", "截止时间", "报送时间", "结果", "原因/说明"]
    assert [c.value for c in misses[3]] == ["2026-10-03 森林火灾 初报", "初报（电话）", "2026-10-03 10:30",
                                            "2026-10-03 10:52", "迟报", "信息核实耗时较长，领导审核后报送"]
    assert [c.value for c in misses[4]][3:] == [None, "漏报", None]
    _framed(misses, 6)
    _printable(misses, [40, 16, 18, 18, 8, 30])


def test_an_empty_record_still_has_its_titles_and_headers(tmp_path: Path) -> None:
    path = deadlines_xlsx.write(tmp_path / "empty.xlsx", "某县应急局", [], [])
    wb = load_workbook(path)
    for ws, columns in ((wb["按月统计"], 7), (wb["迟报漏报明细"], 6)):
        assert ws.max_row == 2 and ws["A1"].value.startswith("某县应急局")
        _framed(ws, columns)
