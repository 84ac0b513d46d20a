"""The audit trail scrolled far: a window of pages held, and the entries it showed still in
place when scrolled back after new ones arrived on top (read again at the shifted offset)."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import QApplication

from app.services.context import Context
from app.services.office import audit
from app.ui.settings import audit_tab
from app.ui.settings.audit_tab import AuditModel, AuditTab

SH = zoneinfo.ZoneInfo("Asia/Shanghai")


def note(ctx: Context, n: int, first: int = 0) -> None:
    with ctx.db.write() as s:
        for i in range(first, first + n):
            audit.record(s, ctx, "note", "test", i)


def test_scrolled_back_after_new_entries_it_shows_the_entries_it_showed(qtbot, office_ctx: Context, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    note(office_ctx, 95)
    monkeypatch.setattr(audit_tab, "PAGE", 10)
    monkeypatch.setattr(AuditModel, "window", 3)
    tab = AuditTab(office_ctx, SH)
    qtbot.addWidget(tab)
    tab.resize(900, 300)
    tab.show()
    qtbot.waitExposed(tab)
    model, shown = tab.model, []
    while model.canFetchMore(QModelIndex()):
        tab.table.scrollToBottom()
        QApplication.processEvents()
        shown += [model.data(model.index(r, 3)) for r in range(len(shown), model.rowCount())]
    total = audit.count(office_ctx)
    assert model.rowCount() == total == len(shown) and model.pages.held_rows() <= 30
    note(office_ctx, 4, first=1000)  # four new entries on top of the trail meanwhile
    tab.table.scrollToTop()
    tab.table.viewport().repaint()
    assert [model.data(model.index(r, 3)) for r in range(total)] == shown
    assert model.pages.shift == 4 and model.pages.held_rows() <= 30
    tab.model.reload()  # Refresh: the new ones on top, from the first page
    assert model.rowCount() == 10 and model.pages.shift == 0
    assert model.data(model.index(0, 3)) == audit_tab.audit_terms.record("test", "1003")
