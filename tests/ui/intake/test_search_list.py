"""The incident list searches as the operator types: long words counted off the index at once,
one or two characters shown at once and counted in the background."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from app.services.context import Context
from app.ui.intake.incident_list import IncidentListPage
from tests.services.incidents.test_search import fill

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


def test_short_words_show_the_page_then_the_count(qtbot, office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    page = IncidentListPage(office_ctx, SH)
    qtbot.addWidget(page)
    page.search.setText("湖")
    page.apply_filter()
    assert page.model.rowCount() == 2 and not page.model.exact
    assert page.count_label.text() == "正在计数…"
    qtbot.waitUntil(lambda: page.model.exact)
    assert page.model.total == 2 and page.count_label.text() == "共 2 起"
    page.search.setText("湖县G")
    page.apply_filter()
    assert page.model.exact and page.model.rowCount() == 1 and page.count_label.text() == "共 1 起"


def test_a_late_count_of_an_old_filter_is_ignored(qtbot, office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    fill(office_ctx, clock)
    page = IncidentListPage(office_ctx, SH)
    qtbot.addWidget(page)
    page.search.setText("湖")
    page.apply_filter()
    old = page.model.filter
    page.search.setText("山体滑坡")
    page.apply_filter()
    page.model.set_counts(old, {"open": 5, "closed": 5})
    assert page.model.total == 1
    clock.advance(dt.timedelta(minutes=1))
