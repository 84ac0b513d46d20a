"""A year's holiday notice in one table (Settings → Calendar): every day of the State Council's
notice in rows of 日期, 类型, 名称, typed, pasted from a spreadsheet or filled from a file, then
saved at once. Checked whole: a bad row keeps the dialog open and names its row and column."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QGuiApplication, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.domain.calendar_notice import HOLIDAY_NAMES, RawCell, RawRow
from app.domain.duty_calendar import CalendarEntry
from app.domain.enums import CalendarKind
from app.domain.errors import DutyDeskError, InputError
from app.services.context import Context
from app.services.roster import notice
from app.services.roster.notice import NoticeResult
from app.ui import style

KINDS = ("节假日", "调休上班")  # the notice's own words, as the 类型 column says them
COLUMNS = "ABC"


def _date_text(value: object) -> str:
    if isinstance(value, dt.datetime):
        value = value.date()
    return value.isoformat() if isinstance(value, dt.date) else ("" if value is None else str(value))


class YearNoticeDialog(QDialog):
    """The whole notice of one year; ``entered`` holds what was entered once accepted."""

    def __init__(self, ctx: Context, year: int, entries: list[CalendarEntry],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.year = ctx, year
        self.entered: NoticeResult | None = None
        self.setWindowTitle(self.tr("Holiday notice of %1").replace("%1", str(year)))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Name")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.installEventFilter(self)
        for e in entries:
            kind = KINDS[0] if e.kind is CalendarKind.HOLIDAY else KINDS[1]
            self.add_row(e.date.isoformat(), kind, e.name)
        hint = QLabel(self.tr("One row per day: date (2027-10-01), kind, holiday name. Paste rows "
                              "copied from a spreadsheet with Ctrl+V. Saving replaces the whole "
                              "year and makes it known."))
        hint.setWordWrap(True)
        self.problems = QLabel()
        self.problems.setWordWrap(True)
        style.set_tone(self.problems, "error")
        add = QPushButton(self.tr("&Add a day"))
        add.clicked.connect(lambda: self.add_row(f"{year}-", KINDS[0], ""))
        remove = QPushButton(self.tr("&Remove the day"))
        remove.clicked.connect(self.remove_row)
        from_file = QPushButton(self.tr("Fill from a &file…"))
        from_file.clicked.connect(self.on_fill_from_file)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        for w in (add, remove, from_file):
            row.addWidget(w)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(row)
        layout.addWidget(self.problems)
        layout.addWidget(buttons)
        self.resize(560, 640)

    # --- rows -----------------------------------------------------------------------------
    def add_row(self, day: str, kind: str, name: str) -> None:
        r = self.table.rowCount()
        self.table.insertRow(r)
        self.table.setItem(r, 0, QTableWidgetItem(day))
        box = QComboBox()
        labels = (self.tr("Holiday"), self.tr("Make-up working day"))
        for word, label in zip(KINDS, labels, strict=True):
            box.addItem(label, word)  # shown in the screen's language, stored in the notice's
        if kind not in KINDS:
            box.addItem(kind, kind)  # as typed or read: the check names it if it is no kind
        box.setCurrentIndex(max(0, box.findData(kind)))
        self.table.setCellWidget(r, 1, box)
        names = QComboBox()
        names.setEditable(True)
        names.addItems(["", *HOLIDAY_NAMES])
        names.setCurrentText(name)
        self.table.setCellWidget(r, 2, names)

    def remove_row(self) -> None:
        rows = sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True)
        for r in rows or ([self.table.currentRow()] if self.table.currentRow() >= 0 else []):
            self.table.removeRow(r)

    def clear_rows(self) -> None:
        self.table.setRowCount(0)

    def rows(self) -> list[RawRow]:
        """The table as the notice's rows (row 1 is the first day)."""
        out = []
        for r in range(self.table.rowCount()):
            item = self.table.item(r, 0)
            values = [item.text() if item else "", self._combo(r, 1), self._combo(r, 2)]
            cells = [RawCell(v, r + 1, COLUMNS[c]) for c, v in enumerate(values)]
            out.append(RawRow(r + 1, *cells))
        return out

    def _combo(self, row: int, column: int) -> str:
        box = self.table.cellWidget(row, column)
        if not isinstance(box, QComboBox):
            return ""
        data = box.currentData()
        return str(data) if data is not None else box.currentText()

    def paste(self, text: str) -> int:
        """Rows copied from a spreadsheet (tab or comma separated): date, kind, name."""
        added = 0
        for line in text.splitlines():
            parts = [p.strip() for p in (line.split("\t") if "\t" in line else line.split(","))]
            if not parts or not parts[0] or parts[0] in ("日期", "Date"):
                continue
            parts += [""] * (3 - len(parts))
            self.add_row(parts[0], parts[1] or KINDS[0], parts[2])
            added += 1
        return added

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.table and isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress and event.matches(QKeySequence.StandardKey.Paste)):
            self.paste(QGuiApplication.clipboard().text())
            return True
        return super().eventFilter(watched, event)

    def fill_from(self, path: Path) -> bool:
        """Replace the rows with a notice file's (nothing is saved until Save)."""
        try:
            rows = notice.read_rows(path)
        except DutyDeskError as exc:
            self.problems.setText(exc.message)
            return False
        self.clear_rows()
        for raw in rows:
            self.add_row(_date_text(raw.date.value), _date_text(raw.kind.value), _date_text(raw.name.value))
        self.problems.clear()
        return True

    def on_fill_from_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("A holiday notice"), "",
                                              self.tr("Workbook or CSV (*.xlsx *.csv)"))
        if name:
            self.fill_from(Path(name))

    # --- save -----------------------------------------------------------------------------
    def save(self) -> None:
        """Enter the whole year; on a bad row stay open and say which."""
        try:
            self.entered = notice.enter_year(self.ctx, self.year, self.rows())
        except InputError as exc:
            self.problems.setText("\n".join(p.message() for p in exc.problems))
            return
        except DutyDeskError as exc:
            self.problems.setText(exc.message)
            return
        self.accept()


