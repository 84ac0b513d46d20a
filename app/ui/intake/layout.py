"""Where the intake form's inputs sit and the order the keyboard visits them.

Rows follow a phone call: kind, title, when, who calls, where, what kind, the figures and
level, the narrative. The Tab order takes the same way but leaves for last what fills itself
in (time received, category from the sub-type, level from the figures, who took the call).
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from app.ui.intake.guide import IntakeGuide
from app.ui.intake.plan_fields import PlanFields
from app.ui.widgets import spoken


class Inputs(Protocol):
    """What this module lays out: the inputs of ``fields.IntakeFields`` (a protocol, so the two
    modules do not import each other)."""

    @property
    def title(self) -> QLineEdit: ...

    @property
    def occurred_at(self) -> QWidget: ...

    @property
    def received_at(self) -> QWidget: ...

    @property
    def lines(self) -> Mapping[str, QLineEdit]: ...

    @property
    def texts(self) -> Mapping[str, QWidget]: ...

    @property
    def counts(self) -> Mapping[str, QWidget]: ...

    @property
    def loss(self) -> QWidget: ...

    @property
    def subtype(self) -> QWidget: ...

    @property
    def category(self) -> QWidget: ...

    @property
    def level(self) -> QWidget: ...

    @property
    def kind_event(self) -> QWidget: ...

    @property
    def kind_warning(self) -> QWidget: ...

    @property
    def is_drill(self) -> QWidget: ...

    @property
    def sensitive(self) -> QWidget: ...

    @property
    def guide(self) -> IntakeGuide: ...

    @property
    def plan(self) -> PlanFields: ...

    @property
    def widgets(self) -> dict[str, QWidget]: ...

    def label_for(self, key: str) -> str: ...

    def figure_names(self) -> dict[str, str]: ...


COLUMNS = 6  # label, input, hint on the left; the same on the right


def lay_out(f: Inputs) -> QGridLayout:
    grid = QGridLayout()
    rows: list[list[tuple[str, QWidget, int]]] = [
        [("title", f.title, 4)],
        [("occurred_at", f.occurred_at, 1), ("received_at", f.received_at, 1)],
        [("source", f.lines["source"], 1), ("source_person", f.lines["source_person"], 1)],
        [("source_title", f.lines["source_title"], 1), ("source_phone", f.lines["source_phone"], 1)],
        [("location", f.lines["location"], 4)],
        [("subtype", f.subtype, 1), ("category", f.category, 1)],
    ]
    grid.addLayout(_kind_bar(f), 0, 0, 1, COLUMNS)
    row = 1
    for entries in rows:
        for col, (key, widget, span) in enumerate(entries):
            _add(f, grid, row, col, key, widget, span)
        row += 1
    grid.addLayout(_figures_bar(f), row, 0, 1, COLUMNS)
    row += 1
    _add(f, grid, row, 0, "level", f.level, 1)
    grid.addWidget(f.guide.suggestion, row, 3, 1, 3)
    row += 1
    _add(f, grid, row, 0, "level_reason", f.lines["level_reason"], 1)
    _add(f, grid, row, 1, "received_by", f.lines["received_by"], 1)
    row += 1
    for key in ("nature", "impact", "trend", "measures", "next_steps"):
        _add(f, grid, row, 0, key, f.texts[key], 4)
        row += 1
    f.plan.place(lambda text, key, widget, half: _add(f, grid, row, half, key, widget, 1, text))
    row += 1
    _add(f, grid, row, 0, "leaders_on_site", f.lines["leaders_on_site"], 1)
    _add(f, grid, row, 1, "notified", f.lines["notified"], 1)
    row += 1
    advice = QLabel(QCoreApplication.translate("IntakeFields", "Experts and teams:"))
    grid.addWidget(advice, row, 0)
    grid.addWidget(f.guide.advice, row, 1, 1, 5)
    grid.setColumnStretch(1, 1)
    grid.setColumnStretch(4, 1)
    return grid


def _add(f: Inputs, grid: QGridLayout, row: int, half: int, key: str, widget: QWidget,
         span: int, text: str | None = None) -> None:
    """Label (``text``, or the form's own for ``key``), input and its hint in the left (0) or
    right (1) half of a row."""
    label = QLabel(text if text is not None else f.label_for(key))
    label.setBuddy(widget)
    widget.setAccessibleName(spoken(label.text()))
    f.widgets[key] = widget
    grid.addWidget(label, row, half * 3)
    grid.addWidget(widget, row, half * 3 + 1, 1, span)
    grid.addWidget(f.guide.hint_for(key), row, half * 3 + 2 + (span - 1))


def _kind_bar(f: Inputs) -> QHBoxLayout:
    bar = QHBoxLayout()
    bar.addWidget(f.kind_event)
    bar.addWidget(f.kind_warning)
    bar.addStretch()
    bar.addWidget(f.is_drill)
    bar.addWidget(f.sensitive)
    return bar


def _figures_bar(f: Inputs) -> QHBoxLayout:
    names = f.figure_names()
    bar = QHBoxLayout()
    for key, box in (*f.counts.items(), ("loss_cny", f.loss)):
        label = QLabel(names[key])
        label.setBuddy(box)
        box.setAccessibleName(spoken(names[key]))
        bar.addWidget(label)
        bar.addWidget(box)
    bar.addStretch()
    return bar


def order_for_a_call(f: Inputs) -> None:
    """The Tab order: the call's way first, what fills itself in last."""
    chain: list[QWidget] = [
        f.title, f.occurred_at, f.lines["source"], f.lines["source_person"], f.lines["source_title"],
        f.lines["source_phone"], f.lines["location"], f.subtype, *f.counts.values(), f.loss,
        *(f.texts[k] for k in ("nature", "impact", "trend", "measures", "next_steps")),
        f.plan.plan, f.plan.level, f.lines["leaders_on_site"], f.lines["notified"], f.level, f.lines["level_reason"],
        f.category, f.received_at, f.lines["received_by"], f.kind_event, f.kind_warning,
        f.is_drill, f.sensitive,
    ]
    # a compound input (a date-time field) takes the keyboard in its line: order the lines, or
    # Tab leaves it for whatever followed that line when it was made
    stops = [w.focusProxy() or w for w in chain]
    for first, second in itertools.pairwise(stops):
        QWidget.setTabOrder(first, second)
