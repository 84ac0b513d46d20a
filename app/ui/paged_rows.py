"""A lazy list's rows, held a window of pages at a time: memory stays bounded however far the
operator scrolls (issue 19). Plain Python; the Qt side is ``table_model.PagedModel``."""

from __future__ import annotations

import bisect
from array import array
from collections import OrderedDict
from collections.abc import Callable
from operator import attrgetter
from typing import Any, Generic, TypeVar

T = TypeVar("T")

PAGE = 200  # rows read at a time
WINDOW = 8  # pages held at most: the rows on screen and the thousand or so around them that a
# view sizing its columns to their contents reads (QHeaderView.resizeContentsPrecision)

by_id: Callable[[Any], int] = attrgetter("id")


class PagedRows(Generic[T]):
    """The rows ``fetch(offset, limit)`` lists, read a page at a time as the view asks for more
    (``next_page`` then ``append``); only the ``window`` pages touched last hold their rows. A
    page let go is read again through the same ``fetch`` when one of its rows is wanted.

    Every row listed keeps its key (``key(row)``, the record's id: 8 bytes a row). With
    ``by_keys`` (the rows of the records of these keys, in any order) a page is read again by its
    keys: the very records shown, as they are now, at any depth without walking to it; a record
    no longer there is None (drawn blank). Without it, a page read again is checked against what
    the view was shown. Rows added or removed above it meanwhile (a
    new audit entry, a number verified) shift it: it is read again at the shifted offset, and
    later pages are read there too. When its rows changed otherwise (one left the list, more
    arrived than a page), what was on the page is matched by key and a row no longer there is
    None (drawn blank) until the list is read again; with nothing in common, the page shows what
    is now at its place.
    """

    def __init__(self, fetch: Callable[[int, int], list[T]] | None = None, page: int = PAGE,
                 window: int = WINDOW, key: Callable[[T], int] = by_id,
                 by_keys: Callable[[list[int]], list[T]] | None = None) -> None:
        self.fetch = fetch
        self.by_keys = by_keys
        self.page = page
        self.window = max(1, window)
        self.key = key
        self.keys = array("q")  # the key of every row listed, by row
        self.starts = array("q")  # the first row of each page, by page
        self.held: OrderedDict[int, list[T | None]] = OrderedDict()  # page → its rows, LRU last
        self.shift = 0  # rows added (+) or removed (−) above the listed ones since listing
        self.exhausted = fetch is None
        self.reads = 0  # pages read again (tests, benches)

    @classmethod
    def fixed(cls, rows: list[T], key: Callable[[T], int] = by_id) -> PagedRows[T]:
        """A short list given whole (search results, the open deadlines): one page, always held."""
        out: PagedRows[T] = cls(None, max(1, len(rows)), 1, key)
        out.append(list(rows))
        return out

    def __len__(self) -> int:
        return len(self.keys)

    def held_rows(self) -> int:
        return sum(len(rows) for rows in self.held.values())

    def next_page(self) -> list[T]:
        """Read the page after the listed rows (``append`` lists it); [] at the end."""
        if self.fetch is None or self.exhausted:
            return []
        rows = self.fetch(len(self) + self.shift, self.page)
        self.exhausted = len(rows) < self.page
        return rows

    def append(self, rows: list[T]) -> None:
        if not rows:
            return
        self.starts.append(len(self))
        self.keys.extend(self.key(r) for r in rows)
        self._hold(len(self.starts) - 1, list(rows))

    def get(self, row: int) -> T | None:
        """The row ``row`` (0 ≤ row < len), its page read again if it was let go."""
        n = bisect.bisect_right(self.starts, row) - 1
        rows = self.held.get(n)
        if rows is None:
            rows = self._reread(n)
        else:
            self.held.move_to_end(n)
        return rows[row - self.starts[n]]

    def is_held(self, row: int) -> bool:
        return bisect.bisect_right(self.starts, row) - 1 in self.held

    def set(self, row: int, value: T) -> None:
        """Show ``value`` at ``row`` (a record redrawn in place)."""
        self.get(row)  # its page held
        n = bisect.bisect_right(self.starts, row) - 1
        self.held[n][row - self.starts[n]] = value
        self.keys[row] = self.key(value)

    def find(self, key: int) -> int | None:
        """The row listing the record ``key`` (held or not), None when it is not listed."""
        try:
            return self.keys.index(key)
        except ValueError:
            return None

    def _bounds(self, n: int) -> tuple[int, int]:
        return self.starts[n], self.starts[n + 1] if n + 1 < len(self.starts) else len(self)

    def _hold(self, n: int, rows: list[T | None]) -> list[T | None]:
        self.held[n] = rows
        self.held.move_to_end(n)
        while len(self.held) > self.window:
            self.held.popitem(last=False)
        return rows

    def _reread(self, n: int) -> list[T | None]:
        assert self.fetch is not None, "a fixed list never lets its page go"
        self.reads += 1
        start, end = self._bounds(n)
        shown = self.keys[start:end].tolist()
        if self.by_keys is not None:
            found = {self.key(r): r for r in self.by_keys(shown)}
            return self._hold(n, [found.get(k) for k in shown])
        rows = self.fetch(start + self.shift, len(shown))
        if self._keys(rows) == shown:
            return self._hold(n, list(rows))
        moved = _moved(shown, self._keys(rows))
        if moved:
            self.shift += moved
            rows = [*self.fetch(start + self.shift, len(shown)), *rows]
        return self._hold(n, self._match(start, shown, rows))

    def _keys(self, rows: list[T]) -> list[int]:
        return [self.key(r) for r in rows]

    def _match(self, start: int, shown: list[int], rows: list[T]) -> list[T | None]:
        """The records ``shown`` found among ``rows`` (the first read first), None for a record
        that left; with none in common, the rows read are what the page now shows."""
        if self._keys(rows[:len(shown)]) == shown:
            return list(rows[:len(shown)])
        found: dict[int, T] = {}
        for r in rows:
            found.setdefault(self.key(r), r)
        if not found.keys() & set(shown):
            now = rows[:len(shown)]
            self.keys[start:start + len(now)] = array("q", self._keys(now))
            return [*now, *[None] * (len(shown) - len(now))]
        return [found.get(k) for k in shown]


def _moved(shown: list[int], read: list[int]) -> int:
    """How far the rows ``shown`` moved down (+) or up (−) in ``read``, judged by the first of
    them still there; 0 when none is."""
    where = {k: i for i, k in enumerate(read)}
    for i, k in enumerate(shown):
        if k in where:
            return where[k] - i
    return 0
