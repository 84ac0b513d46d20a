"""The inputs of the intake form, laid out for the keyboard, and the facts they show.

``IntakeFields.facts`` builds an ``IncidentFacts`` from the inputs (the form's edge: what the
widgets hold is typed already, so nothing here can be unreadable); ``set_facts`` fills them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from typing import Any

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimeZone, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateTimeEdit,
    QDoubleSpinBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_facts import CASUALTY_FIELDS, IncidentFacts
from app.domain.incident_types import SUBTYPES, Subtype
from app.domain.terms import level_term, term
from app.services.context import Context
from app.services.incidents import listing as incident_list
from app.ui.intake.guide import IntakeGuide

LONG_FIELDS = ("nature", "impact", "trend", "measures", "next_steps")
LINE_FIELDS = ("title", "source", "source_person", "source_title", "source_phone", "location",
               "leaders_on_site", "notified", "level_reason", "received_by")
UNKNOWN = -1  # a figure's spin box at this value: not known yet (正在核实), never 0


class PlainText(QPlainTextEdit):
    """A multi-line field where Tab moves on (the keyboard must reach everything)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(58)


class IntakeFields(QWidget):
    """Every input of the intake form, with the guide's hints beside them.

    Signals:
        sig_edited(): the officer changed an input (not while the form is being filled).
        sig_classified(): the officer changed the category or the sub-type.
    """

    sig_edited = Signal()
    """An input changed by the officer."""
    sig_classified = Signal()
    """The category or sub-type changed by the officer (the advice depends on them)."""

    def __init__(self, zone: zoneinfo.ZoneInfo, guide: IntakeGuide,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.guide = guide
        self.widgets: dict[str, QWidget] = {}
        self.occurred_set = False  # whether the time of occurrence is known, not just shown
        self._filling = False
        self._suggestions: list[incident_list.SourceSuggestion] = []
        self._make_inputs()
        layout = QVBoxLayout(self)
        layout.addLayout(self._lay_out())
        layout.addStretch()
        self._connect()

    # --- building -----------------------------------------------------------------------------
    def _make_inputs(self) -> None:
        self.kind_event = QRadioButton(self.tr("Incid&ent"))
        self.kind_warning = QRadioButton(self.tr("&Warning information"))
        self.kind_event.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.kind_event)
        group.addButton(self.kind_warning)
        self.lines = {key: QLineEdit() for key in LINE_FIELDS}
        self.title = self.lines["title"]  # where the keyboard starts
        self.received_at = self._datetime_edit()
        self.occurred_at = self._datetime_edit()
        self.category = QComboBox()
        self.category.addItem("", None)
        for c in Category:
            self.category.addItem(term(c), c.value)
        self.subtype = QComboBox()
        self.level = QComboBox()
        self.level.addItem("", None)
        for lv in Level:
            self.level.addItem(level_term(lv), lv.value)
        self.counts = {f: QSpinBox() for f in CASUALTY_FIELDS}
        for box in self.counts.values():
            box.setRange(UNKNOWN, 1_000_000)
            box.setSpecialValueText(self.tr("unknown"))  # shown at UNKNOWN
        self.loss = QDoubleSpinBox()
        self.loss.setRange(UNKNOWN, 1e13)
        self.loss.setDecimals(0)
        self.loss.setSpecialValueText(self.tr("unknown"))
        self.loss.setSuffix(self.tr(" CNY"))
        self.texts = {f: PlainText() for f in LONG_FIELDS}
        self.is_drill = QCheckBox(self.tr("D&rill"))
        self.sensitive = QCheckBox(self.tr("Sensiti&ve (reported whatever its level)"))

    def _datetime_edit(self) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setTimeZone(QTimeZone(self.zone.key.encode()))
        return edit

    def _lay_out(self) -> QGridLayout:
        self._grid = QGridLayout()
        self._row = 0
        self._grid.addLayout(self._kind_bar(), self._row, 0, 1, 6)
        self._next_row()
        self._place_facts()
        self._grid.addLayout(self._figures_bar(), self._row, 0, 1, 6)
        self._next_row()
        self._place_texts()
        self._grid.addWidget(QLabel(self.tr("Experts and teams:")), self._row, 0)
        self._grid.addWidget(self.guide.advice, self._row, 1, 1, 5)
        self._grid.setColumnStretch(1, 1)
        self._grid.setColumnStretch(4, 1)
        return self._grid

    def _next_row(self) -> None:
        self._row += 1

    def _add(self, label: str, key: str, widget: QWidget, col: int = 0, span: int = 1) -> None:
        """Label, input and its hint on the current row, in the left (0) or right (1) half."""
        lab = QLabel(label)
        lab.setBuddy(widget)
        self.widgets[key] = widget
        self._grid.addWidget(lab, self._row, col * 3)
        self._grid.addWidget(widget, self._row, col * 3 + 1, 1, span)
        self._grid.addWidget(self.guide.hint_for(key), self._row, col * 3 + 2 + (span - 1))

    def _kind_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(self.kind_event)
        bar.addWidget(self.kind_warning)
        bar.addStretch()
        bar.addWidget(self.is_drill)
        bar.addWidget(self.sensitive)
        return bar

    def _place_facts(self) -> None:
        self._add(self.tr("&Title:"), "title", self.title, 0, 4)
        self._next_row()
        self._add(self.tr("Time recei&ved:"), "received_at", self.received_at)
        self._add(self.tr("Time of &occurrence:"), "occurred_at", self.occurred_at, 1)
        self._next_row()
        self._add(self.tr("&Source (unit):"), "source", self.lines["source"])
        self._add(self.tr("Caller's na&me:"), "source_person", self.lines["source_person"], 1)
        self._next_row()
        self._add(self.tr("Caller's title:"), "source_title", self.lines["source_title"])
        self._add(self.tr("Caller's p&hone:"), "source_phone", self.lines["source_phone"], 1)
        self._next_row()
        self._add(self.tr("&Location:"), "location", self.lines["location"], 0, 4)
        self._next_row()
        self._add(self.tr("Cate&gory:"), "category", self.category)
        self._add(self.tr("Sub-t&ype:"), "subtype", self.subtype, 1)
        self._next_row()
        self._add(self.tr("Le&vel:"), "level", self.level)
        self._grid.addWidget(self.guide.suggestion, self._row, 3, 1, 3)
        self._next_row()
        self._add(self.tr("Why this level:"), "level_reason", self.lines["level_reason"])
        self._add(self.tr("Received by:"), "received_by", self.lines["received_by"], 1)
        self._next_row()

    def _figures_bar(self) -> QHBoxLayout:
        names = {"deaths": self.tr("Deaths"), "serious_injuries": self.tr("Seriously injured"),
                 "injuries": self.tr("Injured"), "missing": self.tr("Missing"), "trapped": self.tr("Trapped")}
        bar = QHBoxLayout()
        for key, box in self.counts.items():
            bar.addWidget(QLabel(names[key]))
            bar.addWidget(box)
        bar.addWidget(QLabel(self.tr("Direct loss:")))
        bar.addWidget(self.loss)
        bar.addStretch()
        return bar

    def _place_texts(self) -> None:
        labels = {"nature": self.tr("&Nature:"), "impact": self.tr("Sco&pe of impact:"),
                  "trend": self.tr("&Trend:"), "measures": self.tr("Measures taken && effect:"),
                  "next_steps": self.tr("Ne&xt steps:")}
        for key in LONG_FIELDS:
            self._add(labels[key], key, self.texts[key], 0, 4)
            self._next_row()
        self._add(self.tr("Leaders on site:"), "leaders_on_site", self.lines["leaders_on_site"])
        self._add(self.tr("Already told (whom, when):"), "notified", self.lines["notified"], 1)
        self._next_row()

    def _connect(self) -> None:
        for line in self.lines.values():
            line.textChanged.connect(self._edited)
        for text in self.texts.values():
            text.textChanged.connect(self._edited)
        for combo in (self.category, self.subtype, self.level):
            combo.currentIndexChanged.connect(self._edited)
        for box in self.counts.values():
            box.valueChanged.connect(self._edited)
        self.loss.valueChanged.connect(self._edited)
        for check in (self.kind_event, self.is_drill, self.sensitive):
            check.toggled.connect(self._edited)
        self.received_at.dateTimeChanged.connect(self._edited)
        self.occurred_at.dateTimeChanged.connect(self._occurred_edited)
        self.category.currentIndexChanged.connect(self._fill_subtypes)
        self.category.currentIndexChanged.connect(self._classified)
        self.subtype.currentIndexChanged.connect(self._classified)

    def _edited(self) -> None:
        if not self._filling:
            self.sig_edited.emit()

    def _occurred_edited(self) -> None:
        if not self._filling:
            self.occurred_set = True
            self.sig_edited.emit()

    def _classified(self) -> None:
        if not self._filling:
            self.sig_classified.emit()

    def _fill_subtypes(self) -> None:
        current = self.subtype.currentData()
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem("", None)
        category = self.category.currentData()
        for sub in SUBTYPES.get(Category(category), ()) if category else ():
            self.subtype.addItem(term(sub), sub.value)
        self.subtype.setCurrentIndex(max(0, self.subtype.findData(current)))
        self.subtype.blockSignals(False)

    # --- completions --------------------------------------------------------------------------
    def load_completions(self, ctx: Context) -> None:
        """Sources and places from the contact book (loaded on first show, off the start-up path)."""
        self._suggestions = incident_list.source_suggestions(ctx)
        units = sorted({s.unit for s in self._suggestions if s.unit})
        people = [s.label for s in self._suggestions if s.person]
        for edit, words in ((self.lines["source"], units + people), (self.lines["location"], units)):
            completer = QCompleter(QStringListModel(words, self), self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
        self.lines["source"].completer().activated.connect(self._source_picked)

    def _source_picked(self, label: str) -> None:
        match = next((s for s in self._suggestions if s.label == label), None)
        if match is None:
            return
        self.lines["source"].setText(match.unit)
        if match.person:
            self.lines["source_person"].setText(match.person)
            self.lines["source_title"].setText(match.title)
        if match.phone:
            self.lines["source_phone"].setText(match.phone)

    # --- facts --------------------------------------------------------------------------------
    def facts(self, base: IncidentFacts) -> IncidentFacts:
        """The facts the inputs show; what the form has no input for stays as in ``base``."""
        category, subtype, level = (self.category.currentData(), self.subtype.currentData(),
                                    self.level.currentData())
        shown: dict[str, Any] = {key: edit.text().strip() for key, edit in self.lines.items()}
        shown.update({key: edit.toPlainText().strip() for key, edit in self.texts.items()})
        shown.update({key: None if box.value() == UNKNOWN else box.value()
                      for key, box in self.counts.items()})
        loss = round(self.loss.value())
        return dataclasses.replace(
            base,
            kind=IncidentKind.WARNING if self.kind_warning.isChecked() else IncidentKind.EVENT,
            received_at=self._time(self.received_at),
            occurred_at=self._time(self.occurred_at) if self.occurred_set else None,
            category=Category(category) if category else None,
            subtype=Subtype(subtype) if subtype else None,
            level=Level(level) if level else None,
            loss_cny=None if loss == UNKNOWN else loss,
            is_drill=self.is_drill.isChecked(), sensitive=self.sensitive.isChecked(),
            **shown,
        )

    def set_facts(self, facts: IncidentFacts) -> None:
        """Show ``facts`` in the inputs (no edit signal while doing so)."""
        self._filling = True
        try:
            self.kind_warning.setChecked(facts.kind is IncidentKind.WARNING)
            self.kind_event.setChecked(facts.kind is not IncidentKind.WARNING)
            for key, edit in self.lines.items():
                edit.setText(getattr(facts, key))
            for key, text in self.texts.items():
                text.setPlainText(getattr(facts, key))
            for key, box in self.counts.items():
                figure = facts.figure(key)
                box.setValue(UNKNOWN if figure is None else figure)
            self.loss.setValue(float(UNKNOWN if facts.loss_cny is None else facts.loss_cny))
            self._choose(self.category, facts.category)
            self._fill_subtypes()
            self._choose(self.subtype, facts.subtype)
            self._choose(self.level, facts.level)
            self.is_drill.setChecked(facts.is_drill)
            self.sensitive.setChecked(facts.sensitive)
            self._set_time(self.received_at, facts.received_at)
            if facts.occurred_at is not None:
                self._set_time(self.occurred_at, facts.occurred_at)
            self.occurred_set = facts.occurred_at is not None
        finally:
            self._filling = False

    def widget_for(self, field: str) -> QWidget | None:
        """The input that shows ``field`` (None for what the form has no input for)."""
        found = {**self.widgets, **self.counts, "loss_cny": self.loss, "is_drill": self.is_drill,
                 "sensitive": self.sensitive, "kind": self.kind_warning}.get(field)
        return found

    def mark_changed(self, fields: set[str]) -> None:
        """Highlight the inputs of ``fields`` (what a follow-up will report), clear the rest."""
        for name in (*self.widgets, *self.counts, "loss_cny", "is_drill", "sensitive"):
            widget = self.widget_for(name)
            if widget is not None:
                widget.setProperty("changed", name in fields)
                widget.style().unpolish(widget)
                widget.style().polish(widget)

    @staticmethod
    def _choose(combo: QComboBox, value: Category | Subtype | Level | None) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value.value if value else None)))

    def _set_time(self, edit: QDateTimeEdit, value: dt.datetime) -> None:
        edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone(self.zone.key.encode())))

    @staticmethod
    def _time(edit: QDateTimeEdit) -> dt.datetime:
        return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), dt.UTC)
