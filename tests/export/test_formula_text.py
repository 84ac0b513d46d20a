"""Every workbook writer keeps user text that starts with = + - @ as text, and writes text with
control characters a workbook cannot hold instead of failing (DESIGN.md "Documents")."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from openpyxl import load_workbook

from app.export import deadlines_xlsx, incidents_xlsx
from app.export import roster_workbook as rw
from tests.export.samples import national_day

LOOKS_LIKE_FORMULAS = ['=HYPERLINK("http://example.invalid","点此")', "+1", "-2", "@SUM(A1)"]


def _cells(path: Path) -> dict[object, object]:
    wb = load_workbook(path)
    return {c.value: c for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value is not None}


def _assert_text(path: Path, values: list[str]) -> None:
    cells = _cells(path)
    for value in values:
        cell = cells[value]
        assert cell.data_type == "s" and cell.quotePrefix, value  # type: ignore[attr-defined]


def test_the_roster_filing_sheet(tmp_path: Path) -> None:
    sheet = national_day()
    rows = [list(r) for r in sheet.rows]
    rows[0][-1], rows[1][-1], rows[2][2] = LOOKS_LIKE_FORMULAS[0], LOOKS_LIKE_FORMULAS[3], "=1+1"
    path = tmp_path / "r.xlsx"
    rw.write_filing(dataclasses.replace(sheet, rows=rows, unit="-局"), path)
    _assert_text(path, [LOOKS_LIKE_FORMULAS[0], LOOKS_LIKE_FORMULAS[3], "=1+1", "-局"])


def test_the_incident_register(tmp_path: Path) -> None:
    path = tmp_path / "i.xlsx"
    rows = [[f"2026-{i}", value, "张\x07三"] for i, value in enumerate(LOOKS_LIKE_FORMULAS)]
    incidents_xlsx.write(path, "=台账", rows)
    _assert_text(path, [*LOOKS_LIKE_FORMULAS, "=台账"])
    assert "张\ufffd三" in _cells(path)  # the bell could not be written; it shows it was there


def test_the_deadline_statistics(tmp_path: Path) -> None:
    path = tmp_path / "d.xlsx"
    problems = [deadlines_xlsx.ProblemRow(value, "首报", "2026-10-01 08:00", "", "迟报", "=原因")
                for value in LOOKS_LIKE_FORMULAS]
    deadlines_xlsx.write(path, "+局", [], problems)
    _assert_text(path, [*LOOKS_LIKE_FORMULAS, "=原因"])
