"""Settings → Calendar: the filing dates of the holiday rosters."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog

from app.services.context import Context
from app.services.roster import filing
from app.ui.settings.calendar_tab import CalendarTab

ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")


def _tab(qtbot, ctx: Context) -> CalendarTab:  # type: ignore[no-untyped-def]
    tab = CalendarTab(ctx, ZONE)
    qtbot.addWidget(tab)
    tab.show()  # the first show loads the year of the clock (2026)
    tab.filings_view.setCurrentIndex(tab.filings_model.index(0, 0))
    assert tab.filings_model.items[0].holiday_name == "元旦"
    return tab


def test_marking_a_holiday_roster_filed(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    tab = _tab(qtbot, office_ctx)
    qtbot.mouseClick(tab.filed_button, Qt.MouseButton.LeftButton)
    first = filing.filings(office_ctx, dt.date(2026, 1, 1), dt.date(2026, 1, 1))[0]
    assert first.filed_at == office_ctx.clock.now() and first.filed_by == "王建国"
    assert tab.filings_model.rows[0][3].endswith("王建国")  # the list was read again


def test_moving_a_holiday_rosters_filing_date(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                              monkeypatch) -> None:
    def accept_earlier(dialog: QDialog) -> int:
        dialog.findChild(QDateEdit).setDate(QDate(2025, 12, 20))
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(QDialog, "exec", accept_earlier)
    tab = _tab(qtbot, office_ctx)
    qtbot.mouseClick(tab.due_button, Qt.MouseButton.LeftButton)
    first = filing.filings(office_ctx, dt.date(2026, 1, 1), dt.date(2026, 1, 1))[0]
    assert first.due_on == dt.date(2025, 12, 20)
