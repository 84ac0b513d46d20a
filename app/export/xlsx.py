"""Small helpers the workbook writers share: the first sheet and the print layout.

openpyxl types a few attributes as optional that a new workbook always has (the active sheet,
the sheet's page-setup properties, the odd-page footer); these helpers say so once, in types.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import FormulaRule
from openpyxl.styles import Border, Side
from openpyxl.workbook.child import _WorkbookChild
from openpyxl.worksheet.header_footer import HeaderFooterItem
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

# What a cell may hold in the documents we write.
CellValue = str | int | float | dt.datetime | None

PAGE_NUMBERS = "第 &P 页 / 共 &N 页"


def first_sheet(workbook: Workbook, title: str) -> Worksheet:
    """The worksheet a new workbook starts with, named ``title``."""
    sheet = workbook.active
    if not isinstance(sheet, Worksheet):  # a new workbook always starts with one worksheet
        raise TypeError(f"the workbook starts with {type(sheet).__name__}, not a worksheet")
    sheet.title = title
    return sheet


def fit_to_page_width(sheet: Worksheet) -> None:
    """Print one page wide, as many pages tall as the rows need."""
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    properties = sheet.sheet_properties.pageSetUpPr
    if properties is None:
        sheet.sheet_properties.pageSetUpPr = properties = PageSetupProperties()
    properties.fitToPage = True


def page_numbers(sheet: Worksheet, size: int | None = None) -> None:
    """"第 N 页 / 共 M 页" in the middle of the page footer."""
    footer = sheet.oddFooter
    if footer is None:
        sheet.oddFooter = footer = HeaderFooterItem()
    footer.center.text = PAGE_NUMBERS
    if size is not None:
        footer.center.size = size


# A cell whose text starts with one of these is a formula to a spreadsheet (DESIGN.md
# "Documents": exported cells never hold formulas from user text).
FORMULA_STARTS = ("=", "+", "-", "@")


def clean(value: Any) -> Any:
    """Text without the control characters a workbook cannot hold (each becomes U+FFFD, so
    the reader sees that something was there); any other value as it is."""
    if isinstance(value, str) and ILLEGAL_CHARACTERS_RE.search(value):
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)
    return value


def keep_as_text(cell: Any) -> Any:
    """Write user text that starts with =, +, -, @ as text: a string cell, with the quote
    prefix Excel itself sets for '=…, so editing the cell does not turn it into a formula."""
    if isinstance(cell.value, str) and cell.value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def text_cell(sheet: Any, value: Any) -> Any:
    """A write-only sheet's cell holding ``value`` safely (see clean and keep_as_text)."""
    return keep_as_text(WriteOnlyCell(sheet, value=clean(value)))


def append_safely(sheet: Worksheet, values: Iterable[Any]) -> int:
    """Append one row of values to a worksheet, user text kept as text; the row's number."""
    sheet.append([clean(v) for v in values])
    row = sheet.max_row
    for cell in sheet[row]:
        keep_as_text(cell)
    return row


def safe_value(sheet: _WorkbookChild, value: CellValue) -> object:
    """``value`` itself, or a text cell (see text_cell) when it is text a spreadsheet would read
    as a formula or that holds control characters: the fast path for a streamed sheet, which
    makes a cell object only where one is needed."""
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS)
                                   or ILLEGAL_CHARACTERS_RE.search(value)):
        return text_cell(sheet, value)
    return value


def grid_borders(sheet: Worksheet, ref: str) -> None:
    """Thin borders on every cell of ``ref`` drawn by one always-true conditional format:
    what a per-cell border gives on screen and paper, without styling a million cells one by
    one (which triples the time of a streamed workbook)."""
    thin = Side(style="thin")
    sheet.conditional_formatting.add(
        ref, FormulaRule(formula=["TRUE"], border=Border(left=thin, right=thin, top=thin, bottom=thin)))
