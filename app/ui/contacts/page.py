"""The contacts section (通讯录): one search box, the unit tree, the people, their details.

Typing searches as the operator types (debounced); Enter copies the main number of the current
row; every action has a key. A second tab is the freshness worklist.
"""

from __future__ import annotations

import contextlib
import zoneinfo
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QSignalBlocker,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QStandardItem,
    QStandardItemModel,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import UserRole
from app.domain.errors import DutyDeskError, InputError
from app.services.contacts import book as contacts
from app.services.contacts import search as contact_search
from app.services.contacts.book import UnitInfo
from app.services.context import Context
from app.ui.contacts.details import DetailsPanel
from app.ui.contacts.dialogs import AbsenceDialog, PersonDialog
from app.ui.contacts.experts_tab import ExpertsTab
from app.ui.contacts.freshness import FreshnessTab
from app.ui.contacts.history import NumberHistoryDialog
from app.ui.contacts.models import ContactListModel, ContactRow
from app.ui.contacts.units import UnitActions

DEBOUNCE_MS = 150
SEARCH_LIMIT = 200
UNIT_ID_ROLE = Qt.ItemDataRole.UserRole + 1

PAGE_STYLE = """
QLineEdit#contactSearch { font-size: 13pt; padding: 4px 6px; }
QLabel#awayBadge { background: #c62828; color: white; font-weight: bold; padding: 1px 8px;
                   border-radius: 3px; }
QLabel#detailName { font-size: 14pt; font-weight: bold; }
QLabel#copyNote { color: #0b4f8a; }
"""


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a long import or export runs."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


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
        self.setStyleSheet(PAGE_STYLE)

        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Search: name, pinyin, initials (zs), any digits of a number, or a unit (Ctrl+F)"))
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(DEBOUNCE_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _t: self.search_timer.start())
        self.search.installEventFilter(self)
        self.count_label = QLabel()

        self.tree_model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.tree_model)
        self.tree.setHeaderHidden(True)
        self.tree.setMinimumWidth(150)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.unit_actions = UnitActions(self.tree, self.current_unit_id, self)
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
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for col, width in enumerate((64, 120, 120, 108, 108, 56, 40)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _i: self.copy_main_number())
        self.delete_action = QAction(self.tr("De&lete contact"), self.table)
        self.delete_action.setShortcut(QKeySequence("Del"))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)  # the list's
        self.delete_action.setShortcutVisibleInContextMenu(True)
        self.delete_action.triggered.connect(self.delete_person)
        self.history_action = QAction(self.tr("Number &history…"), self.table)
        self.history_action.setShortcut(QKeySequence("F8"))
        self.history_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.history_action.setShortcutVisibleInContextMenu(True)
        self.history_action.triggered.connect(self.show_history)
        self.table.addActions([self.history_action, self.delete_action])
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

        self.details = DetailsPanel(zone)
        self.details.setMinimumWidth(240)
        self.details.history_button.clicked.connect(self.show_history)  # F8: history_action

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
            (self.add_button, self.add_person, "Ins"),
            (self.edit_button, self.edit_person, "F2"),
            (self.delete_button, self.delete_person, None),  # Del: the list's and the tree's
            (self.absence_button, self.report_absence, "F7"),
            (self.verify_button, self.mark_verified, "F6"),
            (self.import_button, self.choose_import, "Ctrl+I"),
            (self.export_button, self.choose_export, "Ctrl+E"),
            (self.vcard_button, self.choose_vcard, "Ctrl+Shift+V"),
            (self.template_button, self.choose_template, None),
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
        split.setSizes([190, 720, 250])
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
        self.reload()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
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
        delete_tip = "" if admin else self.tr("Only an administrator can delete contacts.")
        for widget in (self.delete_button, self.delete_action):
            widget.setEnabled(admin)
            widget.setToolTip(delete_tip)
        self.unit_actions.set_state(self.ctx, self.units, admin)
        blocker = QSignalBlocker(self.tree.selectionModel())  # one listing, not two
        self._fill_tree()
        blocker.unblock()
        self.refresh_list()

    def _fill_tree(self) -> None:
        current = self.current_unit_id()
        self.tree_model.clear()
        everyone = QStandardItem(self.tr("All units"))
        everyone.setData(None, UNIT_ID_ROLE)
        self.tree_model.appendRow(everyone)
        items: dict[int, QStandardItem] = {}
        for u in self.units:
            item = QStandardItem(u.name)
            item.setData(u.id, UNIT_ID_ROLE)
            item.setToolTip(u.duty_phone)
            items[u.id] = item
        for u in self.units:
            parent = items.get(u.parent_id) if u.parent_id is not None else None
            (parent or everyone).appendRow(items[u.id])
        self.tree.expand(everyone.index())
        for item in items.values():
            if item.parent() is everyone:
                self.tree.expand(item.index())
        target = items[current].index() if current in items else everyone.index()
        self.tree.selectionModel().setCurrentIndex(
            target, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def current_unit_id(self) -> int | None:
        index = self.tree.currentIndex() if hasattr(self, "tree") else QModelIndex()
        return index.data(UNIT_ID_ROLE) if index.isValid() else None

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
        unit_id = self.current_unit_id()
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
            key = event.key()  # type: ignore[attr-defined]
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

    # --- actions --------------------------------------------------------------------------
    def _person(self) -> contacts.PersonDetails | None:
        row = self.current_row()
        if row is None or row.kind != "person":
            return None
        return contacts.get_person(self.ctx, row.id)

    def add_person(self) -> None:
        dialog = PersonDialog(self.ctx, self.units, None, self.current_unit_id(), self)
        if dialog.exec() and dialog.saved is not None:
            self._after_edit(dialog.saved.name)

    def edit_person(self) -> None:
        person = self._person()
        if person is None:
            return
        dialog = PersonDialog(self.ctx, self.units, person, None, self)
        if dialog.exec() and dialog.saved is not None:
            self._after_edit(None)

    def _after_edit(self, name: str | None) -> None:
        if name and not self.search.text().strip():
            self.search.setText(name)
        self.run_search() if self.search.text().strip() else self.refresh_list()
        self.freshness.refresh()

    def delete_person(self) -> None:
        """Del in the list: remove a person who left, after the operator confirms by name."""
        if not self.delete_action.isEnabled():
            return
        try:
            person = self._person()
        except DutyDeskError as exc:
            self.note.setText(exc.message)
            return
        if person is None:
            return
        title = self.tr("Delete contact")
        who = " · ".join(part for part in (person.name, person.organization) if part)
        if QMessageBox.question(self, title, self.tr(
                "Delete %1 from the contact book? Their numbers go with them; the history of "
                "changed numbers stays.").replace("%1", who),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No) != QMessageBox.StandardButton.Yes:
            return
        try:
            contacts.delete_person(self.ctx, person.id, person.version)
        except DutyDeskError as exc:
            QMessageBox.warning(self, title, exc.message)
            return
        self._after_edit(None)
        self.note.setText(self.tr("%1 deleted.").replace("%1", person.name))

    def show_history(self) -> None:
        """F8: every change of the current row's numbers (or the chosen unit's), newest first."""
        row = self.current_row()
        if row is not None:
            owner = row.name
            key = {"person_id": row.id} if row.kind == "person" else {"organization_id": row.id}
        else:
            unit = next((u for u in self.units if u.id == self.current_unit_id()), None)
            if unit is None:
                return
            owner, key = unit.name, {"organization_id": unit.id}
        NumberHistoryDialog(owner, contacts.number_history(self.ctx, **key), self.zone, self).exec()

    def _units_changed(self, note: str) -> None:
        self.reload()
        self.freshness.refresh()
        self.note.setText(note)

    def report_absence(self) -> None:
        person = self._person()
        if person is None:
            return
        colleagues = [(r.id, r.name) for r in contacts.list_people(
            self.ctx, [person.organization_id] if person.organization_id else None, limit=500)]
        today = self.details.today(self.ctx)
        dialog = AbsenceDialog(self.ctx, person, colleagues, today, self)
        dialog.exec()
        if dialog.changed:
            self.run_search() if self.search.text().strip() else self.refresh_list()

    def mark_verified(self) -> None:
        """F6: the number chosen in the details (the main number by default) is right."""
        point_id = self.details.current_point_id()
        if point_id is None:
            return
        contacts.mark_verified(self.ctx, [point_id])
        self.show_details()
        self.note.setText(self.tr("Marked as verified today."))
        self.freshness.refresh()

    def choose_import(self) -> None:
        if not self.import_button.isEnabled():
            return
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Import contacts"), "",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, *, confirm: bool = True):  # type: ignore[no-untyped-def]
        """Check the whole file first; write only when it is good (and the operator agrees).

        Returns the import's report, or None when nothing was written."""
        from app.services.contacts import workbook as contacts_io
        try:
            with busy():
                report = contacts_io.import_contacts(self.ctx, path, dry_run=True)
        except InputError as exc:
            self._problems(self.tr("The file was not imported"), exc)
            return None
        except DutyDeskError as exc:
            QMessageBox.warning(self, self.tr("Import contacts"), exc.message)
            return None
        summary = self.tr("Add %1, update %2, leave %3 unchanged, create %4 units.") \
            .replace("%1", str(report.added)).replace("%2", str(report.updated)) \
            .replace("%3", str(report.unchanged)).replace("%4", str(report.units_created))
        if confirm and QMessageBox.question(self, self.tr("Import contacts"),
                                            summary + "\n" + self.tr("Import now?")) \
                != QMessageBox.StandardButton.Yes:
            return None
        try:
            with busy():
                report = contacts_io.import_contacts(self.ctx, path)
        except DutyDeskError as exc:
            QMessageBox.warning(self, self.tr("Import contacts"), exc.message)
            return None
        self.reload()
        self.freshness.refresh()
        self.note.setText(self.tr("Imported: %1").replace("%1", summary))
        return report

    def _problems(self, title: str, exc: InputError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title,
                          self.tr("Nothing was written. Fix these and import again:"),
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText(exc.message)
        box.setInformativeText("\n".join(exc.message.splitlines()[:8]))
        box.exec()

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export contacts"), "通讯录.xlsx",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            from app.services.contacts import workbook as contacts_io

            with busy():
                count = contacts_io.export_contacts(self.ctx, Path(path))
            self.note.setText(self.tr("Exported %1 people to %2").replace("%1", str(count))
                              .replace("%2", path))

    def choose_template(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Import template"), "通讯录导入模板.xlsx",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            from app.services.contacts import workbook as contacts_io

            contacts_io.write_template(Path(path))
            self.note.setText(self.tr("Template written to %1").replace("%1", path))

    def choose_vcard(self) -> None:
        ids = [r.id for r in self.selected_rows() if r.kind == "person"]
        if not ids:
            self.note.setText(self.tr("Select the people to export first."))
            return
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export vCards"), "联系人.vcf",
                                              self.tr("vCards (*.vcf)"))
        if path:
            from app.services.contacts import workbook as contacts_io

            count = contacts_io.export_vcard(self.ctx, Path(path), ids)
            self.note.setText(self.tr("Exported %1 people to %2").replace("%1", str(count))
                              .replace("%2", path))
