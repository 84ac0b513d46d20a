"""A year's holiday notice as a file: .xlsx or .csv with the columns 日期, 类型, 名称 (any order,
found by name in a header row near the top). Reading gives raw cells with their row and column
as Excel numbers them; the checks are the domain's (app.domain.calendar_notice).

A notice is about forty rows: a file much larger than that, or with thousands of rows, is not
one, and is refused before it is read through.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from pathlib import Path

from openpyxl.utils import get_column_letter

from app.domain.calendar_notice import (
    COLUMNS,
    DATE_COLUMN,
    KIND_COLUMN,
    NAME_COLUMN,
    RawCell,
    RawRow,
)
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.export import xlsx_read

MAX_BYTES = 2_000_000
MAX_ROWS = 2_000
HEADER_SEARCH_ROWS = 10
ENCODINGS = ("utf-8-sig", "gb18030")  # Excel in China saves CSV as GBK


def _rows_of_csv(path: Path) -> list[tuple[object, ...]]:
    data = path.read_bytes()
    for encoding in ENCODINGS:
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise InputError(Problem("notice.not_text", None, {"path": path.name}))
    rows: list[tuple[object, ...]] = []
    for values in csv.reader(io.StringIO(text)):
        rows.append(tuple(values))
        if len(rows) > MAX_ROWS:
            raise InputError(Problem("notice.too_long", None, {"max": MAX_ROWS}))
    return rows


def _rows_of_xlsx(path: Path) -> list[tuple[object, ...]]:
    """Values only, through the reader every import uses (formulas refused, size limited)."""
    return [row.values for row in xlsx_read.read_rows(path, max_rows=MAX_ROWS)]


def _header(rows: Sequence[tuple[object, ...]]) -> tuple[int, dict[str, int]]:
    for index, values in enumerate(rows[:HEADER_SEARCH_ROWS]):
        names = ["".join(str(v).split()) if v is not None else "" for v in values]
        if DATE_COLUMN in names and KIND_COLUMN in names:
            return index, {n: i for i, n in reversed(list(enumerate(names))) if n in COLUMNS}
    raise InputError(Problem("notice.no_header", None, {"rows": HEADER_SEARCH_ROWS}))


def read_notice(path: Path) -> list[RawRow]:
    """The data rows of a notice file (blank rows skipped); InputError when it is not one."""
    path = Path(path)
    if path.is_dir():
        raise InputError(Problem("workbook.is_dir", None, {"path": path}))
    if not path.is_file():
        raise InputError(Problem("workbook.no_file", None, {"path": path}))
    if path.stat().st_size > MAX_BYTES:
        raise InputError(Problem("notice.too_big", None, {"path": path.name}))
    rows = _rows_of_csv(path) if path.suffix.lower() == ".csv" else _rows_of_xlsx(path)
    index, columns = _header(rows)
    missing = [c for c in COLUMNS if c not in columns]
    if missing:
        raise InputError([Problem("notice.missing_column", None, {"row": index + 1, "column": c})
                          for c in missing])
    out: list[RawRow] = []
    for number, values in enumerate(rows[index + 1:], start=index + 2):
        if all(v is None or str(v).strip() == "" for v in values):
            continue

        def cell(name: str, values: tuple[object, ...] = values, number: int = number) -> RawCell:
            i = columns[name]
            return RawCell(values[i] if i < len(values) else None, number, get_column_letter(i + 1))

        out.append(RawRow(number, cell(DATE_COLUMN), cell(KIND_COLUMN), cell(NAME_COLUMN)))
    return out
