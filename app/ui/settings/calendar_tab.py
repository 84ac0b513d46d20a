"""Settings → Calendar: public holidays and make-up working days by year, sensitive periods,
and each holiday's roster filing date."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.duty_calendar import CalendarEntry
from app.domain.enums import CalendarKind, LeaderTier, UserRole
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.office.zone import local_today
from app.services.roster import calendar as roster_calendar
from app.services.roster import filing
from app.services.roster.calendar import PeriodInfo
from app.services.roster.filing import FilingInfo
from app.ui import style
from app.ui.roster.dialogs import date_edit, pydate
from app.ui.roster.models import tier_word
from app.ui.settings.year_notice import YearNoticeDialog
from app.ui.table_model import Index, RowsModel
from app.ui.widgets import LoadOnShow, accept_cancel, weekday_name

DISPLAY = Qt.ItemDataRole.DisplayRole


T = TypeVar("T")


class _RowsModel(RowsModel, Generic[T]):
    """A read-only table of tuples (the lists of this tab and of the duty tab); row i shows
    ``items[i]``."""

    def __init__(self, headers: list[str]) -> None:
        super().__init__()
        self.headers = headers
        self.items: list[T] = []

    def load(self, rows: list[tuple[str, ...]], items: list[T]) -> None:
        self.beginResetModel()
        self.rows, self.items = rows, items
        self.endResetModel()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role != DISPLAY:
            return None
        return self.rows[index.row()][index.column()]


def _view(model: QAbstractTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


def _row(*widgets: QWidget) -> QHBoxLayout:
    """The widgets side by side, pushed to the left."""
    row = QHBoxLayout()
    for w in widgets:
        row.addWidget(w)
    row.addStretch()
    return row


class DayDialog(QDialog):
    """A day of the State Council's notice: holiday (with its name) or make-up working day."""

    def __init__(self, day: dt.date, kind: CalendarKind, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Calendar day"))
        self.date = date_edit(day)
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Public holiday"), CalendarKind.HOLIDAY)
        self.kind.addItem(self.tr("Make-up working day"), CalendarKind.MAKEUP_WORKDAY)
        self.kind.setCurrentIndex(0 if kind is CalendarKind.HOLIDAY else 1)
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节"])
        self.name.setCurrentText(name)
        form = QFormLayout(self)
        form.addRow(self.tr("&Date:"), self.date)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Holiday:"), self.name)
        form.addRow(accept_cancel(self))


class PeriodDialog(QDialog):
    def __init__(self, period: roster_calendar.PeriodInfo | None, today: dt.date,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sensitive period"))
        self.name = QLineEdit(period.name if period else "")
        self.start = date_edit(period.starts_on if period else today)
        self.end = date_edit(period.ends_on if period else today)
        self.tier = QComboBox()
        for tier in LeaderTier:
            self.tier.addItem(tier_word(int(tier)), int(tier))
        self.tier.setCurrentIndex(self.tier.findData(period.leader_tier if period else 2))
        self.note = QLineEdit(period.note if period else "")
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&From:"), self.start)
        form.addRow(self.tr("&To:"), self.end)
        form.addRow(self.tr("&Leader at least:"), self.tier)
        form.addRow(self.tr("N&ote:"), self.note)
        form.addRow(accept_cancel(self))


class CalendarTab(LoadOnShow, QWidget):
    """Holidays by year (from the built-in notices until the office edits the year), sensitive
    periods and filing dates; administrators edit, everyone reads."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(local_today(ctx).year)
        self.year.valueChanged.connect(self.reload)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.days_model: _RowsModel[CalendarEntry] = _RowsModel(
            [self.tr("Date"), self.tr("Weekday"), self.tr("Kind"),
             self.tr("Holiday"), self.tr("Source")])
        self.days_view = _view(self.days_model)
        self.notice_button = QPushButton(self.tr("Enter the year's &notice…"))
        self.notice_button.setToolTip(self.tr("The whole notice of the year in one table"))
        self.notice_button.clicked.connect(self.on_notice)
        self.add_day = QPushButton(self.tr("&Set a day…"))
        self.add_day.clicked.connect(self.on_set_day)
        self.remove_day = QPushButton(self.tr("&Ordinary day"))
        self.remove_day.setToolTip(self.tr("The selected day is neither a holiday nor a make-up working day"))
        self.remove_day.clicked.connect(self.on_remove_day)
        self.periods_model: _RowsModel[PeriodInfo] = _RowsModel(
            [self.tr("Name"), self.tr("From"), self.tr("To"),
             self.tr("Leader at least"), self.tr("Note")])
        self.periods_view = _view(self.periods_model)
        self.add_period = QPushButton(self.tr("&Add…"))
        self.add_period.clicked.connect(lambda: self.on_period(None))
        self.edit_period = QPushButton(self.tr("&Edit…"))
        self.edit_period.clicked.connect(lambda: self.on_period(self._selected(self.periods_view, self.periods_model)))
        self.delete_period = QPushButton(self.tr("&Delete"))
        self.delete_period.clicked.connect(self.on_delete_period)
        self.filings_model: _RowsModel[FilingInfo] = _RowsModel(
            [self.tr("Holiday"), self.tr("First day"), self.tr("File by"),
             self.tr("Filed"), self.tr("Changed since")])
        self.filings_view = _view(self.filings_model)
        self.due_button = QPushButton(self.tr("Filing &date…"))
        self.due_button.clicked.connect(self.on_due)
        self.filed_button = QPushButton(self.tr("&Mark filed"))
        self.filed_button.clicked.connect(self.on_filed)

        top = QHBoxLayout()
        label = QLabel(self.tr("&Year:"))
        label.setBuddy(self.year)
        top.addWidget(label)
        top.addWidget(self.year)
        top.addWidget(self.source, 1)
        days = QGroupBox(self.tr("Public holidays and make-up working days"))
        dl = QVBoxLayout(days)
        dl.addWidget(self.days_view)
        dl.addLayout(_row(self.notice_button, self.add_day, self.remove_day))
        periods = QGroupBox(self.tr("Sensitive periods"))
        pl = QVBoxLayout(periods)
        pl.addWidget(self.periods_view)
        pl.addLayout(_row(self.add_period, self.edit_period, self.delete_period))
        filings = QGroupBox(self.tr("Filing the holiday rosters"))
        fl = QVBoxLayout(filings)
        fl.addWidget(self.filings_view)
        fl.addLayout(_row(self.due_button, self.filed_button))
        right = QVBoxLayout()
        right.addWidget(periods)
        right.addWidget(filings)
        body = QHBoxLayout()
        body.addWidget(days, 1)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(body, 1)

    @staticmethod
    def _selected(view: QTableView, model: _RowsModel[T]) -> T | None:
        index = view.currentIndex()
        return model.items[index.row()] if index.isValid() else None

    def reload(self) -> None:
        self.loaded = True
        year = self.year.value()
        cal = roster_calendar.calendar_year(self.ctx, year)
        kinds = {CalendarKind.HOLIDAY: self.tr("Public holiday"),
                 CalendarKind.MAKEUP_WORKDAY: self.tr("Make-up working day")}
        sources = {"chinesecalendar": self.tr("State Council notice (built in)"),
                   "manual": self.tr("entered here"), "table": self.tr("the office's notice table")}
        self.days_model.load([(e.date.isoformat(), weekday_name(e.date), kinds[e.kind], e.name,
                               sources.get(e.source, e.source)) for e in cal.entries], cal.entries)
        self._say_source(cal)
        periods = roster_calendar.list_periods(self.ctx, year)
        self.periods_model.load([(p.name, p.starts_on.isoformat(), p.ends_on.isoformat(),
                                  tier_word(p.leader_tier), p.note) for p in periods], periods)
        filings = filing.filings(self.ctx, dt.date(year, 1, 1), dt.date(year, 12, 31))
        self.filings_model.load([(f.holiday_name, f.first_day.isoformat(), f.due_on.isoformat(),
                                  f"{f.filed_at.astimezone(self.zone):%Y-%m-%d %H:%M} {f.filed_by}"
                                  if f.filed_at else self.tr("not yet"),
                                  self.tr("a swap: file again") if f.refile else "")
                                 for f in filings], filings)
        admin = self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN
        for w in (self.notice_button, self.add_day, self.remove_day, self.add_period, self.edit_period,
                  self.delete_period, self.due_button, self.filed_button):
            w.setEnabled(admin)

    def _say_source(self, cal: roster_calendar.YearCalendar) -> None:
        year = str(cal.year)
        if cal.known and cal.source == "table":
            text, warn = self.tr("The office's own table (its notice entered whole)."), False
        elif cal.known:
            text, warn = self.tr("From the State Council's notices built into DutyDesk. "
                                 "Editing a day makes the year the office's own."), False
        elif cal.entries:
            text, warn = self.tr("The days of %1 entered here are not a whole notice: the year counts "
                                 "as unknown until its whole notice is entered.").replace("%1", year), True
        else:
            text, warn = self.tr("%1 has no official schedule here: the roster uses weekends only "
                                 "and guesses no holiday. Enter the State Council's notice for the "
                                 "whole year.").replace("%1", year), True
        self.source.setText(text)
        style.set_tone(self.source, "error_strong" if warn else "")

    def on_notice(self) -> None:
        """The whole notice of the shown year, in one table."""
        year = self.year.value()
        dialog = YearNoticeDialog(self.ctx, year, roster_calendar.calendar_year(self.ctx, year).entries,
                                  self)
        if dialog.exec():
            self.reload()

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except DutyDeskError as exc:
            QMessageBox.warning(self, self.tr("Calendar"), exc.message)
            return False
        self.reload()
        return True

    def on_set_day(self) -> None:
        entry = self._selected(self.days_view, self.days_model)
        day = entry.date if entry else dt.date(self.year.value(), 1, 1)
        dialog = DayDialog(day, entry.kind if entry else CalendarKind.HOLIDAY,
                           entry.name if entry else "", self)
        if dialog.exec():
            self.set_day(pydate(dialog.date.date()), dialog.kind.currentData(),
                         dialog.name.currentText())

    def set_day(self, day: dt.date, kind: CalendarKind | None, name: str = "") -> bool:
        return self._run(lambda: roster_calendar.set_day(self.ctx, day, kind, name))

    def on_remove_day(self) -> None:
        entry = self._selected(self.days_view, self.days_model)
        if entry is not None:
            self.set_day(entry.date, None)

    def on_period(self, period: roster_calendar.PeriodInfo | None) -> None:
        dialog = PeriodDialog(period, local_today(self.ctx), self)
        if dialog.exec():
            self._run(lambda: roster_calendar.save_period(
                self.ctx, period_id=period.id if period else None, name=dialog.name.text(),
                starts_on=pydate(dialog.start.date()), ends_on=pydate(dialog.end.date()),
                leader_tier=dialog.tier.currentData(), note=dialog.note.text(),
                expected_version=period.version if period else None))

    def on_delete_period(self) -> None:
        period = self._selected(self.periods_view, self.periods_model)
        if period is not None:
            self._run(lambda: roster_calendar.delete_period(self.ctx, period.id))

    # The selected row is ``chosen``: named ``filing`` it hid the filing service module, and
    # both buttons failed with AttributeError.
    def on_due(self) -> None:
        chosen = self._selected(self.filings_view, self.filings_model)
        if chosen is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Filing date"))
        edit = date_edit(chosen.due_on)
        form = QFormLayout(dialog)
        form.addRow(self.tr("File %1's roster by:").replace("%1", chosen.holiday_name), edit)
        form.addRow(accept_cancel(dialog))
        if dialog.exec():
            self._run(lambda: filing.set_filing_due(self.ctx, chosen.first_day,
                                                    pydate(edit.date())))

    def on_filed(self) -> None:
        chosen = self._selected(self.filings_view, self.filings_model)
        if chosen is not None:
            self._run(lambda: filing.mark_filed(self.ctx, chosen.first_day))
