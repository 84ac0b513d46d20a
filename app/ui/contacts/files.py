"""The contact book's files: import a workbook (checked whole before anything is written),
export the book, write the import template, export the chosen people as vCards.

Importing is the administrator's (DESIGN.md: the administrator keeps the book); the page
disables its button for anyone else and a key that slips through does nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.services.context import Context
from app.ui.workers import Job, run_job

if TYPE_CHECKING:
    from app.services.contacts.workbook import ImportReport


def _workbook() -> ModuleType:
    """The contacts workbook service, imported on first use: openpyxl is slow to import and no
    file is needed to start the program."""
    from app.services.contacts import workbook

    return workbook


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
        self.writing: Job | None = None
        self.last_report: ImportReport | None = None

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

    def import_file(self, path: Path, *, confirm: bool = True) -> Job | None:
        """Check the whole file first (off the GUI thread); write only when it is good and the
        operator agrees (again off the GUI thread). Returns the checking job."""
        if self.ctx is None:
            return None
        ctx, workbook = self.ctx, _workbook()

        def checked(report: ImportReport) -> None:
            summary = self._summary(report)
            if confirm and QMessageBox.question(self.page, self.tr("Import contacts"),
                                                summary + "\n" + self.tr("Import now?")) \
                    != QMessageBox.StandardButton.Yes:
                return
            self.writing = run_job(
                self.page, self.tr("Import contacts"),
                lambda progress: workbook.import_contacts(ctx, path, progress=progress),
                lambda written: self._imported(written), key="contacts-import")

        return run_job(self.page, self.tr("Check the contacts workbook"),
                       lambda progress: workbook.import_contacts(ctx, path, dry_run=True,
                                                                 progress=progress),
                       checked, key="contacts-import")

    def _summary(self, report: ImportReport) -> str:
        return self.tr("Add %1, update %2, leave %3 unchanged, create %4 units.") \
            .replace("%1", str(report.added)).replace("%2", str(report.updated)) \
            .replace("%3", str(report.unchanged)).replace("%4", str(report.units_created))

    def _imported(self, report: ImportReport) -> None:
        self.last_report = report
        self.sig_imported.emit()
        self.sig_note.emit(self.tr("Imported: %1").replace("%1", self._summary(report)))

    def choose_export(self) -> None:
        """Ctrl+E: the whole book as a workbook."""
        if self.ctx is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export contacts"), "通讯录.xlsx",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path, person_ids: list[int] | None = None) -> Job | None:
        if self.ctx is None:
            return None
        ctx = self.ctx
        return run_job(self.page, self.tr("Export contacts"),
                       lambda progress: _workbook().export_contacts(ctx, path, person_ids, progress),
                       lambda count: self.sig_note.emit(
                           self.tr("Exported %1 people to %2").replace("%1", str(count))
                           .replace("%2", str(path))),
                       on_cancelled=lambda: self.sig_note.emit(
                           self.tr("Export cancelled; no file was written.")),
                       key="contacts-export", written=path)

    def choose_template(self) -> None:
        """The empty workbook an office fills in to import its book."""
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Import template"),
                                              "通讯录导入模板.xlsx", self.tr("Workbooks (*.xlsx)"))
        if path:
            run_job(self.page, self.tr("Import template"),
                    lambda _progress: _workbook().write_template(Path(path)),
                    lambda _none: self.sig_note.emit(
                        self.tr("Template written to %1").replace("%1", path)),
                    cancellable=False, written=Path(path))

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
            ctx = self.ctx
            run_job(self.page, self.tr("Export vCards"),
                    lambda _progress: _workbook().export_vcard(ctx, Path(path), ids),
                    lambda count: self.sig_note.emit(
                        self.tr("Exported %1 people to %2").replace("%1", str(count))
                        .replace("%2", path)), cancellable=False, written=Path(path))
