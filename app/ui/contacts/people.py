"""What the duty officer does to the chosen person: add, edit, delete, report an absence, mark a
number verified, read the history of their numbers.

Del and F8 sit on the list's context menu (Del only while the list has the focus: in the tree it
deletes a unit); the page's buttons and keys call the rest. Deleting is the administrator's: the
action is disabled for anyone else so nobody is offered what the service refuses.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

from app.domain.errors import DutyDeskError
from app.services.contacts import book as contacts
from app.services.contacts.book import UnitInfo
from app.services.context import Context
from app.ui.contacts.details import DetailsPanel
from app.ui.contacts.dialogs import AbsenceDialog, PersonDialog
from app.ui.contacts.history import NumberHistoryDialog
from app.ui.contacts.models import ContactRow


class PersonActions(QObject):
    """The commands on the current row of the contact list.

    Signals:
        sig_changed(str): a person was added, edited or deleted; the text is the name to
            search for ("" when the list should only be reread).
        sig_absence_changed(): an absence notice changed who shows as away.
        sig_verified(): a number was marked verified today.
        sig_note(str): a line for the page's status note.
    """

    sig_changed = Signal(str)
    """People changed: the page rereads its list (searching for the name when one is given)."""
    sig_absence_changed = Signal()
    """An absence notice was added or withdrawn: the page rereads its list."""
    sig_verified = Signal()
    """A number was confirmed: the page rereads the details and the worklist."""
    sig_note = Signal(str)
    """A sentence for the page's status note."""

    def __init__(self, table: QTableView, current_row: Callable[[], ContactRow | None],
                 current_unit_id: Callable[[], int | None], details: DetailsPanel,
                 zone: zoneinfo.ZoneInfo, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = parent
        self.current_row = current_row
        self.current_unit_id = current_unit_id
        self.details = details
        self.zone = zone
        self.ctx: Context | None = None
        self.units: list[UnitInfo] = []
        self.delete_action = QAction(self.tr("De&lete contact"), table)
        self.delete_action.setShortcut(QKeySequence("Del"))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the list's
        self.delete_action.setShortcutVisibleInContextMenu(True)
        self.delete_action.triggered.connect(self.delete_person)
        self.history_action = QAction(self.tr("Number &history…"), table)
        self.history_action.setShortcut(QKeySequence("F8"))
        self.history_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.history_action.setShortcutVisibleInContextMenu(True)
        self.history_action.triggered.connect(self.show_history)
        table.addActions([self.history_action, self.delete_action])
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def set_state(self, ctx: Context, units: list[UnitInfo], admin: bool) -> None:
        """The operator's context, the units to offer, and whether they may delete."""
        self.ctx, self.units = ctx, units
        self.delete_action.setEnabled(admin)
        self.delete_action.setToolTip(
            "" if admin else self.tr("Only an administrator can delete contacts."))

    def _person(self) -> contacts.PersonDetails | None:
        row = self.current_row()
        if self.ctx is None or row is None or row.kind != "person":
            return None
        return contacts.get_person(self.ctx, row.id)

    def add_person(self) -> None:
        """Ins: a new person, in the unit chosen in the tree."""
        if self.ctx is None:
            return
        dialog = PersonDialog(self.ctx, self.units, None, self.current_unit_id(), self.page)
        if dialog.exec() and dialog.saved is not None:
            self.sig_changed.emit(dialog.saved.name)

    def edit_person(self) -> None:
        """F2: the current person's names, numbers and tags."""
        person = self._person()
        if self.ctx is None or person is None:
            return
        dialog = PersonDialog(self.ctx, self.units, person, None, self.page)
        if dialog.exec() and dialog.saved is not None:
            self.sig_changed.emit("")

    def delete_person(self) -> None:
        """Del in the list: remove a person who left, after the operator confirms by name."""
        if self.ctx is None or not self.delete_action.isEnabled():
            return
        try:
            person = self._person()
        except DutyDeskError as exc:
            self.sig_note.emit(exc.message)
            return
        if person is None:
            return
        title = self.tr("Delete contact")
        who = " · ".join(part for part in (person.name, person.organization) if part)
        if QMessageBox.question(self.page, title, self.tr(
                "Delete %1 from the contact book? Their numbers go with them; the history of "
                "changed numbers stays.").replace("%1", who),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        try:
            contacts.delete_person(self.ctx, person.id, person.version)
        except DutyDeskError as exc:
            QMessageBox.warning(self.page, title, exc.message)
            return
        self.sig_changed.emit("")
        self.sig_note.emit(self.tr("%1 deleted.").replace("%1", person.name))

    def show_history(self) -> None:
        """F8: every change of the current row's numbers (or the chosen unit's), newest first."""
        if self.ctx is None:
            return
        row = self.current_row()
        if row is not None:
            owner = row.name
            key = {"person_id": row.id} if row.kind == "person" else {"organization_id": row.id}
        else:
            unit = next((u for u in self.units if u.id == self.current_unit_id()), None)
            if unit is None:
                return
            owner, key = unit.name, {"organization_id": unit.id}
        NumberHistoryDialog(owner, contacts.number_history(self.ctx, **key), self.zone,
                            self.page).exec()

    def report_absence(self) -> None:
        """F7: the current person is away (a trip, leave, training) and who stands in."""
        person = self._person()
        if self.ctx is None or person is None:
            return
        colleagues = [(r.id, r.name) for r in contacts.list_people(
            self.ctx, [person.organization_id] if person.organization_id else None, limit=500)]
        today = self.details.today(self.ctx)
        dialog = AbsenceDialog(self.ctx, person, colleagues, today, self.page)
        dialog.exec()
        if dialog.changed:
            self.sig_absence_changed.emit()

    def mark_verified(self) -> None:
        """F6: the number chosen in the details (the main number by default) is right."""
        point_id = self.details.current_point_id()
        if self.ctx is None or point_id is None:
            return
        contacts.mark_verified(self.ctx, [point_id])
        self.sig_verified.emit()
        self.sig_note.emit(self.tr("Marked as verified today."))
