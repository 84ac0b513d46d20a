"""The lazy list model every long list is built on: Qt's model rules hold while pages are let
go and read again; it fetches until the count or the first short page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt

from app.ui.table_model import Index, PagedModel


@dataclass(frozen=True)
class Row:
    id: int
    text: str


class Model(PagedModel[Row]):
    window = 2

    def __init__(self) -> None:
        super().__init__()
        self.headers = ["编号", "内容"]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_of(index)
        if r is None or role != Qt.ItemDataRole.DisplayRole:
            return None
        return r.id if index.column() == 0 else r.text


ROWS = [Row(i, f"第{i}行") for i in range(47)]


def fetch(offset: int, limit: int) -> list[Row]:
    return ROWS[offset:offset + limit]


def test_the_model_tester_passes_while_pages_are_let_go(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = Model()
    model.show_pages(fetch, 5)
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 47 and model.pages.held_rows() <= 10
    qtmodeltester.check(model)  # reads every row: pages read again, two held at a time
    assert model.pages.reads > 0 and model.pages.held_rows() <= 10
    assert [model.data(model.index(r, 0)) for r in range(47)] == list(range(47))
    assert model.row_at(47) is None and model.row_at(-1) is None


def test_it_fetches_until_the_first_short_page_or_the_count() -> None:
    model = Model()
    model.show_pages(fetch, 10)
    for _ in range(4):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == 47 and not model.canFetchMore(QModelIndex())  # 7 < 10: the end
    counted = Model()
    counted.show_pages(fetch, 10, total=20)
    counted.fetchMore(QModelIndex())
    assert counted.rowCount() == 20 and not counted.canFetchMore(QModelIndex())
    shorter = Model()
    shorter.show_pages(fetch, 47, total=60)  # the count was more than the list now holds
    shorter.fetchMore(QModelIndex())
    assert shorter.total == 47 and not shorter.canFetchMore(QModelIndex())
    assert not model.canFetchMore(model.index(0, 0))  # a table: no child rows


def test_a_list_given_whole_is_held_whole(qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    model = Model()
    model.show_rows(ROWS[:30])
    assert model.rowCount() == 30 and not model.canFetchMore(QModelIndex())
    assert model.pages.held_rows() == 30
    qtmodeltester.check(model)
    assert model.replace(Row(3, "改")) and model.data(model.index(3, 1)) == "改"
