"""Completing the intake's source from the contact book: type part of a unit or a person's name,
pick a suggestion, and its unit, person, title and phone land each in its own field."""

from __future__ import annotations

from PySide6.QtCore import QObject, QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit

from app.services.context import Context
from app.services.incidents import listing as incident_list


class SourcePicker(QObject):
    """The completers of the source and location fields.

    Signals:
        sig_picked(): a suggestion filled the source fields (the form moves on).
    """

    sig_picked = Signal()
    """The unit, person, title and phone of a suggestion are in their fields."""

    def __init__(self, source: QLineEdit, person: QLineEdit, title: QLineEdit, phone: QLineEdit,
                 location: QLineEdit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.source, self.person, self.title, self.phone, self.location = (
            source, person, title, phone, location)
        self.suggestions: list[incident_list.SourceSuggestion] = []
        self.source.returnPressed.connect(self.take_first)

    def load(self, ctx: Context) -> None:
        """Sources and places from the contact book, read now."""
        self.fill(incident_list.source_suggestions(ctx))

    def fill(self, suggestions: list[incident_list.SourceSuggestion]) -> None:
        """Offer ``suggestions`` (read off the GUI thread: the form's first show)."""
        self.suggestions = suggestions
        units = sorted({s.unit for s in self.suggestions if s.unit})
        people = [s.label for s in self.suggestions if s.person]
        for edit, words in ((self.source, units + people), (self.location, units)):
            completer = QCompleter(QStringListModel(words, self), self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
        source_completer = self.source.completer()
        if source_completer is not None:
            # queued: QLineEdit puts the picked label into the field after this signal; the
            # unit must replace it, not the other way round
            source_completer.activated.connect(self.pick, Qt.ConnectionType.QueuedConnection)

    def take_first(self) -> None:
        """Enter in the source field without choosing a suggestion: the first one it shows (the
        completer hands the Enter on after closing its list; one it chose was picked already)."""
        completer = self.source.completer()
        text = self.source.text().strip()
        if completer is None or not text or any(text in (s.label, s.unit) for s in self.suggestions):
            return  # nothing typed, or a suggestion (or a unit of the book) is there already
        completer.setCompletionPrefix(text)
        if completer.setCurrentRow(0):
            self.pick(completer.currentCompletion())

    def pick(self, label: str) -> None:
        match = next((s for s in self.suggestions if s.label == label), None)
        if match is None:
            return
        self.source.setText(match.unit)
        if match.person:
            self.person.setText(match.person)
            self.title.setText(match.title)
        if match.phone:
            self.phone.setText(match.phone)
        self.sig_picked.emit()
