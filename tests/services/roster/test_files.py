"""The filing workbook: layout, holidays in 备注, round trip, refusals; iCalendar files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.cell.cell import MergedCell
from sqlalchemy import func, select

from app.domain.enums import DutyRole
from app.domain.errors import InputError, NotFound
from app.models import AuditEvent, Person, RosterAssignment
from app.services.context import Context
from app.services.roster import calendar as roster_calendar
from app.services.roster import files as roster_files
from app.services.roster import generate as roster_generate
from app.services.roster import schedule as roster
from app.services.roster import setup as roster_setup
from tests.services.roster.fixtures import staff_office

D = dt.date
HEADER = ["日期", "星期", "带班领导", "领导职务", "领导手机", "值班员", "值班员手机", "值班电话", "备注"]


@pytest.fixture
def staffed(office_ctx: Context) -> dict[str, int]:
    return staff_office(office_ctx)


def cells(path: Path) -> list[list[object]]:
    return [[c.value for c in row] for row in load_workbook(path).active.iter_rows()]


def held(ctx: Context) -> list[tuple]:
    with ctx.db.read() as s:
        return s.execute(select(RosterAssignment.date, RosterAssignment.shift_id,
                                RosterAssignment.role, RosterAssignment.position,
                                RosterAssignment.person_id, RosterAssignment.note)
                         .order_by(RosterAssignment.date, RosterAssignment.role,
                                   RosterAssignment.position)).all()


def audit_count(ctx: Context) -> int:
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(AuditEvent))


def test_the_sheet_follows_the_filing_layout_and_names_the_holidays(
        office_ctx: Context, staffed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster_generate.generate_roster(office_ctx, D(2026, 9, 18), D(2026, 10, 12))
    path = tmp_path / "roster.xlsx"
    assert roster_files.export_workbook(office_ctx, D(2026, 9, 18), D(2026, 10, 12), path) == 25
    wb = load_workbook(path)
    ws = wb.active
    assert ws["A1"].value == "江州市应急管理局2026年9月18日至10月12日值班安排表"
    assert "A1:I1" in {str(r) for r in ws.merged_cells.ranges}
    assert [ws.cell(2, c).value for c in (1, 2, 4, 6, 7, 8)] == [
        "填报单位", "江州市应急管理局", "填报人", "联系电话", "0576-88001234", "填报日期"]
    assert ws["I2"].value == dt.datetime(2026, 11, 28)  # the clock's today, a real date
    assert [c.value for c in ws[3]] == HEADER
    rows = {r[0].value.date(): r for r in ws.iter_rows(min_row=4, max_row=28)}
    remark = {day: r[8].value for day, r in rows.items()}
    assert remark[D(2026, 9, 20)] == remark[D(2026, 10, 10)] == "调休上班"
    assert all(remark[D(2026, 9, d)] == "中秋节" for d in (25, 26, 27))
    assert all(remark[D(2026, 10, d)] == "国庆节" for d in range(1, 8))
    assert remark[D(2026, 9, 21)] is None and remark[D(2026, 10, 8)] is None
    first = rows[D(2026, 9, 18)]
    assert first[0].number_format == 'yyyy"年"m"月"d"日"' and first[1].value == "星期五"
    assert rows[D(2026, 9, 20)][1].value == "星期日"
    assert first[7].value == "0576-88001234"
    officers, phones = first[5].value.split("、"), first[6].value.split("、")
    with office_ctx.db.read() as s:
        assert [s.scalar(select(Person.mobile).where(Person.name == n)) for n in officers] == phones
    assert ws["A29"].value == "值班电话：0576-88001234　　传真：0576-88001235"
    for row in ws.iter_rows(min_row=1, max_row=29, max_col=9):  # borders on every cell
        for c in row:
            sides = (c.border.top, c.border.bottom) + (() if isinstance(c, MergedCell)
                                                       else (c.border.left, c.border.right))
            assert all(side.style == "thin" for side in sides), c.coordinate
    assert ws["I1"].border.right.style == "thin"
    assert int(ws.page_setup.paperSize) == 9 and ws.page_setup.fitToWidth == 1  # A4
    assert ws.page_setup.fitToHeight == 1 and ws.sheet_properties.pageSetUpPr.fitToPage  # 25 days: one page
    assert ws.print_title_rows == "$1:$3"
    assert ws.oddFooter.center.text == "第 &P 页 / 共 &N 页"


def test_a_year_without_a_schedule_names_no_holiday_and_periods_are_named(
        office_ctx: Context, staffed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster_calendar.save_period(office_ctx, period_id=None, name="春运", starts_on=D(2027, 1, 20),
                                ends_on=D(2027, 2, 28), leader_tier=2)
    roster_generate.generate_roster(office_ctx, D(2027, 1, 1), D(2027, 1, 31))
    path = tmp_path / "jan.xlsx"
    roster_files.export_workbook(office_ctx, D(2027, 1, 1), D(2027, 1, 31), path, title="一月")
    sheet = cells(path)
    assert sheet[0][0] == "一月"
    remarks = [r[8] for r in sheet[3:-1]]
    assert remarks == [None] * 19 + ["春运"] * 12  # 1 January is not guessed to be 元旦


def test_export_import_export_gives_the_same_cells(office_ctx: Context, staffed,
                                                  tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster_calendar.save_period(office_ctx, period_id=None, name="国庆安保", starts_on=D(2026, 9, 30),
                                ends_on=D(2026, 10, 2), leader_tier=2)
    roster_generate.generate_roster(office_ctx, D(2026, 9, 28), D(2026, 10, 9))
    roster.set_place(office_ctx, day=D(2026, 10, 1), shift_id=1, role=DutyRole.OFFICER,
                     position=1, person_id=staffed["蒋春梅"], note="与冯建军调班")
    first, second = tmp_path / "first.xlsx", tmp_path / "second.xlsx"
    roster_files.export_workbook(office_ctx, D(2026, 9, 28), D(2026, 10, 9), first)
    assert cells(first)[6][8] == "国庆节；国庆安保；与冯建军调班"
    before = held(office_ctx)
    result = roster_files.import_workbook(office_ctx, first)
    assert (result.dates, result.people, result.replaced, result.written) == (12, 36, 36, True)
    roster_files.export_workbook(office_ctx, D(2026, 9, 28), D(2026, 10, 9), second)
    assert cells(second) == cells(first)
    after = held(office_ctx)
    assert [r[:5] for r in after] == [r[:5] for r in before]
    assert [r.note for r in after if r.note] == ["与冯建军调班"]  # calendar words not kept
    with office_ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(RosterAssignment)
                        .where(RosterAssignment.locked.is_(False))) == 0  # imported = by hand


def test_a_bad_workbook_is_refused_with_rows_and_columns_and_changes_nothing(
        office_ctx: Context, staffed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster_generate.generate_roster(office_ctx, D(2026, 11, 1), D(2026, 11, 10))
    path = tmp_path / "roster.xlsx"
    roster_files.export_workbook(office_ctx, D(2026, 11, 1), D(2026, 11, 10), path)
    wb = load_workbook(path)
    ws = wb.active
    ws["C5"] = "张无忌"  # unknown leader
    ws["A6"] = "十一月六日"  # not a date
    ws["A8"] = ws["A7"].value  # the same date twice
    ws["F9"] = "吴晓东、查无此人"
    wb.save(path)
    before, entries = held(office_ctx), audit_count(office_ctx)
    with pytest.raises(InputError) as caught:
        roster_files.import_workbook(office_ctx, path)
    assert [p.message() for p in caught.value.problems] == [
        "第 5 行 C 列：通讯录中没有“张无忌”。",
        "第 6 行 A 列：“十一月六日”不是日期。",
        "第 8 行 A 列：2026-11-04 已在第 7 行出现。",
        "第 9 行 F 列：通讯录中没有“查无此人”。",
    ]
    assert held(office_ctx) == before and audit_count(office_ctx) == entries
    ws.delete_cols(9)  # no 备注
    wb.save(path)
    with pytest.raises(InputError) as caught:
        roster_files.import_workbook(office_ctx, path, dry_run=True)
    assert [p.message() for p in caught.value.problems] == ["第 3 行（表头）：缺少“备注”列。"]
    assert held(office_ctx) == before and audit_count(office_ctx) == entries


def test_repeated_names_are_told_apart_by_phone(office_ctx: Context, staffed,
                                               tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    with office_ctx.db.write() as s:
        twin = Person(name="吴晓东", title="科员", mobile="13700000099")
        s.add(twin)
        s.flush()
        twin_id = twin.id
    roster_setup.add_to_pool(office_ctx, DutyRole.OFFICER, twin_id)
    roster.set_place(office_ctx, day=D(2026, 11, 2), shift_id=1, role=DutyRole.OFFICER,
                     position=0, person_id=twin_id)
    roster.set_place(office_ctx, day=D(2026, 11, 3), shift_id=1, role=DutyRole.OFFICER,
                     position=0, person_id=staffed["吴晓东"])
    path = tmp_path / "twins.xlsx"
    roster_files.export_workbook(office_ctx, D(2026, 11, 2), D(2026, 11, 3), path)
    before = held(office_ctx)
    roster_files.import_workbook(office_ctx, path)
    assert held(office_ctx) == before
    wb = load_workbook(path)
    wb.active["G4"] = None
    wb.save(path)
    with pytest.raises(InputError) as caught:
        roster_files.import_workbook(office_ctx, path)
    assert caught.value.problems[0].message().startswith("第 4 行 F 列：通讯录中有 2 人名为“吴晓东”")


def test_several_shifts_a_day_get_a_shift_column(office_ctx: Context, staffed,
                                                 tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roles = {DutyRole.LEADER: 1, DutyRole.OFFICER: 1}
    roster_setup.save_shift(office_ctx, shift_id=1, name="白班", start_time=dt.time(8, 30),
                            length_minutes=720, roles=roles)
    roster_setup.save_shift(office_ctx, shift_id=None, name="夜班", start_time=dt.time(20, 30),
                            length_minutes=720, roles=roles, sort_order=1)
    roster_setup.update_rules(office_ctx, min_rest_hours=12, monthly_max=20,
                              holiday_leader_tier=2, filing_days_before=7)
    roster_generate.generate_roster(office_ctx, D(2026, 11, 1), D(2026, 11, 3))
    path = tmp_path / "two.xlsx"
    roster_files.export_workbook(office_ctx, D(2026, 11, 1), D(2026, 11, 3), path)
    sheet = cells(path)
    assert sheet[2][:3] == ["日期", "星期", "班次"] and len(sheet[2]) == 10
    assert [r[2] for r in sheet[3:9]] == ["白班", "夜班"] * 3
    before = held(office_ctx)
    roster_files.import_workbook(office_ctx, path)
    assert [r[:5] for r in held(office_ctx)] == [r[:5] for r in before]


def test_icalendar_of_the_roster_and_of_one_person(office_ctx: Context, staffed,
                                                   tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    roster_generate.generate_roster(office_ctx, D(2026, 11, 1), D(2026, 11, 7))
    everyone, mine = tmp_path / "all.ics", tmp_path / "mine.ics"
    assert roster_files.export_ics(office_ctx, D(2026, 11, 1), D(2026, 11, 7), everyone) == 7
    text = everyone.read_bytes().decode("utf-8")
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert "DTSTART:20261101T003000Z\r\nDTEND:20261102T003000Z" in text
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    count = roster_files.export_ics(office_ctx, D(2026, 11, 1), D(2026, 11, 7), mine,
                                    person_id=staffed["赵德明"])
    body = mine.read_text(encoding="utf-8")
    assert count >= 1 and body.count("BEGIN:VEVENT") == count and "SUMMARY:带班领导 全天" in body


def test_icalendar_of_a_person_removed_meanwhile_is_refused(office_ctx: Context, staffed,
                                                            tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The person list in the dialog may be older than the database (another workstation
    removed the person): a plain NotFound, not a crash on ``None.name``, and no file."""
    roster_generate.generate_roster(office_ctx, D(2026, 11, 1), D(2026, 11, 7))
    gone = max(staffed.values()) + 1000
    with pytest.raises(NotFound):
        roster_files.export_ics(office_ctx, D(2026, 11, 1), D(2026, 11, 7), tmp_path / "x.ics",
                                person_id=gone)
    assert not (tmp_path / "x.ics").exists()
