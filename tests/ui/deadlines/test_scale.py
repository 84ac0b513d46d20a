"""An alarm redraws the one deadline it concerns; the page never reads the whole record."""

from __future__ import annotations

import datetime as dt

import pytest

from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import listing
from app.ui.bridge import SchedulerBridge
from app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, office_ctx: Context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings, SchedulerBridge())
    qtbot.addWidget(win)
    win.show()
    return win


def add(ctx: Context, what: str, minutes: float) -> int:
    return deadlines.create(ctx, what=what, report_kind="initial", channel="phone",
                            due_at=ctx.clock.now() + dt.timedelta(minutes=minutes)).id


def test_an_alarm_reads_only_its_deadline(qtbot, window: MainWindow, office_ctx, clock, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    soon = add(office_ctx, "化工厂泄漏 首报", 25)
    later = add(office_ctx, "县道塌方 首报", 90)
    window.alarms.refresh()
    page = window.deadlines_page
    window.show_section(page)
    qtbot.waitUntil(lambda: page.stats_job.outcome == "done")
    reads: list[str] = []
    for name in ("list_open", "list_page", "count_all", "month_stats", "problems_page"):
        real = getattr(listing, name)
        monkeypatch.setattr(deadlines, name, lambda *a, _n=name, _r=real, **k: reads.append(_n) or _r(*a, **k))
    clock.advance(dt.timedelta(minutes=80))  # the later one is now close, the sooner overdue
    window.alarms.on_alarm(later, "urgent")
    assert reads == []  # neither the open list nor the record was read again
    assert window.strip.chips[0].info.id == later  # the ringing one comes first
    assert window.alarms.sounded[-1].deadline_id == later
    row = next(n for n in range(page.open_model.rowCount()) if page.open_model.info_at(n).id == later)
    assert page.open_model.data(page.open_model.index(row, 5)) == "紧急"
    assert soon in [page.open_model.info_at(n).id for n in range(page.open_model.rowCount())]


def test_an_alarm_of_a_deadline_met_elsewhere_leaves_the_strip(window: MainWindow, office_ctx) -> None:  # type: ignore[no-untyped-def]
    a = add(office_ctx, "甲 首报", 25)
    window.alarms.refresh()
    assert window.strip.shows(a)
    deadlines.meet(office_ctx, a, how="电话")  # on another workstation: this strip has not heard
    window.alarms.on_alarm(a, "notice")
    assert not window.strip.shows(a) and a not in window.alarms.ringing


def test_an_alarm_of_a_deadline_made_elsewhere_joins_the_strip_and_page(qtbot, window: MainWindow, office_ctx) -> None:  # type: ignore[no-untyped-def]
    page = window.deadlines_page
    window.show_section(page)
    a = add(office_ctx, "乙 首报", 5)
    window.alarms.on_alarm(a, "urgent")
    assert window.strip.shows(a)
    assert [page.open_model.info_at(n).id for n in range(page.open_model.rowCount())] == [a]
