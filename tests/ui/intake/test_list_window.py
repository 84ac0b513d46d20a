"""The incident list scrolled far holds a window of pages, and shows the same incidents when the
operator scrolls back: drawn, selected and opened (issue 19, bounded memory)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

import pytest
from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from app.models import Incident
from app.services.context import Context
from app.ui.intake import incident_list
from app.ui.intake.incident_list import IncidentListModel, IncidentListPage

SH = zoneinfo.ZoneInfo("Asia/Shanghai")
N = 230


@pytest.fixture
def page(qtbot, office_ctx: Context, clock, monkeypatch) -> IncidentListPage:  # type: ignore[no-untyped-def]
    with office_ctx.db.write() as s:
        for i in range(N):
            s.add(Incident(number=f"2025-{i + 1:04d}", kind="event", status="closed" if i % 3 else "open",
                           title=f"事件{i}", received_at=clock.now() - dt.timedelta(hours=i + 1),
                           category="natural", level="IV", missing_elements=[]))
    monkeypatch.setattr(incident_list, "PAGE", 20)
    monkeypatch.setattr(IncidentListModel, "window", 3)
    widget = IncidentListPage(office_ctx, SH)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    widget.show()
    qtbot.waitExposed(widget)
    widget.reload()
    return widget


def scroll_to_the_end(page: IncidentListPage) -> list[str]:
    """Drag to the bottom until the list ends, as the operator does; the numbers each row showed
    when it came."""
    model, shown = page.model, []
    while model.canFetchMore(QModelIndex()):
        page.view.scrollToBottom()
        QApplication.processEvents()
        page.view.viewport().repaint()
        shown += [model.data(model.index(r, 0)) for r in range(len(shown), model.rowCount())]
    return shown


def test_scrolled_to_the_end_only_a_window_is_held(page: IncidentListPage) -> None:
    shown = scroll_to_the_end(page)
    assert page.model.rowCount() == N and len(shown) == N and len(set(shown)) == N
    assert page.model.pages.held_rows() <= 3 * 20  # three pages of twenty, not 230 rows
    assert 0 not in page.model.pages.held  # the first page was let go


def test_scrolling_back_shows_the_same_incidents_even_after_a_new_one(page: IncidentListPage, office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    shown = scroll_to_the_end(page)
    with office_ctx.db.write() as s:  # a new call, on top of the list the database now holds
        s.add(Incident(number="2025-9999", kind="event", status="open", title="新接报的事件",
                       received_at=clock.now(), missing_elements=[]))
    page.view.scrollToTop()
    page.view.viewport().repaint()
    reads = page.model.pages.reads
    assert [page.model.data(page.model.index(r, 0)) for r in range(N)] == shown
    assert page.model.pages.reads > reads  # pages were read again to show them
    assert page.model.pages.held_rows() <= 60


def test_a_row_chosen_after_its_page_was_let_go_opens_its_incident(qtbot, page: IncidentListPage) -> None:  # type: ignore[no-untyped-def]
    shown = scroll_to_the_end(page)
    page.view.selectRow(5)
    with qtbot.waitSignal(page.sig_open_incident) as opened:
        page.open_selected()  # Enter
    assert opened.args == [shown[5]]
    page.view.scrollToBottom()
    page.view.viewport().repaint()
    for row in range(N - 1, 20, -20):  # the first page let go again
        page.model.data(page.model.index(row, 0))
    assert 0 not in page.model.pages.held
    with qtbot.waitSignal(page.sig_open_incident) as opened:
        page.open_row(7)  # a double click
    assert opened.args == [shown[7]]
    assert page.view.selectionModel().selectedRows()[0].row() == 5  # the selection stayed put
