"""The contact book's files: import a workbook (checked whole before anything is written),
export the book, write the import template, export the chosen people as vCards.

Importing is the administrator's (DESIGN.md: the administrator keeps the book); the page
disables its button for anyone else and a key that slips through does nothing.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.errors import DutyDeskError, InputError
from app.services.context import Context

if TYPE_CHECKING:
    from app.services.contacts.workbook import ImportReport


def _workbook() -> ModuleType:
    """The contacts workbook service, imported on first use: openpyxl is slow to import and no
    file is needed to start the program."""
    from app.services.contacts import workbook

    return workbook


@contextlib.contextmanager
def busy() -> Iterator[None]:
    """The wait cursor while a long import or export runs."""
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class ContactFiles(QObject):
    """Import, export, template and vCards, each behind its file dialog.

    Signals:
        sig_imported(): a workbook was imported; units and people changed.
        sig_note(str): a line for the page's status note.
    """

    sig_imported = Signal()
    """The book changed by an import: the page rereads units, list and worklist."""
    sig_note = Signal(str)
    """A sentence for the page's status note."""

    def __init__(self, selected_people: Callable[[], list[int]], parent: QWidget) -> None:
        super().__init__(parent)
        self.page = parent
        self.selected_people = selected_people
        self.ctx: Context | None = None
        self.may_import = False

    def set_state(self, ctx: Context, admin: bool) -> None:
        """The operator's context, and whether they may import (only an administrator)."""
        self.ctx, self.may_import = ctx, admin

    def choose_import(self) -> None:
        """Ctrl+I: pick a workbook and import it."""
        if not self.may_import:
            return
        path, _ = QFileDialog.getOpenFileName(self.page, self.tr("Import contacts"), "",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, *, confirm: bool = True) -> ImportReport | None:
        """Check the whole file first; write only when it is good (and the operator agrees).

        Returns the import's report, or None when nothing was written."""
        if self.ctx is None:
            return None
        workbook = _workbook()
        try:
            with busy():
                report: ImportReport = workbook.import_contacts(self.ctx, path, dry_run=True)
        except InputError as exc:
            self._problems(self.tr("The file was not imported"), exc)
            return None
        except DutyDeskError as exc:
            QMessageBox.warning(self.page, self.tr("Import contacts"), exc.message)
            return None
        summary = self.tr("Add %1, update %2, leave %3 unchanged, create %4 units.") \
            .replace("%1", str(report.added)).replace("%2", str(report.updated)) \
            .replace("%3", str(report.unchanged)).replace("%4", str(report.units_created))
        if confirm and QMessageBox.question(self.page, self.tr("Import contacts"),
                                            summary + "\n" + self.tr("Import now?")) \
                != QMessageBox.StandardButton.Yes:
            return None
        try:
            with busy():
                report = workbook.import_contacts(self.ctx, path)
        except DutyDeskError as exc:
            QMessageBox.warning(self.page, self.tr("Import contacts"), exc.message)
            return None
        self.sig_imported.emit()
        self.sig_note.emit(self.tr("Imported: %1").replace("%1", summary))
        return report

    def _problems(self, title: str, exc: InputError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title,
                          self.tr("Nothing was written. Fix these and import again:"),
                          QMessageBox.StandardButton.Ok, self.page)
        box.setDetailedText(exc.message)
        box.setInformativeText("\n".join(exc.message.splitlines()[:8]))
        box.exec()

    def choose_export(self) -> None:
        """Ctrl+E: the whole book as a workbook."""
        if self.ctx is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export contacts"), "通讯录.xlsx",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            with busy():
                count = _workbook().export_contacts(self.ctx, Path(path))
            self.sig_note.emit(self.tr("Exported %1 people to %2").replace("%1", str(count))
                               .replace("%2", path))

    def choose_template(self) -> None:
        """The empty workbook an office fills in to import its book."""
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Import template"),
                                              "通讯录导入模板.xlsx", self.tr("Workbooks (*.xlsx)"))
        if path:
            _workbook().write_template(Path(path))
            self.sig_note.emit(self.tr("Template written to %1").replace("%1", path))

    def choose_vcard(self) -> None:
        """Ctrl+Shift+V: the people selected in the list as vCards, for a phone."""
        ids = self.selected_people()
        if self.ctx is None:
            return
        if not ids:
            self.sig_note.emit(self.tr("Select the people to export first."))
            return
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export vCards"), "联系人.vcf",
                                              self.tr("vCards (*.vcf)"))
        if path:
            count = _workbook().export_vcard(self.ctx, Path(path), ids)
            self.sig_note.emit(self.tr("Exported %1 people to %2").replace("%1", str(count))
                               .replace("%2", path))
