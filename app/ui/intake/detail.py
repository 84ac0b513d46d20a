"""One incident: its report chain, the text of each report, sending, instructions, printing."""

from __future__ import annotations

import zoneinfo
from html import escape
from pathlib import Path

from PySide6.QtCore import QMarginsF, Qt
from PySide6.QtGui import QFont, QGuiApplication, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Category, Channel, ReportKind
from app.domain.errors import DutyDeskError
from app.export.files import atomic_write, check_target
from app.services.context import Context
from app.services.incidents import chain as incident_chain
from app.services.incidents import intake as incidents
from app.ui.intake.form import IntakeForm
from app.ui.style import FONT_FAMILIES
from app.ui.widgets import ok_cancel


def text_document(text: str) -> QTextDocument:
    """The report as a text document (real, selectable text in PDFs; never a screenshot)."""
    doc = QTextDocument()
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(12)
    doc.setDefaultFont(font)
    lines = [escape(line) for line in text.split("\n")]  # typed text may hold < or &
    html = [f"<h2 style='text-align:center'>{lines[0]}</h2>"]
    html += [f"<p style='margin:4px 0'>{line or '&nbsp;'}</p>" for line in lines[1:]]
    doc.setHtml("".join(html))
    return doc


def configure_a4(printer: QPrinter) -> None:
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(20, 20, 20, 20), QPageLayout.Unit.Millimeter))


def write_pdf(text: str, path: Path) -> Path:
    """The text as an A4 PDF, whole or not at all (a temporary file renamed at the end).

    Laid out in the GUI thread (Qt's text layout is not for worker threads); the text is
    already on the screen, so this is drawing, not a database job."""
    target = check_target(path)
    with atomic_write(target) as tmp:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp))
        configure_a4(printer)
        text_document(text).print_(printer)
        del printer  # closes the file before the rename
    return target


class SendDialog(QDialog):
    """Mark a report sent: channel, how, to whom, who signed it off."""

    def __init__(self, ctx: Context, report: incidents.ReportInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.report = report
        self.setWindowTitle(self.tr("Mark sent: %1").replace("%1", report.heading))
        self.channel = QComboBox()
        for c in Channel:
            self.channel.addItem(c.zh, c.value)
        self.channel.setCurrentIndex(1)
        self.how = QComboBox()
        self.how.setEditable(True)
        self.how.addItems(["电话", "传真", "信息报送系统", "公文"])
        self.to_whom = QLineEdit("市应急管理局值班室")
        self.issued_by = QLineEdit()
        form = QFormLayout()
        form.addRow(self.tr("&Channel:"), self.channel)
        form.addRow(self.tr("&How:"), self.how)
        form.addRow(self.tr("&To whom:"), self.to_whom)
        form.addRow(self.tr("Signed off &by:"), self.issued_by)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        buttons = ok_cancel(self, self.tr("Record"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            incident_chain.mark_sent(self.ctx, self.report.id, channel=self.channel.currentData(),
                                how=self.how.currentText(), to_whom=self.to_whom.text(),
                                issued_by=self.issued_by.text())
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class InstructionDialog(QDialog):
    def __init__(self, ctx: Context, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.setWindowTitle(self.tr("Leader's instruction"))
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.from_whom = QLineEdit()
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 7 * 24 * 60)
        self.minutes.setValue(60)
        self.minutes.setSuffix(self.tr(" min"))
        form = QFormLayout()
        form.addRow(self.tr("&Instruction:"), self.text)
        form.addRow(self.tr("&From:"), self.from_whom)
        form.addRow(self.tr("Feedback &within:"), self.minutes)
        self.error = QLabel()
        self.error.setObjectName("formError")
        buttons = ok_cancel(self, self.tr("Record"), self.submit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def submit(self) -> None:
        try:
            incident_chain.add_instruction(self.ctx, self.number, text=self.text.toPlainText(),
                                      from_whom=self.from_whom.text(), feedback_minutes=self.minutes.value() or None)
        except DutyDeskError as exc:
            self.error.setText(exc.message)
            return
        self.accept()


class IncidentDialog(QDialog):
    """The incident's report chain and the text of each report."""

    def __init__(self, ctx: Context, number: str, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.number = number
        self.resize(1000, 680)
        self.heading = QLabel()
        self.heading.setObjectName("officeName")
        self.heading.setWordWrap(True)
        self.chain = QListWidget()
        self.chain.setMaximumWidth(300)
        self.chain.currentRowChanged.connect(self.show_report)
        self.text = QTextBrowser()
        self.instructions = QListWidget()
        self.instructions.setMaximumHeight(110)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        b = {}
        for key, label in (("copy", self.tr("&Copy text")), ("preview", self.tr("Print pre&view…")),
                           ("pdf", self.tr("&PDF…")), ("send", self.tr("Mark &sent…")),
                           ("follow", self.tr("New &follow-up")), ("final", self.tr("Fi&nal report")),
                           ("verified", self.tr("&Verified report")),
                           ("edit", self.tr("&Update facts / regrade…")),
                           ("instruct", self.tr("Leader's &instruction…")), ("done", self.tr("Instruction &done…"))):
            b[key] = QPushButton(label)
        self.buttons = b
        b["copy"].clicked.connect(self.copy_text)
        b["preview"].clicked.connect(self.preview)
        b["pdf"].clicked.connect(lambda: self.export_pdf())
        b["send"].clicked.connect(self.send)
        b["follow"].clicked.connect(lambda: self.new_report(ReportKind.FOLLOW_UP))
        b["final"].clicked.connect(lambda: self.new_report(ReportKind.FINAL))
        b["verified"].clicked.connect(lambda: self.new_report(ReportKind.VERIFIED))
        b["edit"].clicked.connect(self.edit)
        b["instruct"].clicked.connect(self.instruct)
        b["done"].clicked.connect(self.instruction_done)
        top = QHBoxLayout()
        for key in ("send", "follow", "final", "verified", "edit", "instruct"):
            top.addWidget(b[key])
        top.addStretch()
        right_buttons = QHBoxLayout()
        for key in ("copy", "preview", "pdf"):
            right_buttons.addWidget(b[key])
        right_buttons.addStretch()
        right = QVBoxLayout()
        right.addWidget(self.text, 1)
        right.addLayout(right_buttons)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Report chain")))
        left.addWidget(self.chain)
        body.addLayout(left)
        body.addLayout(right, 1)
        ins_row = QHBoxLayout()
        ins_row.addWidget(self.instructions, 1)
        ins_row.addWidget(b["done"])
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(QLabel(self.tr("Leaders' instructions")))
        layout.addLayout(ins_row)
        layout.addWidget(self.message)
        layout.addWidget(close)
        self.reload()

    def reload(self, select_last: bool = False) -> None:
        self.info = incidents.get(self.ctx, self.number)
        facts = self.info.facts
        level = facts.level.zh if facts.level else self.tr("no level")
        status = self.tr("open") if self.info.status == "open" else self.tr("closed")
        self.setWindowTitle(f"{self.info.number} {self.info.title}")
        self.heading.setText(f"{self.info.number}  {self.info.title}  [{level}] [{status}]")
        row = self.chain.currentRow()
        self.chain.clear()
        for r in self.info.reports:
            when = (self.tr("sent %1").replace("%1", r.sent_at.astimezone(self.zone).strftime("%m-%d %H:%M"))
                    if r.sent_at else self.tr("not sent"))
            item = QListWidgetItem(f"{r.heading}  —  {when}")
            if r.sent_at is None:
                item.setForeground(Qt.GlobalColor.darkRed)
            self.chain.addItem(item)
        self.chain.setCurrentRow(len(self.info.reports) - 1 if select_last or row < 0 else min(row, self.chain.count() - 1))
        self.instructions.clear()
        for i in self.info.instructions:
            state = self.tr("done: %1").replace("%1", i.done) if i.done_at else self.tr("pending feedback")
            item = QListWidgetItem(f"{i.from_whom}：{i.text}（{state}）")
            item.setData(Qt.ItemDataRole.UserRole, i.id)
            self.instructions.addItem(item)
        closed = self.info.status == "closed"
        for key in ("follow", "final", "verified", "edit"):
            self.buttons[key].setEnabled(not closed)
        self.buttons["verified"].setVisible(facts.category is Category.NATURAL)  # 核报: natural disasters

    def current_report(self) -> incidents.ReportInfo | None:
        row = self.chain.currentRow()
        return self.info.reports[row] if 0 <= row < len(self.info.reports) else None

    def show_report(self) -> None:
        r = self.current_report()
        self.text.setPlainText(r.text if r else "")
        self.buttons["send"].setEnabled(r is not None and r.sent_at is None)

    def copy_text(self) -> None:
        r = self.current_report()
        if r:
            QGuiApplication.clipboard().setText(r.text)
            self.message.setText(self.tr("Copied to the clipboard."))

    def preview(self) -> None:
        r = self.current_report()
        if r is None:
            return
        dialog = QPrintPreviewDialog(self)
        configure_a4(dialog.printer())
        dialog.paintRequested.connect(lambda printer: text_document(r.text).print_(printer))
        dialog.exec()

    def export_pdf(self, path: Path | None = None) -> Path | None:
        r = self.current_report()
        if r is None:
            return None
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"),
                                                  f"{self.info.number}{r.heading}.pdf", "PDF (*.pdf)")
            if not name:
                return None
            path = Path(name)
        write_pdf(r.text, path)
        self.message.setText(self.tr("Saved to %1").replace("%1", str(path)))
        return path

    def send(self) -> None:
        r = self.current_report()
        if r is not None and SendDialog(self.ctx, r, self).exec():
            self.reload()

    def new_report(self, kind: ReportKind) -> None:
        try:
            incident_chain.add_report(self.ctx, self.number, kind)
        except DutyDeskError as exc:
            self.message.setText(exc.message)
            return
        self.reload(select_last=True)

    def edit(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Update facts: %1").replace("%1", self.number))
        dialog.resize(980, 640)
        form = IntakeForm(self.ctx, self.zone, dialog, editing=self.info)
        form.sig_recorded.connect(lambda _n: dialog.accept())
        QVBoxLayout(dialog).addWidget(form)
        if dialog.exec():
            self.reload()

    def instruct(self) -> None:
        if InstructionDialog(self.ctx, self.number, self).exec():
            self.reload()

    def instruction_done(self) -> None:
        item = self.instructions.currentItem()
        if item is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Instruction done"), self.tr("What was done:"))
        if not ok:
            return
        try:
            incident_chain.complete_instruction(self.ctx, item.data(Qt.ItemDataRole.UserRole), done=text)
        except DutyDeskError as exc:
            self.message.setText(exc.message)
            return
        self.reload()
