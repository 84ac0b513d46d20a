"""The register's files: import a plans workbook (checked whole first, then confirmed) and
export the register, each as a job off the GUI thread with its progress and Cancel.

Importing is the administrator's; the page disables the button for anyone else.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.domain.errors import InputError
from app.domain.progress import Progress
from app.services.context import Context
from app.services.plans import workbook
from app.services.plans.workbook import ImportReport
from app.ui import errors, workers
from app.ui.workers import Job, Work


class PlanFiles(QObject):
    """Import and export behind their file dialogs.

    Signals:
        sig_imported(): plans were imported; the register changed.
        sig_note(str): a sentence for the page's status line.
    """

    sig_imported = Signal()
    """The register changed by an import."""
    sig_note = Signal(str)
    """A sentence for the status line."""

    def __init__(self, ctx: Context, parent: QWidget) -> None:
        super().__init__(parent)
        self.page = parent
        self.ctx = ctx
        self.job: Job | None = None

    def choose_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.page, self.tr("Import plans"), "",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            self.import_file(Path(path))

    def import_file(self, path: Path, *, confirm: bool = True) -> None:
        """Check the file in the background; when it is good (and the operator agrees), import."""
        ctx = self.ctx

        def check(progress: Progress) -> ImportReport:
            return workbook.import_plans(ctx, path, progress, dry_run=True)

        def checked(report: object) -> None:
            if not isinstance(report, ImportReport):
                return
            if confirm and QMessageBox.question(
                    self.page, self.tr("Import plans"),
                    self._summary(report) + "\n" + self.tr("Import now?")) \
                    != QMessageBox.StandardButton.Yes:
                return
            self._run(self.tr("Importing plans…"),
                      lambda progress: workbook.import_plans(ctx, path, progress), self._imported)

        self._run(self.tr("Checking the workbook…"), check, checked)

    def _summary(self, report: ImportReport) -> str:
        return self.tr("Add %1 plans, update %2, leave %3 unchanged, create %4 units.") \
            .replace("%1", str(report.added)).replace("%2", str(report.updated)) \
            .replace("%3", str(report.unchanged)).replace("%4", str(report.units_created))

    def _imported(self, report: object) -> None:
        if isinstance(report, ImportReport):
            self.sig_imported.emit()
            self.sig_note.emit(self.tr("Imported: %1").replace("%1", self._summary(report)))

    def choose_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Export plans"), "应急预案台账.xlsx",
                                              self.tr("Workbooks (*.xlsx)"))
        if path:
            self.export_file(Path(path))

    def export_file(self, path: Path) -> None:
        ctx = self.ctx

        def done(count: object) -> None:
            self.sig_note.emit(self.tr("Exported %1 plans to %2").replace("%1", str(count))
                               .replace("%2", str(path)))

        self._run(self.tr("Exporting plans…"),
                  lambda progress: workbook.export_plans(ctx, path, progress), done, written=path)

    def _run(self, title: str, work: Work, on_done: Callable[[object], None],
             written: Path | None = None) -> None:
        self.job = workers.run_job(self.page, title, work, on_done, on_error=self._failed,
                                   on_cancelled=self._cancelled, written=written)

    def _cancelled(self) -> None:
        self.sig_note.emit(self.tr("Cancelled; nothing was kept."))

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, InputError):
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("The file was not imported"),
                              self.tr("Nothing was written. Fix these and import again:"),
                              QMessageBox.StandardButton.Ok, self.page)
            box.setInformativeText("\n".join(exc.message.splitlines()[:8]))
            box.setDetailedText(exc.message)
            box.exec()
        else:  # the environment, a concurrent edit or a bug: said the way every job says it
            errors.explain(self.page, exc, title=self.tr("Plans"))
