"""The incident list: open cases first, filters, text search; rows fetched page by page so a
million incidents open as fast as ten."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import Category, Level
from app.domain.terms import term
from app.services.context import Context
from app.services.incidents import listing as incident_list
from app.services.incidents.listing import IncidentRow, ListFilter
from app.ui import style
from app.ui.table_model import Index, PagedModel
from app.ui.widgets import LoadOnShow
from app.ui.workers import Job, run_job

PAGE = 200


class IncidentListModel(PagedModel[IncidentRow]):
    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.ctx = ctx
        self.zone = zone
        self.filter = ListFilter()
        self.counts: dict[str, int] = {}
        self.exact = True  # total is the count (else a guess until the background count comes)
        self.total = 0
        self.headers = [self.tr("Number"), self.tr("Received"), self.tr("Title"), self.tr("Category"),
                         self.tr("Level"), self.tr("Location"), self.tr("Status")]

    def reload(self, f: ListFilter | None = None) -> None:
        self.beginResetModel()
        if f is not None:
            self.filter = f
        # counted once per filter (off the full-text index), kept while the list pages; words
        # too short for the index: the closed ones are counted in the background (set_counts)
        self.exact = not incident_list.scans(self.filter)
        self.counts = incident_list.status_counts(self.ctx, self.filter, closed=self.exact)
        # a page let go is read again by its incidents' ids: at any depth, whatever the filter
        self.start_pages(self._page, PAGE, by_keys=lambda ids: incident_list.rows_by_id(self.ctx, ids))
        self.total = sum(self.counts.values()) if self.exact else self._guess()
        self.endResetModel()

    def _page(self, offset: int, limit: int) -> list[IncidentRow]:
        # the next page read from the last row's place in the index: the same 20 ms at row
        # 80,000 of a search as at its start (by offset: 350 ms, the GUI thread held)
        last = self.row_at(offset - 1) if 0 < offset == len(self.pages) else None
        return incident_list.list_page(self.ctx, self.filter, offset, limit, self.counts, after=last)

    def _guess(self) -> int:
        """Until the count comes: one page more while the pages come full."""
        listed = len(self.pages)
        return listed + (PAGE if listed % PAGE == 0 and listed else 0)

    def set_counts(self, f: ListFilter, counts: dict[str, int]) -> None:
        """The background count of ``f`` came (ignored when the filter has changed since)."""
        if f != self.filter or self.exact:
            return
        self.counts, self.exact = counts, True
        self.total = max(sum(counts.values()), len(self.pages))

    def fetched(self, rows: list[IncidentRow]) -> None:
        if not self.exact:
            self.total = self._guess()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        r = self.row_of(index)
        if r is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and r.status == "closed":
            return QBrush(style.colour("text_muted"))
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        col = index.column()
        if col == 0:
            return r.number
        if col == 1:
            return r.received_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
        if col == 2:
            return (self.tr("[Warning] ") if r.kind == "warning" else "") + r.title
        if col == 3:
            return term(Category(r.category)) if r.category else ""
        if col == 4:
            return term(Level(r.level)) if r.level else ""
        if col == 5:
            return r.location
        return self.tr("Open") if r.status == "open" else self.tr("Closed")


class IncidentListPage(LoadOnShow, QWidget):
    """Signals:
        sig_open_incident(str): the operator opened an incident (its number).
    """

    sig_open_incident = Signal(str)
    """Show this incident's details and report chain."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.model = IncidentListModel(ctx, zone)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for col, width in ((0, 90), (1, 130), (3, 110), (4, 80), (5, 200), (6, 70)):
            self.view.setColumnWidth(col, width)
        self.view.doubleClicked.connect(lambda idx: self.open_row(idx.row()))
        QShortcut(QKeySequence("Return"), self.view, self.open_selected).setWhatsThis(
            self.tr("Open the incident chosen in the list"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, place or number"))
        self.search.setAccessibleName(self.search.placeholderText())
        self.status = QComboBox()
        for label, value in ((self.tr("All"), None), (self.tr("Open"), "open"), (self.tr("Closed"), "closed")):
            self.status.addItem(label, value)
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), None)
        for c in Category:
            self.category.addItem(term(c), c.value)
        self.level = QComboBox()
        self.level.addItem(self.tr("All levels"), None)
        for lv in Level:
            self.level.addItem(term(lv), lv.value)
        self.period = QComboBox()
        for label, days in ((self.tr("Any time"), None), (self.tr("Today"), 0), (self.tr("Last 7 days"), 7),
                            (self.tr("Last 30 days"), 30), (self.tr("Last 365 days"), 365)):
            self.period.addItem(label, days)
        self.count_label = QLabel()
        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.clicked.connect(lambda: self.export())
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for w in (self.status, self.category, self.level, self.period):
            bar.addWidget(w)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        for box in (self.status, self.category, self.level, self.period):
            box.currentIndexChanged.connect(self.apply_filter)
        # read when first shown (LoadOnShow): the window opens without counting the incidents

    def set_context(self, ctx: Context) -> None:
        self.model.ctx = ctx
        super().set_context(ctx)

    def reload(self) -> None:
        self.apply_filter()

    def current_filter(self) -> ListFilter:
        since = None
        days = self.period.currentData()
        if days is not None:
            local = self.ctx.clock.now().astimezone(self.model.zone)
            start = local.replace(hour=0, minute=0, second=0, microsecond=0) - dt.timedelta(days=days)
            since = start.astimezone(dt.UTC)
        return ListFilter(status=self.status.currentData(), category=self.category.currentData(),
                          level=self.level.currentData(), text=self.search.text(), since=since)

    def apply_filter(self) -> None:
        self.loaded = True
        f = self.current_filter()
        self.model.reload(f)
        if self.model.exact:
            self.show_count()
            return
        self.count_label.setText(self.tr("Counting…"))
        ctx = self.ctx

        def counted(counts: dict[str, int]) -> None:
            self.model.set_counts(f, counts)
            if self.model.filter == f:
                self.show_count()

        self.count_job = run_job(self, self.tr("Counting…"),
                                 lambda _progress: incident_list.status_counts(ctx, f), counted,
                                 quiet=True)

    def show_count(self) -> None:
        self.count_label.setText(self.tr("%n incident(s)", "", self.model.total or 0))

    def open_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            self.open_row(rows[0].row())

    def open_row(self, row: int) -> None:
        found = self.model.row_at(row)
        if found is not None:  # None: a line whose incident left the list since it was shown
            self.sig_open_incident.emit(found.number)

    def export(self, path: Path | None = None) -> Job | None:
        """Export what the list shows (its filter) to a workbook, off the GUI thread."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(self, self.tr("Export incidents"), "突发事件台账.xlsx",
                                                  self.tr("Excel workbook (*.xlsx)"))
            if not name:
                return None
            path = Path(name)
        # Imported here, not at the top: it loads openpyxl, which the start-up does not need.
        from app.services.incidents import export as incident_report

        ctx, f, target = self.ctx, self.current_filter(), path

        def done(saved: Path) -> None:
            self.count_label.setText(self.tr("Saved to %1").replace("%1", str(saved)))

        return run_job(self, self.tr("Export incidents"),
                       lambda progress: incident_report.export_list(ctx, f, target, progress), done,
                       on_cancelled=lambda: self.count_label.setText(
                           self.tr("Export cancelled; no file was written.")),
                       key="export-incidents", written=target)
