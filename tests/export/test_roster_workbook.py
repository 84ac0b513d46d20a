"""The roster for filing (值班安排表), written and read back by app.export.roster_workbook alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import InputError
from app.export import roster_workbook as rw
from app.export.roster_workbook import DATE_FORMAT, FilingSheet
from tests.export.samples import national_day

D = dt.date


def test_the_header_follows_the_roles_in_use() -> None:
    assert rw.columns_for(set(), several_shifts=False) == [
        "日期", "星期", "带班领导", "领导职务", "领导手机", "值班员", "值班员手机", "值班电话", "备注"]
    assert rw.columns_for({"chief_leader", "standby", "supervisor"}, several_shifts=True) == [
        "日期", "星期", "班次", "总带班领导", "总带班领导手机", "带班领导", "领导职务", "领导手机",
        "值班长", "值班长手机", "值班员", "值班员手机", "备班", "备班手机", "值班电话", "备注"]


def test_title_filer_header_days_and_footer_in_their_places(tmp_path: Path) -> None:
    sheet = national_day()
    path = tmp_path / "值班安排表.xlsx"
    rw.write_filing(sheet, path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["值班安排表"]
    ws = wb.active
    assert ws.max_row == 7 and ws.max_column == 9  # title, filer, header, 3 days, footer
    # title: merged across the table, 宋体 16 bold, centered
    assert ws["A1"].value == sheet.title
    assert (ws["A1"].font.name, ws["A1"].font.sz, ws["A1"].font.b) == ("宋体", 16, True)
    assert ws["A1"].alignment.horizontal == "center" and ws.row_dimensions[1].height == 32
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:I1", "A7:I7", "B2:C2"]
    # filer: labels bold, values plain, the date a real date shown as 2026年9月25日
    assert [ws.cell(2, c).value for c in range(1, 9)] == [
        "填报单位", "江州市应急管理局", None, "填报人", "王建国", "联系电话", "0576-88001230", "填报日期"]
    assert ws["I2"].value == dt.datetime(2026, 9, 25) and ws["I2"].number_format == DATE_FORMAT
    assert [ws.cell(2, c).font.b for c in (1, 2, 4, 5, 6, 8)] == [True, False, True, False, True, True]
    # header: bold on a light blue fill
    assert [c.value for c in ws[3]] == sheet.columns
    for cell in ws[3]:
        assert cell.font.b and cell.fill.fgColor.rgb == "00D9E1F2" and cell.alignment.horizontal == "center"
    # days: dates are dates; names and numbers as given; the remark column reads from the left
    assert [ws.cell(r, 1).value for r in (4, 5, 6)] == [dt.datetime(2026, 10, d) for d in (1, 2, 3)]
    assert all(ws.cell(r, 1).number_format == DATE_FORMAT for r in (4, 5, 6))
    assert [c.value for c in ws[5]][1:] == sheet.rows[1][1:]
    assert ws["F4"].alignment.horizontal == "center" and ws["I4"].alignment.horizontal == "left"
    assert ws["I6"].value is None and ws.row_dimensions[4].height == 18.5  # one line each
    # footer
    assert ws["A7"].value == "值班电话：0576-88001234　　传真：0576-88001235"
    assert ws["A7"].alignment.horizontal == "left"
    # every cell of the table is bordered, merged ones included (their first cell carries it)
    for row in ws.iter_rows(min_row=1, max_row=7, max_col=9):
        for cell in row:
            assert cell.border.top.style == cell.border.bottom.style == "thin", cell.coordinate
    widths = {ws.cell(3, c).value: ws.column_dimensions[ws.cell(3, c).column_letter].width
              for c in range(1, 10)}
    # fitted to the longest cell within each column's limits: two officers' phones on one line
    assert widths == {"日期": 16, "星期": 8, "带班领导": 10.4, "领导职务": 10.4, "领导手机": 14,
                      "值班员": 16.7, "值班员手机": 28, "值班电话": 16, "备注": 18.8}


def test_it_prints_on_a4_landscape_one_page_wide_with_the_heading_on_every_page(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    rw.write_filing(national_day(), path)
    ws = load_workbook(path).active
    setup = ws.page_setup
    assert setup.paperSize == 9 and setup.orientation == "landscape"  # 9: A4 in OOXML's codes
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 1)  # three days: one page
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_options.horizontalCentered is True
    assert (ws.page_margins.left, ws.page_margins.right) == (0.5, 0.5)
    assert (ws.page_margins.top, ws.page_margins.bottom) == (0.6, 0.7)
    assert ws.print_title_rows == "$1:$3"
    assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页" and ws.oddFooter.center.size == 10
    assert ws.freeze_panes == "A4"


def test_a_wide_sheet_merges_the_filing_date_to_the_last_column_and_has_no_fax_line(tmp_path: Path) -> None:
    columns = rw.columns_for({"leader", "officer", "standby"}, several_shifts=True)
    row = [D(2026, 10, 1), "星期四", "白班", "张三", "局长", "139", "李四", "136", "赵六", "137",
           "0576-88001234", ""]
    sheet = FilingSheet("值班表", "某局", "王", "1", D(2026, 9, 25), columns, [row], "0576-88001234", "")
    path = tmp_path / "wide.xlsx"
    rw.write_filing(sheet, path)
    ws = load_workbook(path).active
    assert sorted(str(r) for r in ws.merged_cells.ranges) == ["A1:L1", "A5:L5", "B2:C2", "I2:L2"]
    assert ws["A5"].value == "值班电话：0576-88001234"
    assert ws.column_dimensions["C"].width == 8  # 班次
    assert ws.column_dimensions["I"].width == 10  # 备班: a column without limits of its own


def test_long_cells_wrap_within_taller_rows_and_a_month_fits_one_page(tmp_path: Path) -> None:
    """应急指挥中心副主任 used to be cut off in fixed 20 pt rows; December spilled onto page 2."""
    first = national_day().rows[0]
    rows = [[D(2026, 12, d), "星期一", "李明", "应急指挥中心副主任", "13900001234", "王五、赵六、钱七",
             "13600005555、13600006666、13600007777", "0576-88001234",
             "冬季森林防火紧要期；重要活动保障；元旦前后；寒潮大风预警期间加强值守" if d == 31 else None] for d in range(1, 32)]
    sheet = FilingSheet("值班表", "某局", "王", "1", D(2026, 11, 25), national_day().columns,
                        rows, "0576-88001234", "", notes=("注：2027 年节假日安排尚未录入。",))
    assert len(first) == len(rows[0])
    path = tmp_path / "december.xlsx"
    rw.write_filing(sheet, path)
    ws = load_workbook(path).active
    title_width = ws.column_dimensions["D"].width
    assert 20 <= title_width <= 21  # 领导职务 wide enough for the nine characters
    assert ws.row_dimensions[4].height >= 2 * 14.5  # three officers and phones: two lines
    assert ws.row_dimensions[34].height > ws.row_dimensions[4].height  # three lines in 备注
    assert all(ws.cell(r, 4).alignment.wrap_text for r in range(4, 35))
    assert (ws.page_setup.fitToWidth, ws.page_setup.fitToHeight) == (1, 1)  # 31 days: one page
    assert ws["A35"].value.endswith("\n注：2027 年节假日安排尚未录入。")  # under the table
    assert ws["I3"].comment.text == "注：2027 年节假日安排尚未录入。"  # and on the 备注 heading
    longer = FilingSheet("值班表", "某局", "王", "1", D(2026, 11, 25), national_day().columns,
                         [*rows, [D(2027, 1, 1), *rows[0][1:]]], "0576-88001234", "")
    rw.write_filing(longer, path)
    assert load_workbook(path).active.page_setup.fitToHeight == 0  # 32 days: as many pages as needed


def test_a_written_sheet_reads_back_by_header_name_with_row_and_column(tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    rw.write_filing(national_day(), path)
    read = rw.read_filing(path)
    assert read is not None and read.header_row == 3 and read.missing == []
    assert read.columns["日期"] == 0 and read.columns["备注"] == 8
    assert len(read.rows) == 3  # the footer row is not a day
    first = read.rows[0]
    assert first["日期"].value == dt.datetime(2026, 10, 1)
    assert (first["值班员"].value, first["值班员"].row, first["值班员"].column) == ("李四、王五", 4, "F")
    assert read.rows[2]["备注"].value is None


def test_reading_skips_what_is_not_a_day_and_names_missing_columns(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["某局值班表"])
    ws.append(["日期", "带班领导", "值班员"])  # no 备注
    ws.append([None, None, None])
    ws.append(["2026-10-01", "张三", "李四"])
    ws.append(["值班电话：0576-1", None, None])
    path = tmp_path / "hand.xlsx"
    wb.save(path)
    read = rw.read_filing(path)
    assert read is not None and read.header_row == 2 and read.missing == ["备注"]
    assert [r["日期"].value for r in read.rows] == ["2026-10-01"] and read.rows[0]["日期"].row == 4
    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.save(path)
    assert rw.read_filing(path) is None
    path.write_text("junk")
    with pytest.raises(InputError) as refused:
        rw.read_filing(path)
    assert [p.code for p in refused.value.problems] == ["workbook.unreadable"]


@pytest.mark.parametrize(("value", "expected"), [
    (dt.datetime(2026, 10, 1, 8, 30), D(2026, 10, 1)), (D(2026, 10, 1), D(2026, 10, 1)),
    ("2026-10-01", D(2026, 10, 1)), ("2026/10/1", D(2026, 10, 1)), ("2026年10月1日", D(2026, 10, 1)),
    (" 2026-10-01 ", D(2026, 10, 1)), ("10月1日", None), ("2026-13-01", None), (45000, None), (None, None),
])
def test_dates_are_read_from_cells_and_from_text(value: object, expected: dt.date | None) -> None:
    assert rw.parse_date(value) == expected


def test_several_names_and_remarks_in_one_cell() -> None:
    assert rw.split_names("李四、王五，赵六,钱七/孙八\n周九") == ["李四", "王五", "赵六", "钱七", "孙八", "周九"]
    assert rw.split_names(" 李四 、 ") == ["李四"] and rw.split_names(None) == []
    assert rw.split_remark("国庆节；敏感时期;换班") == ["国庆节", "敏感时期", "换班"]
    assert rw.split_remark(None) == []
