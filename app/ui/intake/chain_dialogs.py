"""The dialogs of the report chain: send a report (phone or written), write a follow-up from
the facts with what changed highlighted, write the final report, record a leader's
instruction."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo

from PySide6.QtCore import QDateTime, QTimeZone
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import incidents as rules
from app.domain.enums import Channel, Means
from app.domain.errors import DutyDeskError, InputError
from app.domain.incident_facts import IncidentFacts
from app.domain.incident_text import changed_fields
from app.domain.sendings import SendingInput
from app.domain.terms import report_term, term
from app.services.context import Context
from app.services.incidents import chain, documents, sending
from app.services.incidents.info import IncidentInfo, ReportInfo
from app.ui.intake.fields import IntakeFields
from app.ui.intake.guide import IntakeGuide
from app.ui.widgets import ok_cancel


def time_edit(zone: zoneinfo.ZoneInfo, value: dt.datetime) -> QDateTimeEdit:
    edit = QDateTimeEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd HH:mm")
    edit.setTimeZone(QTimeZone(zone.key.encode()))
    edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone(zone.key.encode())))
    return edit


def time_of(edit: QDateTimeEdit) -> dt.datetime:
    return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), dt.UTC)


def error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("formError")
    label.setWordWrap(True)
    return label


class SendDialog(QDialog):
    """Record one sending of a report: by phone, or in writing by a means with its 签发人.
    The channel that still owes a deadline comes first."""

    def __init__(self, ctx: Context, report: ReportInfo, zone: zoneinfo.ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report = report
        self.summary = ""
        self.setWindowTitle(self.tr("Send: %1").replace("%1", report_term(report.kind, report.seq, report.heading)))
        self.setMinimumWidth(520)
        owed = sending.owed_channels(ctx, report.id)
        self.channel = QComboBox()
        for c in [*owed, *(c for c in Channel if c not in owed)]:
            self.channel.addItem(term(c) + (self.tr(" (deadline open)") if c in owed else ""), c.value)
        self.means = QComboBox()
        for m in Means:
            self.means.addItem(term(m), m.value)
        self.to = QLineEdit(documents.addressee(ctx, report.id))
        self.issued_by = QLineEdit(documents.signer(ctx, report.id))
        self.at = time_edit(zone, ctx.clock.now())
        self.errors = {name: error_label() for name in ("channel", "means", "to", "issued_by", "at")}
        form = QFormLayout()
        for label, name, widget in ((self.tr("&Channel:"), "channel", self.channel),
                                    (self.tr("&Means:"), "means", self.means),
                                    (self.tr("&To:"), "to", self.to),
                                    (self.tr("Signed off &by:"), "issued_by", self.issued_by),
                                    (self.tr("&Sent at:"), "at", self.at)):
            row = QHBoxLayout()
            row.addWidget(widget, 1)
            row.addWidget(self.errors[name])
            caption = QLabel(label)
            caption.setBuddy(widget)  # the mnemonic reaches the input
            form.addRow(caption, row)
        self.message = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Record"), self.submit))
        self.channel.currentIndexChanged.connect(self._channel_changed)
        self._channel_changed()

    def chosen(self) -> Channel:
        return Channel(self.channel.currentData())

    def _channel_changed(self) -> None:
        written = self.chosen() is Channel.WRITTEN
        self.means.setEnabled(written)
        self.issued_by.setEnabled(written)

    def submit(self) -> None:
        written = self.chosen() is Channel.WRITTEN
        given = SendingInput(self.chosen(), self.to.text(),
                             Means(self.means.currentData()) if written else None,
                             self.issued_by.text() if written else "", time_of(self.at))
        for label in self.errors.values():
            label.setText("")
        try:
            result = sending.send(self.ctx, self.report.id, given)
        except DutyDeskError as exc:
            self.message.setText(exc.message)
            for p in exc.problems if isinstance(exc, InputError) else ():
                beside = self.errors.get(str(p.values.get("field")))
                if beside is not None:
                    beside.setText(p.message())
            return
        self.summary = result.summary()
        self.accept()


class FollowUpDialog(QDialog):
    """A follow-up: the facts as they stand, the operator changes what changed; the changes
    since the last report sent are highlighted and are exactly what the follow-up gives."""

    def __init__(self, ctx: Context, info: IncidentInfo, zone: zoneinfo.ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.report: ReportInfo | None = None
        self.setWindowTitle(self.tr("New follow-up: %1").replace("%1", info.number))
        self.resize(1000, 680)
        self.baseline = chain.baseline(ctx, info.number)
        self.guide = IntakeGuide(self)
        self.fields = IntakeFields(zone, self.guide, lambda: ctx.clock.now().astimezone(zone).date())
        self.fields.set_facts(info.facts)
        self.fields.plan.load(ctx)  # the plans in force: one may have been activated since
        self.as_of = time_edit(zone, ctx.clock.now())
        self.changes = QLabel()
        self.changes.setWordWrap(True)
        self.message = error_label()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        top = QFormLayout()
        top.addRow(self.tr("Figures &as of:"), self.as_of)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.changes)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Write the follow-up"), self.submit))
        self.fields.sig_edited.connect(self.refresh)
        self.refresh()

    def facts(self) -> IncidentFacts:
        return self.fields.facts(self.info.facts)

    def refresh(self) -> None:
        """Highlight the inputs whose facts differ from the last report sent, and name them."""
        changed = changed_fields(self.baseline, self.facts())
        self.fields.mark_changed(set(changed))
        if changed:
            self.changes.setText(self.tr("Changed since the last report sent: %1").replace(
                "%1", "、".join(rules.element_term(c) for c in changed)))
        else:
            self.changes.setText(self.tr("Nothing has changed yet: a follow-up gives what changed."))

    def submit(self) -> None:
        try:
            self.report = chain.follow_up(self.ctx, self.info.number, self.facts(), as_of=time_of(self.as_of))
        except DutyDeskError as exc:
            self.message.setText(exc.message)
            if isinstance(exc, InputError):
                self.guide.show_problems(exc.problems)
            return
        self.accept()


class FinalDialog(QDialog):
    """The final report: the outcome (required), the aftermath and an assessment; it closes the
    incident and cancels what it still owes."""

    def __init__(self, ctx: Context, info: IncidentInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.info = info
        self.setWindowTitle(self.tr("Final report: %1").replace("%1", info.number))
        self.texts: dict[str, QPlainTextEdit] = {}
        form = QFormLayout()
        for name, label in (("outcome", self.tr("&Outcome:")), ("aftermath", self.tr("&Aftermath:")),
                            ("assessment", self.tr("A&ssessment:"))):
            edit = QPlainTextEdit(getattr(info.facts, name))
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(70)
            self.texts[name] = edit
            form.addRow(label, edit)
        self.message = error_label()
        note = QLabel(self.tr("The final report closes the incident: its follow-up clock stops and "
                              "what it still owes is cancelled."))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(ok_cancel(self, self.tr("Write the final report"), self.submit))

    def submit(self) -> None:
        written = {k: e.toPlainText().strip() for k, e in self.texts.items()}
        facts = dataclasses.replace(self.info.facts, outcome=written["outcome"],
                                    aftermath=written["aftermath"], assessment=written["assessment"])
        try:
            chain.final(self.ctx, self.info.number, facts)
        except DutyDeskError as exc:
            self.message.setText(exc.message)
            return
        self.accept()


class InstructionDialog(QDialog):
    def __init__(self, ctx: Context, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.setWindowTitle(self.tr("Leader's instruction"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.from_whom = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 7 * 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        form = QFormLayout()
        form.addRow(self.tr("&Instruction:"), self.text)
        form.addRow(self.tr("&From:"), self.from_whom)
        form.addRow(self.tr("Feedback &within:"), self.minutes)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Record"), self.submit))

    def submit(self) -> None:
        try:
            chain.add_instruction(self.ctx, self.number, text=self.text.toPlainText(),
                                  from_whom=self.from_whom.text(), feedback_minutes=self.minutes.value() or None)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
