"""The Progress helpers used by long jobs."""

from __future__ import annotations

import pytest

from app.domain.progress import Cancelled, Throttled


def test_throttled_reports_every_n_and_the_last() -> None:
    seen: list[tuple[int, int | None]] = []
    t = Throttled(lambda done, total=None, what="": seen.append((done, total)), total=1200, every=500)
    for _ in range(1200):
        t.step()
    assert seen == [(500, 1200), (1000, 1200), (1200, 1200)]


def test_a_cancel_raised_by_the_reporter_stops_the_job() -> None:
    def reporter(done: int, total: int | None = None, what: str = "") -> None:
        if done >= 10:
            raise Cancelled

    t = Throttled(reporter, total=None, every=5)
    with pytest.raises(Cancelled):
        for _ in range(100):
            t.step()
    assert t.done == 10
