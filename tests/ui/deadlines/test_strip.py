"""The countdown strip's look (issue 14): the report named in full, the time in large equal-width
digits, the stage in words, far-off deadlines folded, tooltips in the office's time zone."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from PySide6.QtGui import QFont

from app.domain import deadline_rules as dr
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.ui.deadlines.strip import CountdownStrip


@pytest.fixture
def strip(qtbot, office_ctx: Context) -> CountdownStrip:  # type: ignore[no-untyped-def]
    widget = CountdownStrip(office_ctx, zoneinfo.ZoneInfo("Asia/Urumqi"))
    qtbot.addWidget(widget)
    widget.resize(1190, 70)
    widget.show()
    return widget


def add(ctx: Context, what: str, minutes: float, kind: str = "initial", incident: bool = True) -> None:
    deadlines.create(ctx, what=what, report_kind=kind, channel="phone",
                     due_at=ctx.clock.now() + dt.timedelta(minutes=minutes),
                     incident_number="2026-0001" if incident else None)


def show(strip: CountdownStrip, ctx: Context) -> None:
    strip.set_items(deadlines.list_open(ctx), dr.StageSettings())


def test_a_chip_names_the_report_in_full_and_shortens_only_the_title(strip: CountdownStrip, office_ctx: Context) -> None:
    add(office_ctx, "白沙县双河镇大风冰雹灾害造成多处房屋倒塌 · 首报（电话）", 25)
    show(strip, office_ctx)
    chip = strip.chips[0]
    assert chip.kind.text() == "首报（电话）"  # whole, never elided
    assert chip.title.text().endswith("…") and chip.title.text().startswith("白沙县")
    assert chip.remaining.text() == "0:25:00"
    assert chip.stage_label.text() == "预先提醒"
    assert chip.property("stage") == "notice"


def test_the_time_is_large_with_equal_width_digits(strip: CountdownStrip, office_ctx: Context) -> None:
    add(office_ctx, "化工厂泄漏 · 首报（电话）", 90)
    show(strip, office_ctx)
    font = strip.chips[0].remaining.font()
    assert font.pointSizeF() >= 14 and font.bold()
    assert font.featureValue(QFont.Tag("tnum")) == 1
    assert strip.chips[0].remaining.font().pointSizeF() > strip.chips[0].kind.font().pointSizeF() + 4


def test_deadlines_beyond_a_week_fold_into_one_chip_with_a_list(strip: CountdownStrip, office_ctx: Context) -> None:
    add(office_ctx, "县道塌方 · 首报（电话）", 30)
    add(office_ctx, "2027年第1季度应急工作报送", 60 * 24 * 40, kind="quarterly-report", incident=False)
    add(office_ctx, "2026年第4季度应急工作报送", 60 * 24 * 12, kind="quarterly-report", incident=False)
    show(strip, office_ctx)
    assert [c.info.what for c in strip.chips] == ["县道塌方 · 首报（电话）"]
    assert strip.later_chip.isVisible() and strip.later_chip.text() == "另有 2 项较远"
    entries = [a.text() for a in strip.later_menu.actions()]
    assert len(entries) == 2 and all("季度应急工作报送" in e for e in entries)


def test_tooltips_and_the_list_tell_the_time_in_the_offices_zone(strip: CountdownStrip, office_ctx: Context) -> None:
    add(office_ctx, "泥石流 · 首报（电话）", 60)
    add(office_ctx, "2027年第1季度应急工作报送", 60 * 24 * 40, kind="quarterly-report", incident=False)
    show(strip, office_ctx)
    due = strip.chips[0].info.due_at.astimezone(zoneinfo.ZoneInfo("Asia/Urumqi"))
    assert due.strftime("%Y-%m-%d %H:%M") in strip.chips[0].toolTip()
    far = deadlines.list_open(office_ctx)[-1].due_at.astimezone(zoneinfo.ZoneInfo("Asia/Urumqi"))
    assert far.strftime("%Y-%m-%d %H:%M") in strip.later_menu.actions()[0].text()
