"""The contact book workbook, written and read back by app.export.contacts_xlsx alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import InputError
from app.export import contacts_xlsx as cx
from app.export.contacts_xlsx import COLUMNS

ROWS = [
    ["张三", "江州市应急管理局", "局长", "13900001234", "0576-88001111", "", "0576-88001235",
     "领导", "", ""],
    ["李四", "城关镇", "", "13600005555、13600006666", "", "0576-86001234", "", "值班员、队员",
     "森林防火", "夜班"],
]


def _page_is_printable(ws, head: int = 1) -> None:  # type: ignore[no-untyped-def]
    setup = ws.page_setup
    assert setup.orientation == "landscape" and setup.paperSize == 9  # A4 in OOXML's codes
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert ws.sheet_properties.pageSetUpPr.fitToPage is True
    assert ws.print_title_rows == f"$1:${head}"  # title and header on every printed page
    assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页"
    assert ws.print_options.horizontalCentered is True  # as the filing sheet
    assert (ws.page_margins.left, ws.page_margins.top, ws.page_margins.bottom) == (0.5, 0.6, 0.7)


def test_the_book_is_written_under_a_styled_header_with_numbers_kept_as_text(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    assert cx.write_contacts(path, ROWS) == 2
    wb = load_workbook(path)
    assert wb.sheetnames == ["通讯录"]
    ws = wb["通讯录"]
    assert [c.value for c in ws[1]] == list(COLUMNS)
    for cell in ws[1]:
        assert cell.font.b and cell.font.name == "宋体"
        assert cell.fill.fgColor.rgb == "00DDEBF7" and cell.alignment.horizontal == "center"
        assert cell.border.left.style == cell.border.bottom.style == "thin"
    assert [c.value for c in ws[2]] == [v or None for v in ROWS[0]]  # empty cells stay empty
    assert ws["D3"].value == "13600005555、13600006666"
    for row in ws.iter_rows(min_row=2, max_row=3):
        for cell in row:  # text, so 0576 keeps its 0 when someone types into the sheet
            assert cell.number_format == "@" and cell.font.name == "宋体"
            assert cell.border.top.style == "thin"
    assert ws.max_row == 3
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:J3"
    # fitted: 姓名 at its least, 单位 as wide as 江州市应急管理局, 手机 as two mobiles
    widths = [ws.column_dimensions[c].width for c in "ABDJ"]
    assert widths == [8, 18.8, 28, 6.2]
    _page_is_printable(ws)


def test_a_title_row_above_the_header_and_long_titles_wrap_in_taller_rows(tmp_path: Path) -> None:
    long = [["欧阳修", "江州市应急管理局", "党委委员、副局长，市应急指挥中心主任（兼）、市减灾委员会办公室主任",
             "13900001234", "", "", "", "领导", "", ""]]
    path = tmp_path / "book.xlsx"
    assert cx.write_contacts(path, ROWS + long, title="江州市应急管理局通讯录") == 3
    ws = load_workbook(path)["通讯录"]
    assert ws["A1"].value == "江州市应急管理局通讯录" and ws["A1"].font.sz == 16
    assert all(ws.cell(1, c).alignment.horizontal == "centerContinuous" for c in range(1, 11))
    assert [c.value for c in ws[2]] == list(COLUMNS)
    assert ws.freeze_panes == "A3" and ws.auto_filter.ref == "A2:J5"
    assert ws.column_dimensions["C"].width == 24  # 职务 at its widest: the long one wraps
    assert ws["C5"].alignment.wrap_text and ws.row_dimensions[5].height >= 4 * 14.5
    assert ws.row_dimensions[3].height is None  # a one-line row keeps the default height
    _page_is_printable(ws, head=2)
    assert cx.read_contacts(path).header_row == 2  # the import still finds the header


def test_a_huge_book_goes_plain_beyond_the_styled_rows(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cx, "STYLED_ROWS", 1)
    path = tmp_path / "big.xlsx"
    assert cx.write_contacts(path, ROWS, sheet_title="全员") == 2
    ws = load_workbook(path)["全员"]
    assert ws["A3"].value == "李四" and ws["A3"].number_format == "General"
    assert ws["A1"].font.b  # the header keeps its style
    assert ws.auto_filter.ref == "A1:J3"


def test_the_template_has_the_columns_two_hundred_text_rows_and_a_notes_sheet(tmp_path: Path) -> None:
    path = tmp_path / "template.xlsx"
    cx.write_template(path)
    wb = load_workbook(path)
    assert wb.sheetnames == ["通讯录", "填写说明"]
    ws = wb["通讯录"]
    assert [c.value for c in ws[1]] == list(COLUMNS) and ws["A1"].font.b
    assert ws["A2"].number_format == ws["J201"].number_format == "@"
    assert ws["A202"].number_format == "General"
    assert ws.freeze_panes == "A2" and ws.column_dimensions["B"].width == 28
    _page_is_printable(ws)
    notes = wb["填写说明"]
    assert (notes["A1"].value, notes["B1"].value) == ("列", "说明") and notes["A1"].font.b
    explained = [notes.cell(r, 1).value for r in range(2, notes.max_row + 1)]
    assert explained[:3] == ["姓名", "单位", "职务"] and explained[-1] == "其他"
    assert "必填" in notes["B2"].value and notes["B2"].alignment.wrap_text
    assert notes.column_dimensions["B"].width == 80


def test_a_written_book_reads_back_with_rows_and_column_letters(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    cx.write_contacts(path, ROWS)
    sheet = cx.read_contacts(path)
    assert sheet.header_row == 1
    assert sheet.columns == {name: "ABCDEFGHIJ"[i] for i, name in enumerate(COLUMNS)}
    assert [r.row for r in sheet.rows] == [2, 3]
    assert [r.get(name) for r in sheet.rows for name in COLUMNS] == [*ROWS[0], *ROWS[1]]
    mobile = sheet.rows[1].cells["手机"]
    assert (mobile.row, mobile.column) == (3, "D")


def test_reading_finds_the_header_below_a_title_and_accepts_other_names(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["某某镇通讯录"])
    ws.append([])
    ws.append(["序号", "联系人", "工作单位", "手机号码*", "座机", "出生日期"])
    ws.append([1, "王五", "新桥镇", 13500001111.0, "0576-1", dt.date(1980, 5, 1)])
    ws.append([None, None, None, None, None, None])  # an empty row is skipped
    ws.append([2, " 赵六 ", "新桥镇", None, None, None])
    path = tmp_path / "other.xlsx"
    wb.save(path)
    sheet = cx.read_contacts(path)
    assert sheet.header_row == 3
    assert sheet.columns == {"姓名": "B", "单位": "C", "手机": "D", "办公电话": "E"}
    assert [r.row for r in sheet.rows] == [4, 6]
    first = sheet.rows[0]
    assert (first.get("姓名"), first.get("手机"), first.get("办公电话")) == ("王五", "13500001111", "0576-1")
    assert first.get("职务") == ""  # a column the file does not have
    assert sheet.rows[1].get("姓名") == "赵六"


def _problems(path: Path) -> list[tuple[str, dict[str, object]]]:
    with pytest.raises(InputError) as caught:
        cx.read_contacts(path)
    return [(p.code, p.values) for p in caught.value.problems]


def test_a_wrong_shape_is_refused_with_every_problem_named(tmp_path: Path) -> None:
    wb = Workbook()
    wb.active.append(["姓名", "手机", "电话", "手机号"])
    path = tmp_path / "bad.xlsx"
    wb.save(path)
    assert _problems(path) == [
        ("import.duplicate_column", {"row": 1, "col": "D", "column": "手机", "first": "B"}),
        ("import.missing_column", {"row": 1, "column": "单位"}),
    ]
    wb = Workbook()
    for _ in range(12):
        wb.active.append(["说明", "随便写点什么"])
    wb.save(path)
    assert _problems(path) == [("import.no_header", {"rows": 10})]
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    [(code, values)] = _problems(junk)
    assert code == "workbook.unreadable" and values["path"] == junk.name
