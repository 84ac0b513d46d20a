"""The unit tree beside the contact list, and keeping it: add a unit under the chosen one,
edit it, delete an empty one.

The administrator keeps the contact book (DESIGN.md): the services refuse anyone else, and the
actions here are disabled for them so nobody is offered what will be refused.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import OrgKind
from app.domain.errors import DutyDeskError
from app.services.contacts import book as contacts
from app.services.contacts.book import UnitInfo, UnitInput
from app.services.context import Context
from app.ui.widgets import error_label, ok_cancel

UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def org_kind_text(kind: OrgKind) -> str:
    return {
        OrgKind.CITY: QCoreApplication.translate("ContactLabels", "City"),
        OrgKind.DISTRICT: QCoreApplication.translate("ContactLabels", "District or county"),
        OrgKind.TOWNSHIP: QCoreApplication.translate("ContactLabels", "Township or street"),
        OrgKind.VILLAGE: QCoreApplication.translate("ContactLabels", "Village or community"),
        OrgKind.DEPARTMENT: QCoreApplication.translate("ContactLabels", "Department"),
        OrgKind.ENTERPRISE: QCoreApplication.translate("ContactLabels", "Enterprise"),
        OrgKind.TEAM: QCoreApplication.translate("ContactLabels", "Team"),
    }[kind]


class UnitTree(QTreeView):
    """"All units" on top, every unit under its parent; choosing one filters the list."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = QStandardItemModel(self)
        self.setModel(self.items)
        self.setHeaderHidden(True)
        self.setMinimumWidth(150)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)

    def current_unit_id(self) -> int | None:
        """The chosen unit; None for "All units" (or nothing chosen)."""
        index = self.currentIndex()
        return index.data(UNIT_ID_ROLE) if index.isValid() else None

    def fill(self, units: list[UnitInfo]) -> None:
        """Show ``units``; the unit chosen before stays chosen while it exists."""
        current = self.current_unit_id()
        self.items.clear()
        everyone = QStandardItem(self.tr("All units"))
        everyone.setData(None, UNIT_ID_ROLE)
        self.items.appendRow(everyone)
        items: dict[int, QStandardItem] = {}
        for u in units:
            item = QStandardItem(u.name)
            item.setData(u.id, UNIT_ID_ROLE)
            item.setToolTip(u.duty_phone)
            items[u.id] = item
        for u in units:
            parent = items.get(u.parent_id) if u.parent_id is not None else None
            (parent or everyone).appendRow(items[u.id])
        self.expand(everyone.index())
        for item in items.values():
            if item.parent() is everyone:
                self.expand(item.index())
        target = items[current].index() if current in items else everyone.index()
        self.selectionModel().setCurrentIndex(
            target, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self.updateGeometry()

    def content_width(self, most: int = 300) -> int:
        """As wide as the longest unit name shown (with its indentation), up to ``most``."""
        self.resizeColumnToContents(0)
        scroll = self.verticalScrollBar().sizeHint().width()
        return min(most, self.sizeHintForColumn(0) + 2 * self.frameWidth() + scroll + 4)


class UnitDialog(QDialog):
    """Add a unit under ``parent`` (None: at the top) or edit ``unit``: name, kind, numbers, address."""

    def __init__(self, ctx: Context, unit: UnitInfo | None, parent_unit: UnitInfo | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.unit = unit
        self.parent_id = unit.parent_id if unit else (parent_unit.id if parent_unit else None)
        self.saved: UnitInfo | None = None
        self.setWindowTitle(self.tr("Edit unit") if unit else self.tr("Add unit"))
        self.setMinimumWidth(420)
        self.name = QLineEdit(unit.name if unit else "")
        self.kind = QComboBox()
        for kind in OrgKind:
            self.kind.addItem(org_kind_text(kind), kind.value)
        self.kind.setCurrentIndex(self.kind.findData(unit.kind if unit else _child_kind(parent_unit)))
        self.duty_phone = QLineEdit(unit.duty_phone if unit else "")
        self.fax = QLineEdit(unit.fax if unit else "")
        self.address = QLineEdit(unit.address if unit else "")
        form = QFormLayout()
        if unit is None:
            form.addRow(self.tr("Under:"), QLabel(parent_unit.name if parent_unit
                                                  else self.tr("(top level)")))
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Kind:"), self.kind)
        form.addRow(self.tr("&Duty phone:"), self.duty_phone)
        form.addRow(self.tr("&Fax:"), self.fax)
        form.addRow(self.tr("&Address:"), self.address)
        self.error = error_label()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, self.tr("Save"), self.submit))

    def data(self) -> UnitInput:
        return UnitInput(name=self.name.text(), parent_id=self.parent_id,
                         kind=self.kind.currentData(), duty_phone=self.duty_phone.text(),
                         fax=self.fax.text(), address=self.address.text(),
                         sort_order=self.unit.sort_order if self.unit else 0)

    def submit(self) -> None:
        try:
            self.saved = contacts.save_unit(self.ctx, self.unit.id if self.unit else None,
                                            self.data(),
                                            expected_version=self.unit.version if self.unit else None)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.accept()


def _child_kind(parent: UnitInfo | None) -> str:
    """The likely kind one level down: a county under a city, a township under a county."""
    below = {OrgKind.CITY.value: OrgKind.DISTRICT, OrgKind.DISTRICT.value: OrgKind.TOWNSHIP,
             OrgKind.TOWNSHIP.value: OrgKind.VILLAGE}
    return below.get(parent.kind if parent else "", OrgKind.DEPARTMENT).value


class UnitActions(QObject):
    """New, edit and delete unit: on the tree's context menu and on keys.

    Ctrl+Shift+N and F4 work wherever the focus is while the contacts tab shows; Delete only
    in the tree (in the list it deletes a person).

    Signals:
        sig_changed(str): a unit was added, changed or deleted; the text says which.
    """

    sig_changed = Signal(str)
    """The tree changed: the page rereads it and shows the text in its status line."""

    def __init__(self, tree: QTreeView, current_unit_id: Callable[[], int | None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.tree = tree
        self.current_unit_id = current_unit_id
        self.ctx: Context | None = None
        self.units: list[UnitInfo] = []
        self.new_action = self._action(self.tr("&New unit here"), "Ctrl+Shift+N", self.add_unit)
        self.edit_action = self._action(self.tr("&Edit unit…"), "F4", self.edit_unit)
        self.delete_action = self._action(self.tr("&Delete unit"), "Del", self.delete_unit,
                                          Qt.ShortcutContext.WidgetShortcut)
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    def _action(self, label: str, key: str, slot: Callable[[], None],
                context: Qt.ShortcutContext = Qt.ShortcutContext.WindowShortcut) -> QAction:
        action = QAction(label, self.tree)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(context)
        action.setShortcutVisibleInContextMenu(True)
        action.triggered.connect(slot)
        self.tree.addAction(action)
        return action

    def set_state(self, ctx: Context, units: list[UnitInfo], admin: bool) -> None:
        self.ctx, self.units = ctx, units
        tip = "" if admin else self.tr("Only an administrator can change the units.")
        for action in (self.new_action, self.edit_action, self.delete_action):
            action.setEnabled(admin)
            action.setToolTip(tip)

    def _current(self) -> UnitInfo | None:
        unit_id = self.current_unit_id()
        return next((u for u in self.units if u.id == unit_id), None)

    def add_unit(self) -> None:
        if self.ctx is None or not self.new_action.isEnabled():
            return
        dialog = UnitDialog(self.ctx, None, self._current(), self.tree.window())
        if dialog.exec() and dialog.saved is not None:
            self.sig_changed.emit(self.tr("Unit %1 added.").replace("%1", dialog.saved.name))

    def edit_unit(self) -> None:
        unit = self._current()
        if self.ctx is None or unit is None or not self.edit_action.isEnabled():
            return
        dialog = UnitDialog(self.ctx, unit, None, self.tree.window())
        if dialog.exec() and dialog.saved is not None:
            self.sig_changed.emit(self.tr("Unit %1 saved.").replace("%1", dialog.saved.name))

    def delete_unit(self) -> None:
        unit = self._current()
        if self.ctx is None or unit is None or not self.delete_action.isEnabled():
            return
        title = self.tr("Delete unit")
        if QMessageBox.question(self.tree.window(), title,
                                self.tr("Delete the unit %1 from the contact book?")
                                .replace("%1", unit.name),
                                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        try:
            contacts.delete_unit(self.ctx, unit.id, unit.version)
        except DutyDeskError as exc:
            QMessageBox.warning(self.tree.window(), title, exc.message)
            return
        self.sig_changed.emit(self.tr("Unit %1 deleted.").replace("%1", unit.name))
