"""Settings → Calendar: the filing dates of the holiday rosters."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDateEdit, QDialog

from app.domain.enums import CalendarKind
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


def test_a_whole_years_notice_is_entered_in_one_table(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                      clock, tmp_path) -> None:
    from PySide6.QtGui import QGuiApplication

    from app.services.deadlines import lifecycle as deadlines
    from app.services.roster import calendar as roster_calendar
    from app.ui.settings.year_notice import YearNoticeDialog
    from tests.services.roster.notice_2027 import NOTICE_2027, csv_text

    clock.set(dt.datetime(2026, 12, 20, 2, 0, tzinfo=dt.UTC))
    dialog = YearNoticeDialog(office_ctx, 2027, [])
    qtbot.addWidget(dialog)
    QGuiApplication.clipboard().setText("日期\t类型\t名称\n2027-01-01\t节假日\t元旦\n2027-13-01\t节假日\t元旦\n")
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert dialog.table.rowCount() == 2  # the header line is skipped
    dialog.save()
    assert dialog.problems.text() == "第 2 行 A 列：“2027-13-01”不是日期（如 2027-10-01）。"
    assert dialog.entered is None and not roster_calendar.calendar_year(office_ctx, 2027).known
    path = tmp_path / "2027.csv"
    path.write_text(csv_text(), encoding="utf-8")
    assert dialog.fill_from(path) and dialog.table.rowCount() == len(NOTICE_2027)
    dialog.save()
    assert dialog.entered is not None and dialog.result() == QDialog.DialogCode.Accepted
    assert roster_calendar.calendar_year(office_ctx, 2027).known
    whats = {d.what for d in deadlines.list_open(office_ctx)}
    assert "2027年元旦值班表报备" in whats  # the filing deadline is there at once


def test_the_tab_opens_the_years_table_and_says_when_a_year_is_partial(qtbot, office_ctx: Context,  # type: ignore[no-untyped-def]
                                                                       monkeypatch) -> None:
    from app.ui.settings import year_notice

    opened: list[int] = []
    monkeypatch.setattr(year_notice.YearNoticeDialog, "exec",
                        lambda self: opened.append(self.table.rowCount()) or 0)
    tab = _tab(qtbot, office_ctx)
    qtbot.mouseClick(tab.notice_button, Qt.MouseButton.LeftButton)
    assert opened == [39]  # 2026's days, from the package, to edit
    tab.year.setValue(2027)
    assert tab.set_day(dt.date(2027, 1, 1), CalendarKind.HOLIDAY, "元旦")
    assert "不构成全年安排" in tab.source.text()
