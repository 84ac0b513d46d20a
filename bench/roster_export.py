"""A year's filing workbook: DutyDesk's export against bare openpyxl writing the same sheet.

    python bench/roster_export.py [--runs 7]

DutyDesk's run is the whole ``roster export`` path after the database is open: read the year's
roster, calendar and people, build the sheet, write the .xlsx. The bare run is openpyxl alone
writing the same cells, merges, styles and print settings from values already in memory.
Printed: medians and the ratio (goal <= 1.3x).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

from app.domain.clock import FixedClock
from app.domain.enums import DutyRole
from app.models import Person
from app.services.context import Actor, Context
from app.services.office import health, office
from app.services.roster import files as roster_files
from app.services.roster import generate as roster_generate
from app.services.roster import setup as roster_setup

YEAR = 2026


def bare(sheet, path: Path) -> None:  # type: ignore[no-untyped-def]
    """openpyxl by hand: the same cells and styles, nothing else."""
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    title_font, bold, font = Font(name="宋体", size=16, bold=True), Font(name="宋体", size=11, bold=True), Font(name="宋体", size=11)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    left = Alignment(horizontal="left", vertical="center", wrap_text=True)
    fill = PatternFill("solid", fgColor="D9E1F2")
    wb = Workbook()
    ws = wb.active
    n = len(sheet.columns)
    ws.append([sheet.title])
    ws["A1"].font, ws["A1"].alignment, ws["A1"].border = title_font, center, border
    ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=n)
    ws.append(["填报单位", sheet.unit, None, "填报人", sheet.filer, "联系电话", sheet.filer_phone,
               "填报日期", sheet.filed_on])
    for col in range(1, 10):
        c = ws.cell(2, col)
        c.font, c.alignment, c.border = (bold if col in (1, 4, 6, 8) else font), left, border
    ws.merge_cells("B2:C2")
    ws["I2"].number_format = 'yyyy"年"m"月"d"日"'
    ws.append(sheet.columns)
    for col in range(1, n + 1):
        c = ws.cell(3, col)
        c.font, c.alignment, c.fill, c.border = bold, center, fill, border
    for values in sheet.rows:
        ws.append(values)
        r = ws.max_row
        for col in range(1, n + 1):
            c = ws.cell(r, col)
            c.font, c.border, c.alignment = font, border, (left if col == n else center)
        ws.cell(r, 1).number_format = 'yyyy"年"m"月"d"日"'
        ws.row_dimensions[r].height = 20
    ws.append([f"值班电话：{sheet.duty_phone}　　传真：{sheet.fax}"])
    r = ws.max_row
    ws.cell(r, 1).font, ws.cell(r, 1).alignment, ws.cell(r, 1).border = font, left, border
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=n)
    for col, width in enumerate((16, 8, 10, 14, 14, 16, 26, 15, 22), start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    ws.page_setup.paperSize, ws.page_setup.orientation = 9, "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:3"
    ws.oddFooter.center.text = "第 &P 页 / 共 &N 页"
    ws.freeze_panes = "A4"
    wb.save(path)


def office_with_a_year(folder: Path) -> Context:
    clock = FixedClock(dt.datetime(YEAR, 1, 1, tzinfo=dt.UTC))
    opened = health.open_database(folder / "bench.db", clock)
    ctx = Context(opened.db, clock, Actor.command_line())
    admin = office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234",
                          fax="0576-88001235", admin_username="admin", admin_name="管理员",
                          admin_password="bench-pass-1")
    ctx = ctx.acting_as(admin)
    with ctx.db.write() as s:
        people = [Person(name=f"人员{i:02d}", title="副局长" if i < 8 else "值班员",
                         mobile=f"138{i:08d}") for i in range(30)]
        s.add_all(people)
        s.flush()
        ids = [p.id for p in people]
    for pid in ids[:8]:
        roster_setup.add_to_pool(ctx, DutyRole.LEADER, pid)
    for pid in ids[8:]:
        roster_setup.add_to_pool(ctx, DutyRole.OFFICER, pid)
    roster_generate.generate_roster(ctx, dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31))
    return ctx


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    start, end = dt.date(YEAR, 1, 1), dt.date(YEAR, 12, 31)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ctx = office_with_a_year(folder)
        sheet = roster_files.filing_sheet(ctx, start, end)
        ours, theirs = [], []
        for i in range(runs + 1):
            t = time.perf_counter()
            roster_files.export_workbook(ctx, start, end, folder / f"ours{i}.xlsx")
            ours.append(time.perf_counter() - t)
            t = time.perf_counter()
            bare(sheet, folder / f"bare{i}.xlsx")
            theirs.append(time.perf_counter() - t)
        ctx.db.dispose()
    o, b = statistics.median(ours[1:]), statistics.median(theirs[1:])
    print(f"a year ({len(sheet.rows)} rows, {len(sheet.columns)} columns)")
    print(f"bare openpyxl          median {b * 1000:7.0f} ms")
    print(f"dutydesk roster export median {o * 1000:7.0f} ms  (database read included)")
    print(f"ratio                  {o / b:.2f}x   (goal <= 1.3x, {runs} runs each)")


if __name__ == "__main__":
    main()
