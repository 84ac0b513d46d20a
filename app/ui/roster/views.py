"""Small pieces the roster's panels share: a read-only table view and the end of a month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QAbstractItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from app.ui.widgets import fit_columns


def month_end(year: int, month: int) -> dt.date:
    """The last day of ``month`` of ``year``."""
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def table_view(model: QAbstractItemModel, *, stretch_last: bool = True,
               stretch: int | None = None) -> QTableView:
    """A read-only table of whole rows, one chosen at a time, columns fitted to their content;
    the free space to column ``stretch`` when given (else to the last, with ``stretch_last``)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(stretch_last)
    if stretch is not None:
        fit_columns(view, stretch)
    return view
