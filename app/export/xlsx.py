"""Small helpers the workbook writers share: the first sheet and the print layout.

openpyxl types a few attributes as optional that a new workbook always has (the active sheet,
the sheet's page-setup properties, the odd-page footer); these helpers say so once, in types.
"""

from __future__ import annotations

import datetime as dt

from openpyxl import Workbook
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
