"""The handover screen: the sheet as it will print, items carried forward, free notes, both
officers' passwords, then the shift's log is locked. Print preview and PDF."""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QTextDocument
from PySide6.QtPrintSupport import QPrintPreviewDialog
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.dutylog import entries as dutylog
from app.services.dutylog import handover
from app.services.office import users
from app.ui import style, workers
from app.ui.text_printing import configure_a4, text_document, write_pdf
from app.ui.widgets import LoadOnShow, labelled, spoken


class HandoverTab(LoadOnShow, QWidget):
    """Signals:
        sig_handed_over(): a shift was handed over and its log locked.
    """

    sig_handed_over = Signal()
    """The log of a shift is locked now; the log list shows it."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.sheet: handover.HandoverSheet | None = None
        self._doc: QTextDocument | None = None  # kept alive while the preview shows it
        self.preview_view = QTextBrowser()
        self.day = QDateEdit()
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.current_button = QPushButton(self.tr("Shift to hand &over"))
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setObjectName("handoverState")

        self.carried = QListWidget()
        self.carried.setMaximumHeight(110)
        self.carried.setWordWrap(True)
        self.flag_button = QPushButton(self.tr("&Add item…"))
        self.clear_button = QPushButton(self.tr("C&lear item…"))
        self.notes = QPlainTextEdit()
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText(self.tr("Anything else the next officer must know"))
        self.notes.setMaximumHeight(80)
        self.outgoing = QComboBox()
        self.incoming = QComboBox()
        self.outgoing_password = QLineEdit()
        self.incoming_password = QLineEdit()
        for edit in (self.outgoing_password, self.incoming_password):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Only when the incoming officer is not on the roster"))
        self.confirm_button = QPushButton(self.tr("&Confirm handover and lock the log"))
        self.print_button = QPushButton(self.tr("Print pre&view…"))
        self.pdf_button = QPushButton(self.tr("&PDF…"))
        self.message = QLabel()
        self.message.setWordWrap(True)

        carried_box = QGroupBox(self.tr("Items carried forward"))
        cl = QVBoxLayout(carried_box)
        cl.addWidget(self.carried)
        cb = QHBoxLayout()
        cb.addWidget(self.flag_button)
        cb.addWidget(self.clear_button)
        cb.addStretch()
        cl.addLayout(cb)
        self.confirm_box = confirm_box = QGroupBox(self.tr("Face-to-face confirmation"))
        form = QFormLayout(confirm_box)
        form.addRow(self.tr("Notes:"), self.notes)
        form.addRow(self.tr("Outgoing officer:"), self.outgoing)
        form.addRow(self.tr("Outgoing officer's pass&word:"), self.outgoing_password)
        form.addRow(self.tr("Incoming officer:"), self.incoming)
        form.addRow(self.tr("Incoming officer's pa&ssword:"), self.incoming_password)
        form.addRow(self.tr("Reason:"), self.reason)
        form.addRow(self.confirm_button)
        fields: tuple[QWidget, ...] = (self.notes, self.outgoing, self.outgoing_password,
                                       self.incoming, self.incoming_password, self.reason)
        for field in fields:
            label = form.labelForField(field)
            if isinstance(label, QLabel):
                field.setAccessibleName(spoken(label.text()))
        # Enter after a password goes on: to the other one, then confirms
        self.outgoing_password.returnPressed.connect(self.incoming_password.setFocus)
        self.incoming_password.returnPressed.connect(self.confirm_button.click)
        day_row = QHBoxLayout()
        day_row.addWidget(labelled(self.tr("Duty day:"), self.day))
        day_row.addWidget(self.day)
        day_row.addWidget(self.current_button)
        day_row.addStretch()
        print_row = QHBoxLayout()
        print_row.addWidget(self.print_button)
        print_row.addWidget(self.pdf_button)
        print_row.addStretch()
        right = QVBoxLayout()
        right.addLayout(day_row)
        right.addWidget(self.state)
        right.addWidget(carried_box)
        right.addWidget(confirm_box)
        right.addLayout(print_row)
        right.addWidget(self.message)
        right.addStretch()
        right_widget = QWidget()
        right_widget.setLayout(right)
        right_widget.setMaximumWidth(480)
        layout = QHBoxLayout(self)
        layout.addWidget(self.preview_view, 1)
        layout.addWidget(right_widget)

        self.current_button.clicked.connect(self.show_current)
        self.day.dateChanged.connect(self.reload)
        self.notes.textChanged.connect(self._render)
        self.flag_button.clicked.connect(self.flag_item)
        self.clear_button.clicked.connect(self.clear_item)
        self.confirm_button.clicked.connect(self.confirm)
        self.print_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(lambda: self.export_pdf())

    def shown_day(self) -> dt.date:
        d = self.day.date()
        return dt.date(d.year(), d.month(), d.day())

    def first_load(self) -> None:
        self.show_current()

    def show_current(self) -> None:
        day = handover.handover_shift(self.ctx)
        if day == self.shown_day():
            self.reload()
        self.day.setDate(QDate(day.year, day.month, day.day))

    def _fill_people(self) -> None:
        people = [u for u in users.list_users(self.ctx) if u.active]
        day = self.shown_day()
        signed = [c.username for c in dutylog.check_ins(self.ctx, day)]
        next_signed = [c.username for c in dutylog.check_ins(self.ctx, day + dt.timedelta(days=1))]
        if not next_signed:  # nobody signed in for the next shift yet: the roster names them
            next_signed = [name for name in [handover.next_officer(self.ctx, day)] if name]
        me = self.ctx.actor.name if self.ctx.actor else ""
        for box, preferred in ((self.outgoing, signed[:1] or [me]), (self.incoming, next_signed[:1])):
            box.clear()
            box.addItem("", None)
            for u in people:
                box.addItem(f"{u.display_name}（{u.username}）", u.username)
            index = box.findData(preferred[0]) if preferred else -1
            box.setCurrentIndex(max(0, index))

    def reload(self) -> None:
        self.loaded = True
        day = self.shown_day()
        self.sheet = handover.sheet(self.ctx, day)
        done = self.sheet.handed_over
        if done:
            self.state.setText(self.tr("Handed over: %1 to %2 at %3; the log is locked.")
                               .replace("%1", done["outgoing_name"]).replace("%2", done["incoming_name"])
                               .replace("%3", done["locked_at"][:16].replace("T", " ")))
            self.notes.blockSignals(True)
            self.notes.setPlainText(self.sheet.notes)
            self.notes.blockSignals(False)
        else:
            info = dutylog.shift_info(self.ctx, day)
            self.state.setText(self.tr("Not handed over yet (shift %1 to %2).")
                               .replace("%1", info.begins_at.astimezone(self.zone).strftime("%m-%d %H:%M"))
                               .replace("%2", info.ends_at.astimezone(self.zone).strftime("%m-%d %H:%M")))
        self.confirm_box.setVisible(not done)  # a signed sheet is never confirmed again
        self.confirm_button.setEnabled(not done)
        self._fill_people()
        self.carried.clear()
        for item in handover.open_items(self.ctx):
            when = item.flagged_at.astimezone(self.zone).strftime("%m-%d %H:%M")
            row = QListWidgetItem(f"{item.text}（{item.flagged_by} {when}）")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.carried.addItem(row)
        self._render()

    def current_sheet(self) -> handover.HandoverSheet | None:
        if self.sheet is None:
            return None
        if self.sheet.handed_over:
            return self.sheet
        return dataclasses.replace(self.sheet, notes=self.notes.toPlainText().strip())

    def sheet_text(self) -> str:
        sheet = self.current_sheet()
        return handover.sheet_text(sheet, handover.office_name(self.ctx)) if sheet else ""

    def _render(self) -> None:
        self._doc = text_document(self.sheet_text())
        scroll = self.preview_view.verticalScrollBar().value()
        self.preview_view.setDocument(self._doc)
        self.preview_view.verticalScrollBar().setValue(scroll)

    def say(self, words: str, *, error: bool = False) -> None:
        style.set_tone(self.message, "error" if error else "info")
        self.message.setText(words)

    def flag_item(self) -> None:
        words, ok = QInputDialog.getMultiLineText(self, self.tr("Carry forward"),
                                                  self.tr("What the next shifts must see (until cleared):"))
        if not ok:
            return
        try:
            handover.flag(self.ctx, words)
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        self.reload()

    def clear_item(self) -> None:
        item = self.carried.currentItem()
        if item is None:
            self.say(self.tr("Select the item to clear."), error=True)
            return
        note, ok = QInputDialog.getText(self, self.tr("Clear item"), self.tr("How it was dealt with:"))
        if not ok:
            return
        try:
            handover.clear(self.ctx, item.data(Qt.ItemDataRole.UserRole), note)
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        self.reload()

    def ready_for_passwords(self) -> None:
        """The keyboard where the handover goes on: the first password still to type."""
        target = self.outgoing_password if not self.outgoing_password.text() else self.incoming_password
        if self.confirm_box.isVisible():
            target.setFocus()

    def early_reason(self) -> str | None:
        """Before the shift's last hour, why hand over now (None: the officer went back);
        an empty string when it is time."""
        info = dutylog.shift_info(self.ctx, self.shown_day())
        left = info.ends_at - self.ctx.clock.now()
        if left <= dt.timedelta(hours=1):
            return ""
        hours, minutes = divmod(int(left.total_seconds()) // 60, 60)
        reason, ok = QInputDialog.getText(
            self, self.tr("Hand over early?"),
            self.tr("The shift ends at %1, in %2 h %3 min. Why hand over now?")
            .replace("%1", info.ends_at.astimezone(self.zone).strftime("%m-%d %H:%M"))
            .replace("%2", str(hours)).replace("%3", f"{minutes:02d}"))
        if not ok or not reason.strip():
            return None
        return reason.strip()

    def confirm(self) -> None:
        early = self.early_reason()
        if early is None:
            self.say(self.tr("Not handed over: the shift is not over yet."), error=True)
            return
        notes = self.notes.toPlainText().strip()
        if early:
            notes = "\n".join(n for n in (notes, self.tr("Handed over early: %1").replace("%1", early)) if n)
        try:
            handover.confirm(self.ctx, self.shown_day(), outgoing=self.outgoing.currentData() or "",
                             outgoing_password=self.outgoing_password.text(),
                             incoming=self.incoming.currentData() or "",
                             incoming_password=self.incoming_password.text(),
                             notes=notes, reason=self.reason.text())
        except DutyDeskError as exc:
            self.say(exc.message, error=True)
            return
        finally:
            self.outgoing_password.clear()
            self.incoming_password.clear()
        self.say(self.tr("Handed over. The shift's log is locked."))
        self.reason.clear()
        self.reload()
        self.sig_handed_over.emit()

    def print_preview(self) -> None:
        words = self.sheet_text()
        dialog = QPrintPreviewDialog(self)
        configure_a4(dialog.printer())
        dialog.paintRequested.connect(lambda printer: text_document(words).print_(printer))
        dialog.exec()

    def export_pdf(self, path: Path | None = None) -> Path | None:
        if path is None:
            default = f"值班交接班记录-{self.shown_day().isoformat()}.pdf"
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Save as PDF"), default, "PDF (*.pdf)")
            if not name:
                return None
            path = Path(name)
        write_pdf(self.sheet_text(), path)
        workers.announce(self.tr("Save as PDF"), path)
        self.say(self.tr("Saved to %1").replace("%1", str(path)))
        return path
