"""Contact import and export: the layout of DESIGN.md, problems by row and column, nothing
written from a bad file, update-not-duplicate, the template, vCards, the command line."""

from __future__ import annotations

import contextlib
import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import func, select

from app.cli import build_parser, run
from app.domain.contacts import ContactLabel, PersonTag
from app.domain.errors import InputError
from app.models import AuditEvent, ContactPoint, Expert, NumberChange, Organization, Person
from app.services.contacts import book as contacts
from app.services.contacts import workbook as contacts_io
from app.services.context import Context


def workbook(path: Path, rows: list[list[object]], *, title_rows: int = 0) -> Path:
    wb = Workbook()
    ws = wb.active
    for _ in range(title_rows):
        ws.append(["江州市应急管理通讯录"])
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(build_parser().parse_args(list(argv)))
    return code, out.getvalue(), err.getvalue()


def book_state(ctx: Context) -> tuple:
    with ctx.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (Person, Organization, ContactPoint, Expert, NumberChange, AuditEvent))


GOOD = [
    ["备注", "手机", "姓名", "职务", "单位", "类别", "专长", "办公电话"],  # any order
    ["", 13900001111, "李明", "镇长", "城关镇", "领导", "", "0576-86001111"],
    ["夜间可联系", "13900002222、13700002222", "张华", "值班员", "城关镇", "值班员", "", ""],
    ["", "13900003333", "陈工", "高级工程师", "江州华昌化工有限公司", "", "危险化学品、化工工艺", ""],
]


def test_import_creates_units_people_numbers_tags_and_experts(office_ctx: Context, tmp_path: Path) -> None:
    report = contacts_io.import_contacts(office_ctx, workbook(tmp_path / "a.xlsx", GOOD, title_rows=1))
    assert (report.added, report.updated, report.unchanged, report.units_created) == (3, 0, 0, 2)
    with office_ctx.db.read() as s:
        town = s.scalar(select(Organization).where(Organization.name == "城关镇"))
        firm = s.scalar(select(Organization).where(Organization.name == "江州华昌化工有限公司"))
        root = s.scalar(select(Organization.id).where(Organization.parent_id.is_(None)))
        assert (town.kind, town.parent_id, firm.kind) == ("township", root, "enterprise")
        li = s.scalar(select(Person).where(Person.name == "李明"))
        assert (li.title, li.mobile, li.office_phone, li.tags) == ("镇长", "13900001111",
                                                                   "0576-86001111", "leader")
        zhang = s.scalar(select(Person).where(Person.name == "张华"))
        assert zhang.notes == "夜间可联系"
        assert zhang.digits_key == "13900002222 13700002222"
        chen = s.scalar(select(Person).where(Person.name == "陈工"))
        assert chen.tags == "expert"
        assert s.scalar(select(Expert.specialties).where(Expert.person_id == chen.id)) == [
            "危险化学品", "化工工艺"]


def test_import_updates_the_same_person_in_the_same_unit(office_ctx: Context, tmp_path: Path) -> None:
    contacts_io.import_contacts(office_ctx, workbook(tmp_path / "a.xlsx", GOOD))
    again = [["姓名", "单位", "手机", "职务"],
             ["李明", "城关镇", "13900009999", ""],  # a new mobile; the blank title stays
             ["张华", "城关镇", "13900002222、13700002222", "值班员"],  # nothing new
             ["李明", "江州市应急管理局", "13900008888", "科员"]]  # a namesake elsewhere: added
    report = contacts_io.import_contacts(office_ctx, workbook(tmp_path / "b.xlsx", again))
    assert (report.added, report.updated, report.unchanged, report.units_created) == (1, 1, 1, 0)
    with office_ctx.db.read() as s:
        lis = s.execute(select(Person.title, Person.mobile, Person.office_phone, Person.tags)
                        .where(Person.name == "李明").order_by(Person.id)).all()
        history = s.execute(select(NumberChange.old_number, NumberChange.new_number,
                                   NumberChange.note)).all()
    assert [tuple(r) for r in lis] == [("镇长", "13900009999", "0576-86001111", "leader"),
                                       ("科员", "13900008888", "", "")]
    assert [tuple(h) for h in history] == [("13900001111", "13900009999", "导入")]


def test_a_missing_name_column_is_refused_and_nothing_changes(office_ctx: Context, tmp_path: Path) -> None:
    before = book_state(office_ctx)
    bad = workbook(tmp_path / "bad.xlsx", [["单位", "手机"], ["城关镇", "13900001111"]], title_rows=2)
    with pytest.raises(InputError) as caught:
        contacts_io.import_contacts(office_ctx, bad)
    assert caught.value.message == "第 3 行（表头）缺少“姓名”列。"
    assert book_state(office_ctx) == before


def test_a_nameless_row_and_bad_cells_are_named_by_row_and_column(office_ctx: Context, tmp_path: Path) -> None:
    before = book_state(office_ctx)
    rows = [*GOOD, ["", "139-abc", "", "", "城关镇", "司机", "", ""], ["", "", "李明", "", "城关镇", "", "", ""]]
    with pytest.raises(InputError) as caught:
        contacts_io.import_contacts(office_ctx, workbook(tmp_path / "bad.xlsx", rows))
    assert caught.value.message.splitlines() == [
        "第 5 行 C 列：姓名不能为空。",
        "第 5 行 B 列：手机“139-abc”不是有效的电话号码。",
        "第 5 行 F 列：未知的类别“司机”（可用：领导、值班员、专家、队员）。",
        "第 6 行：与第 2 行是同一单位的同一人。",
    ]
    assert book_state(office_ctx) == before


def test_dry_run_reports_and_writes_nothing(office_ctx: Context, tmp_path: Path) -> None:
    before = book_state(office_ctx)
    report = contacts_io.import_contacts(office_ctx, workbook(tmp_path / "a.xlsx", GOOD), dry_run=True)
    assert (report.added, report.units_created, report.dry_run) == (3, 2, True)
    assert book_state(office_ctx) == before


def test_namesake_units_need_their_parent(office_ctx: Context, tmp_path: Path) -> None:
    root = contacts.list_units(office_ctx)[0].id
    east = contacts.save_unit(office_ctx, None, contacts.UnitInput("东湖区", root, "district"))
    west = contacts.save_unit(office_ctx, None, contacts.UnitInput("西山县", root, "district"))
    for parent in (east, west):
        contacts.save_unit(office_ctx, None, contacts.UnitInput("城关镇", parent.id, "township"))
    with pytest.raises(InputError) as caught:
        contacts_io.import_contacts(office_ctx, workbook(tmp_path / "a.xlsx", [["姓名", "单位"], ["李明", "城关镇"]]))
    assert caught.value.message == ("第 2 行 B 列：有 2 个单位名为“城关镇”，请写出上级单位，如“东湖区/城关镇”。")
    rows = [["姓名", "单位"], ["李明", "西山县/城关镇"], ["王五", "西山县/城关镇/新村"]]
    report = contacts_io.import_contacts(office_ctx, workbook(tmp_path / "b.xlsx", rows))
    assert (report.added, report.units_created) == (2, 1)
    hit = next(p for p in contacts.list_people(office_ctx) if p.name == "王五")
    assert hit.organization == "新村"


def test_export_reads_back_unchanged_and_the_template_imports_nothing(office_ctx: Context, tmp_path: Path) -> None:
    contacts_io.import_contacts(office_ctx, workbook(tmp_path / "a.xlsx", GOOD))
    out = tmp_path / "out.xlsx"
    count = contacts_io.export_contacts(office_ctx, out)
    assert count == 4  # the fixture's administrator too
    ws = load_workbook(out).active
    title, *rows = list(ws.iter_rows(values_only=True))
    assert title[0] == "江州市应急管理局通讯录（2026年11月28日）"
    assert rows[0] == ("姓名", "单位", "职务", "手机", "办公电话", "值班电话", "传真", "类别", "专长", "备注")
    assert ("张华", "城关镇", "值班员", "13900002222、13700002222", None, None, None, "值班员", None,
            "夜间可联系") in rows
    report = contacts_io.import_contacts(office_ctx, out)
    assert (report.added, report.updated, report.unchanged) == (0, 0, 4)
    template = tmp_path / "template.xlsx"
    contacts_io.write_template(template)
    wb = load_workbook(template)
    assert [c.value for c in wb.active[1]] == list(rows[0]) and "填写说明" in wb.sheetnames
    with pytest.raises(InputError) as caught:
        contacts_io.import_contacts(office_ctx, template)
    assert [p.code for p in caught.value.problems] == ["import.no_rows"]


def test_vcard_of_a_selection(office_ctx: Context, tmp_path: Path) -> None:
    unit = contacts.list_units(office_ctx)[0].id
    p = contacts.save_person(office_ctx, None, contacts.PersonInput(
        "欧阳修", unit, "处长; 主任", [(ContactLabel.MOBILE, "13900001111"), (ContactLabel.FAX, "0576-1234567")],
        [PersonTag.LEADER]))
    out = tmp_path / "sel.vcf"
    assert contacts_io.export_vcard(office_ctx, out, [p.id]) == 1
    card = out.read_bytes().decode("utf-8")
    assert card.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\nN:欧阳;修;;;\r\nFN:欧阳修\r\n")
    assert "TITLE:处长\\; 主任\r\n" in card
    assert "TEL;TYPE=CELL,VOICE:13900001111\r\n" in card and "TEL;TYPE=WORK,FAX:0576-1234567\r\n" in card
    assert card.endswith("END:VCARD\r\n")


def test_command_line_import_export_and_search(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    good = workbook(tmp_path / "a.xlsx", GOOD)
    code, out, _ = cli("--db", str(db_path), "contacts", "import", str(good), "--dry-run")
    assert code == 0 and "未写入" in out
    code, out, _ = cli("--db", str(db_path), "contacts", "import", str(good))
    assert code == 0 and "新增 3 人" in out
    code, out, err = cli("--db", str(db_path), "contacts", "search", "lm", "--json", "--limit", "3")
    found = json.loads(out)
    assert code == 0 and err == ""
    assert found[0] == {"name": "李明", "organization": "城关镇", "title": "镇长",
                        "phones": [{"label": "mobile", "number": "13900001111"},
                                   {"label": "office", "number": "0576-86001111"}],
                        "tags": ["leader"]}
    code, out, _ = cli("--db", str(db_path), "contacts", "search", "2222")
    assert code == 0 and out.startswith("张华  城关镇  值班员  手机 13900002222")
    bad = workbook(tmp_path / "bad.xlsx", [["姓名", "单位"], ["", "城关镇"]])
    code, out, err = cli("--db", str(db_path), "contacts", "import", str(bad))
    assert (code, out, err) == (2, "", "第 2 行 A 列：姓名不能为空。\n")
    code, _, err = cli("--db", str(db_path), "contacts", "import", str(tmp_path / "missing.xlsx"))
    assert code == 2 and "不存在" in err and "Traceback" not in err
    code, out, _ = cli("--db", str(db_path), "contacts", "export", "-o", str(tmp_path / "all.xlsx"))
    assert code == 0 and "已导出 4 人" in out
    code, out, _ = cli("--db", str(db_path), "contacts", "export", "-o", str(tmp_path / "s.vcf"), "--query", "城关")
    assert code == 0 and "已导出 2 人" in out
    code, out, _ = cli("--db", str(db_path), "contacts", "template", "-o", str(tmp_path / "t.xlsx"))
    assert code == 0 and (tmp_path / "t.xlsx").exists()
