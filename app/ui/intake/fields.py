"""The inputs of the intake form, laid out and ordered for a phone call, and the facts they show.

``IntakeFields.facts`` builds an ``IncidentFacts`` from the inputs (the form's edge: what the
widgets hold is typed already, so nothing here can be unreadable); ``set_facts`` fills them.
The keyboard goes the way a caller talks: title, when, who calls (a suggestion fills unit,
person, title and phone and moves on), where, what kind, the figures, then the narrative;
what is filled in by itself (time received, category, level) comes after.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import incidents as rules
from app.domain.enums import Category, IncidentKind, Level
from app.domain.incident_facts import CASUALTY_FIELDS, IncidentFacts
from app.domain.incident_types import SUBTYPES, Subtype
from app.domain.progress import Progress
from app.domain.terms import level_term, term
from app.services.context import Context
from app.services.incidents import listing
from app.services.plans import register
from app.ui.datetime_field import DateTimeField
from app.ui.intake import layout
from app.ui.intake.guide import IntakeGuide
from app.ui.intake.plan_fields import PlanFields
from app.ui.intake.sources import SourcePicker
from app.ui.workers import Job, run_job

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
                 today: Callable[[], dt.date] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.guide = guide
        self.today = today or (lambda: dt.datetime.now(zone).date())
        self.widgets: dict[str, QWidget] = {}
        self.level_by_figures = False  # the level shown was taken from the figures, not chosen
        self._filling = False
        self._make_inputs()
        self.picker = SourcePicker(self.lines["source"], self.lines["source_person"],
                                   self.lines["source_title"], self.lines["source_phone"],
                                   self.lines["location"], self)
        self.picker.sig_picked.connect(self.lines["location"].setFocus)
        box = QVBoxLayout(self)
        box.addLayout(layout.lay_out(self))
        box.addStretch()
        layout.order_for_a_call(self)
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
        self.received_at = DateTimeField(self.zone, self.today)
        self.occurred_at = DateTimeField(self.zone, self.today)
        self.category = QComboBox()
        self.category.addItem("", None)
        for c in Category:
            self.category.addItem(term(c), c.value)
        self.subtype = QComboBox()
        self.subtype.setEditable(True)  # typed: 交通 finds 交通运输事故, whatever the category
        self.subtype.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        subtype_line = self.subtype.lineEdit()
        if subtype_line is not None:  # an editable combo box has one
            subtype_line.returnPressed.connect(self._subtype_entered)
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
        self.plan = PlanFields(self)  # 启动预案 and 响应级别 (plan_fields.py)
        self._fill_subtypes()

    def label_for(self, key: str) -> str:
        """The label of an input, with its mnemonic."""
        return {
            "title": self.tr("&Title:"), "received_at": self.tr("Time recei&ved:"),
            "occurred_at": self.tr("Time of &occurrence:"), "source": self.tr("&Source (unit):"),
            "source_person": self.tr("Caller's na&me:"), "source_title": self.tr("Caller's title:"),
            "source_phone": self.tr("Caller's p&hone:"), "location": self.tr("&Location:"),
            "category": self.tr("Cate&gory:"), "subtype": self.tr("Sub-t&ype:"),
            "level": self.tr("Le&vel:"), "level_reason": self.tr("Why this level:"),
            "received_by": self.tr("Received by:"), "nature": self.tr("&Nature:"),
            "impact": self.tr("Sco&pe of impact:"), "trend": self.tr("&Trend:"),
            "measures": self.tr("Measures taken && effect:"), "next_steps": self.tr("Ne&xt steps:"),
            "leaders_on_site": self.tr("Leaders on site:"),
            "notified": self.tr("Already told (whom, when):"),
        }[key]

    def figure_names(self) -> dict[str, str]:
        return {"deaths": self.tr("Deaths"), "serious_injuries": self.tr("Seriously injured"),
                "injuries": self.tr("Injured"), "missing": self.tr("Missing"),
                "trapped": self.tr("Trapped"), "loss_cny": self.tr("Direct loss:")}

    def _connect(self) -> None:
        for line in self.lines.values():
            line.textChanged.connect(self._edited)
        for text in self.texts.values():
            text.textChanged.connect(self._edited)
        for combo in (self.category, self.subtype):
            combo.currentIndexChanged.connect(self._edited)
        self.level.currentIndexChanged.connect(self._level_chosen)
        for box in self.counts.values():
            box.valueChanged.connect(self._edited)
        self.loss.valueChanged.connect(self._edited)
        for check in (self.kind_event, self.is_drill, self.sensitive):
            check.toggled.connect(self._edited)
        self.received_at.sig_changed.connect(self._edited)
        self.occurred_at.sig_changed.connect(self._edited)
        self.plan.sig_edited.connect(self._edited)
        self.category.currentIndexChanged.connect(self._category_chosen)
        self.subtype.currentIndexChanged.connect(self._subtype_chosen)

    def _edited(self) -> None:
        if not self._filling:
            self.sig_edited.emit()

    def _level_chosen(self) -> None:
        if not self._filling:
            self.level_by_figures = False
            self.sig_edited.emit()

    def _category_chosen(self) -> None:
        self._fill_subtypes()
        if not self._filling:
            self.sig_classified.emit()

    def _subtype_chosen(self) -> None:
        """A sub-type names its category: choosing 交通运输事故 chooses 事故灾难."""
        sub = self.subtype.currentData()
        if sub and self.category.currentData() != Subtype(sub).category.value:
            self.category.blockSignals(True)
            self.category.setCurrentIndex(max(0, self.category.findData(Subtype(sub).category.value)))
            self.category.blockSignals(False)
            self._fill_subtypes()
        if not self._filling:
            self.sig_classified.emit()

    def _subtype_entered(self) -> None:
        """Enter in the sub-type: the one typed, or else the first the typing finds; then the
        keyboard goes on to the figures (as a picked source goes on to the place)."""
        text = self.subtype.currentText().strip()
        index = self.subtype.findText(text) if text else -1
        completer = self.subtype.completer()
        if index <= 0 and text and completer is not None:
            completer.setCompletionPrefix(text)
            if completer.setCurrentRow(0):
                index = self.subtype.findText(completer.currentCompletion())
        if index > 0:
            self.subtype.setCurrentIndex(index)
            next(iter(self.counts.values())).setFocus(Qt.FocusReason.TabFocusReason)

    def _fill_subtypes(self) -> None:
        """The sub-types of the chosen category, or all of them while none is chosen."""
        current = self.subtype.currentData()
        category = self.category.currentData()
        subs = SUBTYPES.get(Category(category), ()) if category else [s for c in Category for s in SUBTYPES.get(c, ())]
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem("", None)
        for sub in subs:
            self.subtype.addItem(term(sub), sub.value)
        self.subtype.setCurrentIndex(max(0, self.subtype.findData(current)))
        completer = QCompleter(QStringListModel([term(s) for s in subs], self.subtype), self.subtype)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.subtype.setCompleter(completer)
        self.subtype.blockSignals(False)

    def offer_level(self, suggested: Level | None) -> None:
        """Show the level the figures reach while the officer has chosen none (or took the
        figures' one before); a level the officer chose stays."""
        if self.level.currentData() is not None and not self.level_by_figures:
            return
        self._filling = True
        try:
            self.level.setCurrentIndex(max(0, self.level.findData(suggested.value if suggested else None)))
        finally:
            self._filling = False
        self.level_by_figures = suggested is not None

    # --- completions --------------------------------------------------------------------------
    def load_completions(self, ctx: Context) -> Job:
        """The plans in force, and sources and places from the contact book: read off the GUI
        thread (a large office's book takes a while), offered when read."""

        def read(_progress: Progress) -> tuple[list[register.PlanInfo], list[listing.SourceSuggestion]]:
            return register.list_plans(ctx, include_withdrawn=False), listing.source_suggestions(ctx)

        def fill(found: tuple[list[register.PlanInfo], list[listing.SourceSuggestion]]) -> None:
            self.plan.fill(found[0])
            self.picker.fill(found[1])

        self.completions_job = run_job(self, self.tr("Reading the contact book"), read, fill, quiet=True)
        return self.completions_job

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
        return self.plan.facts(dataclasses.replace(
            base,
            kind=IncidentKind.WARNING if self.kind_warning.isChecked() else IncidentKind.EVENT,
            received_at=self.received_at.value() or base.received_at,
            occurred_at=self.occurred_at.value(),
            category=Category(category) if category else None,
            subtype=Subtype(subtype) if subtype else None,
            level=Level(level) if level else None,
            loss_cny=None if loss == UNKNOWN else loss,
            is_drill=self.is_drill.isChecked(), sensitive=self.sensitive.isChecked(),
            **shown,
        ))

    def unreadable_times(self) -> list[str]:
        """The time fields whose text cannot be read as a moment."""
        return [key for key, field in (("received_at", self.received_at), ("occurred_at", self.occurred_at))
                if not field.readable()]

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
            self.level_by_figures = False
            self.is_drill.setChecked(facts.is_drill)
            self.sensitive.setChecked(facts.sensitive)
            self.plan.set_facts(facts)
            self.received_at.set_value(facts.received_at)
            self.occurred_at.set_value(facts.occurred_at)
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


def accident_level(facts: IncidentFacts) -> Level | None:
    """The level an accident's figures reach, None for anything else or no figures."""
    if facts.category is not Category.ACCIDENT or not any(
            v is not None for v in (facts.deaths, facts.serious_injuries, facts.loss_cny)):
        return None
    return rules.suggest_level(facts.deaths, facts.serious_injuries, facts.loss_cny).level

