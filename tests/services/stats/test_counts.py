"""Every number of the statistics, recomputed from the raw rows in plain Python."""

from __future__ import annotations

import datetime as dt

import pytest

from app.cli.stats import as_json
from app.domain.errors import InputError
from app.domain.progress import Cancelled
from app.services import stats
from app.services.context import Context
from app.services.dutylog import presence
from app.services.office import settings
from app.services.stats.period import Period, quarter
from tests.services.stats.records import ZONE, fill, leaves, recompute

D = dt.date
PERIODS = [
    (D(2026, 1, 1), D(2026, 12, 31)),  # a year
    *(quarter(2026, q) for q in (1, 2, 3, 4)),  # each quarter
    (D(2025, 12, 15), D(2026, 2, 10)),  # across a year's end, months clipped
    (D(2026, 7, 1), D(2026, 7, 1)),  # one day
]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_every_number_is_what_the_raw_rows_say(office_ctx: Context, seed: int) -> None:
    fill(office_ctx, seed)
    compared = 0
    for start, end in PERIODS:
        result = as_json(stats.compute(office_ctx, start, end))
        expected = recompute(office_ctx, start, end)
        assert result == expected, (start, end)
        compared += leaves(expected)
    assert compared > 600  # the records above give every table something to count


def test_the_ring_limit_is_the_offices(office_ctx: Context) -> None:
    fill(office_ctx, 7, n=200)
    settings.put(office_ctx, presence.MAX_RINGS_KEY, 4)
    result = as_json(stats.compute(office_ctx, D(2026, 1, 1), D(2026, 12, 31)))
    assert result == recompute(office_ctx, D(2026, 1, 1), D(2026, 12, 31), ring_limit=4)


def test_an_empty_office_counts_zero_everywhere(office_ctx: Context) -> None:
    result = stats.compute(office_ctx, D(2026, 10, 1), D(2026, 12, 31))
    assert result.incidents.total == 0 and list(result.incidents.by_month) == [
        "2026-10", "2026-11", "2026-12"]
    assert result.deadlines.total.on_time_rate is None  # nothing decided: no rate, not 100 %
    assert result.plans.drills == result.plans.trainings == 0


def test_months_are_the_offices_months(office_ctx: Context) -> None:
    period = Period(D(2026, 1, 31), D(2026, 3, 1), ZONE)
    months = period.months()
    assert [m.key for m in months] == ["2026-01", "2026-02", "2026-03"]
    # 1 February 00:00 in Shanghai is 31 January 16:00 UTC
    assert months[1].starts_at == dt.datetime(2026, 1, 31, 16, 0, tzinfo=dt.UTC)
    assert months[-1].ends_at == dt.datetime(2026, 3, 1, 16, 0, tzinfo=dt.UTC)


def test_a_backwards_period_is_refused(office_ctx: Context) -> None:
    with pytest.raises(InputError) as caught:
        stats.compute(office_ctx, D(2026, 3, 1), D(2026, 1, 1))
    assert caught.value.problems[0].message() == "结束日期早于开始日期。"


def test_progress_is_told_and_may_cancel(office_ctx: Context) -> None:
    seen: list[tuple[int, int | None]] = []

    def progress(done: int, total: int | None = None, what: str = "") -> None:
        seen.append((done, total))
        if done == 3:
            raise Cancelled()

    with pytest.raises(Cancelled):
        stats.compute(office_ctx, D(2026, 1, 1), D(2026, 12, 31), progress)
    assert seen == [(0, 6), (1, 6), (2, 6), (3, 6)]
