"""Formula injection, round trip: user text that looks like a formula stays text.

A contact named ``=HYPERLINK("http://…","点此核对")`` (typed in a form, or arriving as a text
cell) is exported as text, with the quote prefix a spreadsheet gives '=…; a spreadsheet
program shows the text, not a link; importing the export again changes nothing; a workbook
whose name cell is a real formula is refused naming its row and column.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.contacts import ContactLabel
from app.services.contacts import book
from app.services.context import Context
from tests.services.office.test_health import cli

HOSTILE = '=HYPERLINK("http://example.invalid/steal","点此核对")'
OTHERS = ["+86 138 0000 1111", "-请勿拨打", "@领导"]


def _add(ctx: Context, name: str, notes: str = "") -> None:
    unit = book.save_unit(ctx, None, book.UnitInput(name="城关镇", parent_id=None)) \
        if not book.list_units(ctx) else book.list_units(ctx)[0]
    book.save_person(ctx, None, book.PersonInput(
        name=name, organization_id=unit.id, title="干部", notes=notes,
        phones=[(ContactLabel.MOBILE, "13900001111")]))


def test_exported_formulas_are_text_and_come_back_unchanged(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    _add(office_ctx, HOSTILE, notes="=1+1")
    for name in OTHERS:
        _add(office_ctx, name)
    out = tmp_path / "contacts.xlsx"
    code, _, err = cli("--db", str(db_path), "contacts", "export", "-o", str(out))
    assert code == 0, err

    sheet = load_workbook(out).active
    cells = {c.value: c for row in sheet.iter_rows(min_row=2) for c in row if c.value}
    for text in (HOSTILE, "=1+1", *OTHERS):
        assert cells[text].data_type == "s", text  # a string, never a formula
        assert cells[text].quotePrefix, text  # editing it in Excel keeps it text

    code, out_text, err = cli("--db", str(db_path), "contacts", "import", str(out))
    assert code == 0, err
    assert "新增 0" in out_text or "added 0" in out_text, out_text
    names = {p.name for p in book.list_people(office_ctx, limit=100)}
    assert {HOSTILE, *OTHERS} <= names


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_a_spreadsheet_program_shows_the_text_not_a_link(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    _add(office_ctx, HOSTILE)
    out = tmp_path / "contacts.xlsx"
    assert cli("--db", str(db_path), "contacts", "export", "-o", str(out))[0] == 0
    done = subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo",
                           "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir",
                           str(tmp_path), str(out)], capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    with (tmp_path / "contacts.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    shown = [row[0] for row in rows[1:]]
    assert HOSTILE in shown  # what the cell holds, as text: not the formula's result
    assert "点此核对" not in [cell for row in rows for cell in row]


def test_a_real_formula_in_an_imported_workbook_is_refused_by_row_and_column(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["姓名", "单位", "手机"])
    ws.append(["张三", "城关镇", "13900001111"])
    ws.append([HOSTILE, "城关镇", "13900002222"])  # openpyxl writes this one as a formula
    path = tmp_path / "book.xlsx"
    wb.save(path)
    code, out, err = cli("--db", str(db_path), "contacts", "import", str(path))
    assert (code, out) == (2, "") and err.strip() == "第 3 行 A 列是公式，请改为填写数值或文字后再导入。"
    assert [p.name for p in book.list_people(office_ctx, limit=10)] == ["王建国"]  # 张三 neither
