"""A lazy list's rows held a window of pages at a time: bounded however far it is read, a page let
go read again as the view showed it (shifted, matched by key, or by the records' ids)."""

from __future__ import annotations

from dataclasses import dataclass

from app.ui.paged_rows import PagedRows


@dataclass(frozen=True)
class Row:
    id: int
    text: str


class Source:
    """A list in a database: ``fetch(offset, limit)`` counts its calls."""

    def __init__(self, n: int) -> None:
        self.rows = [Row(i, f"第{i}行") for i in range(n)]
        self.calls: list[tuple[int, int]] = []

    def fetch(self, offset: int, limit: int) -> list[Row]:
        self.calls.append((offset, limit))
        return self.rows[max(0, offset):max(0, offset) + limit]

    def by_ids(self, ids: list[int]) -> list[Row]:
        self.calls.append((-1, len(ids)))
        wanted = set(ids)
        return [r for r in reversed(self.rows) if r.id in wanted]  # in no particular order


def listed(source: Source, page: int = 10, window: int = 3, **kw) -> PagedRows[Row]:  # type: ignore[no-untyped-def]
    rows: PagedRows[Row] = PagedRows(source.fetch, page, window, **kw)
    while more := rows.next_page():
        rows.append(more)
    return rows


def test_only_a_window_of_pages_is_held_however_far_the_list_is_read() -> None:
    source = Source(1000)
    rows = listed(source)
    assert len(rows) == 1000 and rows.exhausted
    assert rows.held_rows() == 30 and sorted(rows.held) == [97, 98, 99]  # the last three pages
    assert len(rows.keys) == 1000  # a key a row is all that is kept of the rest


def test_a_page_let_go_is_read_again_with_the_same_rows() -> None:
    source = Source(1000)
    rows = listed(source)
    source.calls.clear()
    assert [rows.get(i) for i in range(25)] == source.rows[:25]
    assert source.calls == [(0, 10), (10, 10), (20, 10)]  # one read a page, at its offset
    assert rows.reads == 3 and sorted(rows.held) == [0, 1, 2] and rows.held_rows() == 30
    assert rows.get(5) == source.rows[5] and len(source.calls) == 3  # held: not read again


def test_rows_added_above_shift_the_page_read_again_and_the_pages_after_it() -> None:
    source = Source(100)
    rows = listed(source)
    source.rows[:0] = [Row(1000 + i, "新") for i in range(3)]  # three new entries on top
    assert rows.get(12).id == 12 and rows.shift == 3  # found 3 rows further down, read there
    assert [rows.get(i).id for i in range(10, 20)] == list(range(10, 20))
    assert rows.get(0).id == 0 and rows.get(95).id == 95  # every page: the rows it showed


def test_rows_removed_above_shift_it_up() -> None:
    source = Source(100)
    rows = listed(source)
    del source.rows[2:4]
    assert [rows.get(i).id for i in range(50, 60)] == list(range(50, 60))
    assert rows.shift == -2


def test_a_record_that_left_its_page_is_none_the_others_stay_in_place() -> None:
    source = Source(100)
    rows = listed(source)
    del source.rows[44]  # on the page of rows 40-49
    assert [r.id if r else None for r in (rows.get(i) for i in range(40, 50))] == \
        [40, 41, 42, 43, None, 45, 46, 47, 48, 49]
    assert rows.get(55).id == 55  # the pages after it: shifted up by one


def test_with_nothing_in_common_the_page_shows_what_is_now_at_its_place() -> None:
    source = Source(100)
    rows = listed(source)
    source.rows[:0] = [Row(1000 + i, "新") for i in range(50)]  # more than a page arrived on top
    assert [rows.get(i).id for i in range(20, 30)] == [1020 + i for i in range(10)]
    assert rows.find(1020) == 20  # the keys follow what is shown


def test_by_ids_the_same_records_come_back_as_they_are_now() -> None:
    source = Source(100)
    rows = listed(source, by_keys=source.by_ids)
    source.rows[:0] = [Row(1000 + i, "新") for i in range(50)]
    source.rows[source.rows.index(Row(23, "第23行"))] = Row(23, "改过")
    source.rows.remove(Row(27, "第27行"))
    source.calls.clear()
    page = [rows.get(i) for i in range(20, 30)]
    assert [r.id if r else None for r in page] == [20, 21, 22, 23, 24, 25, 26, None, 28, 29]
    assert page[3] == Row(23, "改过") and source.calls == [(-1, 10)]  # read by id, no offset


def test_find_set_and_held() -> None:
    source = Source(100)
    rows = listed(source)
    assert rows.find(42) == 42 and rows.find(4242) is None
    assert not rows.is_held(42) and rows.is_held(95)
    rows.set(42, Row(42, "已改"))  # its page read, then the row shown changed
    assert rows.get(42) == Row(42, "已改") and rows.is_held(42)


def test_a_fixed_list_is_one_page_always_held() -> None:
    rows = PagedRows.fixed([Row(1, "a"), Row(2, "b")])
    assert len(rows) == 2 and rows.exhausted and rows.next_page() == []
    assert rows.get(1) == Row(2, "b") and rows.find(1) == 0
    empty: PagedRows[Row] = PagedRows.fixed([])
    assert len(empty) == 0 and empty.held_rows() == 0
