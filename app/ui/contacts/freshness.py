"""The freshness worklist: numbers not verified in N days (before a holiday, all of them).

Enter copies the number to dial; Space (or F6) marks it verified and moves to the next.
"""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.services.contacts import freshness
from app.services.context import Context
from app.ui.contacts.models import StaleNumbersModel
from app.ui.widgets import fit_columns

DEFAULT_DAYS = 90


class FreshnessTab(QWidget):
    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.days = QSpinBox()
        self.days.setRange(1, 3650)
        self.days.setValue(DEFAULT_DAYS)
        self.days.setSuffix(self.tr(" days"))
        self.days.valueChanged.connect(lambda _v: self.refresh())
        self.count = QLabel()
        self.model = StaleNumbersModel(zone)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        fit_columns(self.table, 0)  # the person's or unit's name
        self.table.installEventFilter(self)
        self.hint = QLabel(self.tr("Enter: copy the number to dial · Space or F6: verified, next"))
        top = QHBoxLayout()
        label = QLabel(self.tr("&Not verified for more than"))
        label.setBuddy(self.days)
        top.addWidget(label)
        top.addWidget(self.days)
        top.addWidget(self.count)
        top.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.hint)
        self._stale = True  # loaded when first shown: kept off the start-up path

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.load()

    def refresh(self) -> None:
        """Reload now if the tab shows, else when it is next shown."""
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    def load(self) -> None:
        self._stale = False
        days, ctx = self.days.value(), self.ctx
        # a page let go is read again by its numbers' ids: one verified meanwhile still shows
        self.model.show_pages(lambda offset, limit: freshness.stale_numbers(
            ctx, days, offset=offset, limit=limit),
            by_keys=lambda ids: freshness.numbers_by_id(ctx, ids))
        self.count.setText(self.tr("%n numbers", "", freshness.count_stale(ctx, days)))
        if self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def mark_current(self) -> None:
        """The current number is right: stamp it and go to the next one."""
        row = self.table.currentIndex().row()
        item = self.model.row_at(row)
        if item is None:
            return
        freshness.mark_verified(self.ctx, [item.id])
        self.model.mark_done(row, self.ctx.clock.now())
        self.count.setText(self.tr("%n numbers", "", freshness.count_stale(self.ctx, self.days.value())))
        if row + 1 < self.model.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row + 1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)

    def copy_current(self) -> str:
        item = self.model.row_at(self.table.currentIndex().row())
        if item is None:
            return ""
        QGuiApplication.clipboard().setText(item.number)
        return item.number

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Space, Qt.Key.Key_F6):
                self.mark_current()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.copy_current()
                return True
        return super().eventFilter(watched, event)
