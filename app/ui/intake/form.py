"""The intake form: every element the rules demand, fast from the keyboard, never lost.

What the officer types is saved as a draft after each pause (and on close); after a crash the
draft comes back. Missing required elements are named next to their fields; the level the
accident figures reach is suggested beside the chosen level. The inputs are ``fields``, the
hints beside them ``guide``; this module holds the acts: record, save changes, drafts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.domain import incidents as rules
from app.domain.errors import DutyDeskError, InputError
from app.domain.incident_facts import TIME_FIELDS, IncidentFacts
from app.services.context import Context
from app.services.incidents import chain
from app.services.incidents import drafts as intake_drafts
from app.services.incidents import intake as incidents
from app.ui import style
from app.ui.intake.fields import IntakeFields, accident_level
from app.ui.intake.guide import IntakeGuide

# Times are shown to the minute: an edit within this many seconds is the same time.
SAME_TIME_SECONDS = 60


class IntakeForm(QWidget):
    """Signals:
        sig_recorded(str): an incident was recorded (its number).
        sig_open_incident(str): the officer asked for the report just recorded.
    """

    sig_recorded = Signal(str)
    """The number of the incident just recorded."""
    sig_open_incident = Signal(str)
    """Open this incident (the one just recorded) with its reports."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None,
                 *, editing: incidents.IncidentInfo | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.editing = editing
        self.draft_id: int | None = None
        self._completions_loaded = False
        self.guide = IntakeGuide(self)
        self.fields = IntakeFields(zone, self.guide, self.today)
        self.last_recorded: str | None = None
        self._build_buttons()
        self._lay_out()
        self._draft_timer = self._make_draft_timer()
        self._connect()
        if editing is None:
            self.clear()
        else:
            self._show_facts(editing.facts)
            self.flash_button.hide()
            self.clear_button.hide()
            self.save_button.setText(self.tr("&Save changes (Ctrl+Enter)"))

    def today(self) -> dt.date:
        """The office's date now (a time typed as 0840 is today's)."""
        return self.ctx.clock.now().astimezone(self.zone).date()

    # --- building -----------------------------------------------------------------------------
    def _build_buttons(self) -> None:
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Record and start the clocks (Ctrl+Enter)"))
        self.save_button.setToolTip(self.tr("Ctrl+Shift+Enter records and copies the report's text"))
        self.flash_button = QPushButton(self.tr("&Flash report: record what is known"))
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.open_button = QPushButton()  # the report of the incident just recorded
        self.open_button.hide()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.flash_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch()
        buttons.addWidget(self.clear_button)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.fields)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def _make_draft_timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setInterval(400)
        timer.timeout.connect(self.save_draft)
        return timer

    def _connect(self) -> None:
        self.save_button.clicked.connect(lambda: self.submit(flash=False))
        self.flash_button.clicked.connect(lambda: self.submit(flash=True))
        self.clear_button.clicked.connect(self.ask_to_clear)
        self.open_button.clicked.connect(self._open_recorded)
        self.copy_action = QAction(self.tr("Record and copy the report text"), self)
        self.copy_action.setShortcuts([QKeySequence("Ctrl+Shift+Return"), QKeySequence("Ctrl+Shift+Enter")])
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.copy_action.triggered.connect(lambda: self.submit(flash=False, copy=True))
        self.addAction(self.copy_action)
        self.open_shortcut = QShortcut(QKeySequence("Ctrl+O"), self, self._open_recorded)
        self.open_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.open_shortcut.setWhatsThis(self.tr("Open the report just recorded"))  # shortcut page
        self.fields.sig_edited.connect(self._edited)
        self.fields.sig_classified.connect(self.refresh_advice)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, lambda: self.submit(flash=False))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setWhatsThis(self.save_button.text())

    def showEvent(self, event: QShowEvent) -> None:
        self.guide.reload_settings(self.ctx)  # the settings may have changed while it was hidden
        if not self._completions_loaded:
            self._completions_loaded = True
            self.fields.load_completions(self.ctx)
        super().showEvent(event)

    # --- facts --------------------------------------------------------------------------------
    def facts(self) -> IncidentFacts:
        """What the form says now (what it has no input for stays as the incident being edited
        holds it)."""
        base = self.editing.facts if self.editing else IncidentFacts(received_at=self.ctx.clock.now())
        return self.fields.facts(base)

    def _show_facts(self, facts: IncidentFacts) -> None:
        self.fields.set_facts(facts)
        self.guide.refresh(self.ctx, facts)
        self.refresh_advice()

    def refresh_advice(self) -> None:
        self.guide.refresh_advice(self.ctx, self.facts())

    def _edited(self) -> None:
        if self.editing is None:
            self.fields.offer_level(accident_level(self.facts()))
        self.guide.refresh(self.ctx, self.facts())
        if self.editing is None:
            self._draft_timer.start()

    # --- actions ------------------------------------------------------------------------------
    def ask_to_clear(self) -> bool:
        """The Clear button (Alt+C): asks first when something was typed; the draft stays
        until the officer confirms. True when the form was cleared."""
        if intake_drafts.has_content(self.facts()):
            answer = QMessageBox.question(
                self, self.tr("Clear the form?"),
                self.tr("Everything typed in this intake will be removed, its saved draft too."),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        self.clear()
        return True

    def clear(self) -> None:
        """An empty form: the time received is now; the time of occurrence is empty until the
        caller says it (a required element, never assumed). A new form reads the office's
        settings afresh (typing reads none)."""
        self.guide.reload_settings(self.ctx)
        now = self.ctx.clock.now()
        actor = self.ctx.actor
        taker = (actor.display_name or actor.name) if actor else ""  # who takes the call
        self._show_facts(IncidentFacts(received_at=now, occurred_at=None, received_by=taker))
        if self.draft_id is not None:
            intake_drafts.discard_draft(self.ctx, self.draft_id)
            self.draft_id = None
        self.message.setText("")
        self.fields.title.setFocus()

    def save_draft(self) -> None:
        facts = self.facts()
        if not intake_drafts.has_content(facts):
            return  # nothing typed yet: no draft to bring back
        self.draft_id = intake_drafts.save_draft(self.ctx, facts, self.draft_id)

    def restore_latest_draft(self) -> bool:
        """Bring back what was being typed when the program stopped. True if there was one."""
        found = [d for d in intake_drafts.drafts(self.ctx) if intake_drafts.has_content(d.facts)]
        if not found:
            return False
        self._show_facts(found[0].facts)
        self.draft_id = found[0].id
        self._say(self.tr("Restored the unsaved intake from %1.").replace(
            "%1", found[0].updated_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")), "#0b4f8a")
        return True

    def submit(self, *, flash: bool, copy: bool = False) -> None:
        """Record (or save the changes); with ``copy`` the new report's text goes to the
        clipboard too (Ctrl+Shift+Enter: recorded and ready to paste where it is sent)."""
        if self.editing is not None:
            self.save_changes()
            return
        self._draft_timer.stop()
        self.save_draft()
        if self._unreadable():
            return
        try:
            info = incidents.record(self.ctx, self.facts(), flash=flash)
        except DutyDeskError as exc:
            self._refused(exc)
            return
        self.clear()
        self.last_recorded = info.number
        self.open_button.setText(self.tr("Open %1's report (Ctrl+O)").replace("%1", info.number))
        self.open_button.show()
        text = self.tr("Recorded as %1; its deadlines are running.").replace("%1", info.number)
        if info.missing_elements:
            text += self.tr(" Still to report: %1.").replace(
                "%1", "、".join(rules.element_term(m) for m in info.missing_elements))
        if copy:
            QGuiApplication.clipboard().setText(chain.report_text(self.ctx, info.number))
            text += self.tr(" The report's text is on the clipboard.")
        self._say(text, "#1b5e20")
        self.sig_recorded.emit(info.number)

    def _unreadable(self) -> bool:
        """Say so beside a time that cannot be read (nothing is recorded). True if one is."""
        bad = self.fields.unreadable_times()
        for key in bad:
            self.guide.hint_for(key).setText(self.tr("cannot be read"))
        if bad:
            self._say(self.tr("A time cannot be read: type digits such as 0840, 11300840 or "
                              "202611300840."), "#b00020")
        return bool(bad)

    def _open_recorded(self) -> None:
        if self.last_recorded is not None:
            self.sig_open_incident.emit(self.last_recorded)

    def save_changes(self) -> None:
        """Editing an incident: its facts become what the form says; a new level moves its
        deadlines."""
        assert self.editing is not None
        if self._unreadable():
            return
        try:
            self.editing = incidents.update(self.ctx, self.editing.number,
                                            _same_times(self.facts(), self.editing.facts),
                                            expected_version=self.editing.version)
        except DutyDeskError as exc:
            self._refused(exc)
            return
        self._say(self.tr("Saved."), "#1b5e20")
        self.sig_recorded.emit(self.editing.number)

    def _refused(self, exc: DutyDeskError) -> None:
        """Say why below the form, and each problem beside its input."""
        self._say(exc.message, "#b00020")
        if isinstance(exc, InputError):
            self.guide.show_problems(exc.problems)

    def prefill(self, facts: IncidentFacts) -> None:
        """Start a new intake from what is already known (a call recorded on F2)."""
        if not facts.received_by and self.ctx.actor is not None:
            facts = dataclasses.replace(facts, received_by=self.ctx.actor.display_name or self.ctx.actor.name)
        self._show_facts(facts)
        self._draft_timer.start()
        self._say(self.tr("Filled in from the call record; complete and record it."), "#0b4f8a")
        self.fields.title.setFocus()

    def _say(self, text: str, colour: str) -> None:
        """``colour`` names the tone (the palette's colour of it holds in a dark theme too)."""
        style.set_tone(self.message, {"#0b4f8a": "info", "#1b5e20": "ok", "#b00020": "error"}
                       .get(colour, ""))
        self.message.setText(text)

    def flush(self) -> None:
        """Save the draft now (the window is closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()


def _same_times(facts: IncidentFacts, before: IncidentFacts) -> IncidentFacts:
    """``facts`` with the times the officer did not change kept exactly as they were (the form
    shows minutes; the record keeps seconds)."""
    kept = {}
    for name in TIME_FIELDS:
        new, old = getattr(facts, name), getattr(before, name)
        if new is not None and old is not None and abs((new - old).total_seconds()) < SAME_TIME_SECONDS:
            kept[name] = old
    return dataclasses.replace(facts, **kept)
