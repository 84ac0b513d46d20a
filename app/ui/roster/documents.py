"""The roster's documents: the filing workbook (值班安排表) exported and imported back, its
print preview and PDF, and the shifts as an iCalendar file.

Each asks for a range (the shown month by default) and a file, then calls the roster's file
services; a refused workbook says why and writes nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.errors import DutyDeskError, InputError
from app.services.context import Context
from app.services.roster import setup as roster_setup
from app.ui.roster.dialogs import RangeDialog

ONE_PAGE_DAYS = 31  # a month prints on one page, as the workbook does


def _a_month(start: dt.date, end: dt.date) -> bool:
    return (end - start).days < ONE_PAGE_DAYS


def _printing() -> ModuleType:
    from app.ui.roster import printing  # QtPrintSupport: loaded when first printing

    return printing


def _files() -> ModuleType:
    """The workbook and calendar-file services, loaded on first use (openpyxl is slow to
    import and no document is needed to start the program)."""
    from app.services.roster import files as roster_files

    return roster_files


class RosterDocuments(QObject):
    """Export, import, print, PDF and iCalendar of a range of the roster.

    Signals:
        sig_imported(): a workbook replaced the roster of its dates.
    """

    sig_imported = Signal()
    """The roster changed by an import: the page rereads it and tells the header."""

    def __init__(self, ctx: Context, month: Callable[[], tuple[dt.date, dt.date]],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.page = parent
        self.ctx = ctx
        self.month = month

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx

    def _error(self, exc: DutyDeskError) -> None:
        QMessageBox.warning(self.page, self.tr("Roster"), exc.message)

    def _range(self, title: str, **kwargs: Any) -> RangeDialog | None:
        start, end = self.month()
        dialog = RangeDialog(title, start, end, parent=self.page, **kwargs)
        return dialog if dialog.exec() else None

    def on_export(self) -> None:
        dialog = self._range(self.tr("Export the roster for filing"), ask_title=True)
        if dialog is None:
            return
        start, end = dialog.range()
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export the roster"),
                                              f"值班安排表_{start}_{end}.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path), start, end, dialog.title_text())

    def export_to(self, path: Path, start: dt.date, end: dt.date, title: str | None = None) -> bool:
        try:
            _files().export_workbook(self.ctx, start, end, path, title)
        except (DutyDeskError, OSError) as exc:
            QMessageBox.warning(self.page, self.tr("Export"), getattr(exc, "message", str(exc)))
            return False
        return True

    def on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.page, self.tr("Import a roster workbook"), "",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path) -> bool:
        """Check the file first (nothing written), say what it will replace, then import."""
        try:
            check = _files().import_workbook(self.ctx, path, dry_run=True)
        except InputError as exc:
            QMessageBox.warning(self.page, self.tr("The workbook was refused"),
                                self.tr("Nothing was imported:") + "\n" + exc.message)
            return False
        except DutyDeskError as exc:
            self._error(exc)
            return False
        answer = QMessageBox.question(self.page, self.tr("Import the roster?"), self.tr(
            "%1 days with %2 duties; they replace the %3 duties held for those days.")
            .replace("%1", str(check.dates)).replace("%2", str(check.people))
            .replace("%3", str(check.replaced)))
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            _files().import_workbook(self.ctx, path)
        except DutyDeskError as exc:
            self._error(exc)
            return False
        self.sig_imported.emit()
        return True

    def on_print(self) -> None:
        dialog = self._range(self.tr("Print the roster"), ask_title=True)
        if dialog is None:
            return
        start, end = dialog.range()
        try:
            html = _files().filing_html(self.ctx, start, end, dialog.title_text())
        except DutyDeskError as exc:
            self._error(exc)
            return
        _printing().preview(html, self.page, one_page=_a_month(start, end)).exec()

    def on_pdf(self) -> None:
        dialog = self._range(self.tr("Roster as PDF"), ask_title=True)
        if dialog is None:
            return
        start, end = dialog.range()
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Save the roster as PDF"),
                                              f"值班安排表_{start}_{end}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            self.pdf_to(Path(path), start, end, dialog.title_text())

    def pdf_to(self, path: Path, start: dt.date, end: dt.date, title: str | None = None) -> bool:
        try:
            _printing().save_pdf(_files().filing_html(self.ctx, start, end, title), str(path),
                                 one_page=_a_month(start, end))
        except (DutyDeskError, OSError) as exc:
            QMessageBox.warning(self.page, self.tr("Roster as PDF"), getattr(exc, "message", str(exc)))
            return False
        return True

    def on_ics(self) -> None:
        people = sorted({(e.person_id, e.name) for e in roster_setup.list_pool(self.ctx)},
                        key=lambda p: p[1])
        dialog = self._range(self.tr("Export shifts to a calendar (.ics)"), people=people)
        if dialog is None:
            return
        start, end = dialog.range()
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Save the calendar"),
                                              f"值班_{start}_{end}.ics", self.tr("iCalendar (*.ics)"))
        if path:
            try:
                _files().export_ics(self.ctx, start, end, Path(path), dialog.person_id())
            except (DutyDeskError, OSError) as exc:
                QMessageBox.warning(self.page, self.tr("iCalendar"), getattr(exc, "message", str(exc)))
