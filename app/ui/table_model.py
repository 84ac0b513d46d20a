"""The bases of the read-only list models: rows of plain data under translated headers, whole
(``RowsModel``) or fetched page by page as the view scrolls (``PagedModel``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from app.ui.paged_rows import PAGE, WINDOW, PagedRows

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")


class HeadersModel(QAbstractTableModel):
    """Columns under ``headers``; subclasses hold the rows and implement ``data``."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class RowsModel(HeadersModel):
    """``rows`` (plain dataclasses), all held: for short lists."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[Any] = []

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)


class PagedModel(HeadersModel, Generic[T]):
    """A lazy list: ``fetch(offset, limit)`` read a page at a time as the view scrolls
    (canFetchMore/fetchMore), only a window of pages held (``PagedRows``), so memory stays flat
    however far the operator scrolls; a page let go is read again when the view wants its rows.

    Rows come through ``row_at`` (None for a row whose record left the list since it was shown);
    a record is redrawn in place with ``replace``. ``total``, when the model knows it, is how
    many rows the list has (else the list ends at the first short page).
    """

    page_size = PAGE  # rows read at a time, unless a list says otherwise
    window = WINDOW  # pages held

    def __init__(self) -> None:
        super().__init__()
        self.pages: PagedRows[T] = PagedRows()
        self.total: int | None = None

    def show_pages(self, fetch: Callable[[int, int], list[T]], page: int | None = None,
                   total: int | None = None,
                   by_keys: Callable[[list[int]], list[T]] | None = None) -> None:
        """List what ``fetch(offset, limit)`` gives: the first page now, more on scrolling."""
        self.beginResetModel()
        self.start_pages(fetch, page, total, by_keys)
        self.endResetModel()

    def start_pages(self, fetch: Callable[[int, int], list[T]], page: int | None = None,
                    total: int | None = None,
                    by_keys: Callable[[list[int]], list[T]] | None = None) -> None:
        """``show_pages`` inside a reset the caller has begun; ``by_keys``: how to read rows
        again by their records' ids (``PagedRows``), when the list can."""
        self.pages = PagedRows(fetch, page or self.page_size, self.window, by_keys=by_keys)
        self.total = total
        self.pages.append(self.pages.next_page())

    def show_rows(self, rows: list[T]) -> None:
        """A short list given whole (held whole)."""
        self.beginResetModel()
        self.pages = PagedRows.fixed(rows)
        self.total = None
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.pages)

    def canFetchMore(self, parent: Index) -> bool:
        if parent.isValid() or self.pages.exhausted:
            return False
        return self.total is None or len(self.pages) < self.total

    def fetchMore(self, parent: Index) -> None:
        if not self.canFetchMore(parent):
            return
        more = self.pages.next_page()
        if not more:
            if self.total is not None:
                self.total = len(self.pages)
            return
        first = len(self.pages)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self.pages.append(more)
        self.endInsertRows()
        self.fetched(more)

    def fetched(self, rows: list[T]) -> None:
        """More rows were listed (for subclasses that keep something about them)."""

    def row_at(self, row: int) -> T | None:
        return self.pages.get(row) if 0 <= row < len(self.pages) else None

    def row_of(self, index: Index) -> T | None:
        return self.row_at(index.row()) if index.isValid() else None

    def replace_at(self, row: int, value: T) -> None:
        """Show ``value`` at ``row`` now (the list is not read again)."""
        self.pages.set(row, value)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))

    def replace(self, value: T) -> bool:
        """Show ``value`` in place of the row of the same record; False when none lists it.
        A row whose page is not held is left alone: its page is read again when shown."""
        row = self.pages.find(self.pages.key(value))
        if row is None:
            return False
        if self.pages.is_held(row):
            self.replace_at(row, value)
        return True
