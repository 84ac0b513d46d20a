"""The intake form: every element the rules demand, fast from the keyboard, never lost.

What the officer types is saved as a draft after each pause (and on close); after a crash the
draft comes back. Missing required elements are named next to their fields; the level the
accident figures reach is suggested beside the chosen level.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from typing import Any

from PySide6.QtCore import QDateTime, QStringListModel, Qt, QTimer, QTimeZone, Signal
from PySide6.QtGui import QKeySequence, QShortcut
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
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain import incidents as rules
from app.domain.enums import Category, Level
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.incidents import drafts as intake_drafts
from app.services.incidents import intake as incidents
from app.services.incidents import listing as incident_list

LONG_FIELDS = ("nature", "impact", "trend", "measures", "next_steps")


class PlainText(QPlainTextEdit):
    """A multi-line field where Tab moves on (the keyboard must reach everything)."""

    def __init__(self) -> None:
        super().__init__()
        self.setTabChangesFocus(True)
        self.setFixedHeight(58)


class IntakeForm(QWidget):
    """Signals:
        sig_recorded(str): an incident was recorded (its number).
    """

    sig_recorded = Signal(str)
    """The number of the incident just recorded."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None,
                 *, editing: incidents.IncidentInfo | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.editing = editing
        self.draft_id: int | None = None
        self._loading = False
        self.hints: dict[str, QLabel] = {}
        self.widgets: dict[str, QWidget] = {}

        self.kind_event = QRadioButton(self.tr("&Incident"))
        self.kind_warning = QRadioButton(self.tr("&Warning information"))
        self.kind_event.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.kind_event)
        group.addButton(self.kind_warning)
        self.title = QLineEdit()
        self.received_at = self._datetime()
        self.occurred_at = self._datetime()
        self.source = QLineEdit()
        self.source_person = QLineEdit()
        self.source_title = QLineEdit()
        self.source_phone = QLineEdit()
        self.location = QLineEdit()
        self.category = QComboBox()
        self.category.addItem("", None)
        for c in Category:
            self.category.addItem(c.zh, c.value)
        self.subtype = QComboBox()
        self.level = QComboBox()
        self.level.addItem("", None)
        for lv in Level:
            self.level.addItem(f"{lv.zh}（{lv.value}级）", lv.value)
        self.suggestion = QLabel()
        self.suggestion.setObjectName("suggestion")
        self.counts = {f: QSpinBox() for f in rules.CASUALTY_FIELDS}
        for box in self.counts.values():
            box.setRange(0, 100000)
        self.loss = QDoubleSpinBox()
        self.loss.setRange(0, 1e12)
        self.loss.setDecimals(0)
        self.loss.setSuffix(self.tr(" CNY"))
        self.texts = {f: PlainText() for f in LONG_FIELDS}
        self.leaders_on_site = QLineEdit()
        self.notified = QLineEdit()
        self.is_drill = QCheckBox(self.tr("D&rill"))
        self.sensitive = QCheckBox(self.tr("Sensiti&ve (reported whatever its level)"))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("&Record and start the clocks (Ctrl+Enter)"))
        self.flash_button = QPushButton(self.tr("&Flash report: record what is known"))
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.save_button.clicked.connect(lambda: self.submit(flash=False))
        self.flash_button.clicked.connect(lambda: self.submit(flash=True))
        self.clear_button.clicked.connect(self.clear)

        grid = QGridLayout()
        row = 0

        def add(label: str, key: str, widget: QWidget, col: int = 0, span: int = 1) -> None:
            nonlocal row
            lab = QLabel(label)
            lab.setBuddy(widget)
            hint = QLabel()
            hint.setObjectName("formError")
            self.hints[key] = hint
            self.widgets[key] = widget
            grid.addWidget(lab, row, col * 3)
            grid.addWidget(widget, row, col * 3 + 1, 1, span)
            grid.addWidget(hint, row, col * 3 + 2 + (span - 1))

        kinds = QHBoxLayout()
        kinds.addWidget(self.kind_event)
        kinds.addWidget(self.kind_warning)
        kinds.addStretch()
        kinds.addWidget(self.is_drill)
        kinds.addWidget(self.sensitive)
        grid.addLayout(kinds, row, 0, 1, 6)
        row += 1
        add(self.tr("&Title:"), "title", self.title, 0, 4)
        row += 1
        add(self.tr("Time recei&ved:"), "received_at", self.received_at)
        add(self.tr("Time of &occurrence:"), "occurred_at", self.occurred_at, 1)
        row += 1
        add(self.tr("&Source (unit):"), "source", self.source)
        add(self.tr("Caller's na&me:"), "source_person", self.source_person, 1)
        row += 1
        add(self.tr("Caller's title:"), "source_title", self.source_title)
        add(self.tr("Caller's p&hone:"), "source_phone", self.source_phone, 1)
        row += 1
        add(self.tr("&Location:"), "location", self.location, 0, 4)
        row += 1
        add(self.tr("Cate&gory:"), "category", self.category)
        add(self.tr("Sub-t&ype:"), "subtype", self.subtype, 1)
        row += 1
        add(self.tr("Le&vel:"), "level", self.level)
        grid.addWidget(self.suggestion, row, 3, 1, 3)
        row += 1
        casualty_row = QHBoxLayout()
        names = {"deaths": self.tr("Deaths"), "serious_injuries": self.tr("Seriously injured"),
                 "injuries": self.tr("Injured"), "missing": self.tr("Missing"), "trapped": self.tr("Trapped")}
        for key, box in self.counts.items():
            casualty_row.addWidget(QLabel(names[key]))
            casualty_row.addWidget(box)
        casualty_row.addWidget(QLabel(self.tr("Direct loss:")))
        casualty_row.addWidget(self.loss)
        casualty_row.addStretch()
        grid.addLayout(casualty_row, row, 0, 1, 6)
        row += 1
        labels = {"nature": self.tr("&Nature:"), "impact": self.tr("Scope of &impact:"),
                  "trend": self.tr("&Trend:"), "measures": self.tr("Measures taken && effect:"),
                  "next_steps": self.tr("Ne&xt steps:")}
        for key in LONG_FIELDS:
            add(labels[key], key, self.texts[key], 0, 4)
            row += 1
        add(self.tr("Leaders on site:"), "leaders_on_site", self.leaders_on_site)
        add(self.tr("Already told (whom, when):"), "notified", self.notified, 1)
        row += 1
        self.advice = QLabel()
        self.advice.setObjectName("advice")
        self.advice.setWordWrap(True)
        self.advice.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        grid.addWidget(QLabel(self.tr("Experts and teams:")), row, 0)
        grid.addWidget(self.advice, row, 1, 1, 5)
        row += 1
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(4, 1)

        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.flash_button)
        buttons.addStretch()
        buttons.addWidget(self.clear_button)
        inner = QWidget()
        inner_layout = QVBoxLayout(inner)
        inner_layout.addLayout(grid)
        inner_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(400)
        self._draft_timer.timeout.connect(self.save_draft)
        for w in self._inputs():
            signal = (getattr(w, "textChanged", None) or getattr(w, "currentIndexChanged", None)
                      or getattr(w, "valueChanged", None) or getattr(w, "dateTimeChanged", None)
                      or getattr(w, "toggled", None))
            signal.connect(self._changed)
        self.category.currentIndexChanged.connect(self._fill_subtypes)
        self.category.currentIndexChanged.connect(self.refresh_advice)
        self.subtype.currentIndexChanged.connect(self.refresh_advice)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self, lambda: self.submit(flash=False))
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._completions_loaded = False
        if editing is None:
            self.clear()
        else:
            self.set_values(editing.fields)
            self.occurred_at.setProperty("set", editing.fields.get("occurred_at") is not None)
            self.flash_button.hide()
            self.clear_button.hide()
            self.save_button.setText(self.tr("&Save changes (Ctrl+Enter)"))

    # --- helpers ------------------------------------------------------------------------------
    def _datetime(self) -> QDateTimeEdit:
        edit = QDateTimeEdit()
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        edit.setTimeZone(QTimeZone(self.zone.key.encode()))
        return edit

    def _inputs(self) -> list[QWidget]:
        return [self.kind_event, self.title, self.received_at, self.occurred_at, self.source,
                self.source_person, self.source_title, self.source_phone, self.location, self.category,
                self.subtype, self.level, *self.counts.values(), self.loss, *self.texts.values(),
                self.leaders_on_site, self.notified, self.is_drill, self.sensitive]

    def _set_time(self, edit: QDateTimeEdit, value: dt.datetime) -> None:
        edit.setDateTime(QDateTime.fromSecsSinceEpoch(int(value.timestamp()), QTimeZone(self.zone.key.encode())))

    @staticmethod
    def _get_time(edit: QDateTimeEdit) -> dt.datetime:
        return dt.datetime.fromtimestamp(edit.dateTime().toSecsSinceEpoch(), dt.UTC)

    def load_completions(self) -> None:
        """Sources and places from the contact book (loaded on first show, off the start-up path)."""
        if self._completions_loaded:
            return
        self._completions_loaded = True
        self._suggestions = incident_list.source_suggestions(self.ctx)
        units = sorted({s.unit for s in self._suggestions if s.unit})
        people = [s.label for s in self._suggestions if s.person]
        for edit, words in ((self.source, units + people), (self.location, units)):
            completer = QCompleter(QStringListModel(words, self), self)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)
        self.source.completer().activated.connect(self._source_picked)

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.load_completions()
        super().showEvent(event)

    def _source_picked(self, label: str) -> None:
        match = next((s for s in self._suggestions if s.label == label), None)
        if match is None:
            return
        self.source.setText(match.unit)
        if match.person:
            self.source_person.setText(match.person)
            self.source_title.setText(match.title)
        if match.phone:
            self.source_phone.setText(match.phone)

    def _fill_subtypes(self) -> None:
        current = self.subtype.currentData()
        self.subtype.blockSignals(True)
        self.subtype.clear()
        self.subtype.addItem("", None)
        for key, zh in rules.SUBTYPES.get(self.category.currentData() or "", ()):
            self.subtype.addItem(zh, key)
        index = self.subtype.findData(current)
        self.subtype.setCurrentIndex(max(0, index))
        self.subtype.blockSignals(False)

    # --- values -------------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form as fields named as in the glossary (times as aware datetimes)."""
        data: dict[str, Any] = {
            "kind": "warning" if self.kind_warning.isChecked() else "event",
            "title": self.title.text(), "received_at": self._get_time(self.received_at),
            "occurred_at": self._get_time(self.occurred_at) if self.occurred_at.property("set") else None,
            "source": self.source.text(), "source_person": self.source_person.text(),
            "source_title": self.source_title.text(), "source_phone": self.source_phone.text(),
            "location": self.location.text(), "category": self.category.currentData(),
            "subtype": self.subtype.currentData(), "level": self.level.currentData(),
            "loss_cny": self.loss.value() or None, "leaders_on_site": self.leaders_on_site.text(),
            "notified": self.notified.text(), "is_drill": self.is_drill.isChecked(),
            "sensitive": self.sensitive.isChecked(),
        }
        data.update({k: box.value() for k, box in self.counts.items()})
        data.update({k: edit.toPlainText() for k, edit in self.texts.items()})
        return data

    def set_values(self, data: dict[str, Any]) -> None:
        self._loading = True
        try:
            self.kind_warning.setChecked(data.get("kind") == "warning")
            self.kind_event.setChecked(data.get("kind") != "warning")
            for key in ("title", "source", "source_person", "source_title", "source_phone", "location",
                        "leaders_on_site", "notified"):
                getattr(self, key).setText(data.get(key) or "")
            for key, edit in self.texts.items():
                edit.setPlainText(data.get(key) or "")
            for key, box in self.counts.items():
                box.setValue(int(data.get(key) or 0))
            self.loss.setValue(float(data.get("loss_cny") or 0))
            self.category.setCurrentIndex(max(0, self.category.findData(data.get("category"))))
            self._fill_subtypes()
            self.subtype.setCurrentIndex(max(0, self.subtype.findData(data.get("subtype"))))
            self.level.setCurrentIndex(max(0, self.level.findData(data.get("level"))))
            self.is_drill.setChecked(bool(data.get("is_drill")))
            self.sensitive.setChecked(bool(data.get("sensitive")))
            for key, edit in (("received_at", self.received_at), ("occurred_at", self.occurred_at)):
                value = data.get(key)
                if isinstance(value, str) and value:
                    value = dt.datetime.fromisoformat(value)
                if isinstance(value, dt.datetime):
                    self._set_time(edit, value)
                    edit.setProperty("set", True)
        finally:
            self._loading = False
        self._refresh_hints()
        self.refresh_advice()

    def refresh_advice(self) -> None:
        """The experts and rescue teams the contact book suggests for the category and sub-type."""
        category, subtype = self.category.currentData(), self.subtype.currentData()
        if not category:
            self.advice.setText(self.tr("Choose a category to see suggestions."))
            return
        from app.services.contacts import experts

        found = experts.suggest(self.ctx, category, subtype, limit=4)
        lines = []
        expert, team, people = self.tr("Expert"), self.tr("Team"), self.tr(" people")
        for e in found.experts:
            away = self.tr(" (away)") if e.away else ""
            lines.append(f"{expert}：{e.name}{away}，{'、'.join(e.specialties)}，{e.main_phone}")
        for t in found.teams:
            lines.append(f"{team}：{t.name}（{t.status.zh}），{t.headcount}{people}，{t.phone or t.leader_phone}")
        self.advice.setText("\n".join(lines) or self.tr("No expert or team is registered for this kind."))

    def _changed(self) -> None:
        if self._loading:
            return
        if self.sender() is self.occurred_at:
            self.occurred_at.setProperty("set", True)
        self._refresh_hints()
        if self.editing is None:
            self._draft_timer.start()

    def _refresh_hints(self) -> None:
        data = self.values()
        kind = "warning" if data["kind"] == "warning" else "initial"
        missing = set(rules.missing_elements(data, kind, incidents.required_elements(self.ctx)))
        for key, hint in self.hints.items():
            hint.setText(self.tr("required") if key in missing else "")
        if data["category"] == Category.ACCIDENT.value:
            s = rules.suggest_level(data["deaths"], data["serious_injuries"], data["loss_cny"] or 0)
            chosen = data["level"]
            text = self.tr("Figures reach: %1 (%2)").replace("%1", s.level.zh).replace("%2", "；".join(s.reasons))
            if chosen and Level(chosen) != s.level:
                text += self.tr(" — differs from the chosen level")
            self.suggestion.setText(text)
        else:
            self.suggestion.setText("")
        if data["sensitive"]:
            self.suggestion.setText(self.suggestion.text() + self.tr(" Sensitive: reported whatever its level."))

    # --- actions ------------------------------------------------------------------------------
    def clear(self) -> None:
        self._loading = True
        self.set_values({"received_at": self.ctx.clock.now()})
        self.occurred_at.setProperty("set", False)
        self._set_time(self.occurred_at, self.ctx.clock.now())
        self._loading = False
        if self.draft_id is not None:
            intake_drafts.discard_draft(self.ctx, self.draft_id)
            self.draft_id = None
        self.message.setText("")
        self._refresh_hints()
        self.title.setFocus()

    def save_draft(self) -> None:
        data = self.values()
        if not intake_drafts.has_content(data):
            return  # nothing typed yet: no draft to bring back
        for key in ("received_at", "occurred_at"):
            data[key] = data[key].isoformat() if data[key] else None
        self.draft_id = intake_drafts.save_draft(self.ctx, data, self.draft_id)

    def restore_latest_draft(self) -> bool:
        """Bring back what was being typed when the program stopped. True if there was one."""
        found = [d for d in intake_drafts.drafts(self.ctx) if intake_drafts.has_content(d[1])]
        if not found:
            return False
        draft_id, data, saved_at = found[0]
        self.set_values(data)
        if data.get("occurred_at") is None:
            self.occurred_at.setProperty("set", False)
        self.draft_id = draft_id
        self.message.setStyleSheet("color: #0b4f8a;")
        self.message.setText(self.tr("Restored the unsaved intake from %1.").replace(
            "%1", saved_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")))
        return True

    def submit(self, *, flash: bool) -> None:
        if self.editing is not None:
            self.save_changes()
            return
        self._draft_timer.stop()
        self.save_draft()
        try:
            info = incidents.record(self.ctx, self.values(), flash=flash)
        except DutyDeskError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(exc.message)
            return
        self.clear()
        self.message.setStyleSheet("color: #1b5e20;")
        text = self.tr("Recorded as %1; its deadlines are running.").replace("%1", info.number)
        if info.missing_elements:
            text += self.tr(" Still to report: %1.").replace(
                "%1", "、".join(rules.ELEMENTS.get(m, m) for m in info.missing_elements))
        self.message.setText(text)
        self.sig_recorded.emit(info.number)

    def save_changes(self) -> None:
        """Editing an incident: only what changed is sent; a new level moves its deadlines."""
        assert self.editing is not None
        current = self.values()
        before = self.editing.fields
        changes = {}
        for key, value in current.items():
            old = before.get(key)
            if isinstance(value, dt.datetime):
                old = dt.datetime.fromisoformat(old) if old else None
                if old is not None and abs((value - old).total_seconds()) < 60:
                    continue
            if (value or None) != (old or None):
                changes[key] = value
        try:
            self.editing = incidents.update(self.ctx, self.editing.number, changes,
                                            expected_version=self.editing.version)
        except DutyDeskError as exc:
            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(exc.message)
            return
        self.message.setStyleSheet("color: #1b5e20;")
        self.message.setText(self.tr("Saved."))
        self.sig_recorded.emit(self.editing.number)

    def flush(self) -> None:
        """Save the draft now (the window is closing)."""
        if self._draft_timer.isActive():
            self._draft_timer.stop()
            self.save_draft()
