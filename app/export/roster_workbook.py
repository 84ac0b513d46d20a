"""The roster for filing (值班安排表) as an Excel workbook, written and read back.

Plain data in, plain data out: the services resolve people and dates. The layout is DESIGN.md's
"Roster for filing": a merged title row, the filer's row, one header row of unique names, one row
per day (per shift where a day has several), a footer row with the duty phone and fax; A4,
one page wide, header rows repeated, "第 N 页 / 共 M 页" in the page footer, borders everywhere.
Columns fit their longest cell within limits and every row is as tall as its longest wrapped
cell (app.export.fit), so nothing is cut on paper; a month (31 days at most) prints on one page.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from app.export import fit, xlsx_read
from app.export.files import atomic_write
from app.export.xlsx import append_safely, first_sheet, fit_to_page_width, page_numbers

DATE = "日期"
WEEKDAY = "星期"
SHIFT = "班次"
LEADER_TITLE = "领导职务"
DUTY_PHONE = "值班电话"
REMARK = "备注"
JOIN = "、"
REMARK_JOIN = "；"
TITLE_ROWS = 3  # title, filer, header
DATE_FORMAT = 'yyyy"年"m"月"d"日"'
SHEET_TITLE = "值班安排表"

# (role identifier, name column, phone column); the order of the columns in the sheet
ROLE_COLUMNS = (
    ("chief_leader", "总带班领导", "总带班领导手机"),
    ("leader", "带班领导", "领导手机"),
    ("supervisor", "值班长", "值班长手机"),
    ("officer", "值班员", "值班员手机"),
    ("standby", "备班", "备班手机"),
)
# (least, most) width of a column; a longer cell wraps within a taller row
WIDTHS = {DATE: (16, 16), WEEKDAY: (8, 8), SHIFT: (8, 12), LEADER_TITLE: (10, 21),
          DUTY_PHONE: (14, 16), REMARK: (18, 30), "带班领导": (10, 12), "领导手机": (14, 14),
          "值班员": (10, 17), "值班员手机": (14, 28)}
OTHER_WIDTH = (10, 16)
ONE_PAGE_DAYS = 31  # a month prints on one page; a longer range on as many as it needs
TITLE_SIZE = 16
REQUIRED = (DATE, "带班领导", "值班员", REMARK)


def columns_for(roles: set[str], several_shifts: bool) -> list[str]:
    """The header of a sheet for the roles in use (leader and officer always)."""
    cols = [DATE, WEEKDAY] + ([SHIFT] if several_shifts else [])
    for role, name_col, phone_col in ROLE_COLUMNS:
        if role in roles or role in ("leader", "officer"):
            cols.append(name_col)
            if role == "leader":
                cols.append(LEADER_TITLE)
            cols.append(phone_col)
    return [*cols, DUTY_PHONE, REMARK]


@dataclass(frozen=True)
class FilingSheet:
    """Everything the sheet shows, already in words (Simplified Chinese)."""

    title: str
    unit: str
    filer: str
    filer_phone: str
    filed_on: dt.date
    columns: list[str]
    rows: list[list[Any]]  # one value per column; the 日期 column holds a date
    duty_phone: str
    fax: str
    notes: tuple[str, ...] = ()  # said under the table and on the 备注 heading (unknown years)


class _Styles:
    """One object per style, shared by every cell (openpyxl then writes each style once)."""

    def __init__(self) -> None:
        thin = Side(style="thin", color="000000")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.title_font = Font(name="宋体", size=TITLE_SIZE, bold=True)
        self.bold = Font(name="宋体", size=11, bold=True)
        self.font = Font(name="宋体", size=11)
        self.center = Alignment(horizontal="center", vertical="center", wrap_text=True)
        self.left = Alignment(horizontal="left", vertical="center", wrap_text=True)
        self.header_fill = PatternFill("solid", fgColor="D9E1F2")


def write_filing(sheet: FilingSheet, path: Path) -> None:
    """Write ``sheet`` to ``path`` (.xlsx)."""
    wb = Workbook()
    ws = first_sheet(wb, SHEET_TITLE)
    fill_sheet(ws, sheet)
    with atomic_write(path) as tmp:
        wb.save(tmp)


def _widths(sheet: FilingSheet) -> list[float]:
    out = []
    for i, name in enumerate(sheet.columns):
        least, most = WIDTHS.get(name, OTHER_WIDTH)
        out.append(fit.column_width([name, *(row[i] for row in sheet.rows)], least, most))
    return out


def _filer_row(ws: Worksheet, sheet: FilingSheet, st: _Styles, widths: list[float]) -> None:
    n, last = len(sheet.columns), get_column_letter(len(sheet.columns))
    info: list[Any] = ["填报单位", sheet.unit, None, "填报人", sheet.filer, "联系电话",
                       sheet.filer_phone, "填报日期", sheet.filed_on]
    append_safely(ws, info + [None] * (n - len(info)))
    for col, value in enumerate(info, start=1):
        c = ws.cell(2, col)
        c.font = st.bold if value in ("填报单位", "填报人", "联系电话", "填报日期") else st.font
        c.alignment, c.border = st.left, st.border
    ws.merge_cells("B2:C2")
    if n > 9:
        ws.merge_cells(f"I2:{last}2")
    ws["I2"].number_format = DATE_FORMAT
    spans = [(v, w) for v, w in zip(info, widths, strict=False)]
    spans[1] = (sheet.unit, sum(widths[1:3]))
    ws.row_dimensions[2].height = fit.row_height(spans, least=22)


def _footer_row(ws: Worksheet, sheet: FilingSheet, st: _Styles, width: float) -> None:
    footer = f"值班电话：{sheet.duty_phone}" + (f"　　传真：{sheet.fax}" if sheet.fax else "")
    footer = "\n".join([footer, *sheet.notes])
    r = append_safely(ws, [footer])
    cell = ws.cell(r, 1)
    cell.font, cell.alignment, cell.border = st.font, st.left, st.border
    ws.merge_cells(f"A{r}:{get_column_letter(len(sheet.columns))}{r}")
    ws.row_dimensions[r].height = fit.row_height([(footer, width)], least=22)


def fill_sheet(ws: Worksheet, sheet: FilingSheet) -> None:
    st = _Styles()
    n = len(sheet.columns)
    last = get_column_letter(n)
    widths = _widths(sheet)
    # title
    # a merged range takes its outline from the first cell's border when merged (openpyxl)
    append_safely(ws, [sheet.title])
    cell = ws["A1"]
    cell.font, cell.alignment, cell.border = st.title_font, st.center, st.border
    ws.merge_cells(f"A1:{last}1")
    ws.row_dimensions[1].height = max(32, fit.row_height([(sheet.title, sum(widths))], TITLE_SIZE))
    # filer: label, value pairs; the date is a real date
    _filer_row(ws, sheet, st, widths)
    # header
    append_safely(ws, sheet.columns)
    for col in range(1, n + 1):
        c = ws.cell(3, col)
        c.font, c.alignment, c.fill, c.border = st.bold, st.center, st.header_fill, st.border
    ws.row_dimensions[3].height = fit.row_height(zip(sheet.columns, widths, strict=True), least=20)
    if sheet.notes:
        remark = ws.cell(3, sheet.columns.index(REMARK) + 1)
        remark.comment = Comment("\n".join(sheet.notes), "DutyDesk", width=300, height=80)
    date_col = sheet.columns.index(DATE) + 1
    wide = {sheet.columns.index(REMARK) + 1}
    for values in sheet.rows:
        r = append_safely(ws, values)
        for col in range(1, n + 1):
            c = ws.cell(r, col)
            c.font, c.border = st.font, st.border
            c.alignment = st.left if col in wide else st.center
        ws.cell(r, date_col).number_format = DATE_FORMAT
        ws.row_dimensions[r].height = fit.row_height(zip(values, widths, strict=False))
    _footer_row(ws, sheet, st, sum(widths))
    for col, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    days = {row[date_col - 1] for row in sheet.rows}
    _page_setup(ws, one_page=len(days) <= ONE_PAGE_DAYS)


def _page_setup(ws: Worksheet, *, one_page: bool) -> None:
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = ws.ORIENTATION_LANDSCAPE
    fit_to_page_width(ws)
    if one_page:
        ws.page_setup.fitToHeight = 1
    ws.print_options.horizontalCentered = True
    ws.page_margins.left = ws.page_margins.right = 0.5
    ws.page_margins.top, ws.page_margins.bottom = 0.6, 0.7
    ws.print_title_rows = f"1:{TITLE_ROWS}"
    page_numbers(ws, size=10)
    ws.freeze_panes = f"A{TITLE_ROWS + 1}"


# --- reading back -------------------------------------------------------------------------
@dataclass(frozen=True)
class CellRef:
    """A cell's value and where it is, as Excel numbers them (row 5, column "G")."""

    value: Any
    row: int
    column: str


@dataclass
class ReadSheet:
    """The rows of a filing sheet by header name; ``missing`` lists required columns not found."""

    header_row: int
    columns: dict[str, int]
    rows: list[dict[str, CellRef]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


MAX_ROWS = 20_000  # a filing sheet holds a few years of days (and shifts) at most
HEADER_SEARCH_ROWS = 30


def _names(values: tuple[Any, ...]) -> list[str]:
    return [str(v).strip() if v is not None else "" for v in values]


def _is_header(names: list[str]) -> bool:
    return DATE in names and any(n in names for n in ("带班领导", "值班员"))


def _is_data(values: tuple[Any, ...]) -> bool:
    """Not empty and not the footer row (its first cell starts with 值班电话)."""
    if all(v is None or str(v).strip() == "" for v in values):
        return False
    first = values[0] if values else None
    return not (isinstance(first, str) and first.strip().startswith(DUTY_PHONE))


def read_filing(path: Path, required: tuple[str, ...] = REQUIRED) -> ReadSheet | None:
    """The data rows of a filing sheet; None when no header row is found.

    Title and filer rows (above the header), empty rows and the footer row are skipped. The
    file is read through xlsx_read: values only, a formula or a hostile file is an InputError.
    """
    rows = xlsx_read.read_rows(path, max_rows=MAX_ROWS)
    header = next((r for r in rows[:HEADER_SEARCH_ROWS] if _is_header(_names(r.values))), None)
    if header is None:
        return None
    columns = {name: i for i, name in enumerate(_names(header.values)) if name}
    out = ReadSheet(header.number, columns, missing=[c for c in required if c not in columns])
    for row in rows[header.number:]:
        if _is_data(row.values):
            out.rows.append({name: CellRef(row.values[i] if i < len(row.values) else None,
                                           row.number, get_column_letter(i + 1))
                             for name, i in columns.items()})
    return out


def split_names(value: Any) -> list[str]:
    """Several people in one cell, joined by "、" (also accepted: "，", ",", "/")."""
    if value is None:
        return []
    text = str(value)
    for sep in ("，", ",", "/", "\n"):
        text = text.replace(sep, JOIN)
    return [part.strip() for part in text.split(JOIN) if part.strip()]


def split_remark(value: Any) -> list[str]:
    if value is None:
        return []
    text = str(value).replace(";", REMARK_JOIN)
    return [part.strip() for part in text.split(REMARK_JOIN) if part.strip()]


def parse_date(value: Any) -> dt.date | None:
    """A date cell (a real date, or text such as 2026-10-01, 2026/10/1, 2026年10月1日).

    A plain number is no date; one in a cell formatted as a date arrives as a date (12345.6
    → 1933-10-18), which the import refuses as out of range."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        return None
    text = value.strip().replace("年", "-").replace("月", "-").replace("日", "").replace("/", "-")
    try:
        y, m, d = (int(p) for p in text.split("-"))
        return dt.date(y, m, d)
    except (ValueError, TypeError):
        return None
