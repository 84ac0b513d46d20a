"""The record's statistics counted by the database, by office-time month; late and missed page by page."""

from __future__ import annotations

import datetime as dt

from app.domain.enums import DeadlineOutcome
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines.listing import CLOSED


def _closed(ctx: Context, what: str, due: dt.datetime, outcome: str) -> int:
    """A deadline already closed (written straight into the table, as years of them would be)."""
    from app.models import Deadline

    with ctx.db.write() as s:
        row = Deadline(what=what, report_kind="initial", channel="phone", due_at=due,
                       created_at=due - dt.timedelta(hours=1), outcome=outcome,
                       met_at=None if outcome == "missed" else due, met_how="电话", met_by="x",
                       closed_reason="", acknowledged_by="", acknowledged_stage="",
                       acknowledge_reason="")
        s.add(row)
        s.flush()
        return row.id


def test_months_are_the_office_s_and_counted_by_the_database(office_ctx: Context) -> None:
    utc = dt.UTC
    # 2026-10-31 16:30 UTC is 2026-11-01 00:30 in Shanghai: November's, not October's
    _closed(office_ctx, "a", dt.datetime(2026, 10, 31, 16, 30, tzinfo=utc), "on_time")
    _closed(office_ctx, "b", dt.datetime(2026, 10, 31, 15, 30, tzinfo=utc), "late")
    _closed(office_ctx, "c", dt.datetime(2026, 8, 2, 3, 0, tzinfo=utc), "missed")
    _closed(office_ctx, "d", dt.datetime(2026, 8, 3, 3, 0, tzinfo=utc), "cancelled")
    months = deadlines.month_stats(office_ctx)
    assert [(m.month, m.total, m.on_time, m.late, m.missed) for m in months] == [
        ("2026-08", 1, 0, 0, 1), ("2026-10", 1, 0, 1, 0), ("2026-11", 1, 1, 0, 0)]
    assert [m.on_time_rate for m in months] == [0.0, 0.0, 1.0]
    assert deadlines.month_stats(office_ctx) == deadlines.statistics(office_ctx)[0]
    assert CLOSED == ("on_time", "late", "missed")


def test_no_deadlines_no_months(office_ctx: Context) -> None:
    assert deadlines.month_stats(office_ctx) == []


def test_late_and_missed_come_a_page_at_a_time(office_ctx: Context) -> None:
    base = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    ids = [_closed(office_ctx, f"p{n}", base + dt.timedelta(days=n), ("late", "missed", "on_time")[n % 3])
           for n in range(9)]
    problems = [i for n, i in enumerate(ids) if n % 3 != 2]
    assert deadlines.count_problems(office_ctx) == 6
    first = deadlines.problems_page(office_ctx, 0, 4)
    rest = deadlines.problems_page(office_ctx, 4, 4)
    assert [d.id for d in first + rest] == problems
    assert {d.outcome for d in first} == {DeadlineOutcome.LATE, DeadlineOutcome.MISSED}
    assert [d.id for d in deadlines.statistics(office_ctx)[1]] == problems


def test_a_page_is_read_again_by_its_deadlines_ids(office_ctx: Context) -> None:
    base = dt.datetime(2026, 6, 1, tzinfo=dt.UTC)
    ids = [_closed(office_ctx, f"p{n}", base + dt.timedelta(days=n), "late") for n in range(5)]
    page = deadlines.list_page(office_ctx, 1, 3)
    again = deadlines.by_ids(office_ctx, [d.id for d in page] + [999_999])  # one never was
    assert sorted(again, key=lambda d: d.id) == sorted(page, key=lambda d: d.id)
    assert [d.id for d in page] == ids[3:0:-1]  # newest first, from the second
