"""Statistics tables as a workbook: one sheet per numbered table, each under a title row naming
the office and the period; numbers right-aligned, rates as percentages, the 合计 row in bold;
printed A4, one page wide, with page numbers (as the filing sheet).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.progress import Progress, no_progress
from app.domain.report_outline import Cell, Table
from app.export import fit
from app.export.xlsx import first_sheet, fit_to_page_width, page_numbers

FONT = "宋体"
TITLE_SIZE = 12
RATE_FORMAT = "0.0%"
FORBIDDEN = '[]:*?/\\'  # characters a sheet name may not hold
FORMULA_STARTS = ("=", "+", "-", "@")

_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
_TOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
_RIGHT = Alignment(horizontal="right", vertical="center")
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)


def sheet_name(table: Table) -> str:
    name = "".join("_" if ch in FORBIDDEN else ch for ch in f"表{table.number} {table.title}")
    return name[:31]


def _put(ws: Worksheet, row: int, values: Sequence[Cell], numeric: tuple[bool, ...],
         bold: bool = False) -> None:
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        if isinstance(value, str) and value.startswith(FORMULA_STARTS):
            cell.data_type = "s"  # text that would read as a formula stays text (DESIGN.md)
        cell.border = _BORDER
        cell.font = Font(name=FONT, size=11, bold=bold)
        if isinstance(value, float):
            cell.number_format = RATE_FORMAT
        if value is None and numeric[col - 1]:
            cell.value = "—"  # a rate of nothing decided
        cell.alignment = _RIGHT if numeric[col - 1] else _LEFT
        if bold:
            cell.fill = _TOTAL_FILL


def fill_table(ws: Worksheet, heading: str, table: Table) -> None:
    n = len(table.columns)
    widths = [fit.column_width([name, *(row[col] for row in table.rows)], 8, 40)
              for col, name in enumerate(table.columns)]
    title = f"{heading}\n{table.caption}"
    cell = ws.cell(1, 1, title)
    cell.font = Font(name=FONT, size=TITLE_SIZE, bold=True)
    cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.row_dimensions[1].height = fit.row_height([(title, sum(widths))], TITLE_SIZE)
    for col, name in enumerate(table.columns, start=1):
        cell = ws.cell(2, col, name)
        cell.font, cell.fill, cell.border, cell.alignment = (Font(name=FONT, bold=True), _HEADER_FILL,
                                                             _BORDER, _CENTER)
    for r, values in enumerate(table.rows, start=3):
        _put(ws, r, values, table.numeric)
    if table.total is not None:
        _put(ws, 3 + len(table.rows), table.total, table.numeric, bold=True)
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "A3"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_PORTRAIT if n <= 6 else ws.ORIENTATION_LANDSCAPE
    fit_to_page_width(ws)
    ws.print_options.horizontalCentered = True
    ws.print_title_rows = "1:2"
    page_numbers(ws, size=10)


def write_tables(path: Path, heading: str, tables: Sequence[Table],
                 progress: Progress = no_progress) -> None:
    """Every table on its own sheet of the workbook at ``path``."""
    workbook = Workbook()
    for i, table in enumerate(tables):
        ws = first_sheet(workbook, sheet_name(table)) if i == 0 else workbook.create_sheet(
            sheet_name(table))
        fill_table(ws, heading, table)
        progress(i + 1, len(tables))
    workbook.save(path)
