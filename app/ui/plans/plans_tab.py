"""The register (预案): every plan with its next review and next drill, overdue ones in red,
a filter, and the chosen plan's page beside the list.

Keys while the tab shows: Ins new plan, Enter (on the list) edit, F6 record a review, F7
record a drill, Ctrl+I import, Ctrl+E export; Alt+S goes to the filter.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app.domain.plans import PlanStatus, PlanType
from app.services.context import Context
from app.services.plans import register, stats
from app.services.plans.register import PlanInfo
from app.ui.plans.details import PlanDetails, small_table
from app.ui.plans.models import ListModel, day, status_text, type_text
from app.ui.plans.plan_dialog import HorizonDialog, PlanDialog, ReviewDialog
from app.ui.widgets import LoadOnShow


class PlansTab(LoadOnShow, QWidget):
    """Signals:
        sig_changed(): a plan or a review was recorded (its deadlines moved).
        sig_record_drill(int): the operator asked to record a drill of this plan.
        sig_import(): Ctrl+I.
        sig_export(): Ctrl+E.
    """

    sig_changed = Signal()
    """Deadlines and figures changed."""
    sig_record_drill = Signal(int)
    """Record a drill of the plan with this id."""
    sig_import = Signal()
    """Import a workbook."""
    sig_export = Signal()
    """Export the register."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.plans: list[PlanInfo] = []
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Plan name or unit"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.apply_filter())
        self.type = QComboBox()
        self.type.addItem(self.tr("All types"), None)
        for kind in PlanType:
            self.type.addItem(type_text(kind), kind.value)
        self.type.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.overdue_only = QCheckBox(self.tr("&Overdue only"))
        self.overdue_only.toggled.connect(lambda _b: self.apply_filter())
        self.model = ListModel([
            (self.tr("Plan"), lambda p: p.name), (self.tr("Type"), lambda p: type_text(p.type)),
            (self.tr("Owner unit"), lambda p: p.unit), (self.tr("Approved"), lambda p: day(p.approved_on)),
            (self.tr("Status"), lambda p: status_text(p.status)),
            (self.tr("Next review"), lambda p: day(p.next_review)),
            (self.tr("Next drill"), lambda p: day(p.next_drill))],
            late=self._late, muted=lambda p: p.status is PlanStatus.WITHDRAWN)
        self.table = small_table(self.model, stretch=0)
        self.table.setObjectName("planTable")
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self._show())
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.details = PlanDetails(ctx, zone)
        self.summary = QLabel()
        self.summary.setObjectName("planSummary")
        self.buttons: dict[str, QPushButton] = {}
        for key, label, keys, slot in (
                ("add", self.tr("&New plan (Ins)"), "Ins", self.add),
                ("edit", self.tr("&Edit (Enter)"), "", self.edit),
                ("review", self.tr("Re&view (F6)"), "F6", self.review),
                ("drill", self.tr("Dri&ll (F7)"), "F7", self.drill),
                ("import", self.tr("&Import… (Ctrl+I)"), "Ctrl+I", self.sig_import.emit),
                ("export", self.tr("E&xport… (Ctrl+E)"), "Ctrl+E", self.sig_export.emit),
                ("horizon", self.tr("Re&minders…"), "", self.reminders)):
            button = self.buttons[key] = QPushButton(label)
            button.setAutoDefault(False)
            button.clicked.connect(lambda _c=False, s=slot: s())
            if keys:  # the tab's keys work while it shows, wherever the focus is in the window
                shortcut = QShortcut(QKeySequence(keys), self)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
                shortcut.setWhatsThis(label)  # its line on the shortcut page
                shortcut.activated.connect(lambda b=button: b.isEnabled() and b.click())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.setWhatsThis(self.buttons["edit"].text())
        enter.activated.connect(self.edit)
        self.filter_label = QLabel(self.tr("&Search:"))
        self.filter_label.setBuddy(self.filter)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter, 2)
        filters.addWidget(self.type)
        filters.addWidget(self.overdue_only)
        filters.addStretch(1)
        row = QHBoxLayout()
        for button in self.buttons.values():
            row.addWidget(button)
        row.addStretch()
        split = QSplitter()
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 400])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        layout.addWidget(self.summary)

    @property
    def today(self) -> dt.date:
        """The office's date now (a window stays open for days)."""
        return self.ctx.clock.now().astimezone(self.zone).date()

    def _late(self, plan: PlanInfo, column: int) -> bool:
        due = {5: plan.next_review, 6: plan.next_drill}.get(column)
        return due is not None and due < self.today

    def set_admin(self, admin: bool) -> None:
        for key in ("add", "edit", "review", "drill", "import", "horizon"):
            self.buttons[key].setEnabled(admin)

    def reload(self) -> None:
        chosen = self.current()
        self.plans = register.list_plans(self.ctx)
        self.apply_filter(chosen.id if chosen else None)
        self._summarise()
        self.loaded = True

    def apply_filter(self, keep: int | None = None) -> None:
        words = self.filter.text().strip()
        kind = self.type.currentData()
        shown = [p for p in self.plans
                 if (not words or words in p.name or words in p.unit)
                 and (kind is None or p.type.value == kind)
                 and (not self.overdue_only.isChecked() or p.overdue(self.today))]
        current = self.current()
        keep = keep if keep is not None else (current.id if current else None)
        self.model.set_rows(shown)
        ids = [p.id for p in shown]
        if ids:
            self.table.selectRow(ids.index(keep) if keep in ids else 0)
        self._show()

    def _summarise(self) -> None:
        year = stats.counts(self.ctx, dt.date(self.today.year, 1, 1), dt.date(self.today.year, 12, 31))
        overdue = sum(p.overdue(self.today) for p in self.plans)
        self.summary.setText(
            self.tr("%1 plans in force, %2 overdue · this year: %3 drills, %4 corrective actions "
                    "open (%5 overdue), %6 training sessions, %7 hours")
            .replace("%1", str(year.plans_in_force)).replace("%2", str(overdue))
            .replace("%3", str(year.drills)).replace("%4", str(year.actions.open + year.actions.overdue))
            .replace("%5", str(year.actions.overdue)).replace("%6", str(year.trainings))
            .replace("%7", f"{year.training_hours:g}"))

    def current(self) -> PlanInfo | None:
        index = self.table.currentIndex()
        found = self.model.row_at(index.row()) if index.isValid() else None
        return found if isinstance(found, PlanInfo) else None

    def _show(self) -> None:
        self.details.show_plan(self.current(), self.today)

    def _changed(self) -> None:
        self.reload()
        self.sig_changed.emit()

    def add(self) -> None:
        dialog = PlanDialog(self.ctx, self.today, None, self)
        if dialog.exec() and dialog.saved is not None:
            self.filter.clear()
            self.reload()
            self.apply_filter(dialog.saved.id)
            self.sig_changed.emit()

    def edit(self) -> None:
        plan = self.current()
        if plan is not None and self.buttons["edit"].isEnabled() and \
                PlanDialog(self.ctx, self.today, plan, self).exec():
            self._changed()

    def review(self) -> None:
        plan = self.current()
        if plan is not None and ReviewDialog(self.ctx, plan, self.today, self).exec():
            self._changed()

    def drill(self) -> None:
        plan = self.current()
        if plan is not None:
            self.sig_record_drill.emit(plan.id)

    def reminders(self) -> None:
        if HorizonDialog(self.ctx, self).exec():
            self.sig_changed.emit()
