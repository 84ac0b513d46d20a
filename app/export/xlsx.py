"""Small helpers the workbook writers share: the first sheet and the print layout.

openpyxl types a few attributes as optional that a new workbook always has (the active sheet,
the sheet's page-setup properties, the odd-page footer); these helpers say so once, in types.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
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


def as_text_when_formula(sheet: _WorkbookChild, value: CellValue) -> object:
    """``value`` itself, or a text cell when it would be read as a formula (DESIGN.md: exported
    cells never hold formulas from user text). openpyxl takes a string starting with "=" as a
    formula; "+", "-" and "@" stay text already."""
    if isinstance(value, str) and value[:1] == "=":
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        return cell
    return value


def grid_borders(sheet: Worksheet, ref: str) -> None:
    """Thin borders on every cell of ``ref`` drawn by one always-true conditional format:
    what a per-cell border gives on screen and paper, without styling a million cells one by
    one (which triples the time of a streamed workbook)."""
    thin = Side(style="thin")
    sheet.conditional_formatting.add(
        ref, FormulaRule(formula=["TRUE"], border=Border(left=thin, right=thin, top=thin, bottom=thin)))
