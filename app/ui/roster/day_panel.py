"""The chosen day beside the calendar: its places, edited from the keyboard, its conflicts,
and a swap asked for one of its duties.

Enter or F2 edits a place, Delete empties it, Ctrl+K locks or unlocks it (Ctrl+L switches the
operator). Editing is the administrator's: the buttons are disabled for anyone else, and a key
that slips through does nothing.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import DutyRole
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.roster import schedule as roster
from app.services.roster import setup as roster_setup
from app.services.roster import swaps as roster_swaps
from app.services.roster.schedule import AssignmentInfo, Conflict, ShiftDay
from app.ui.roster.dialogs import PlaceDialog, SwapDialog
from app.ui.roster.models import PlacesModel
from app.ui.roster.views import table_view

Place = tuple[ShiftDay, DutyRole, int, AssignmentInfo | None]


class DayPanel(QWidget):
    """The places of one day, each a shift, a role and a position with whoever holds it.

    Signals:
        sig_changed(): a place was written (the page rereads the roster and tells the header).
        sig_swap_requested(): a swap was asked for (the page shows the swaps).
    """

    sig_changed = Signal()
    """A place changed: set, emptied, locked or unlocked."""
    sig_swap_requested = Signal()
    """A swap request was recorded and waits for a leader."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.admin = False
        self.day_shifts: list[ShiftDay] = []
        self.day_label = QLabel()
        self.day_label.setObjectName("rosterDay")
        self.places_model = PlacesModel()
        self.places_view = table_view(self.places_model, stretch=3)  # 职务: the longest text
        self.places_view.setObjectName("rosterPlaces")
        self.places_view.setWordWrap(False)
        self.places_view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.places_view.activated.connect(lambda _i: self.edit_place())
        self.edit_button = QPushButton(self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Enter"))
        self.edit_button.clicked.connect(self.edit_place)
        self.clear_button = QPushButton(self.tr("&Clear"))
        self.clear_button.setToolTip(self.tr("Delete"))
        self.clear_button.clicked.connect(self.clear_place)
        self.lock_button = QPushButton(self.tr("&Lock / unlock"))
        self.lock_button.setToolTip(self.tr("Ctrl+K"))
        self.lock_button.clicked.connect(self.toggle_lock)
        self.swap_button = QPushButton(self.tr("Ask for a s&wap…"))
        self.swap_button.clicked.connect(self.ask_swap)
        self.day_conflicts = QLabel()
        self.day_conflicts.setWordWrap(True)
        self.day_conflicts.setObjectName("rosterConflicts")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.day_label)
        layout.addWidget(self.places_view, 1)
        buttons = QHBoxLayout()
        for w in (self.edit_button, self.clear_button, self.lock_button, self.swap_button):
            buttons.addWidget(w)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addWidget(self.day_conflicts)
        self._key("Delete", self.clear_place, self.clear_button.text())
        self._key("F2", self.edit_place, self.edit_button.text())
        self._key("Ctrl+K", self.toggle_lock, self.lock_button.text())  # Ctrl+L: switch operator

    def _key(self, key: str, slot: Callable[[], None], name: str) -> None:
        action = QAction(name, self.places_view)  # named: the shortcut page lists it
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.places_view.addAction(action)

    def set_state(self, ctx: Context, admin: bool) -> None:
        """The operator's context, and whether they may edit places (only an administrator)."""
        self.ctx, self.admin = ctx, admin
        for w in (self.edit_button, self.clear_button, self.lock_button):
            w.setEnabled(admin)

    def today(self) -> dt.date:
        return self.ctx.clock.now().astimezone(self.zone).date()

    def load(self, day: dt.date, shifts: list[ShiftDay], conflicts: list[Conflict]) -> None:
        """Show ``day``: its shifts' places and the conflicts found on it."""
        self.day_shifts = shifts
        self.places_model.load(shifts, conflicts)
        words = "、".join(shifts[0].remark_words) if shifts else ""
        self.day_label.setText(day.isoformat() + (f"  {words}" if words else ""))
        self.day_conflicts.setText("\n".join("⚠ " + c.message for c in conflicts))

    def focus_places(self) -> None:
        """Enter on a day of the calendar: the keyboard goes on to its places."""
        self.places_view.setFocus()
        if self.places_model.rowCount() and not self.places_view.currentIndex().isValid():
            self.places_view.setCurrentIndex(self.places_model.index(0, 0))

    def _error(self, exc: DutyDeskError) -> None:
        QMessageBox.warning(self, self.tr("Roster"), exc.message)

    # --- editing -------------------------------------------------------------------------
    def current_place(self) -> Place | None:
        index = self.places_view.currentIndex()
        if not index.isValid():
            return None
        return self.places_model.place(index.row())

    def edit_place(self) -> None:
        place = self.current_place()
        if place is None or not self.admin:
            return
        day, role, position, who = place
        dialog = PlaceDialog(day, role, who, roster_setup.list_pool(self.ctx, role), self)
        if dialog.exec():
            self.set_place(day, role, position, dialog.person_id(), dialog.note.text(), who)

    def set_place(self, day: ShiftDay, role: DutyRole, position: int, person_id: int | None,
                  note: str = "", who: AssignmentInfo | None = None) -> bool:
        try:
            roster.set_place(self.ctx, day=day.date, shift_id=day.shift_id, role=role,
                             position=position, person_id=person_id, note=note,
                             expected_version=who.version if who else None)
        except DutyDeskError as exc:
            self._error(exc)
            return False
        row = self.places_view.currentIndex().row()
        self.sig_changed.emit()  # the page reloads this panel meanwhile
        if 0 <= row < self.places_model.rowCount():
            self.places_view.setCurrentIndex(self.places_model.index(row, 0))
        return True

    def clear_place(self) -> None:
        place = self.current_place()
        if place is None or place[3] is None or not self.admin:
            return
        day, role, position, who = place
        self.set_place(day, role, position, None, "", who)

    def toggle_lock(self) -> None:
        place = self.current_place()
        if place is None or place[3] is None or not self.admin:
            return
        try:
            roster.set_locked(self.ctx, place[3].id, not place[3].locked)
        except DutyDeskError as exc:
            self._error(exc)
            return
        self.sig_changed.emit()

    # --- swaps ---------------------------------------------------------------------------
    def ask_swap(self) -> None:
        """Ask a colleague of the same pool to take the current duty (or trade one of theirs)."""
        place = self.current_place()
        if place is None or place[3] is None:
            return
        duty = place[3]
        pool = roster_setup.list_pool(self.ctx, duty.role)
        today = self.today()
        upcoming = [a for d in roster.roster_range(self.ctx, today, today + dt.timedelta(days=62))
                    for a in d.assignments if a.role is duty.role]
        theirs: dict[int, list[AssignmentInfo]] = {}
        for a in upcoming:
            theirs.setdefault(a.person_id, []).append(a)
        dialog = SwapDialog(duty, pool, theirs, self)
        if dialog.exec():
            to_person, other, reason = dialog.values()
            if to_person is not None:
                self.request_swap(duty.id, to_person, reason, other)

    def request_swap(self, assignment_id: int, to_person: int, reason: str = "",
                     other: int | None = None) -> bool:
        try:
            roster_swaps.request_swap(self.ctx, assignment_id, to_person, reason, other)
        except DutyDeskError as exc:
            self._error(exc)
            return False
        self.sig_swap_requested.emit()
        return True
