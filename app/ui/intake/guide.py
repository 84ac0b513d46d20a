"""What the rules say beside the intake form's inputs: the required elements still missing,
the level the accident figures reach, and the experts and teams for the kind of incident."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel

from app.domain import incidents as rules
from app.domain.enums import Category, IncidentKind, ReportKind
from app.domain.incident_checks import check_facts
from app.domain.incident_facts import IncidentFacts
from app.domain.messages import Problem
from app.domain.terms import term
from app.services.contacts import experts
from app.services.context import Context
from app.services.incidents import intake as incidents


class IntakeGuide(QObject):
    """The hint beside each input, the level suggestion and the advice, kept up to date."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.required: dict[str, tuple[str, ...]] | None = None  # read once per form
        self.hints: dict[str, QLabel] = {}
        self.suggestion = QLabel()
        self.suggestion.setObjectName("suggestion")
        self.advice = QLabel()
        self.advice.setObjectName("advice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._graded: tuple[str, ...] | None = None

    def hint_for(self, key: str) -> QLabel:
        """The label that names what is wrong with the input ``key`` (made on first use)."""
        if key not in self.hints:
            hint = QLabel()
            hint.setObjectName("formError")
            hint.setWordWrap(True)
            hint.setMaximumWidth(320)
            self.hints[key] = hint
        return self.hints[key]

    def reload_settings(self, ctx: Context) -> None:
        """Read the office's required elements: once per form and when the settings change,
        never per keystroke."""
        self.required = incidents.required_elements(ctx)

    def refresh(self, ctx: Context, facts: IncidentFacts) -> None:
        """Name the missing required elements of the first report and what the rules find
        wrong with the facts (times, level, phone) beside their inputs; suggest the level."""
        if self.required is None:
            self.reload_settings(ctx)
        assert self.required is not None  # reload_settings just read them
        kind = ReportKind.WARNING if facts.kind is IncidentKind.WARNING else ReportKind.INITIAL
        missing = set(rules.missing_elements(facts, kind.value, self.required))
        for key, hint in self.hints.items():
            hint.setText(self.tr("required") if key in missing else "")
            hint.setToolTip("")
        if self._graded is None:
            self._graded = incidents.graded_categories(ctx)
        self.show_problems(check_facts(facts, now=ctx.clock.now(), graded=self._graded))
        text = self._level_text(facts) if facts.category is Category.ACCIDENT else ""
        if facts.sensitive:
            text += self.tr(" Sensitive: reported whatever its level.")
        self.suggestion.setText(text)

    def _short(self, code: str) -> str:
        """A few words for beside the input; the whole sentence is its tooltip."""
        return {
            "incident.missing": self.tr("required"),
            "incident.level_below": self.tr("below what the figures reach: give the reason"),
            "incident.future": self.tr("in the future"),
            "incident.occurred_after_received": self.tr("after the time received"),
            "incident.bad_phone": self.tr("not a phone number one can dial"),
            "incident.too_long": self.tr("too long"),
        }.get(code, self.tr("not valid"))

    def show_problems(self, problems: list[Problem]) -> None:
        """Each problem beside the input of the field it names: a few words, the catalog's
        whole sentence as the tooltip."""
        for p in problems:
            hint = self.hints.get(str(p.values.get("field") or p.field or ""))
            if hint is not None:
                hint.setText(self._short(p.code))
                hint.setToolTip(p.message())

    def _level_text(self, facts: IncidentFacts) -> str:
        s = rules.suggest_level(facts.deaths, facts.serious_injuries, facts.loss_cny)
        text = self.tr("Figures reach: %1 (%2)").replace("%1", term(s.level)).replace("%2", "；".join(s.reasons))
        if facts.level is not None and facts.level is not s.level:
            text += self.tr(" — differs from the chosen level")
        return text

    def refresh_advice(self, ctx: Context, facts: IncidentFacts) -> None:
        """The experts and rescue teams the contact book suggests for the category and sub-type."""
        if facts.category is None:
            self.advice.setText(self.tr("Choose a category to see suggestions."))
            return
        found = experts.suggest(ctx, facts.category, facts.subtype, limit=4)
        lines = []
        expert, team, people = self.tr("Expert"), self.tr("Team"), self.tr(" people")
        for e in found.experts:
            away = self.tr(" (away)") if e.away else ""
            lines.append(f"{expert}：{e.name}{away}，{'、'.join(e.specialties)}，{e.main_phone}")
        for t in found.teams:
            lines.append(f"{team}：{t.name}（{term(t.status)}），{t.headcount}{people}，{t.phone or t.leader_phone}")
        self.advice.setText("\n".join(lines) or self.tr("No expert or team is registered for this kind."))
