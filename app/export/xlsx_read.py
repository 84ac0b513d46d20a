"""Reading a workbook someone else made: values only, and nothing hostile gets through.

Every import of a workbook reads it here. The file is checked as a zip before openpyxl opens
it (a size limit on what it unpacks to, so a zip bomb is refused unread); openpyxl parses the
XML through defusedxml; cells are read as written, so a formula is seen as a formula and
refused naming its row and column (never evaluated, never its cached value); error values
and invisible control characters are refused the same way; a sheet beyond the row limit is
refused, whatever its dimension claims; anything else that goes wrong while reading the file
is the file's fault, said in one sentence (exit 2), never a traceback.
"""

from __future__ import annotations

import logging
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from app.domain.errors import InputError
from app.domain.messages import Problem

log = logging.getLogger(__name__)

MAX_UNPACKED = 256 * 1024 * 1024  # what the whole workbook may unpack to
MAX_MEMBERS = 10_000
MAX_COLUMNS = 64  # columns read (header names further right are not ours)
MAX_PROBLEMS = 50  # cells listed before "and N more"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class Row:
    """One row of values as Excel numbers it (``values[0]`` is column A)."""

    number: int
    values: tuple[Any, ...]


def read_rows(path: Path, *, max_rows: int, max_cols: int = MAX_COLUMNS) -> list[Row]:
    """The rows of the first sheet, as values; InputError naming what is wrong otherwise."""
    path = Path(path)
    _check_file(path)
    problems: list[Problem] = []
    rows: list[Row] = []
    try:
        workbook = load_workbook(path, read_only=True, data_only=False)
    except Exception as exc:  # any failure to open an outside file is the file's fault
        raise _unreadable(path, exc) from exc
    try:
        for row in _rows(workbook, path, max_rows, max_cols, problems):
            rows.append(row)
    finally:
        workbook.close()
    if problems:
        raise InputError(_limited(problems))
    return rows


def _check_file(path: Path) -> None:
    """Refuse a missing file, a folder, a non-zip and a zip that unpacks to too much."""
    if path.is_dir():
        raise InputError(Problem("workbook.is_dir", None, {"path": path}))
    if not path.exists():
        raise InputError(Problem("workbook.no_file", None, {"path": path}))
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except Exception as exc:  # BadZipFile, OSError, NotImplementedError (an unknown zip version)...
        raise _unreadable(path, exc) from exc
    # zipfile stops at each member's declared size (and checks its CRC), so the declared
    # sizes bound what openpyxl can unpack.
    if len(members) > MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED:
        raise InputError(Problem("workbook.too_big", None,
                                 {"path": path.name, "mb": MAX_UNPACKED // (1024 * 1024)}))


def _rows(workbook: Any, path: Path, max_rows: int, max_cols: int,
          problems: list[Problem]) -> Iterator[Row]:
    number = 0
    try:
        sheet = workbook.worksheets[0]
        declared = sheet.max_row  # from the sheet's own <dimension>, when it has one
        if declared is not None and declared > max_rows:
            raise _too_many(path, max_rows)
        sheet.reset_dimensions()  # a dimension may also claim fewer rows than there are
        for number, cells in enumerate(sheet.iter_rows(max_col=max_cols), start=1):
            if number > max_rows:
                raise _too_many(path, max_rows)
            yield Row(number, tuple(_value(cell, number, col, problems)
                                    for col, cell in enumerate(cells, start=1)))
    except InputError:
        raise
    except (OverflowError, ValueError) as exc:  # a date beyond Python's range, a bad number
        log.warning("workbook %s unreadable near row %s: %s", path, number + 1, exc)
        raise InputError(Problem("workbook.bad_value", None,
                                 {"path": path.name, "row": number + 1})) from exc
    except Exception as exc:  # malformed XML and the like: the file's fault, said plainly
        raise _unreadable(path, exc) from exc


def _value(cell: Any, row: int, col: int, problems: list[Problem]) -> Any:
    value = getattr(cell, "value", None)
    kind = getattr(cell, "data_type", None)
    where = {"row": row, "col": get_column_letter(col)}
    if kind == "f":
        problems.append(Problem("workbook.formula", None, where))
        return None
    if kind == "e":
        problems.append(Problem("workbook.error_value", None, {**where, "value": value}))
        return None
    if isinstance(value, str) and _CONTROL.search(value):
        problems.append(Problem("workbook.control_char", None, where))
        return None
    return value


def _limited(problems: list[Problem]) -> list[Problem]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    more = Problem("workbook.more_problems", None, {"count": len(problems) - MAX_PROBLEMS})
    return [*problems[:MAX_PROBLEMS], more]


def _too_many(path: Path, max_rows: int) -> InputError:
    return InputError(Problem("workbook.too_many_rows", None, {"path": path.name, "max": max_rows}))


def _unreadable(path: Path, exc: BaseException) -> InputError:
    log.warning("workbook %s unreadable: %s: %s", path, type(exc).__name__, exc)
    return InputError(Problem("workbook.unreadable", None, {"path": path.name}))
