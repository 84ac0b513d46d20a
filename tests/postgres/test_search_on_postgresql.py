"""Incident search and the deadline statistics on PostgreSQL: pg_trgm serves the same words,
the month statistics count the same closed deadlines."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import text

from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import listing
from app.services.office import office
from tests.postgres.test_shared_server import PG_URL, pg  # noqa: F401 - the fixture
from tests.services.incidents.test_search import fill, found

pytestmark = pytest.mark.skipif(not PG_URL, reason="DUTYDESK_TEST_PG_URL not set: no PostgreSQL server")


class _Clock:
    """Moves the fill along (the server's rows carry the real time)."""

    def advance(self, _by: dt.timedelta) -> None:
        pass


def test_search_and_statistics_on_postgresql(pg: Context) -> None:  # noqa: F811
    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))
    fill(admin, _Clock())
    assert found(admin, "山体滑坡") == ["西山县石门镇山体滑坡"]
    assert found(admin, "g320") == ["南湖县G320国道多车相撞"]
    assert sorted(found(admin, "湖")) == sorted(["东湖区燃气泄漏 \"100%\" 关阀", "南湖县G320国道多车相撞"])
    assert found(admin, "0%") == ["东湖区燃气泄漏 \"100%\" 关阀"]
    assert found(admin, "湖县G", category="natural") == []
    assert listing.status_counts(admin, listing.ListFilter(text="湖县G")) == {"open": 1}
    whole = listing.list_page(admin, listing.ListFilter(), 0, 10)  # the next page after a row
    assert listing.list_page(admin, listing.ListFilter(), 0, 2, after=whole[0]) == whole[1:3]
    with admin.db.read() as s:
        names = set(s.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'")))
    assert {"ix_incident_title_trgm", "ix_duty_log_entry_text_trgm"} <= names
    a = deadlines.create(admin, what="甲", due_at=admin.clock.now() + dt.timedelta(minutes=30))
    deadlines.meet(admin, a.id, how="电话")
    (month,) = deadlines.month_stats(admin)
    assert (month.total, month.on_time) == (1, 1)


def test_pages_deep_and_read_again_by_id_on_postgresql(pg: Context) -> None:  # noqa: F811
    from app.services.contacts import freshness
    from app.services.dutylog import entries as dutylog
    from app.services.dutylog import search as log_search

    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       fax="0576-88001235", admin_username="admin",
                                       admin_name="王建国", admin_password="admin-pass-1"))
    fill(admin, _Clock())
    f = listing.ListFilter()
    whole = listing.list_page(admin, f, 0, 10)
    assert [r for n in range(3) for r in listing.list_page(admin, f, n, 1)] == whole
    assert sorted(listing.rows_by_id(admin, [r.id for r in whole]), key=whole.index) == whole
    numbers = freshness.stale_numbers(admin, 0)
    assert [s for n in range(len(numbers)) for s in freshness.stale_numbers(admin, 0, offset=n, limit=1)] \
        == numbers and len(numbers) == 2
    assert sorted(freshness.numbers_by_id(admin, [s.id for s in numbers]), key=numbers.index) == numbers
    a = deadlines.create(admin, what="甲", due_at=admin.clock.now() + dt.timedelta(minutes=30))
    assert deadlines.by_ids(admin, [a.id, 999_999]) == [a]
    entry = dutylog.append(admin, "第一条")
    assert [e.id for e in log_search.entries_by_id(admin, [entry.id])] == [entry.id]
