"""Writing a duty log entry from anywhere (F2): a note, a leader's instruction, or a phone call
with the fields of the call record (RULES.md §4). Also used to record a correction."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimeZone
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import duty
from app.domain.duty import LogKind
from app.domain.errors import DutyDeskError
from app.domain.incident_facts import IncidentFacts
from app.domain.terms import term
from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.dutylog.entries import LogEntry
from app.services.incidents import listing as incident_list
from app.ui.widgets import ok_cancel


class EntryDialog(QDialog):
    """A new entry, or (with ``correcting``) a correction of an earlier one."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None,
                 *, correcting: LogEntry | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.correcting = correcting
        self.entry: LogEntry | None = None
        self.as_incident: IncidentFacts | None = None  # "record as incident": the call's details
        self.setWindowTitle(self.tr("Correct entry %1").replace("%1", str(correcting.id)) if correcting
                            else self.tr("Duty log entry"))
        self.setMinimumWidth(560)
        self.kind = QComboBox()
        kinds = list(duty.USER_KINDS)
        if correcting is not None and correcting.kind not in kinds:
            kinds.append(correcting.kind)
        for k in kinds:
            self.kind.addItem(term(k), k.value)
        self.at = QDateTimeEdit()
        self.at.setCalendarPopup(True)
        self.at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.at.setTimeZone(QTimeZone(zone.key.encode()))
        self._set_time(self.at, ctx.clock.now())
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("What happened, what was done (Ctrl+Enter saves)"))
        self.text.setMinimumHeight(90)
        self.incident = QComboBox()
        self.incident.addItem(self.tr("(no incident)"), None)
        for row in incident_list.list_page(ctx, incident_list.ListFilter(open_only=True), 0, 100):
            self.incident.addItem(f"{row.number} {row.title}", row.id)

        self.caller_unit = QLineEdit()
        self.caller_name = QLineEdit()
        self.caller_title = QLineEdit()
        self.caller_phone = QLineEdit()
        self.place = QLineEdit()
        self.notified = QLineEdit()
        self.notified.setPlaceholderText(self.tr("Whom the caller has already told"))
        self.notified_at = QLineEdit()
        self.notified_at.setPlaceholderText(self.tr("HH:MM"))
        self.notified_at.setMaximumWidth(80)
        call_form = QFormLayout()
        call_form.addRow(self.tr("Caller's &unit:"), self.caller_unit)
        call_form.addRow(self.tr("Caller's &name:"), self.caller_name)
        call_form.addRow(self.tr("&Title:"), self.caller_title)
        call_form.addRow(self.tr("&Phone:"), self.caller_phone)
        call_form.addRow(self.tr("P&lace:"), self.place)
        call_form.addRow(self.tr("Al&ready told:"), self.notified)
        call_form.addRow(self.tr("Told at:"), self.notified_at)
        self.call_box = QGroupBox(self.tr("Call record"))
        self.call_box.setLayout(call_form)

        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("Ti&me:"), self.at)
        form.addRow(self.tr("&Content:"), self.text)
        form.addRow(self.tr("&Incident:"), self.incident)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        buttons = ok_cancel(self, self.tr("Record correction") if correcting else self.tr("Record"),
                            self.submit)
        self.incident_button = QPushButton(self.tr("R&ecord as incident…"))
        self.incident_button.setToolTip(self.tr("Open the intake form with this call's details"))
        self.incident_button.clicked.connect(self.record_as_incident)
        buttons.addButton(self.incident_button, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.call_box)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.submit)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self.submit)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._completions()
        if correcting is not None:
            self._fill(correcting)
        else:
            self.note.hide()
        self._kind_changed()
        self.text.setFocus()

    def _set_time(self, edit: QDateTimeEdit, value: dt.datetime) -> None:
        edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone(self.zone.key.encode())))

    def _completions(self) -> None:
        """Units and people from the contact book, to fill the caller in a few keys."""
        self._suggestions = incident_list.source_suggestions(self.ctx)
        words = sorted({s.unit for s in self._suggestions if s.unit}) + [
            s.label for s in self._suggestions if s.person]
        completer = QCompleter(QStringListModel(words, self), self)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.caller_unit.setCompleter(completer)
        completer.activated.connect(self._caller_picked)

    def _caller_picked(self, label: str) -> None:
        match = next((s for s in self._suggestions if s.label == label), None)
        if match is None:
            return
        self.caller_unit.setText(match.unit)
        if match.person:
            self.caller_name.setText(match.person)
            self.caller_title.setText(match.title)
        if match.phone:
            self.caller_phone.setText(match.phone)

    def _fill(self, e: LogEntry) -> None:
        at = e.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
        self.note.setText(self.tr("The entry of %1 stays as it was; the correction is written now and "
                                  "points back at it.").replace("%1", at))
        self.kind.setCurrentIndex(max(0, self.kind.findData(e.kind.value)))
        self.at.setEnabled(False)
        self._set_time(self.at, self.ctx.clock.now())
        self.text.setPlainText(e.text)
        self.incident.setCurrentIndex(max(0, self.incident.findData(e.incident_id)))
        for name in ("caller_unit", "caller_name", "caller_title", "caller_phone", "place", "notified"):
            getattr(self, name).setText(getattr(e, name))
        if e.notified_at:
            self.notified_at.setText(e.notified_at.astimezone(self.zone).strftime("%H:%M"))

    def _kind_changed(self) -> None:
        kind = LogKind(self.kind.currentData())
        self.call_box.setVisible(kind.is_call)
        self.incident_button.setVisible(kind is LogKind.INCOMING_CALL and self.correcting is None)
        self.adjustSize()

    def record_as_incident(self) -> None:
        """The call reports an incident: nothing is written here; the intake form opens with
        the caller's details, and recording the incident writes its 接报 line in the log."""
        notified = self.notified.text().strip()
        if notified and self.notified_at.text().strip():
            notified += f"（{self.notified_at.text().strip()}）"
        self.as_incident = IncidentFacts(
            received_at=self._time(), nature=self.text.toPlainText().strip(),
            source=self.caller_unit.text().strip(), source_person=self.caller_name.text().strip(),
            source_title=self.caller_title.text().strip(), source_phone=self.caller_phone.text().strip(),
            location=self.place.text().strip(), notified=notified)
        self.accept()

    def _time(self) -> dt.datetime:
        return dt.datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), dt.UTC)

    def _notified_at(self) -> dt.datetime | str | None:
        raw = self.notified_at.text().strip()
        if not raw:
            return None
        t = duty.parse_hhmm(raw)
        if t is None:
            return raw  # the service names it as a bad time
        day = self._time().astimezone(self.zone).date()
        when = dt.datetime.combine(day, t, self.zone)
        if when > self._time() + dt.timedelta(minutes=1):  # told before the call, on the day before
            when -= dt.timedelta(days=1)
        return when

    def submit(self) -> None:
        kind = LogKind(self.kind.currentData())
        call = {}
        if kind.is_call:
            call = {name: getattr(self, name).text() for name in
                    ("caller_unit", "caller_name", "caller_title", "caller_phone", "place", "notified")}
            call["notified_at"] = self._notified_at()
        try:
            if self.correcting is not None:
                self.entry = dutylog.correct(self.ctx, self.correcting.id, self.text.toPlainText(), kind=kind,
                                             incident_id=self.incident.currentData(), **call)
            else:
                self.entry = dutylog.append(self.ctx, self.text.toPlainText(), kind, at=self._time(),
                                            incident_id=self.incident.currentData(), **call)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            return
        self.accept()
