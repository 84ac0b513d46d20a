"""Searching the whole duty log: every day, newest first, through the index or the table."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QModelIndex

from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.dutylog import search as log_search
from app.ui.dutylog import log_tab
from app.ui.dutylog.log_tab import LogTab

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


def fill(ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    dutylog.append(ctx, "收到市气象台暴雨橙色预警，已转发各乡镇")
    clock.advance(dt.timedelta(days=3))
    dutylog.append(ctx, "查岗：青石县值班电话接通", kind="incoming_call", caller_unit="青石县应急管理局", caller_name="王明", caller_phone="0576-88001234")
    clock.advance(dt.timedelta(hours=2))
    dutylog.append(ctx, "暴雨蓝色预警解除")


def test_search_spans_every_day_newest_first(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    texts = lambda words: [e.text for e in log_search.search_page(office_ctx, words, 0, 10)]  # noqa: E731
    assert texts("暴雨") == ["暴雨蓝色预警解除", "收到市气象台暴雨橙色预警，已转发各乡镇"]
    assert texts("暴雨橙色") == ["收到市气象台暴雨橙色预警，已转发各乡镇"]
    assert texts("青石县应急") == ["查岗：青石县值班电话接通"]  # the caller's unit
    assert texts("") == [] and log_search.count(office_ctx, "  ") == 0
    assert [log_search.count(office_ctx, w) for w in ("暴雨", "预警", "橙色预警", "无此记录")] == [2, 2, 1, 0]
    few = log_search.search_page(office_ctx, "预警解除", 0, 10, found=1)
    assert [e.text for e in few] == ["暴雨蓝色预警解除"]


def test_the_log_tab_searches_as_the_operator_types(qtbot, office_ctx: Context, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    for n in range(5):
        dutylog.append(office_ctx, f"暴雨巡查第{n}次")
    monkeypatch.setattr(log_tab, "PAGE", 3)
    tab = LogTab(office_ctx, SH)
    qtbot.addWidget(tab)
    tab.show()
    tab.search.setText("暴雨")
    qtbot.waitUntil(lambda: tab.model.words == "暴雨")
    assert tab.model.total == 7 and 3 <= tab.model.rowCount() < 7  # a page or two, not all
    assert tab.shift_label.text() == "全部值班日志中找到 7 条"
    while tab.model.canFetchMore(QModelIndex()):
        tab.model.fetchMore(QModelIndex())
    assert tab.model.rowCount() == 7 and tab.model.entry_at(0).text == "暴雨巡查第4次"
    assert tab.model.data(tab.model.index(0, 0)).startswith("2026-")
    tab.search.clear()
    qtbot.waitUntil(lambda: tab.model.words == "")
    assert tab.model.day is not None
