"""The contact book as a workbook (DESIGN.md "Contact import"): write it, write the empty
template, and read one back into plain rows with their row numbers and column letters.

Reading checks only the shape (a header row naming 姓名 and 单位, no repeated column); what the
cells say is judged by the service, which knows the units and people.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, NamedStyle, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.domain.errors import InputError
from app.domain.messages import Problem
from app.export import fit, xlsx_read
from app.export.files import atomic_write
from app.export.xlsx import (
    first_sheet,
    fit_to_page_width,
    keep_as_text,
    page_numbers,
    text_cell,
)

COLUMNS = ("姓名", "单位", "职务", "手机", "办公电话", "值班电话", "传真", "类别", "专长", "备注")
REQUIRED = ("姓名", "单位")
# (least, most) width of each column: fitted to the longest cell, a longer one wraps
WIDTHS = {"姓名": (8, 12), "单位": (12, 30), "职务": (8, 24), "手机": (8, 28), "办公电话": (8, 28),
          "值班电话": (8, 28), "传真": (6, 28), "类别": (6, 16), "专长": (6, 24), "备注": (6, 30)}
TITLE_SIZE = 16
ALIASES = {  # headers offices commonly use for the same column
    "名字": "姓名", "联系人": "姓名", "单位名称": "单位", "所在单位": "单位", "工作单位": "单位",
    "职务职称": "职务", "职位": "职务", "手机号": "手机", "手机号码": "手机", "移动电话": "手机",
    "办公室电话": "办公电话", "座机": "办公电话", "固定电话": "办公电话", "值班室电话": "值班电话",
    "传真号码": "传真", "人员类别": "类别", "标签": "类别", "专业特长": "专长", "说明": "备注",
}
HEADER_SEARCH_ROWS = 10
MAX_ROWS = 200_000  # twice the largest contact book the benches export
SEPARATOR = "、"  # several numbers of one kind in one cell
STYLED_ROWS = 20_000
FONT = "宋体"

_TEMPLATE_WIDTHS = {"姓名": 10, "单位": 28, "职务": 18, "手机": 16, "办公电话": 18, "值班电话": 18,
                    "传真": 18, "类别": 14, "专长": 24, "备注": 30}  # an empty sheet to fill in
_THIN = Side(style="thin", color="000000")
_BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")


@dataclass(frozen=True)
class Cell:
    value: str
    row: int  # as Excel numbers it
    column: str  # letter, as Excel names it


@dataclass(frozen=True)
class SheetRow:
    row: int
    cells: dict[str, Cell]  # by column name (COLUMNS)

    def get(self, name: str) -> str:
        cell = self.cells.get(name)
        return cell.value if cell else ""


@dataclass(frozen=True)
class Sheet:
    header_row: int
    columns: dict[str, str]  # column name -> letter
    rows: list[SheetRow]


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a phone number typed as a number
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value).strip()


def _header_name(value: object) -> str:
    name = "".join(_text(value).split()).rstrip("*＊")
    return ALIASES.get(name, name)


def read_contacts(path: Path) -> Sheet:
    """The rows of the first sheet below its header row; InputError when the shape is wrong
    or the file is hostile (xlsx_read: values only, formulas refused, limits on size)."""
    rows = [row.values for row in xlsx_read.read_rows(path, max_rows=MAX_ROWS)]
    header_index = None
    for i, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = {_header_name(v) for v in values}
        if len(names & set(COLUMNS)) >= 2 or names & set(REQUIRED):
            header_index = i
            break
    if header_index is None:
        raise InputError(Problem("import.no_header", None, {"rows": HEADER_SEARCH_ROWS}))
    header_row = header_index + 1
    columns: dict[str, int] = {}
    problems: list[Problem] = []
    for index, value in enumerate(rows[header_index]):
        name = _header_name(value)
        if name not in COLUMNS:
            continue
        if name in columns:
            problems.append(Problem("import.duplicate_column", None, {
                "row": header_row, "col": get_column_letter(index + 1), "column": name,
                "first": get_column_letter(columns[name] + 1)}))
        else:
            columns[name] = index
    for name in REQUIRED:
        if name not in columns:
            problems.append(Problem("import.missing_column", None,
                                    {"row": header_row, "column": name}))
    if problems:
        raise InputError(problems)
    out: list[SheetRow] = []
    for offset, values in enumerate(rows[header_index + 1:], start=header_row + 1):
        cells = {
            name: Cell(_text(values[index]) if index < len(values) else "", offset,
                       get_column_letter(index + 1))
            for name, index in columns.items()
        }
        if any(c.value for c in cells.values()):
            out.append(SheetRow(offset, cells))
    return Sheet(header_row, {n: get_column_letter(i + 1) for n, i in columns.items()}, out)


def _widths(rows: list[Sequence[str]]) -> list[float]:
    """Each column as wide as its longest cell (of the styled rows), within its limits."""
    sample = rows[:STYLED_ROWS]
    return [fit.column_width([name, *(r[i] for r in sample if i < len(r))], *WIDTHS[name])
            for i, name in enumerate(COLUMNS)]


def _title_row(sheet: Any, title: str, widths: list[float]) -> None:
    """The title centred across every column ("center across selection": a write-only sheet
    cannot merge cells, and this prints the same)."""
    across = Alignment(horizontal="centerContinuous", vertical="center")
    cells = []
    for col in range(len(COLUMNS)):
        cell = WriteOnlyCell(sheet, value=title if col == 0 else None)
        cell.font, cell.alignment = Font(name=FONT, size=TITLE_SIZE, bold=True), across
        cells.append(cell)
    sheet.row_dimensions[1].height = max(30, fit.row_height([(title, sum(widths))], TITLE_SIZE))
    sheet.append(cells)


def write_contacts(path: Path, rows: Iterable[Sequence[str]], *, sheet_title: str = "通讯录",
                   title: str = "", progress: Callable[[], None] = lambda: None) -> int:
    """Write ``rows`` (values in COLUMNS order) under the header row; how many were written.

    With ``title`` a merged title row goes above the header. Columns fit their longest cell
    within limits; a longer one (a long 职务) wraps within a row made tall enough. Printed
    like the filing sheet: A4 landscape, one page wide, title and header on every page,
    page numbers, borders.

    Streamed (openpyxl's write-only mode), so the whole book of 100,000 people takes seconds.
    Up to ``STYLED_ROWS`` rows every cell gets its border and text format, for printing;
    beyond that the values go plain (nobody prints such a list, and styling doubles the time).
    """
    rows = list(rows)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title)
    widths = _widths(rows)
    for col, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(col)].width = width
    head = 2 if title else 1
    sheet.freeze_panes = f"A{head + 1}"
    _page(sheet, head)
    sheet.auto_filter.ref = f"A{head}:{get_column_letter(len(COLUMNS))}{len(rows) + head}"
    if title:
        _title_row(sheet, title, widths)
    header = []
    for name in COLUMNS:
        cell = WriteOnlyCell(sheet, value=name)
        cell.font, cell.fill, cell.border = Font(name=FONT, bold=True), _HEADER_FILL, _BORDER
        cell.alignment = Alignment(horizontal="center")
        header.append(cell)
    sheet.append(header)
    styled = len(rows) <= STYLED_ROWS
    if styled:
        workbook.add_named_style(NamedStyle(name="contact_cell", font=Font(name=FONT, size=11),
                                            border=_BORDER, number_format="@",
                                            alignment=Alignment(vertical="center", wrap_text=True)))
    for number, values in enumerate(rows, start=head + 1):
        progress()  # one row; may raise Cancelled
        if styled:
            height = fit.row_height(zip(values, widths, strict=False))
            if height > fit.row_height([]):
                sheet.row_dimensions[number].height = height
            line = []
            for value in values:
                cell = text_cell(sheet, value or None)
                cell.style = "contact_cell"  # numbers stay text: leading zeros of area codes survive
                keep_as_text(cell)  # the style replaced the quote prefix
                line.append(cell)
            sheet.append(line)
        else:
            sheet.append([text_cell(sheet, value) if value else None for value in values])
    with atomic_write(path) as tmp:
        workbook.save(tmp)
    return len(rows)


def write_template(path: Path) -> None:
    """An empty workbook in the import layout, with a sheet explaining each column."""
    workbook = Workbook()
    sheet = first_sheet(workbook, "通讯录")
    _header(sheet)
    for row in range(2, 202):
        for col in range(1, len(COLUMNS) + 1):
            sheet.cell(row=row, column=col).number_format = "@"
    _page(sheet)
    notes = workbook.create_sheet("填写说明")
    lines = (
        ("列", "说明"),
        ("姓名", "必填。同一单位中已有同名人员时，导入会更新此人，不会重复添加。"),
        ("单位", "必填。系统中没有的单位会自动新建；重名单位请写出上级，如“东湖区/城关街道”。"),
        ("职务", "选填。"),
        ("手机、办公电话、值班电话、传真", "选填。一人有多个号码时用“、”分隔。号码按文本填写，保留区号前的 0。"),
        ("类别", "选填：领导、值班员、专家、队员，多个用“、”分隔。"),
        ("专长", "选填。填写后此人列入专家库，多个专长用“、”分隔。"),
        ("备注", "选填。"),
        ("其他", "列的顺序不限；空白单元格不会清除系统中已有的内容；文件有任何错误时不导入任何数据。"),
    )
    for r, (a, b) in enumerate(lines, start=1):
        notes.cell(row=r, column=1, value=a).font = Font(bold=r == 1)
        notes.cell(row=r, column=2, value=b).alignment = Alignment(wrap_text=True)
    notes.column_dimensions["A"].width = 28
    notes.column_dimensions["B"].width = 80
    with atomic_write(path) as tmp:
        workbook.save(tmp)


def _header(sheet: Worksheet) -> None:
    for col, name in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=col, value=name)
        cell.font = Font(name=FONT, bold=True)
        cell.fill = _HEADER_FILL
        cell.border = _BORDER
        cell.alignment = Alignment(horizontal="center")
        sheet.column_dimensions[get_column_letter(col)].width = _TEMPLATE_WIDTHS[name]
    sheet.freeze_panes = "A2"


def _page(sheet: Worksheet, head: int = 1) -> None:
    """Landscape A4, one page wide, the rows down to the header on every page, page numbers,
    the margins of the filing sheet.

    Also for write-only sheets, which carry the same print settings (openpyxl's stubs do not
    say so: ``create_sheet`` returns Any).
    """
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = Worksheet.PAPERSIZE_A4
    fit_to_page_width(sheet)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top, sheet.page_margins.bottom = 0.6, 0.7
    sheet.print_title_rows = f"1:{head}"
    page_numbers(sheet, size=10)
