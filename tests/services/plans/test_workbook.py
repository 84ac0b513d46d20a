"""The plans workbook: export, import with the contact import's rules, refusals, cancelling."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from app.domain.errors import InputError
from app.domain.plans import PlanStatus, PlanType
from app.domain.progress import Cancelled
from app.services.context import Context
from app.services.office import audit
from app.services.plans import register, workbook
from tests.services.plans.fixtures import plan, units


def sheet(path: Path, header: list[str], *rows: list[object]) -> Path:
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["某区应急预案目录"])  # a title row above the header, as offices keep them
    ws.append(header)
    for row in rows:
        ws.append(row)
    book.save(path)
    return path


def test_export_then_import_changes_nothing(office_ctx: Context, tmp_path: Path) -> None:
    units(office_ctx)
    plan(office_ctx, "江州市危险化学品事故应急预案", PlanType.SPECIAL, "江州市应急管理局",
         dt.date(2023, 10, 15), number="江政办发〔2023〕8号", filed_on=dt.date(2023, 11, 1),
         filed_with="江州省应急管理厅")
    plan(office_ctx, "=HYPERLINK(\"http://x\")", PlanType.ONSITE, "江州华昌化工有限公司",
         dt.date(2026, 9, 1), drill_months=3)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "预案台账.xlsx"
    assert workbook.export_plans(office_ctx, out) == 2
    book = load_workbook(out)
    ws = book.active
    assert ws is not None
    assert ws["A1"].value == "江州市应急管理局应急预案台账"
    assert [c.value for c in ws[2]][:10] == ["预案名称", "预案类型", "编制单位", "批准日期", "文号",
                                             "备案日期", "备案单位", "评估周期（年）", "演练周期（月）", "状态"]
    names = {ws.cell(row=r, column=1).value: r for r in (3, 4)}
    formula = ws.cell(row=names["=HYPERLINK(\"http://x\")"], column=1)
    assert formula.data_type == "s"  # text, never a formula
    first = names["江州市危险化学品事故应急预案"]
    assert ws.cell(row=first, column=4).value == dt.datetime(2023, 10, 15)  # a real Excel date
    assert ws.cell(row=first, column=11).value == dt.datetime(2026, 10, 15)  # 下次评估
    assert [p.name for p in out.parent.iterdir()] == ["预案台账.xlsx"]  # no temporary left behind
    report = workbook.import_plans(office_ctx, out)
    assert report == workbook.ImportReport(added=0, updated=0, unchanged=2, units_created=0)


def test_import_in_any_order_creates_units_and_updates_the_same_plan(office_ctx: Context, tmp_path: Path) -> None:
    units(office_ctx)
    held = plan(office_ctx, "城关街道综合应急预案", PlanType.TOWNSHIP, "城关街道", dt.date(2024, 1, 5),
                number="城街〔2024〕1号")
    path = sheet(tmp_path / "plans.xlsx",
                 ["编制单位", "预案名称", "批准时间", "类型", "演练周期", "备注"],
                 ["城关街道", "城关街道综合应急预案", "2024-01-05", "乡镇", 24, ""],
                 ["东湖区/东湖区卫生健康局", "东湖区突发公共卫生事件应急预案", dt.datetime(2025, 3, 1),
                  "部门", None, "新增"],
                 ["东湖区/东湖区卫生健康局", "东湖区食品安全事故应急预案", "2025年4月8日", "department",
                  None, ""])
    dry = workbook.import_plans(office_ctx, path, dry_run=True)
    assert dry == workbook.ImportReport(2, 1, 0, 1, dry_run=True)
    assert len(register.list_plans(office_ctx)) == 1  # the dry run kept nothing
    report = workbook.import_plans(office_ctx, path)
    assert report == workbook.ImportReport(added=2, updated=1, unchanged=0, units_created=1)
    plans = {p.name: p for p in register.list_plans(office_ctx)}
    again = plans["城关街道综合应急预案"]
    assert (again.id, again.drill_months, again.number) == (held.id, 24, "城街〔2024〕1号")
    health = plans["东湖区突发公共卫生事件应急预案"]
    assert (health.unit, health.type, health.note, health.status) == (
        "东湖区卫生健康局", PlanType.DEPARTMENT, "新增", PlanStatus.IN_FORCE)
    assert plans["东湖区食品安全事故应急预案"].unit_id == health.unit_id
    assert audit.recent(office_ctx, 1)[0].action == "import"


def test_a_bad_file_is_refused_naming_row_and_column_and_nothing_is_written(office_ctx: Context, tmp_path: Path) -> None:
    units(office_ctx)
    path = sheet(tmp_path / "bad.xlsx",
                 ["预案名称", "预案类型", "编制单位", "批准日期", "备案日期", "评估周期（年）"],
                 ["", "专项", "东湖区", "2024-01-01", None, None],
                 ["东湖区地震应急预案", "特别", "东湖区", "2024-13-01", None, None],
                 ["东湖区防汛应急预案", "专项", "东湖区", "2027-01-01", "2023-01-01", 20],
                 ["东湖区森林火灾应急预案", "专项", "东湖区", "2024-02-01", "2024-01-01", 3],
                 ["东湖区森林火灾应急预案", "专项", "东湖区", "2024-02-01", None, None])
    before = audit.count(office_ctx)
    with pytest.raises(InputError) as bad:
        workbook.import_plans(office_ctx, path)
    assert bad.value.message.splitlines() == [
        "第 3 行 A 列：预案名称不能为空。",
        "第 4 行 B 列：预案类型“特别”不是可选的值（可用：总体、专项、部门、乡镇(街道)、企事业单位、现场处置方案）。",
        "第 4 行 D 列：批准日期“2024-13-01”不是日期。",
        "第 5 行 D 列：批准日期“2027-01-01”晚于今天。",
        "第 5 行 F 列：评估周期（年）须是 1 到 10 的整数。",
        "第 6 行 E 列：备案日期早于批准日期。",
        "第 7 行：与第 6 行是同一编制单位的同一预案。",
    ]
    assert audit.count(office_ctx) == before and register.list_plans(office_ctx) == []
    missing = sheet(tmp_path / "missing.xlsx", ["预案名称", "编制单位", "文号"], ["某预案", "东湖区", "1"])
    with pytest.raises(InputError) as bad:
        workbook.import_plans(office_ctx, missing)
    assert bad.value.message.splitlines() == ["第 2 行（表头）缺少“预案类型”列。",
                                              "第 2 行（表头）缺少“批准日期”列。"]
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    with pytest.raises(InputError) as bad:
        workbook.import_plans(office_ctx, junk)
    assert bad.value.message == "无法读取 junk.xlsx：不是完好的 Excel 工作簿（.xlsx）。"


def test_cancelling_keeps_nothing(office_ctx: Context, tmp_path: Path) -> None:
    units(office_ctx)
    rows = [[f"第{n}号预案", "专项", "东湖区", "2025-01-01"] for n in range(600)]
    path = sheet(tmp_path / "many.xlsx", ["预案名称", "预案类型", "编制单位", "批准日期"], *rows)
    seen: list[int] = []

    def cancel_late(done: int, total: int | None = None, what: str = "") -> None:
        seen.append(done)
        if len(seen) > 4:
            raise Cancelled()

    with pytest.raises(Cancelled):
        workbook.import_plans(office_ctx, path, cancel_late)
    assert register.list_plans(office_ctx) == []
    workbook.import_plans(office_ctx, path)
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "out.xlsx"
    seen[:] = [0, 0, 0]  # the next report cancels
    with pytest.raises(Cancelled):
        workbook.export_plans(office_ctx, out, cancel_late)
    assert list(out.parent.iterdir()) == []  # neither the file nor its temporary
