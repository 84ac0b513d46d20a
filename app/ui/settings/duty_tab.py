"""Settings → Duty: the shifts and their places, who may fill each role (pools, leader tiers),
and the generator's rules (rest between shifts, monthly maximum, holiday tier, filing days)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DutyRole, LeaderTier, UserRole
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.roster import setup as roster_setup
from app.services.roster import swaps as roster_swaps
from app.services.roster.setup import PoolEntry, ShiftInfo
from app.ui.roster.models import role_word, tier_word
from app.ui.settings.calendar_tab import _row, _RowsModel, _view
from app.ui.widgets import LoadOnShow, accept_cancel


class ShiftDialog(QDialog):
    def __init__(self, shift: ShiftInfo | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift"))
        self.name = QLineEdit(shift.name if shift else "")
        start = shift.start_time if shift else dt.time(8, 30)
        self.start = QTimeEdit(QTime(start.hour, start.minute))
        self.start.setDisplayFormat("HH:mm")
        self.hours = QSpinBox()
        self.hours.setRange(1, 24)
        self.hours.setSuffix(self.tr(" h"))
        self.hours.setValue((shift.length_minutes if shift else 1440) // 60)
        self.active = QCheckBox(self.tr("&In use"))
        self.active.setChecked(shift.active if shift else True)
        counts = dict(shift.roles) if shift else {DutyRole.LEADER: 1, DutyRole.OFFICER: 2}
        self.counts: dict[DutyRole, QSpinBox] = {}
        form = QFormLayout(self)
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Starts at:"), self.start)
        form.addRow(self.tr("&Length:"), self.hours)
        for role in DutyRole:
            box = QSpinBox()
            box.setRange(0, 20)
            box.setValue(counts.get(role, 0))
            self.counts[role] = box
            form.addRow(role_word(role) + "：", box)
        form.addRow(self.active)
        form.addRow(accept_cancel(self))


class DutyTab(LoadOnShow, QWidget):
    """Shifts, pools and rules; administrators edit."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        # shifts
        self.shifts_model: _RowsModel[ShiftInfo] = _RowsModel(
            [self.tr("Shift"), self.tr("Starts"), self.tr("Length"),
             self.tr("Places"), self.tr("In use")])
        self.shifts_view = _view(self.shifts_model)
        self.add_shift = QPushButton(self.tr("&Add shift…"))
        self.add_shift.clicked.connect(lambda: self.on_shift(None))
        self.edit_shift = QPushButton(self.tr("&Edit shift…"))
        self.edit_shift.clicked.connect(self.on_edit_shift)
        # pools
        self.role = QComboBox()
        for role in DutyRole:
            self.role.addItem(role_word(role), role)
        self.role.setCurrentIndex(self.role.findData(DutyRole.LEADER))
        self.role.currentIndexChanged.connect(self.reload_pool)
        self.pool_model: _RowsModel[PoolEntry] = _RowsModel(
            [self.tr("Name"), self.tr("Title"), self.tr("Unit"),
             self.tr("Mobile"), self.tr("Leader tier"), self.tr("In pool")])
        self.pool_view = _view(self.pool_model)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find a person by name, title or mobile"))
        self.search.textChanged.connect(self.find_people)
        self.found = QListWidget()
        self.found.setMaximumHeight(110)
        self.found.itemActivated.connect(lambda _i: self.add_member())
        self.tier = QComboBox()
        for tier in LeaderTier:
            self.tier.addItem(tier_word(int(tier)), int(tier))
        self.tier.setCurrentIndex(1)
        self.add_button = QPushButton(self.tr("Add to the &pool"))
        self.add_button.clicked.connect(self.add_member)
        self.tier_button = QPushButton(self.tr("Set &tier"))
        self.tier_button.clicked.connect(self.set_tier)
        self.active_button = QPushButton(self.tr("Pause / &resume"))
        self.active_button.clicked.connect(self.toggle_active)
        self.remove_button = QPushButton(self.tr("&Remove"))
        self.remove_button.clicked.connect(self.remove_member)
        # rules
        self.rest = QSpinBox()
        self.rest.setRange(0, 336)
        self.rest.setSuffix(self.tr(" h"))
        self.monthly = QSpinBox()
        self.monthly.setRange(1, 31)
        self.holiday_tier = QComboBox()
        for tier in LeaderTier:
            self.holiday_tier.addItem(tier_word(int(tier)), int(tier))
        self.filing_days = QSpinBox()
        self.filing_days.setRange(0, 90)
        self.approvers = QListWidget()
        self.approvers.setMaximumHeight(90)
        self.approve_button = QPushButton(self.tr("Approves s&waps"))
        self.approve_button.setToolTip(self.tr("The person found below approves swaps too"))
        self.approve_button.clicked.connect(self.add_approver)
        self.unapprove_button = QPushButton(self.tr("No longer appro&ves"))
        self.unapprove_button.clicked.connect(self.remove_approver)
        self.save_rules = QPushButton(self.tr("&Save rules"))
        self.save_rules.clicked.connect(self.on_save_rules)
        self.message = QLabel()

        shifts = QGroupBox(self.tr("Shifts"))
        sl = QVBoxLayout(shifts)
        sl.addWidget(self.shifts_view)
        sl.addLayout(_row(self.add_shift, self.edit_shift))
        rules = QGroupBox(self.tr("Rules of the generator"))
        rf = QFormLayout(rules)
        rf.addRow(self.tr("Minimum rest between shifts:"), self.rest)
        rf.addRow(self.tr("Most duties per person and month:"), self.monthly)
        rf.addRow(self.tr("Leader on holidays at least:"), self.holiday_tier)
        rf.addRow(self.tr("File a holiday's roster (days before):"), self.filing_days)
        rf.addRow(self.save_rules, self.message)
        approvers = QGroupBox(self.tr("Who approves swaps"))
        al = QVBoxLayout(approvers)
        explain = QLabel(self.tr("The chief leader on duty that day approves a swap; so do the "
                                 "people named here."))
        explain.setWordWrap(True)
        al.addWidget(explain)
        al.addWidget(self.approvers)
        al.addLayout(_row(self.approve_button, self.unapprove_button))
        pools = QGroupBox(self.tr("Pools: who may fill each role"))
        pl = QVBoxLayout(pools)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Role:")))
        top.addWidget(self.role)
        top.addStretch()
        pl.addLayout(top)
        pl.addWidget(self.pool_view, 1)
        pl.addLayout(_row(self.tier_button, self.active_button, self.remove_button))
        pl.addWidget(self.search)
        pl.addWidget(self.found)
        pl.addLayout(_row(QLabel(self.tr("Tier:")), self.tier, self.add_button))
        left = QVBoxLayout()
        left.addWidget(shifts)
        left.addWidget(rules)
        left.addWidget(approvers)
        layout = QHBoxLayout(self)
        layout.addLayout(left, 2)
        layout.addWidget(pools, 3)

    @property
    def admin(self) -> bool:
        return self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN

    def reload(self) -> None:
        self.loaded = True
        shifts = roster_setup.list_shifts(self.ctx)
        yes = self.tr("yes")
        self.shifts_model.load([(s.name, s.start_time.strftime("%H:%M"),
                                 self.tr("%1 h").replace("%1", f"{s.length_minutes / 60:g}"),
                                 "、".join(f"{role_word(r)}×{n}" for r, n in s.roles),
                                 yes if s.active else "") for s in shifts], shifts)
        rules = roster_setup.get_rules(self.ctx)
        self._rules_version = rules.version
        self.rest.setValue(rules.min_rest_hours)
        self.monthly.setValue(rules.monthly_max)
        self.holiday_tier.setCurrentIndex(self.holiday_tier.findData(rules.holiday_leader_tier))
        self.filing_days.setValue(rules.filing_days_before)
        for w in (self.add_shift, self.edit_shift, self.add_button, self.tier_button,
                  self.active_button, self.remove_button, self.save_rules, self.rest, self.monthly,
                  self.holiday_tier, self.filing_days, self.approve_button, self.unapprove_button):
            w.setEnabled(self.admin)
        self.reload_pool()
        self.reload_approvers()

    def reload_approvers(self) -> None:
        self.approvers.clear()
        for p in roster_swaps.named_approvers(self.ctx):
            item = QListWidgetItem(f"{p.name}  {p.title}  {p.organization}")
            item.setData(256, p.id)
            self.approvers.addItem(item)

    def _approver_ids(self) -> list[int]:
        return [int(self.approvers.item(i).data(256)) for i in range(self.approvers.count())]

    def add_approver(self) -> None:
        """The person chosen in the search list approves swaps too."""
        item = self.found.currentItem()
        if item is not None:
            self._run(lambda: roster_swaps.set_approvers(self.ctx, [*self._approver_ids(),
                                                                    int(item.data(256))]))

    def remove_approver(self) -> None:
        item = self.approvers.currentItem()
        if item is not None:
            keep = [i for i in self._approver_ids() if i != int(item.data(256))]
            self._run(lambda: roster_swaps.set_approvers(self.ctx, keep))

    def reload_pool(self) -> None:
        role = DutyRole(self.role.currentData())
        entries = roster_setup.list_pool(self.ctx, role)
        yes = self.tr("yes")
        self.pool_model.load([(e.name, e.title, e.organization, e.mobile,
                               tier_word(e.tier) if role.leads else "", yes if e.active else "")
                              for e in entries], entries)

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except DutyDeskError as exc:
            QMessageBox.warning(self, self.tr("Duty"), exc.message)
            return False
        self.reload()
        return True

    def on_edit_shift(self) -> None:
        index = self.shifts_view.currentIndex()
        if index.isValid():
            self.on_shift(self.shifts_model.items[index.row()])

    def on_shift(self, shift: ShiftInfo | None) -> None:
        dialog = ShiftDialog(shift, self)
        if dialog.exec():
            t = dialog.start.time()
            self._run(lambda: roster_setup.save_shift(
                self.ctx, shift_id=shift.id if shift else None, name=dialog.name.text(),
                start_time=dt.time(t.hour(), t.minute()), length_minutes=dialog.hours.value() * 60,
                roles={r: b.value() for r, b in dialog.counts.items()},
                active=dialog.active.isChecked(), sort_order=shift.sort_order if shift else 9,
                expected_version=shift.version if shift else None))

    def find_people(self, text: str) -> None:
        """The people matching ``text``, to add to the pool (not QWidget.find, which it hid)."""
        self.found.clear()
        if len(text.strip()) < 1:
            return
        for p in roster_setup.find_people(self.ctx, text, 30):
            item = QListWidgetItem(f"{p.name}  {p.title}  {p.organization}  {p.mobile}")
            item.setData(256, p.id)
            self.found.addItem(item)

    def add_member(self) -> None:
        item = self.found.currentItem()
        if item is None:
            return
        self._run(lambda: roster_setup.add_to_pool(self.ctx, DutyRole(self.role.currentData()), item.data(256),
                                                   self.tier.currentData()))

    def _member(self) -> PoolEntry | None:
        index = self.pool_view.currentIndex()
        return self.pool_model.items[index.row()] if index.isValid() else None

    def set_tier(self) -> None:
        m = self._member()
        if m is not None:
            self._run(lambda: roster_setup.update_pool_member(self.ctx, m.id, tier=self.tier.currentData(),
                                                              active=m.active))

    def toggle_active(self) -> None:
        m = self._member()
        if m is not None:
            self._run(lambda: roster_setup.update_pool_member(self.ctx, m.id, tier=m.tier,
                                                              active=not m.active))

    def remove_member(self) -> None:
        m = self._member()
        if m is not None:
            self._run(lambda: roster_setup.remove_from_pool(self.ctx, m.id))

    def on_save_rules(self) -> None:
        if self._run(lambda: roster_setup.update_rules(
                self.ctx, min_rest_hours=self.rest.value(), monthly_max=self.monthly.value(),
                holiday_leader_tier=self.holiday_tier.currentData(),
                filing_days_before=self.filing_days.value(), expected_version=self._rules_version)):
            self.message.setText(self.tr("Saved."))
