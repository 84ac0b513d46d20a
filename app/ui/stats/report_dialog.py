"""The quarterly work report (季度工作报告) or the annual duty-work summary (年度值守工作总结) of
the period chosen in 统计: drafted from the records on a worker, its 公文 pages previewed as they
print, saved as Word (written on a worker) or PDF (drawn by Qt on the GUI thread: its text
layout is not for worker threads), printed, and the quarterly report filed, which meets the
quarter's deadline.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewWidget
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DutyDeskError
from app.domain.gongwen import OfficialDocument
from app.domain.report_outline import DocumentKind
from app.services.context import Context
from app.services.stats import report_document, report_filing
from app.services.stats.period import quarter
from app.ui import gongwen, style, workers
from app.ui.workers import Job, run_job

Choice = tuple[DocumentKind, int, int | None]


def suggested(start: dt.date, end: dt.date, today: dt.date) -> Choice:
    """The document of the chosen period: the year's summary for a whole year, the quarter's
    report for a whole quarter, else the report of the last quarter before ``today``."""
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return DocumentKind.ANNUAL, start.year, None
    number = (start.month - 1) // 3 + 1
    if quarter(start.year, number) == (start, end):
        return DocumentKind.QUARTERLY, start.year, number
    year, number = today.year, (today.month - 1) // 3 + 1
    return (DocumentKind.QUARTERLY, year, number - 1) if number > 1 else \
        (DocumentKind.QUARTERLY, year - 1, 4)


class ReportDialog(QDialog):
    """One periodic document: choose it, read its pages, save, print or file it."""

    def __init__(self, ctx: Context, zone: dt.tzinfo, choice: Choice,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.zone = ctx, zone
        self.doc: OfficialDocument | None = None
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Quarterly report and annual summary"))
        self.resize(900, 700)
        self._make_inputs(choice)
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        gongwen.prepare(self.printer)
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.paintRequested.connect(self._paint)
        self.preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self._lay_out()
        self._connect()
        self._kind_changed()
        self.draft()

    # --- building -----------------------------------------------------------------------
    def _make_inputs(self, choice: Choice) -> None:
        kind, year, number = choice
        self.kind = QComboBox()
        self.kind.addItem(self.tr("Quarterly work report"), DocumentKind.QUARTERLY)
        self.kind.addItem(self.tr("Annual duty-work summary"), DocumentKind.ANNUAL)
        self.kind.setCurrentIndex(self.kind.findData(kind))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(year)
        self.quarter = QComboBox()
        for q in range(1, 5):
            self.quarter.addItem(self.tr("Quarter %1").replace("%1", str(q)), q)
        self.quarter.setCurrentIndex((number or 1) - 1)
        self.buttons = {key: QPushButton(label) for key, label in (
            ("word", self.tr("Save as &Word…")), ("pdf", self.tr("Save as &PDF…")),
            ("print", self.tr("P&rint…")), ("file", self.tr("&File it (meets the quarter's deadline)…")))}

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        for label, widget in ((self.tr("&Document:"), self.kind), (self.tr("&Year:"), self.year),
                              (self.tr("&Quarter:"), self.quarter)):
            buddy = QLabel(label)
            buddy.setBuddy(widget)
            top.addWidget(buddy)
            top.addWidget(widget)
        top.addStretch()
        actions = QHBoxLayout()
        for button in self.buttons.values():
            actions.addWidget(button)
        actions.addStretch()
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        actions.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addLayout(actions)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for signal in (self.kind.currentIndexChanged, self.year.valueChanged,
                       self.quarter.currentIndexChanged):
            signal.connect(self.draft)
        self.buttons["word"].clicked.connect(self.on_word)
        self.buttons["pdf"].clicked.connect(self.on_pdf)
        self.buttons["print"].clicked.connect(self.on_print)
        self.buttons["file"].clicked.connect(self.on_file)

    def choice(self) -> Choice:
        kind = DocumentKind(self.kind.currentData())
        return kind, self.year.value(), self.quarter.currentData() if kind is DocumentKind.QUARTERLY else None

    def _kind_changed(self) -> None:
        quarterly = self.choice()[0] is DocumentKind.QUARTERLY
        self.quarter.setEnabled(quarterly)
        self.buttons["file"].setVisible(quarterly)  # only the quarterly report has a deadline

    def _say(self, text: str, *, ok: bool = True) -> None:
        style.set_tone(self.message, "" if ok else "error")
        self.message.setText(text)

    # --- drafting (a job) and the pages -------------------------------------------------
    def draft(self) -> Job:
        """Assemble the chosen document from the records on a worker; the pages follow."""
        self.doc = None
        for button in self.buttons.values():
            button.setEnabled(False)
        self._say(self.tr("Drafting from the records…"))
        ctx, choice = self.ctx, self.choice()
        kind, year, number = choice
        self.job = run_job(self, self.tr("Draft the report"),
                           lambda progress: report_document.draft(ctx, kind, year, number, progress),
                           lambda doc: self._drafted(choice, doc), on_error=self._failed)
        return self.job

    def _drafted(self, choice: Choice, doc: OfficialDocument) -> None:
        if choice != self.choice():
            return  # the operator chose another document meanwhile; its own draft follows
        self.doc = doc
        for button in self.buttons.values():
            button.setEnabled(True)
        self.preview.updatePreview()
        self._say(self.tr("Drafted from the records: the highlighted 【请填写：……】 passages are "
                          "for the office to write before it is sent."))

    def _failed(self, exc: BaseException) -> None:
        self._say(getattr(exc, "message", str(exc)), ok=False)

    def _paint(self, printer: QPrinter) -> None:
        if self.doc is not None:
            gongwen.paint(printer, self.doc)

    # --- saving, printing, filing -------------------------------------------------------
    def _target(self, suffix: str, kind: str) -> Path | None:
        doc_kind, year, number = self.choice()
        name = f"{year}年度值守工作总结" if doc_kind is DocumentKind.ANNUAL else \
            f"{year}年第{number}季度工作报告"
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"), name + suffix, kind)
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def on_word(self) -> None:
        path = self._target(".docx", self.tr("Word (*.docx)"))
        if path is not None:
            self.save_word(path)

    def save_word(self, path: Path) -> Job | None:
        """The .docx the office edits before sending, written whole on a worker."""
        doc = self.doc
        if doc is None:
            return None
        try:
            target = report_document.check_output(path)
        except DutyDeskError as exc:
            self._failed(exc)
            return None
        return run_job(self, self.tr("Save as Word"), lambda _progress: report_document.save(doc, target),
                       lambda saved: self._say(self.tr("Saved to %1").replace("%1", str(saved))),
                       on_error=self._failed, cancellable=False, written=target)

    def on_pdf(self) -> None:
        path = self._target(".pdf", self.tr("PDF (*.pdf)"))
        if path is not None:
            self.save_pdf(path)

    def save_pdf(self, path: Path) -> Path | None:
        """The same pages as a PDF with real text, drawn here (Qt's layout is the GUI thread's)."""
        if self.doc is None:
            return None
        try:
            saved = gongwen.write_pdf(self.doc, path)
        except (DutyDeskError, OSError) as exc:
            self._failed(exc)
            return None
        self._say(self.tr("Saved to %1").replace("%1", str(saved)))
        workers.announce(self.tr("Save as PDF"), saved)
        return saved

    def on_print(self) -> None:
        if self.doc is not None and QPrintDialog(self.printer, self).exec():
            gongwen.paint(self.printer, self.doc)

    def on_file(self) -> None:
        kind, year, number = self.choice()
        if kind is not DocumentKind.QUARTERLY or number is None:
            return
        asked = QMessageBox.question(self, self.tr("File the quarterly report"), self.tr(
            "Record that the report of quarter %1 of %2 went up now? This meets its deadline.")
            .replace("%1", str(number)).replace("%2", str(year)))
        if asked == QMessageBox.StandardButton.Yes:
            self.file(year, number)

    def file(self, year: int, number: int) -> Job:
        """The quarter's report went up now: its deadline is met, on a worker."""
        ctx = self.ctx

        def filed(result: report_filing.FiledReport) -> None:
            due = result.deadline.due_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
            self._say(self.tr("Quarter %1 of %2 filed: %3 (due %4).").replace("%1", str(number))
                      .replace("%2", str(year)).replace("%3", result.deadline.outcome.zh)
                      .replace("%4", due))

        return run_job(self, self.tr("File the quarterly report"),
                       lambda _progress: report_filing.file_quarterly(ctx, year, number), filed,
                       on_error=self._failed, cancellable=False)
