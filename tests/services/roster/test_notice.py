"""Next year's holiday notice entered in one go: checked whole, the year known only then, and
the recurring duties it brings created at once."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from app.domain.enums import CalendarKind
from app.domain.errors import InputError
from app.models import CalendarDay, Deadline
from app.services.context import Context
from app.services.office import audit
from app.services.roster import calendar as roster_calendar
from app.services.roster import notice
from tests.services.roster.notice_2027 import HOLIDAYS_2027, NOTICE_2027, csv_text, rows

D = dt.date


def _days(ctx: Context) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(CalendarDay)) or 0


def test_a_year_is_known_only_once_its_whole_notice_is_in(office_ctx: Context) -> None:
    roster_calendar.set_day(office_ctx, D(2027, 1, 1), CalendarKind.HOLIDAY, "元旦")
    year = roster_calendar.calendar_year(office_ctx, 2027)
    assert (year.source, year.known, len(year.entries)) == ("table", False, 1)
    result = notice.enter_year(office_ctx, 2027, rows())
    assert [(y.year, y.holidays, y.makeups, y.replaced) for y in result.years] == [
        (2027, HOLIDAYS_2027, 4, 1)]
    year = roster_calendar.calendar_year(office_ctx, 2027)
    assert year.known and len(year.entries) == len(NOTICE_2027)
    assert year.entered is not None and year.entered.by == "王建国"
    assert roster_calendar.calendar_year(office_ctx, 2026).known  # the package's year
    assert not roster_calendar.calendar_year(office_ctx, 2028).known
    assert audit.verify(office_ctx).ok


def test_the_deadlines_the_notice_brings_appear_at_once(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(dt.datetime(2026, 12, 20, 2, 0, tzinfo=dt.UTC))
    result = notice.enter_year(office_ctx, 2027, rows())
    with office_ctx.db.read() as s:
        keys = set(s.scalars(select(Deadline.recurring_key).where(Deadline.id.in_(result.deadlines))))
    assert "filing:2027-01-01" in keys  # 元旦's roster, filed a week before
    assert {"daily:2027-01-01", "daily:2027-01-02", "daily:2027-01-03"} <= keys


def test_a_bad_notice_is_refused_by_row_and_column_and_nothing_is_written(
        office_ctx: Context) -> None:
    bad = [*NOTICE_2027[:3],
           ("2027-02-30", "节假日", "春节"),  # no such day
           ("2027-02-07", "放假了", "春节"),  # no such type
           ("2027-02-08", "节假日", ""),  # a holiday without its name
           ("2028-01-01", "节假日", "元旦"),  # another year
           ("2027-01-02", "调休上班", ""),  # a holiday in row 2
           ("2027-01-03", "节假日", "元旦"),  # row 3 again
           ("2027-03-03", "调休上班", "")]  # a Wednesday
    with pytest.raises(InputError) as caught:
        notice.enter_year(office_ctx, 2027, rows(bad))
    assert [p.message() for p in caught.value.problems] == [
        "第 4 行 A 列：“2027-02-30”不是日期（如 2027-10-01）。",
        "第 5 行 B 列：类型“放假了”应为“节假日”或“调休上班”。",
        "第 6 行 C 列：节假日须写明名称（如 春节）。",
        "第 7 行 A 列：2028-01-01 不在 2027 年。",
        "第 8 行 A 列：2027-01-02 在第 2 行已是节假日，不能又是调休上班日。",
        "第 9 行 A 列：2027-01-03 已在第 3 行出现。",
        "第 10 行 A 列：调休上班日 2027-03-03 不是周六或周日。",
    ]
    assert _days(office_ctx) == 0 and not roster_calendar.calendar_year(office_ctx, 2027).known


def test_a_csv_or_a_workbook_replaces_the_years_it_holds(office_ctx: Context, tmp_path: Path) -> None:
    gbk = tmp_path / "2027.csv"
    gbk.write_bytes(csv_text().encode("gb18030"))  # as Excel in China saves it
    result = notice.import_notice(office_ctx, gbk)
    assert [y.year for y in result.years] == [2027] and _days(office_ctx) == len(NOTICE_2027)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["2027年部分节假日安排"])  # a title row above the header
    sheet.append(["名称", "日期", "类型"])  # any order
    sheet.append(["元旦", dt.datetime(2027, 1, 1), "节假日"])  # a real date cell
    sheet.append(["春节", "2027/2/6", "法定节假日"])
    path = tmp_path / "2027.xlsx"
    book.save(path)
    result = notice.import_notice(office_ctx, path)
    assert [(y.year, y.holidays, y.replaced) for y in result.years] == [(2027, 2, len(NOTICE_2027))]
    assert [e.name for e in roster_calendar.calendar_year(office_ctx, 2027).entries] == ["元旦", "春节"]


def test_a_file_that_is_no_notice_is_refused(office_ctx: Context, tmp_path: Path) -> None:
    junk = tmp_path / "junk.xlsx"
    junk.write_text("no workbook")
    with pytest.raises(InputError) as caught:
        notice.import_notice(office_ctx, junk)
    assert caught.value.problems[0].message().startswith("无法读取 junk.xlsx")
    headless = tmp_path / "x.csv"
    headless.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        notice.import_notice(office_ctx, headless)
    assert caught.value.problems[0].code == "notice.no_header"
    no_name = tmp_path / "y.csv"
    no_name.write_text("日期,类型\n2027-01-01,节假日\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        notice.import_notice(office_ctx, no_name)
    assert caught.value.problems[0].message() == "第 1 行（表头）：缺少“名称”列。"
    stray = tmp_path / "z.csv"
    stray.write_text("日期,类型,名称\n2027-01-01,节假日,元旦\n2072-05-07,调休上班,\n",
                     encoding="utf-8")
    with pytest.raises(InputError) as caught:
        notice.import_notice(office_ctx, stray)
    assert [p.message() for p in caught.value.problems] == [
        "2072 年没有任何节假日：一年的安排至少有一个节假日。"]
    assert _days(office_ctx) == 0
