"""One incident: its report chain with every sending under its report, the text of each
report, sending, follow-ups, the final report, deleting an unsent report, instructions, and
the 公文 page to preview, print, or save as PDF or Word."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Category
from app.domain.errors import DutyDeskError
from app.domain.terms import report_term, term
from app.services.context import Context
from app.services.incidents import chain, documents
from app.services.incidents import intake as incidents
from app.services.incidents.info import ReportInfo, SendingInfo
from app.ui import gongwen, style, workers
from app.ui.intake import chain_dialogs, plan_fields
from app.ui.intake.form import IntakeForm


class IncidentDialog(QDialog):
    """The incident's report chain, each report with its sendings, and the report's text."""

    def __init__(self, ctx: Context, number: str, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.number = number
        self.resize(1100, 700)
        self.heading = QLabel()
        self.heading.setObjectName("officeName")
        self.heading.setWordWrap(True)
        self.links = QLabel()  # the plan it activated; the drill record of a drill
        self.chain = QTreeWidget()
        self.chain.setHeaderHidden(True)
        self.chain.setMinimumWidth(360)
        self.chain.setMaximumWidth(440)
        self.chain.currentItemChanged.connect(self.show_report)
        self.text = QTextBrowser()
        self.instructions = QListWidget()
        self.instructions.setMaximumHeight(100)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.buttons = self._make_buttons()
        self._lay_out()
        self.reload()

    def _make_buttons(self) -> dict[str, QPushButton]:
        b = {}
        for key, label, slot in (
                ("send", self.tr("&Send…"), self.send),
                ("follow", self.tr("New &follow-up…"), self.follow_up),
                ("final", self.tr("Fi&nal report…"), self.final),
                ("verified", self.tr("Ve&rified report"), self.verified),
                ("delete", self.tr("De&lete unsent report"), self.delete),
                ("edit", self.tr("&Update facts / regrade…"), self.edit),
                ("instruct", self.tr("Leader's &instruction…"), self.instruct),
                ("done", self.tr("Instruction &done…"), self.instruction_done),
                ("copy", self.tr("&Copy text"), self.copy_text),
                ("preview", self.tr("Print pre&view…"), self.preview),
                ("pdf", self.tr("&PDF…"), lambda: self.export_pdf()),
                ("word", self.tr("&Word…"), lambda: self.export_docx())):
            button = QPushButton(label)
            button.clicked.connect(slot)
            b[key] = button
        return b

    def _lay_out(self) -> None:
        b = self.buttons
        top = QHBoxLayout()
        for key in ("send", "follow", "final", "verified", "delete", "edit", "instruct"):
            top.addWidget(b[key])
        top.addStretch()
        documents_row = QHBoxLayout()
        for key in ("copy", "preview", "pdf", "word"):
            documents_row.addWidget(b[key])
        documents_row.addStretch()
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Report chain and sendings")))
        left.addWidget(self.chain)
        right = QVBoxLayout()
        right.addWidget(self.text, 1)
        right.addLayout(documents_row)
        body = QHBoxLayout()
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
        layout.addWidget(self.links)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        layout.addWidget(QLabel(self.tr("Leaders' instructions")))
        layout.addLayout(ins_row)
        layout.addWidget(self.message)
        layout.addWidget(close)

    # --- showing ------------------------------------------------------------------------------
    def _when(self, value: dt.datetime) -> str:
        return value.astimezone(self.zone).strftime("%m-%d %H:%M")

    def _sending_text(self, x: SendingInfo) -> str:
        signer = self.tr(", signed off by %1").replace("%1", x.issued_by) if x.issued_by else ""
        return self.tr("%1 %2 to %3%4").replace("%1", self._when(x.at)).replace("%2", x.how) \
            .replace("%3", x.to).replace("%4", signer)

    def reload(self, select_last: bool = False) -> None:
        self.info = incidents.get(self.ctx, self.number)
        facts = self.info.facts
        level = term(facts.level) if facts.level else self.tr("no level")
        status = self.tr("open") if self.info.is_open else self.tr("closed")
        self.setWindowTitle(f"{self.info.number} {self.info.title}")
        self.heading.setText(f"{self.info.number}  {self.info.title}  [{level}] [{status}]")
        self.links.setText(plan_fields.linked_text(self.ctx, self.info))
        self.links.setVisible(bool(self.links.text()))
        current = self.current_index()
        self.chain.clear()
        for index, r in enumerate(self.info.reports):
            state = self.tr("not sent") if not r.sent else self.tr("sent %n time(s)", "", len(r.sendings))
            item = QTreeWidgetItem([f"{report_term(r.kind, r.seq, r.heading)}  —  {state}"])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            if not r.sent:
                item.setForeground(0, Qt.GlobalColor.darkRed)
            for x in r.sendings:
                child = QTreeWidgetItem([self._sending_text(x)])
                child.setToolTip(0, child.text(0))
                child.setData(0, Qt.ItemDataRole.UserRole, index)
                item.addChild(child)
            self.chain.addTopLevelItem(item)
            item.setExpanded(True)
        last = len(self.info.reports) - 1
        pick = last if select_last or current is None else min(current, last)
        chosen = self.chain.topLevelItem(pick)
        if chosen is not None:
            self.chain.setCurrentItem(chosen)
        self._show_instructions()
        for key in ("follow", "final", "verified", "edit"):
            self.buttons[key].setEnabled(self.info.is_open)
        self.buttons["verified"].setVisible(facts.category is Category.NATURAL)  # 核报: natural disasters

    def _show_instructions(self) -> None:
        self.instructions.clear()
        for i in self.info.instructions:
            state = self.tr("done: %1").replace("%1", i.done) if i.done_at else self.tr("pending feedback")
            item = QListWidgetItem(f"{i.from_whom}：{i.text}（{state}）")
            item.setData(Qt.ItemDataRole.UserRole, i.id)
            self.instructions.addItem(item)

    def current_index(self) -> int | None:
        item = self.chain.currentItem()
        return None if item is None else int(item.data(0, Qt.ItemDataRole.UserRole))

    def current_report(self) -> ReportInfo | None:
        index = self.current_index()
        return None if index is None else self.info.reports[index]

    def show_report(self) -> None:
        r = self.current_report()
        self.text.setPlainText(r.text if r else "")
        first = r is not None and r is self.info.reports[0]
        self.buttons["delete"].setEnabled(r is not None and not r.sent and not first)
        self.buttons["send"].setEnabled(r is not None)

    # --- the chain ----------------------------------------------------------------------------
    def _say(self, text: str, *, ok: bool = False) -> None:
        """A line under the chain: green when something was done, red when it was refused."""
        style.set_tone(self.message, "ok" if ok else "")
        self.message.setText(text)

    def send(self) -> None:
        r = self.current_report()
        if r is None:
            return
        dialog = chain_dialogs.SendDialog(self.ctx, r, self.zone, self)
        if dialog.exec():
            self.reload()
            self._say(dialog.summary, ok=True)

    def follow_up(self) -> None:
        dialog = chain_dialogs.FollowUpDialog(self.ctx, self.info, self.zone, self)
        if dialog.exec():
            self.reload(select_last=True)

    def final(self) -> None:
        if chain_dialogs.FinalDialog(self.ctx, self.info, self).exec():
            self.reload(select_last=True)

    def verified(self) -> None:
        try:
            chain.verified(self.ctx, self.number)
        except DutyDeskError as exc:
            self._say(exc.message)
            return
        self.reload(select_last=True)

    def delete(self) -> None:
        r = self.current_report()
        if r is None:
            return
        asked = QMessageBox.question(self, self.tr("Delete unsent report"),
                                     self.tr("Delete the unsent %1?").replace("%1", report_term(r.kind, r.seq, r.heading)))
        if asked != QMessageBox.StandardButton.Yes:
            return
        try:
            chain.delete_report(self.ctx, r.id)
        except DutyDeskError as exc:
            self._say(exc.message)
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
        if chain_dialogs.InstructionDialog(self.ctx, self.number, self).exec():
            self.reload()

    def instruction_done(self) -> None:
        item = self.instructions.currentItem()
        if item is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Instruction done"), self.tr("What was done:"))
        if not ok:
            return
        try:
            chain.complete_instruction(self.ctx, item.data(Qt.ItemDataRole.UserRole), done=text)
        except DutyDeskError as exc:
            self._say(exc.message)
            return
        self.reload()

    # --- the document -------------------------------------------------------------------------
    def copy_text(self) -> None:
        r = self.current_report()
        if r:
            QGuiApplication.clipboard().setText(r.text)
            self._say(self.tr("Copied to the clipboard."), ok=True)

    def preview(self) -> None:
        r = self.current_report()
        if r is None:
            return
        doc = documents.report_document(self.ctx, r.id)
        dialog = QPrintPreviewDialog(self)
        gongwen.prepare(dialog.printer())
        dialog.paintRequested.connect(lambda printer: gongwen.paint(printer, doc))
        dialog.exec()

    def _target(self, r: ReportInfo, suffix: str, kind: str) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report"),
                                              f"{self.info.number}{r.heading}{suffix}", kind)
        return Path(name) if name else None

    def export_pdf(self, path: Path | None = None) -> Path | None:
        r = self.current_report()
        if r is None or (path is None and (path := self._target(r, ".pdf", "PDF (*.pdf)")) is None):
            return None
        gongwen.write_pdf(documents.report_document(self.ctx, r.id), path)
        workers.announce(self.tr("Save the report"), path)
        self._say(self.tr("Saved to %1").replace("%1", str(path)), ok=True)
        return path

    def export_docx(self, path: Path | None = None) -> Path | None:
        r = self.current_report()
        if r is None or (path is None and (path := self._target(r, ".docx", self.tr("Editable document (*.docx)"))) is None):
            return None
        try:
            documents.save(documents.report_document(self.ctx, r.id), path)
        except DutyDeskError as exc:
            self._say(exc.message)
            return None
        workers.announce(self.tr("Save the report"), path)
        self._say(self.tr("Saved to %1").replace("%1", str(path)), ok=True)
        return path

