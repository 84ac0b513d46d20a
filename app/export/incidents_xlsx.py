"""The incident register (突发事件台账) as a workbook, in Simplified Chinese."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter

from app.export.files import atomic_write
from app.export.xlsx import (
    CellValue,
    fit_to_page_width,
    grid_borders,
    page_numbers,
    safe_value,
    text_cell,
)

HEADERS = ("事件编号", "接报时间", "事发时间", "事件标题", "信息类型", "事件类别", "事件级别", "事发地点",
           "死亡", "重伤", "受伤", "失踪", "被困", "状态")
WIDTHS = (12, 17, 17, 36, 9, 13, 9, 28, 6, 6, 6, 6, 6, 8)


def write(path: Path, title: str, rows: Iterable[Sequence[CellValue]], count: int | None = None) -> Path:
    """Rows in HEADERS order; streamed (write-only), so a large register stays flat in memory
    and costs little more than its values. ``count`` (the rows to come) draws the grid."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("台账")
    for i, w in enumerate(WIDTHS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.print_title_rows = "2:2"
    ws.page_setup.orientation = "landscape"
    fit_to_page_width(ws)  # a write-only sheet has the same print settings
    page_numbers(ws)
    if count:
        grid_borders(ws, f"A3:{get_column_letter(len(HEADERS))}{count + 2}")
    head = text_cell(ws, title)
    head.font = Font(bold=True, size=14)
    ws.append([head])
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    header_cells = []
    for h in HEADERS:
        c = WriteOnlyCell(ws, value=h)
        c.font = Font(bold=True)
        c.border = border
        c.alignment = Alignment(horizontal="center")
        header_cells.append(c)
    ws.append(header_cells)
    for row in rows:  # any text may be the operator's own words: each kept as text
        ws.append([safe_value(ws, value) for value in row])
    path.parent.mkdir(parents=True, exist_ok=True)
    with atomic_write(path) as tmp:
        wb.save(tmp)
    return path
