"""Settings → Deadline rules: pick the profile in force, copy one, edit the office's own,
and set when alarms escalate."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain import deadline_rules as dr
from app.domain.enums import UserRole
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.profiles import ProfileInfo
from app.ui import style
from app.ui.settings import rule_cells

COLUMNS = ("kind", "report_kind", "channel", "incident_kind", "categories", "levels", "sensitive",
           "minutes", "clock", "times", "event", "day")


class RulesTab(QWidget):
    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.profiles: list[ProfileInfo] = []
        self.profile_box = QComboBox()
        self.profile_box.currentIndexChanged.connect(self.show_profile)
        self.active_label = QLabel()
        self.activate_button = QPushButton(self.tr("Use this &profile"))
        self.activate_button.clicked.connect(self.activate)
        self.copy_button = QPushButton(self.tr("&Copy as our own…"))
        self.copy_button.clicked.connect(self.copy)
        self.save_button = QPushButton(self.tr("&Save rules"))
        self.save_button.clicked.connect(self.save)
        self.add_row_button = QPushButton(self.tr("Add &rule"))
        self.add_row_button.clicked.connect(self.add_row)
        self.source = QLabel()
        self.source.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([
            self.tr("Rule kind"), self.tr("Report"), self.tr("Channel"), self.tr("Incident or warning"),
            self.tr("Categories"), self.tr("Levels"), self.tr("Sensitive"), self.tr("Minutes"),
            self.tr("Clock"), self.tr("Times of day"), self.tr("Calendar"), self.tr("Day"),
        ])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setItemDelegate(rule_cells.ChoiceDelegate(COLUMNS, self.table))
        self.notice = QSpinBox()
        self.urgent = QSpinBox()
        self.repeat = QSpinBox()
        for box in (self.notice, self.urgent, self.repeat):
            box.setRange(1, 1440)
            box.setSuffix(self.tr(" min"))
        self.stages_button = QPushButton(self.tr("Save &alarm stages"))
        self.stages_button.clicked.connect(self.save_stages)
        self.message = QLabel()
        self.message.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Profile:")))
        top.addWidget(self.profile_box, 1)
        top.addWidget(self.activate_button)
        top.addWidget(self.copy_button)
        edit = QHBoxLayout()
        edit.addWidget(self.add_row_button)
        edit.addWidget(self.save_button)
        edit.addStretch()
        stages = QFormLayout()
        stages.addRow(self.tr("Notice before the deadline:"), self.notice)
        stages.addRow(self.tr("Urgent before the deadline:"), self.urgent)
        stages.addRow(self.tr("Repeat when overdue every:"), self.repeat)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.active_label)
        layout.addWidget(self.source)
        layout.addWidget(self.table, 1)
        layout.addLayout(edit)
        layout.addLayout(stages)
        layout.addWidget(self.stages_button)
        layout.addWidget(self.message)
        self.reload()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reload()

    @property
    def admin(self) -> bool:
        return self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN

    def reload(self, select_key: str | None = None) -> None:
        self.profiles = rule_profiles.list_profiles(self.ctx)
        active = rule_profiles.active_key(self.ctx)
        select_key = select_key or active
        self.profile_box.blockSignals(True)
        self.profile_box.clear()
        for p in self.profiles:
            self.profile_box.addItem(p.name + (self.tr(" (in force)") if p.key == active else ""), p.key)
        self.profile_box.setCurrentIndex(max(0, self.profile_box.findData(select_key)))
        self.profile_box.blockSignals(False)
        stages = rule_profiles.stage_settings(self.ctx)
        self.notice.setValue(stages.notice_minutes)
        self.urgent.setValue(stages.urgent_minutes)
        self.repeat.setValue(stages.repeat_minutes)
        self.show_profile()

    def current(self) -> ProfileInfo | None:
        key = self.profile_box.currentData()
        return next((p for p in self.profiles if p.key == key), None)

    def show_profile(self) -> None:
        p = self.current()
        if p is None:
            return
        self.source.setText(self.tr("Source: %1").replace("%1", p.source))
        self.active_label.setText(self.tr("Built in, read-only: copy it to change it.") if p.builtin
                                  else self.tr("The office's own profile."))
        self.table.setRowCount(0)
        for rule in p.rules:
            self._append(rule.to_json())
        editable = self.admin and not p.builtin
        self.table.setEditTriggers(QTableWidget.EditTrigger.AllEditTriggers if editable
                                   else QTableWidget.EditTrigger.NoEditTriggers)
        self.save_button.setEnabled(editable)
        self.add_row_button.setEnabled(editable)
        for w in (self.activate_button, self.copy_button, self.stages_button):
            w.setEnabled(self.admin)

    def _append(self, data: dict) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, key in enumerate(COLUMNS):
            self.table.setItem(row, col, QTableWidgetItem(rule_cells.display(key, data.get(key, ""))))

    def add_row(self) -> None:
        self._append(dr.DeadlineRule("after", "initial", minutes=60).to_json())

    def _text_at(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return rule_cells.parse(COLUMNS[col], item.text()) if item is not None else ""

    def rules_from_table(self) -> list[dr.DeadlineRule]:
        rules = []
        for row in range(self.table.rowCount()):
            cell = {key: self._text_at(row, col) for col, key in enumerate(COLUMNS)}

            def number(text: str) -> int:
                try:
                    return int(text)
                except ValueError:
                    return -1

            rules.append(dr.DeadlineRule(
                kind=cell["kind"], report_kind=cell["report_kind"], channel=cell["channel"],
                incident_kind=cell["incident_kind"] or "event",
                categories=tuple(x for x in cell["categories"].split(",") if x),
                levels=tuple(x for x in cell["levels"].split(",") if x),
                sensitive=cell["sensitive"].lower() in ("yes", "y", "1", "true", "是"),
                minutes=number(cell["minutes"] or "0"), clock=cell["clock"] or "received",
                times=tuple(x for x in cell["times"].split(",") if x), event=cell["event"],
                day=number(cell["day"] or "0"),
            ))
        return rules

    def _say(self, text: str, ok: bool) -> None:
        style.set_tone(self.message, "ok" if ok else "error")
        self.message.setText(text)

    def activate(self) -> None:
        p = self.current()
        if p is None:
            return
        try:
            rule_profiles.set_active(self.ctx, p.key)
        except DutyDeskError as exc:
            self._say(exc.message, False)
            return
        self.reload(p.key)
        self._say(self.tr("Now in force: %1").replace("%1", p.name), True)

    def copy(self) -> None:
        p = self.current()
        if p is None:
            return
        name, ok = QInputDialog.getText(self, self.tr("Copy profile"), self.tr("Name of the copy:"),
                                        text=p.name + self.tr(" (ours)"))
        if not ok:
            return
        try:
            copy = rule_profiles.copy_profile(self.ctx, p.key, name)
        except DutyDeskError as exc:
            self._say(exc.message, False)
            return
        self.reload(copy.key)

    def save(self) -> None:
        p = self.current()
        if p is None:
            return
        try:
            rule_profiles.save_rules(self.ctx, p.key, self.rules_from_table(), p.version)
        except DutyDeskError as exc:
            self._say(exc.message, False)
            return
        self.reload(p.key)
        self._say(self.tr("Saved."), True)

    def save_stages(self) -> None:
        try:
            rule_profiles.set_stage_settings(self.ctx, dr.StageSettings(
                self.notice.value(), self.urgent.value(), self.repeat.value()))
        except DutyDeskError as exc:
            self._say(exc.message, False)
            return
        self._say(self.tr("Saved."), True)
