"""The emergency plan an incident activated (启动预案) and its response level (响应级别) on the
intake form, and the line the incident window shows of the register (the plan activated, the
drill record a drill incident belongs to).

``PlanFields`` owns its two inputs; the form places them with its own ``add`` and passes its
facts through ``facts`` / ``set_facts``, so the form needs a few lines only. The chooser lists
the plans in force (typing filters them); a plan the incident already names stays choosable
after it was withdrawn. The intake service finds the plan in the register and refuses an
unknown or withdrawn one, beside this input.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from app.domain.enums import Level
from app.domain.incident_facts import IncidentFacts, PlanRef
from app.domain.plans import activation_text, response_text
from app.services.context import Context
from app.services.incidents.info import IncidentInfo
from app.services.plans import activations, register

Add = Callable[[str, str, QWidget, int], None]  # label, field, input, column (the form's)


class PlanFields(QObject):
    """The plan chooser and the response-level box.

    Signals:
        sig_edited(): the officer changed either (not while the form is being filled).
    """

    sig_edited = Signal()
    """The plan or the response level changed by the officer."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._filling = False
        self.plan = QComboBox()
        self.plan.setEditable(True)
        self.plan.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.plan.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.plan.setMinimumContentsLength(18)
        edit = self.plan.lineEdit()
        if edit is not None:  # an editable combo box has one
            edit.setPlaceholderText(self.tr("none: type to find a plan"))
        completer = QCompleter(self.plan.model(), self.plan)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.plan.setCompleter(completer)
        self.plan.addItem("", None)
        self.level = QComboBox()
        self.level.addItem("", None)
        for lv in Level:
            self.level.addItem(response_text(lv), lv.value)
        self.plan.currentTextChanged.connect(self._edited)
        self.level.currentIndexChanged.connect(self._edited)

    def place(self, add: Add) -> None:
        """Both inputs on one row of the form: the plan on the left, the level on the right."""
        add(self.tr("Plan activated:"), "activated_plan", self.plan, 0)
        add(self.tr("Response level:"), "response_level", self.level, 1)

    def load(self, ctx: Context) -> None:
        """The plans in force, overall first, read now."""
        self.fill(register.list_plans(ctx, include_withdrawn=False))

    def fill(self, plans: list[register.PlanInfo]) -> None:
        """Offer ``plans`` (read off the GUI thread: the form's first show)."""
        chosen = self.chosen()
        self._filling = True
        try:
            self.plan.clear()
            self.plan.addItem("", None)
            for p in plans:
                self.plan.addItem(f"{p.name}（{p.unit}）", PlanRef(p.id, p.name))
        finally:
            self._filling = False
        self._show(chosen)

    def _edited(self) -> None:
        if not self._filling:
            self.sig_edited.emit()

    # --- facts ----------------------------------------------------------------------------
    def chosen(self) -> PlanRef | None:
        """The plan chosen (its id), or the name typed (the service finds it), or none."""
        words = self.plan.currentText().strip()
        if not words:
            return None
        index = self.plan.findText(words, Qt.MatchFlag.MatchExactly)
        found = self.plan.itemData(index) if index >= 0 else None
        return found if isinstance(found, PlanRef) else PlanRef(name=words)

    def facts(self, base: IncidentFacts) -> IncidentFacts:
        level = self.level.currentData()
        return dataclasses.replace(base, activated_plan=self.chosen(),
                                   response_level=Level(level) if level else None)

    def set_facts(self, facts: IncidentFacts) -> None:
        self._filling = True
        try:
            self._show(facts.activated_plan)
            level = facts.response_level
            self.level.setCurrentIndex(max(0, self.level.findData(level.value if level else None)))
        finally:
            self._filling = False

    def _show(self, ref: PlanRef | None) -> None:
        was, self._filling = self._filling, True
        try:
            index = self._index_of(ref)
            if index < 0 and ref is not None and ref.id is not None:
                self.plan.addItem(ref.name, ref)  # withdrawn since, or not loaded yet: still its own
                index = self.plan.count() - 1
            if index >= 0:
                self.plan.setCurrentIndex(index)
            else:
                self.plan.setEditText(ref.name if ref is not None else "")
        finally:
            self._filling = was

    def _index_of(self, ref: PlanRef | None) -> int:
        if ref is None:
            return 0
        for i in range(1, self.plan.count()):
            item = self.plan.itemData(i)
            if isinstance(item, PlanRef) and ref.id is not None and item.id == ref.id:
                return i
        return -1


def linked_text(ctx: Context, info: IncidentInfo) -> str:
    """What the incident window says of the register: the plan activated and its response
    level, and for a drill the drill record it belongs to (empty when neither)."""
    facts = info.facts
    lines = []
    if facts.activated_plan is not None or facts.response_level is not None:
        words = activation_text(facts.activated_plan.name if facts.activated_plan else "",
                                facts.response_level).removeprefix("已启动")
        lines.append(QCoreApplication.translate("PlanFields", "Plan activated: %1").replace("%1", words))
    if facts.is_drill:
        drill = activations.drill_of(ctx, info.id)
        lines.append(QCoreApplication.translate("PlanFields", "Drill: no drill record names it yet")
                     if drill is None else
                     QCoreApplication.translate("PlanFields", "Drill record: %1 %2 of 《%3》")
                     .replace("%1", drill.held_on.isoformat()).replace("%2", drill.type.zh)
                     .replace("%3", drill.plan))
    return "\n".join(lines)
