"""Dialogs for one deadline: details with its actions, a new deadline set by hand."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QCoreApplication, QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import audit_terms
from app.domain import deadline_rules as dr
from app.domain.enums import Channel, DeadlineOutcome, DeadlineStage, ReportKind
from app.domain.errors import DutyDeskError
from app.domain.terms import term
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.ui.widgets import error_label, ok_cancel


def stage_name(stage: DeadlineStage) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        DeadlineStage.PENDING: QCoreApplication.translate("Deadlines", "not yet"),
        DeadlineStage.NOTICE: QCoreApplication.translate("Deadlines", "notice"),
        DeadlineStage.URGENT: QCoreApplication.translate("Deadlines", "urgent"),
        DeadlineStage.DUE: QCoreApplication.translate("Deadlines", "due now"),
        DeadlineStage.OVERDUE: QCoreApplication.translate("Deadlines", "overdue"),
    }[stage]


def ask_reason(parent: QWidget, title: str, prompt: str) -> str | None:
    text, ok = QInputDialog.getText(parent, title, prompt)
    return text if ok else None


def acknowledge_with_prompt(parent: QWidget, ctx: Context, deadline_id: int) -> bool:
    """Acknowledge; when overdue, ask for the reason first. True when recorded."""
    info = deadlines.get(ctx, deadline_id)
    stage = dr.stage_at(info.due_at, ctx.clock.now(), rule_profiles.stage_settings(ctx))
    reason = ""
    if stage is DeadlineStage.OVERDUE:
        answer = ask_reason(parent, QCoreApplication.translate("Deadlines", "Acknowledge an overdue alarm"),
                            QCoreApplication.translate("Deadlines", "Why is it overdue, and what is being done?"))
        if answer is None:
            return False
        reason = answer
    try:
        deadlines.acknowledge(ctx, deadline_id, reason=reason)
    except DutyDeskError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Deadlines", "DutyDesk"), exc.message)
        return False
    return True


class DeadlineDialog(QDialog):
    """What a deadline is, how long is left, and what can be done about it."""

    def __init__(self, ctx: Context, deadline_id: int, zone: zoneinfo.ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = deadlines.get(ctx, deadline_id)
        self.setWindowTitle(self.tr("Deadline"))
        self.setMinimumWidth(460)
        now = ctx.clock.now()
        stage = dr.stage_at(self.info.due_at, now, rule_profiles.stage_settings(ctx))
        form = QFormLayout()
        what = QLabel(self.info.what)
        what.setWordWrap(True)
        form.addRow(self.tr("What:"), what)
        form.addRow(self.tr("Asks for:"), QLabel(deadlines.label(self.info.report_kind, self.info.channel)))
        if self.info.incident_number:
            form.addRow(self.tr("Incident:"), QLabel(self.info.incident_number))
        form.addRow(self.tr("Due:"), QLabel(self.info.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")))
        if self.info.is_open:
            form.addRow(self.tr("Time left:"), QLabel(dr.format_remaining(self.info.remaining_seconds(now))))
            form.addRow(self.tr("Stage:"), QLabel(stage_name(stage)))
        else:
            form.addRow(self.tr("Outcome:"), QLabel(term(self.info.outcome)))
        if self.info.met_at:
            form.addRow(self.tr("Sent:"), QLabel(
                f"{self.info.met_at.astimezone(zone).strftime('%Y-%m-%d %H:%M')} {self.info.met_how} "
                f"({audit_terms.actor(self.info.met_by)})"))
        if self.info.acknowledged_at:
            form.addRow(self.tr("Seen by:"), QLabel(
                f"{self.info.acknowledged_by} {self.info.acknowledged_at.astimezone(zone).strftime('%H:%M')}"))
        self.how = QComboBox()
        self.how.setEditable(True)
        self.how.addItems([self.tr("By phone to the city emergency office"),
                           self.tr("By fax"), self.tr("Through the reporting system"),
                           self.tr("By official document")])
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        if self.info.is_open:
            layout.addWidget(QLabel(self.tr("How it was sent:")))
            layout.addWidget(self.how)
            row = QHBoxLayout()
            self.meet_button = QPushButton(self.tr("&Sent"))
            self.ack_button = QPushButton(self.tr("&Acknowledge alarm"))
            self.cancel_button = QPushButton(self.tr("Ca&ncel deadline…"))
            self.missed_button = QPushButton(self.tr("Record as &missed…"))
            for b in (self.meet_button, self.ack_button, self.cancel_button, self.missed_button):
                row.addWidget(b)
            self.meet_button.clicked.connect(self.meet)
            self.ack_button.clicked.connect(self.acknowledge)
            self.cancel_button.clicked.connect(lambda: self.close_as(DeadlineOutcome.CANCELLED))
            self.missed_button.clicked.connect(lambda: self.close_as(DeadlineOutcome.MISSED))
            layout.addLayout(row)
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _fail(self, exc: DutyDeskError) -> None:
        self.error.setText(exc.message)
        self.error.show()

    def meet(self) -> None:
        try:
            deadlines.meet(self.ctx, self.info.id, how=self.how.currentText())
        except DutyDeskError as exc:
            self._fail(exc)
            return
        self.accept()

    def acknowledge(self) -> None:
        if acknowledge_with_prompt(self, self.ctx, self.info.id):
            self.accept()

    def close_as(self, outcome: DeadlineOutcome) -> None:
        title = self.tr("Cancel deadline") if outcome is DeadlineOutcome.CANCELLED else self.tr("Record as missed")
        reason = ask_reason(self, title, self.tr("Reason:"))
        if reason is None:
            return
        try:
            deadlines.close(self.ctx, self.info.id, outcome=outcome, reason=reason)
        except DutyDeskError as exc:
            self._fail(exc)
            return
        self.accept()


class NewDeadlineDialog(QDialog):
    """A deadline set by hand: a leader's feedback request, a promised call-back, …"""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.setWindowTitle(self.tr("New deadline"))
        self.what = QLineEdit()
        self.kind = QComboBox()
        for k in (ReportKind.OTHER, ReportKind.INITIAL, ReportKind.FOLLOW_UP, ReportKind.FINAL,
                  ReportKind.WARNING, ReportKind.INSTRUCTION_FEEDBACK):
            self.kind.addItem(term(k), k.value)
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(term(c), c.value)
        self.channel.setCurrentIndex(1)
        self.due = QDateTimeEdit()
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.due.setTimeZone(QTimeZone(zone.key.encode()))
        start = ctx.clock.now() + dt.timedelta(hours=1)
        self.due.setDateTime(QDateTime.fromSecsSinceEpoch(int(start.timestamp()), QTimeZone(zone.key.encode())))
        form = QFormLayout()
        form.addRow(self.tr("&What:"), self.what)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("C&hannel:"), self.channel)
        form.addRow(self.tr("&Due:"), self.due)
        self.error = error_label()
        buttons = ok_cancel(self, self.tr("Create"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def due_at(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.due.dateTime().toSecsSinceEpoch(), dt.UTC)

    def submit(self) -> None:
        try:
            deadlines.create(self.ctx, what=self.what.text(), report_kind=self.kind.currentData(),
                             channel=self.channel.currentData(), due_at=self.due_at())
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()
