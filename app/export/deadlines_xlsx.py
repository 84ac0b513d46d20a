"""The deadline record as a workbook (报送时限统计), in Simplified Chinese."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.export.files import atomic_write
from app.export.xlsx import CellValue, append_safely, first_sheet, fit_to_page_width, page_numbers

_THIN = Side(style="thin")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_BOLD = Font(bold=True)


@dataclass(frozen=True)
class MonthRow:
    month: str
    kind: str
    total: int
    on_time: int
    late: int
    missed: int


@dataclass(frozen=True)
class ProblemRow:
    what: str
    kind: str
    due_at: str
    met_at: str
    outcome: str
    reason: str


def _sheet(ws: Worksheet, title: str, headers: Sequence[str], rows: Sequence[Sequence[CellValue]],
           widths: Sequence[int]) -> None:
    append_safely(ws, [title])
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(headers))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A1"].alignment = Alignment(horizontal="center")
    append_safely(ws, headers)
    for row in rows:
        append_safely(ws, row)
    for r in ws.iter_rows(min_row=2, max_row=ws.max_row, max_col=len(headers)):
        for cell in r:
            cell.border = _BORDER
            cell.alignment = Alignment(vertical="center", wrap_text=True)
    for cell in ws[2]:
        cell.font = _BOLD
        cell.alignment = Alignment(horizontal="center")
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.print_title_rows = "2:2"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    fit_to_page_width(ws)
    page_numbers(ws)


def write(path: Path, office: str, months: Sequence[MonthRow], problems: Sequence[ProblemRow]) -> Path:
    wb = Workbook()
    ws = first_sheet(wb, "按月统计")
    rows: list[list[CellValue]] = []
    for m in months:
        rate = f"{m.on_time / m.total:.1%}" if m.total else "—"
        rows.append([m.month, m.kind, m.total, m.on_time, m.late, m.missed, rate])
    _sheet(ws, f"{office}信息报送按时率统计", ["月份", "报送类别", "应报", "按时", "迟报", "漏报", "按时率"],
           rows, [10, 22, 8, 8, 8, 8, 10])
    ws2 = wb.create_sheet("迟报漏报明细")
    _sheet(ws2, f"{office}迟报、漏报明细",
           ["事项", "报送类别", "截止时间", "报送时间", "结果", "原因/说明"],
           [[p.what, p.kind, p.due_at, p.met_at, p.outcome, p.reason] for p in problems],
           [40, 16, 18, 18, 8, 30])
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as tmp:
        wb.save(tmp)
    return path
