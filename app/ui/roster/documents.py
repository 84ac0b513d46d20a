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

from app.domain.errors import DutyDeskError
from app.export.files import atomic_write, check_target
from app.services.context import Context
from app.services.roster import setup as roster_setup
from app.ui import errors, workers
from app.ui.roster.dialogs import RangeDialog
from app.ui.workers import Job, run_job

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

    def export_and_preview(self, start: dt.date, end: dt.date) -> None:
        """Right after a generation: the filing workbook under the name offered (one Enter in
        the save dialog), then the print preview of the same sheet."""
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export the roster"),
                                              f"值班安排表_{start}_{end}.xlsx",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.export_to(Path(path), start, end, then=lambda _result: self.preview(start, end))

    def export_to(self, path: Path, start: dt.date, end: dt.date, title: str | None = None,
                  then: Callable[[Any], None] | None = None) -> Job:
        """The filing workbook, written off the GUI thread; ``then`` once it is written."""
        ctx = self.ctx
        return run_job(self.page, self.tr("Export the roster"),
                       lambda _progress: _files().export_workbook(ctx, start, end, path, title),
                       then, cancellable=False, key="roster-export", written=path)

    def on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.page, self.tr("Import a roster workbook"), "",
                                              self.tr("Excel workbook (*.xlsx)"))
        if path:
            self.import_from(Path(path))

    def import_from(self, path: Path, *, confirm: bool = True) -> Job:
        """Check the file first (nothing written), say what it will replace, then import; both
        off the GUI thread."""
        ctx = self.ctx

        def checked(check: Any) -> None:
            if confirm and QMessageBox.question(self.page, self.tr("Import the roster?"), self.tr(
                    "%1 days with %2 duties; they replace the %3 duties held for those days.")
                    .replace("%1", str(check.dates)).replace("%2", str(check.people))
                    .replace("%3", str(check.replaced))) != QMessageBox.StandardButton.Yes:
                return
            run_job(self.page, self.tr("Import a roster workbook"),
                    lambda _progress: _files().import_workbook(ctx, path),
                    lambda _result: self.sig_imported.emit(), cancellable=False,
                    key="roster-import")

        return run_job(self.page, self.tr("Check the roster workbook"),
                       lambda _progress: _files().import_workbook(ctx, path, dry_run=True),
                       checked, key="roster-import")

    def on_print(self) -> None:
        dialog = self._range(self.tr("Print the roster"), ask_title=True)
        if dialog is None:
            return
        self.preview(*dialog.range(), dialog.title_text())

    def preview(self, start: dt.date, end: dt.date, title: str | None = None) -> None:
        """The print preview of the filing sheet (gathered off the GUI thread)."""
        ctx = self.ctx
        one_page = _a_month(start, end)
        run_job(self.page, self.tr("Print the roster"),
                lambda _progress: _files().filing_html(ctx, start, end, title),
                lambda html: _printing().preview(html, self.page, one_page=one_page).exec(),
                cancellable=False)

    def on_pdf(self) -> None:
        dialog = self._range(self.tr("Roster as PDF"), ask_title=True)
        if dialog is None:
            return
        start, end = dialog.range()
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Save the roster as PDF"),
                                              f"值班安排表_{start}_{end}.pdf", self.tr("PDF (*.pdf)"))
        if path:
            self.pdf_to(Path(path), start, end, dialog.title_text())

    def pdf_to(self, path: Path, start: dt.date, end: dt.date, title: str | None = None) -> Job:
        """The sheet is gathered off the GUI thread; Qt lays out the PDF in the GUI thread (its
        text layout is not for worker threads), written under a temporary name; a month goes
        on one page."""
        ctx = self.ctx
        one_page = _a_month(start, end)

        def render(html: str) -> None:
            try:
                with atomic_write(check_target(path)) as tmp:
                    _printing().save_pdf(html, str(tmp), one_page=one_page)
                workers.announce(self.tr("Roster as PDF"), path)
            except (DutyDeskError, OSError) as exc:
                errors.explain(self.page, exc, title=self.tr("Roster as PDF"))

        return run_job(self.page, self.tr("Roster as PDF"),
                       lambda _progress: _files().filing_html(ctx, start, end, title), render,
                       cancellable=False, key="roster-pdf")

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
            ctx, person = self.ctx, dialog.person_id()
            run_job(self.page, self.tr("iCalendar"),
                    lambda _progress: _files().export_ics(ctx, start, end, Path(path), person),
                    cancellable=False, key="roster-ics", written=Path(path))
