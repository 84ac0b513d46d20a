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
    with admin.db.read() as s:
        names = set(s.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'")))
    assert {"ix_incident_title_trgm", "ix_duty_log_entry_text_trgm"} <= names
    a = deadlines.create(admin, what="甲", due_at=admin.clock.now() + dt.timedelta(minutes=30))
    deadlines.meet(admin, a.id, how="电话")
    (month,) = deadlines.month_stats(admin)
    assert (month.total, month.on_time) == (1, 1)
