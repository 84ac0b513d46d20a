"""The daily report in holiday periods: compose it from the day's incidents, copy it, mark it
sent (which meets the day's daily-report deadline)."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QDate, Signal
from PySide6.QtGui import QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Channel, Means
from app.domain.errors import DutyDeskError
from app.domain.terms import term
from app.services.context import Context
from app.services.dutylog import daily_report
from app.ui import style
from app.ui.widgets import labelled


class DailyReportTab(QWidget):
    """Signals:
        sig_sent(): a daily report was marked sent (a deadline may have been met).
    """

    sig_sent = Signal()
    """The report went up; the deadlines changed."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = ctx.clock.now().astimezone(zone).date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.compose_button = QPushButton(self.tr("C&ompose"))
        self.copy_button = QPushButton(self.tr("&Copy text"))
        self.how = QComboBox()
        self.how.setEditable(True)
        self.how.addItems([term(Means.SYSTEM), term(Means.FAX), term(Channel.PHONE), term(Means.PAPER)])
        self.send_button = QPushButton(self.tr("Mark &sent"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setAccessibleName(self.tr("Text of the daily report"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(labelled(self.tr("Report of:"), self.day))
        top.addWidget(self.day)
        top.addWidget(self.compose_button)
        top.addWidget(self.state, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.copy_button)
        bottom.addStretch()
        bottom.addWidget(labelled(self.tr("Sent by:"), self.how))
        bottom.addWidget(self.how)
        bottom.addWidget(self.send_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.text, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.message)
        self.compose_button.clicked.connect(self.compose)
        self.copy_button.clicked.connect(self.copy)
        self.send_button.clicked.connect(self.send)
        self.day.dateChanged.connect(self.show_state)
        self.loaded = False  # the calendar is read on first show, off the start-up path

    def showEvent(self, event: QShowEvent) -> None:
        if not self.loaded:
            self.show_state()
        super().showEvent(event)

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        if self.loaded:
            self.show_state()

    def shown_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def say(self, words: str, *, error: bool = False) -> None:
        style.set_tone(self.message, "error" if error else "info")
        self.message.setText(words)

    def show_state(self) -> None:
        self.loaded = True
        day = self.shown_day()
        holiday = daily_report.holiday_name(self.ctx, day)
        deadline = daily_report.deadline_of(self.ctx, day)
        parts = [self.tr("Public holiday: %1").replace("%1", holiday) if holiday
                 else self.tr("Not a public holiday.")]
        if deadline is not None:
            due = deadline.due_at.astimezone(self.zone).strftime("%m-%d %H:%M")
            parts.append(self.tr("Deadline %1: %2").replace("%1", due).replace("%2", term(deadline.outcome)))
        else:
            parts.append(self.tr("No daily-report deadline that day."))
        self.state.setText(" · ".join(parts))

    def compose(self) -> None:
        report = daily_report.compose(self.ctx, self.shown_day())
        self.text.setPlainText(report.text)
        self.say(self.tr("%n incident(s) in the period.", "", report.incidents) if report.incidents
                 else self.tr("Nothing happened: a nil report."))

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text.toPlainText())
        self.say(self.tr("Copied to the clipboard."))

    def send(self) -> None:
        if not self.text.toPlainText().strip():
            self.compose()
        try:
            sent = daily_report.mark_sent(self.ctx, self.shown_day(), self.text.toPlainText(),
                                          how=self.how.currentText())
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        self.say(sent.message)
        self.show_state()
        self.sig_sent.emit()
