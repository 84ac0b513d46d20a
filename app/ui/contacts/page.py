"""The contacts section (通讯录): one search box, the unit tree, the people, their details.

Typing searches as the operator types (debounced); Enter copies the main number of the current
row; every action has a key. A second tab is the freshness worklist, a third the experts and
rescue teams. The commands on a person live in people.py, on a unit in units.py, the files
(import, export, template, vCards) in files.py; this module builds the page and keeps the
list, the tree and the details in step.
"""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import cast

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import UserRole
from app.domain.errors import DutyDeskError
from app.services.contacts import book as contacts
from app.services.contacts import search as contact_search
from app.services.contacts.book import UnitInfo
from app.services.context import Context
from app.ui.contacts.details import DetailsPanel
from app.ui.contacts.experts_tab import ExpertsTab
from app.ui.contacts.files import ContactFiles
from app.ui.contacts.freshness import FreshnessTab
from app.ui.contacts.models import ContactListModel, ContactRow
from app.ui.contacts.people import PersonActions
from app.ui.contacts.units import UnitActions, UnitTree
from app.ui.widgets import fit_columns

DEBOUNCE_MS = 150
SEARCH_LIMIT = 200

class ContactsPage(QWidget):
    """The contact book as the duty officer uses it.

    Signals:
        sig_copied(str): a number was copied to the clipboard.
    """

    sig_copied = Signal(str)
    """A number went to the clipboard (the status line shows it)."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.units: list[UnitInfo] = []
        self._shown = False

        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Search: name, pinyin, initials (zs), any digits of a number, or a unit (Ctrl+F)"))
        self.search.setAccessibleName(self.search.placeholderText())
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.installEventFilter(self)
        self.count_label = QLabel()

        self.tree = UnitTree()
        self.unit_actions = UnitActions(self.tree, self.tree.current_unit_id, self)
        self.unit_actions.sig_changed.connect(self._units_changed)

        self.model = ContactListModel()
        self.table = QTableView()
        self.table.setObjectName("contactTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        fit_columns(self.table, ContactListModel.UNIT)  # 单位 takes the room; 职务 in full
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _i: self.copy_main_number())

        self.details = DetailsPanel(zone)
        self.details.setMinimumWidth(240)
        people = self.person_actions = PersonActions(
            self.table, self.current_row, self.tree.current_unit_id, self.details, zone, self)
        people.sig_changed.connect(self._people_changed)
        people.sig_absence_changed.connect(self._relist)
        people.sig_verified.connect(self._verified)
        self.details.history_button.clicked.connect(people.show_history)  # F8: history_action
        files = self.files = ContactFiles(self.selected_people, self)
        files.sig_imported.connect(self._imported)

        self.add_button = QPushButton(self.tr("&New contact (Ins)"))
        self.edit_button = QPushButton(self.tr("&Edit (F2)"))
        self.delete_button = QPushButton(self.tr("De&lete (Del)"))
        self.absence_button = QPushButton(self.tr("&Absence notice (F7)"))
        self.verify_button = QPushButton(self.tr("&Verified (F6)"))
        self.import_button = QPushButton(self.tr("&Import… (Ctrl+I)"))
        self.export_button = QPushButton(self.tr("E&xport… (Ctrl+E)"))
        self.vcard_button = QPushButton(self.tr("vCar&d… (Ctrl+Shift+V)"))
        self.template_button = QPushButton(self.tr("Import &template…"))
        actions: list[tuple[QPushButton, Callable[[], None], str | None]] = [
            (self.add_button, people.add_person, "Ins"),
            (self.edit_button, people.edit_person, "F2"),
            (self.delete_button, people.delete_person, None),  # Del: the list's and the tree's
            (self.absence_button, people.report_absence, "F7"),
            (self.verify_button, people.mark_verified, "F6"),
            (self.import_button, files.choose_import, "Ctrl+I"),
            (self.export_button, files.choose_export, "Ctrl+E"),
            (self.vcard_button, files.choose_vcard, "Ctrl+Shift+V"),
            (self.template_button, files.choose_template, None),
        ]
        book = QWidget()  # the contacts tab: its keys work while it shows, wherever the focus
        buttons = QHBoxLayout()
        for button, slot, key in actions:
            button.clicked.connect(slot)
            button.setAutoDefault(False)
            buttons.addWidget(button)
            if key:
                shortcut = QShortcut(QKeySequence(key), book)
                shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # while the tab shows
                shortcut.setWhatsThis(button.text())  # its line on the shortcut page
                shortcut.activated.connect(slot)
        buttons.addStretch()
        self.note = QLabel()
        self.note.setObjectName("copyNote")

        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 0)
        split.setStretchFactor(1, 1)
        split.setStretchFactor(2, 0)
        split.setSizes([230, 720, 250])
        self.split = split
        book_layout = QVBoxLayout(book)
        book_layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        book_layout.addLayout(top)
        book_layout.addLayout(buttons)
        book_layout.addWidget(split, 1)
        book_layout.addWidget(self.note)

        self.freshness = FreshnessTab(ctx, zone)
        self.tabs = QTabWidget()
        self.tabs.addTab(book, self.tr("&Contacts"))
        self.tabs.addTab(self.freshness, self.tr("Numbers to verif&y"))
        self.experts = ExpertsTab(ctx)
        self.tabs.addTab(self.experts, self.tr("Experts and tea&ms"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)

        self.tree.selectionModel().currentChanged.connect(lambda _c, _p: self.show_unit())
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.show_details())
        self.sig_copied.connect(self.note.setText)
        for helper in (people, files):
            helper.sig_note.connect(self.note.setText)
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown:  # the first time: ready for typing a name
            self._shown = True
            QTimer.singleShot(0, self._first_focus)

    def _first_focus(self) -> None:
        # Without a window manager (a kiosk session) nobody activates the window after the
        # sign-in dialog closes, and window shortcuts stay dead until it is.
        self.window().activateWindow()
        self.focus_search()

    # --- context ---------------------------------------------------------------------
    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.freshness.set_context(ctx)
        self.experts.set_context(ctx)
        self.reload()

    def reload(self) -> None:
        """Reread units and the current list (after an import or an edit elsewhere)."""
        self.units = contacts.list_units(self.ctx)
        admin = self.ctx.actor is not None and self.ctx.actor.role is UserRole.ADMIN
        self.import_button.setEnabled(admin)  # the administrator keeps the book (DESIGN.md)
        self.import_button.setToolTip("" if admin else self.tr("Only an administrator can import."))
        self.delete_button.setEnabled(admin)
        self.delete_button.setToolTip(
            "" if admin else self.tr("Only an administrator can delete contacts."))
        self.person_actions.set_state(self.ctx, self.units, admin)
        self.files.set_state(self.ctx, admin)
        self.unit_actions.set_state(self.ctx, self.units, admin)
        blocker = QSignalBlocker(self.tree.selectionModel())  # one listing, not two
        self.tree.fill(self.units)
        sizes = self.split.sizes()
        if sum(sizes):  # the tree as wide as its names; the list gives the room
            tree = self.tree.content_width()
            self.split.setSizes([tree, max(200, sizes[0] + sizes[1] - tree), sizes[2]])
        blocker.unblock()
        self.refresh_list()

    # --- listing and searching -------------------------------------------------------
    def focus_search(self) -> None:
        """Ctrl+F from anywhere in the window lands here, text selected for typing over."""
        self.tabs.setCurrentIndex(0)
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def show_unit(self) -> None:
        if not self.search.text().strip():
            self.refresh_list()

    def refresh_list(self) -> None:
        if self.search.text().strip():
            self.run_search()
            return
        unit_id = self.tree.current_unit_id()
        ids = None if unit_id is None else contacts.subtree_ids(self.units, unit_id)
        ctx = self.ctx
        self.model.show_pages(lambda offset, limit: [
            ContactRow.from_person(r)
            for r in contacts.list_people(ctx, ids, offset=offset, limit=limit)])
        total = contacts.count_people(ctx, ids)
        self.count_label.setText(self.tr("%n people", "", total))
        self._select_first()

    def run_search(self) -> None:
        """Search now (the debounce timer calls this 150 ms after the last keystroke)."""
        self.search_timer.stop()
        query = self.search.text()
        if not query.strip():
            self.refresh_list()
            return
        hits = contact_search.search(self.ctx, query, limit=SEARCH_LIMIT)
        self.model.show_rows([ContactRow.from_hit(h) for h in hits])
        self.count_label.setText(self.tr("%n found", "", len(hits)))
        self._select_first()

    def _select_first(self) -> None:
        if self.model.rowCount() > 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
        else:
            self.details.show_nothing()

    def current_row(self) -> ContactRow | None:
        index = self.table.currentIndex()
        return self.model.row_at(index.row() if index.isValid() else 0)

    def selected_rows(self) -> list[ContactRow]:
        rows = [self.model.row_at(i.row()) for i in self.table.selectionModel().selectedRows()]
        return [r for r in rows if r is not None]

    def selected_people(self) -> list[int]:
        """The ids of the people (not units) selected in the list."""
        return [r.id for r in self.selected_rows() if r.kind == "person"]

    def show_details(self) -> None:
        row = self.current_row()
        try:
            if row is None:
                self.details.show_nothing()
            elif row.kind == "person":
                self.details.show_person(contacts.get_person(self.ctx, row.id))
            else:
                unit = next((u for u in self.units if u.id == row.id), None)
                if unit is not None:
                    self.details.show_unit(unit, contacts.unit_phones(self.ctx, unit.id),
                                           row.organization)
        except DutyDeskError as exc:  # deleted meanwhile by another workstation
            self.details.show_nothing()
            self.note.setText(exc.message)

    # --- keyboard -----------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            if watched is self.search:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    if self.search_timer.isActive():
                        self.run_search()
                    self.copy_main_number()
                    return True
                if key == Qt.Key.Key_Down:
                    self.table.setFocus()
                    return True
                if key == Qt.Key.Key_Escape and self.search.text():
                    self.search.clear()
                    self.run_search()
                    return True
            elif watched is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.copy_main_number()
                    return True
                if key == Qt.Key.Key_Escape:
                    self.focus_search()
                    return True
        return super().eventFilter(watched, event)

    def copy_main_number(self) -> str:
        """Enter: the current row's main number goes to the clipboard."""
        row = self.current_row()
        if row is None or not row.main_phone:
            return ""
        QGuiApplication.clipboard().setText(row.main_phone)
        self.sig_copied.emit(self.tr("Copied %1 (%2)").replace("%1", row.main_phone)
                             .replace("%2", row.name))
        return row.main_phone

    # --- what the actions and the files tell the page ---------------------------------
    def _relist(self) -> None:
        self.run_search() if self.search.text().strip() else self.refresh_list()

    def _people_changed(self, name: str) -> None:
        """After an add, an edit or a delete: a new person is searched for by name."""
        if name and not self.search.text().strip():
            self.search.setText(name)
        self._relist()
        self.freshness.refresh()

    def _verified(self) -> None:
        self.show_details()
        self.freshness.refresh()

    def _imported(self) -> None:
        self.reload()
        self.freshness.refresh()

    def _units_changed(self, note: str) -> None:
        self.reload()
        self.freshness.refresh()
        self.note.setText(note)
