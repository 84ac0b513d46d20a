"""The plans register as a workbook (DESIGN.md "Plans workbook"): write it, read one back.

Writing: a title row, one header row whose names are the glossary's terms (预案名称, 预案类型,
编制单位, 批准日期, 文号, 备案日期, 备案单位, 评估周期（年）, 演练周期（月）, 状态), then the
clocks the register computed (下次评估, 下次演练, read back as nothing) and where the text lives;
dates are real Excel dates; no cell ever holds a formula made from the register's text.
Reading finds the header row by its names (any order, common other spellings too) and returns
the raw cell values with their row numbers and column letters; what they mean is the service's
business.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import Cell as OpenpyxlCell
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter

from app.domain.errors import InputError
from app.domain.messages import Problem
from app.domain.progress import Progress, Throttled, no_progress
from app.export import xlsx_read
from app.export.xlsx import CellValue, fit_to_page_width, page_numbers

COLUMNS = ("预案名称", "预案类型", "编制单位", "批准日期", "文号", "备案日期", "备案单位",
           "评估周期（年）", "演练周期（月）", "状态")
EXTRA = ("下次评估", "下次演练", "预案文本", "备注")  # written; 预案文本 and 备注 read back too
READ = (*COLUMNS, "预案文本", "备注")
REQUIRED = ("预案名称", "预案类型", "编制单位", "批准日期")
DATES = ("批准日期", "备案日期", "下次评估", "下次演练")
WIDTHS = (44, 12, 26, 12, 22, 12, 20, 15, 15, 8, 12, 12, 30, 20)
ALIASES = {
    "名称": "预案名称", "预案": "预案名称", "类型": "预案类型", "预案类别": "预案类型",
    "单位": "编制单位", "编制部门": "编制单位", "责任单位": "编制单位", "制定单位": "编制单位",
    "批准时间": "批准日期", "印发日期": "批准日期", "发布日期": "批准日期", "发文字号": "文号",
    "备案时间": "备案日期", "备案机关": "备案单位", "评估周期": "评估周期（年）",
    "演练周期": "演练周期（月）", "预案状态": "状态", "文本位置": "预案文本", "附件": "预案文本",
}
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 20_000  # an office's register holds hundreds of plans, never this many
log = logging.getLogger(__name__)
FONT = "宋体"
FORMULA_STARTS = ("=", "+", "-", "@")

_THIN = Side(style="thin", color="808080")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass(frozen=True)
class Cell:
    value: object  # as openpyxl read it: str, number, datetime, or None
    row: int  # as Excel numbers it
    column: str  # its letter

    @property
    def text(self) -> str:
        if self.value is None:
            return ""
        if isinstance(self.value, float) and self.value.is_integer():
            return str(int(self.value))
        return str(self.value).strip()


@dataclass(frozen=True)
class SheetRow:
    row: int
    cells: dict[str, Cell]  # by column name (READ)

    def text(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.text if cell else ""


@dataclass(frozen=True)
class Sheet:
    header_row: int
    rows: list[SheetRow]


def header_name(value: object) -> str:
    """A header cell as a column name: spaces and a trailing * dropped, parentheses made
    full-width, other spellings mapped to the glossary's term."""
    name = "".join(str(value or "").split()).rstrip("*＊").replace("(", "（").replace(")", "）")
    return ALIASES.get(name, name)


def _columns(values: Sequence[object], header_row: int) -> dict[str, int]:
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, value in enumerate(values):
        name = header_name(value)
        if name not in READ:
            continue
        if name in columns:
            problems.append(Problem("import.duplicate_column", None, {
                "row": header_row, "col": get_column_letter(index + 1), "column": name,
                "first": get_column_letter(columns[name] + 1)}))
        else:
            columns[name] = index
    problems += [Problem("import.missing_column", None, {"row": header_row, "column": name})
                 for name in REQUIRED if name not in columns]
    if problems:
        raise InputError(problems)
    return columns


def read_plans(path: Path, progress: Progress = no_progress) -> Sheet:
    """The rows below the header row of the first sheet; InputError when the shape is wrong
    or the file is hostile (xlsx_read: values only, formulas refused, limits on size)."""
    values = [row.values for row in xlsx_read.read_rows(Path(path), max_rows=MAX_ROWS)]
    header_index = next((i for i, row in enumerate(values[:HEADER_SEARCH_ROWS])
                         if {"预案名称", "编制单位"} <= {header_name(v) for v in row}), None)
    if header_index is None:
        raise InputError(Problem("plans_import.no_header", None, {"rows": HEADER_SEARCH_ROWS}))
    columns = _columns(values[header_index], header_index + 1)
    body = values[header_index + 1:]
    step = Throttled(progress, len(body), every=200)
    out: list[SheetRow] = []
    for number, row in enumerate(body, start=header_index + 2):
        cells = {name: Cell(row[i] if i < len(row) else None, number, get_column_letter(i + 1))
                 for name, i in columns.items()}
        if any(c.text for c in cells.values()):
            out.append(SheetRow(number, cells))
        step.step()
    return Sheet(header_index + 1, out)


def _styles(workbook: Workbook) -> None:
    """The cell styles, registered once by name: naming a style per cell is cheap, building
    one per cell (openpyxl hashes every style object) is not."""
    for name, number_format, alignment in (
            ("plan_text", "@", Alignment(vertical="center")),
            ("plan_date", "yyyy-mm-dd", Alignment(horizontal="center", vertical="center")),
            ("plan_number", "General", Alignment(horizontal="right", vertical="center"))):
        workbook.add_named_style(NamedStyle(name=name, font=Font(name=FONT, size=11),
                                            border=_BORDER, number_format=number_format,
                                            alignment=alignment))


def _cell(sheet: Any, value: CellValue, name: str) -> OpenpyxlCell:
    """One styled cell of a write-only sheet (typed Any by openpyxl's stubs, see xlsx._page)."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # the register's text, never a formula
    cell.style = ("plan_date" if name in DATES else
                  "plan_number" if name in ("评估周期（年）", "演练周期（月）") else "plan_text")
    return cell


def write_plans(path: Path, title: str, rows: Iterable[Sequence[CellValue]], total: int,
                progress: Progress = no_progress) -> int:
    """Write the title, the header and ``rows`` (values in COLUMNS + EXTRA order) to ``path``;
    how many rows. Streamed (write-only mode)."""
    workbook = Workbook(write_only=True)
    _styles(workbook)
    sheet = workbook.create_sheet("应急预案")
    names = (*COLUMNS, *EXTRA)
    for col, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    sheet.freeze_panes = "A3"
    sheet.page_setup.orientation = "landscape"
    fit_to_page_width(sheet)
    sheet.print_title_rows = "2:2"
    page_numbers(sheet)
    head = WriteOnlyCell(sheet, value=title)
    head.font = Font(name=FONT, bold=True, size=14)
    sheet.append([head])
    header = []
    for name in names:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.fill, cell.border = Font(name=FONT, bold=True), _HEADER_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center")
        header.append(cell)
    sheet.append(header)
    step = Throttled(progress, total, every=200)
    count = 0
    try:
        for values in rows:
            sheet.append([_cell(sheet, v, n) for v, n in zip(values, names, strict=True)])
            count += 1
            step.step()
    except BaseException:  # cancelled or failed: end the sheet's stream before its file goes
        with contextlib.suppress(Exception):
            sheet.close()
        raise
    workbook.save(path)
    return count


def as_date(value: dt.date | None) -> dt.datetime | None:
    """A date as the datetime openpyxl writes as an Excel date."""
    return dt.datetime(value.year, value.month, value.day) if value else None
