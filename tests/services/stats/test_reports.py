"""The quarterly work report and the annual summary, assembled from the records: the seed's
outline, every table numbered and summed from the rows, the office's paragraphs left as
placeholders; filing the quarterly report meets its deadline."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from sqlalchemy import select

from app.domain.enums import DeadlineOutcome
from app.domain.errors import InputError
from app.domain.report_outline import DocumentKind, Paragraph, Placeholder, Table
from app.models import DutyLogEntry, Incident
from app.services import duties
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.stats import report_content, report_filing
from tests.services.stats.records import ZONE, fill, recompute

D = dt.date
HEADINGS = ["一、值班安排和值班表报备情况", "二、信息接报和报送情况", "三、突发事件情况", "四、预警信息情况",
            "五、应急预案、演练和培训情况", "六、应急专家和救援队伍情况", "七、存在的问题和下一步工作"]


def _tables(doc) -> dict[str, Table]:  # type: ignore[no-untyped-def]
    return {t.title: t for t in doc.tables()}


def test_the_quarterly_report_follows_the_seed_and_counts_from_the_rows(office_ctx: Context) -> None:
    fill(office_ctx, 5)
    doc = report_content.assemble(office_ctx, DocumentKind.QUARTERLY, 2026, 2)
    assert doc.title == "江州市应急管理局2026年第二季度应急值守工作情况报告"
    assert (doc.first_day, doc.last_day) == (D(2026, 4, 1), D(2026, 6, 30))
    assert [s.heading for s in doc.sections] == HEADINGS
    assert [t.number for t in doc.tables()] == list(range(1, len(doc.tables()) + 1))
    expected = recompute(office_ctx, D(2026, 4, 1), D(2026, 6, 30))
    tables = _tables(doc)
    # incidents by category and level, summed from the raw rows
    with office_ctx.db.read() as s:
        rows = [(r.category, r.level) for r in s.scalars(select(Incident).where(
            Incident.kind == "event", Incident.is_drill.is_(False)))
            if D(2026, 4, 1) <= r.received_at.astimezone(ZONE).date() <= D(2026, 6, 30)]
    cells = Counter(rows)
    grid = tables["突发事件分类分级统计"]
    assert grid.columns == ("类别", "特别重大", "重大", "较大", "一般", "未定级", "合计")
    names = {"自然灾害": "natural", "事故灾难": "accident", "公共卫生事件": "health",
             "社会安全事件": "social", "未分类": None}
    for row in grid.rows:
        category = names[str(row[0])]
        assert list(row[1:6]) == [cells[(category, lv)] for lv in ("I", "II", "III", "IV", None)]
        assert row[6] == sum(row[1:6])  # type: ignore[arg-type]
    assert grid.total == ("合计", *(sum(r[i] for r in grid.rows) for i in range(1, 7)))  # type: ignore[misc]
    assert grid.total[-1] == expected["incidents"]["total"]
    months = tables["各月突发事件"]
    assert [r[0] for r in months.rows] == ["4月", "5月", "6月"]
    assert [r[-1] for r in months.rows] == list(expected["incidents"]["by_month"].values())
    # reporting deadlines: one row per kind and channel, the total row the record's
    reporting = tables["信息报送时限执行情况"]
    deadline_totals = expected["deadlines"]
    assert reporting.total is not None and reporting.total[2:7] == tuple(
        deadline_totals[k] for k in ("total", "on_time", "late", "missed", "open"))
    assert len(reporting.rows) == len(deadline_totals["by_kind"])
    late = tables["迟报、漏报事项"]
    assert len(late.rows) == min(50, deadline_totals["late"] + deadline_totals["missed"])
    checks = tables["查岗情况"]
    assert checks.total is not None and checks.total[1] == expected["presence_checks"]["total"]
    # the figures in the words are the same numbers
    text = "".join(b.text for s in doc.sections for b in s.blocks if isinstance(b, Paragraph))
    assert f"共发生突发事件{expected['incidents']['total']}起" in text
    assert f"值班电话接听来电{expected['calls']}次" in text
    assert f"预警信息{expected['warnings']['total']}条" in text


def test_what_no_record_says_is_left_for_the_office(office_ctx: Context) -> None:
    doc = report_content.assemble(office_ctx, DocumentKind.ANNUAL, 2026)
    assert doc.title == "江州市应急管理局2026年度应急值守工作总结"
    assert doc.opening.text == "现将江州市应急管理局2026年度应急值守工作总结如下："
    prompts = [p.text for p in doc.placeholders()]
    assert prompts[0] == "【请填写：主送机关（如 市应急管理局）】"
    assert "【请填写：存在的主要问题和不足】" in prompts and "【请填写：下一步工作打算】" in prompts
    plans = doc.sections[4]
    assert len(plans.blocks) == 1 and isinstance(plans.blocks[0], Placeholder)  # no register yet
    assert all(p.text.startswith("【请填写：") and p.text.endswith("】") for p in doc.placeholders())
    assert _tables(doc)["各月突发事件"].rows[0] == ("1月", 0, 0, 0, 0, 0)
    assert doc.contact == "王建国" and doc.contact_phone == "0576-88001234"  # the operator


def test_bad_years_and_quarters_are_refused(office_ctx: Context) -> None:
    with pytest.raises(InputError) as caught:
        report_content.assemble(office_ctx, DocumentKind.QUARTERLY, 2026, 5)
    assert caught.value.problems[0].message() == "季度“5”应为 1、2、3 或 4。"
    with pytest.raises(InputError):
        report_content.assemble(office_ctx, DocumentKind.ANNUAL, 99999)


def test_filing_the_quarterly_report_meets_its_deadline_once(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    clock.set(dt.datetime(2026, 9, 20, 2, 0, tzinfo=dt.UTC))
    duties.ensure(office_ctx)  # plans 2026Q3's report, due 10 October 17:30
    open_ = [d for d in deadlines.list_open(office_ctx) if d.what == "2026年第3季度应急工作报送"]
    assert len(open_) == 1
    clock.set(dt.datetime(2026, 10, 9, 7, 0, tzinfo=dt.UTC))
    filed = report_filing.file_quarterly(office_ctx, 2026, 3)
    assert filed.planned and filed.deadline.id == open_[0].id
    assert filed.deadline.outcome is DeadlineOutcome.ON_TIME and filed.deadline.met_how == "书面报送"
    with office_ctx.db.read() as s:
        last = s.scalars(select(DutyLogEntry).order_by(DutyLogEntry.id.desc()).limit(1)).one()
        assert last.kind == "report" and "2026年第三季度应急值守工作情况报告" in last.text
    with pytest.raises(InputError) as caught:
        report_filing.file_quarterly(office_ctx, 2026, 3)
    assert caught.value.problems[0].message() == "2026 年第 3 季度工作报告已于 2026-10-09 15:00 报送（按时）。"


def test_an_unplanned_quarter_is_made_and_met_late_and_the_future_refused(office_ctx: Context) -> None:
    filed = report_filing.file_quarterly(office_ctx, 2026, 1)  # the clock: 28 November 2026
    assert not filed.planned and filed.deadline.outcome is DeadlineOutcome.LATE
    assert filed.deadline.due_at == dt.datetime(2026, 4, 10, 9, 30, tzinfo=dt.UTC)  # 17:30 local
    with pytest.raises(InputError) as caught:
        report_filing.file_quarterly(office_ctx, 2027, 1)
    assert caught.value.problems[0].code == "report.quarter_not_begun"
    with pytest.raises(InputError) as caught:
        report_filing.file_quarterly(office_ctx, 2026, 2, at=office_ctx.clock.now() + dt.timedelta(days=1))
    assert caught.value.problems[0].code == "report.filed_in_future"
