"""The statistics, the year's notice and the periodic documents' content on PostgreSQL: the same
SQL (CASE month buckets, FILTER, NULLIF) gives the same numbers as the raw rows."""

from __future__ import annotations

import datetime as dt

import pytest

from app.cli.stats import as_json
from app.domain.report_outline import DocumentKind
from app.services import stats
from app.services.context import Context
from app.services.office import office
from app.services.roster import calendar as roster_calendar
from app.services.roster import notice
from app.services.stats import report_content, report_filing
from tests.postgres.test_shared_server import PG_URL, pg  # noqa: F401 - the fixture
from tests.services.roster.notice_2027 import rows
from tests.services.stats.records import fill, recompute

pytestmark = pytest.mark.skipif(not PG_URL, reason="DUTYDESK_TEST_PG_URL not set: no PostgreSQL server")
D = dt.date


def test_statistics_notice_and_report_on_postgresql(pg: Context) -> None:  # noqa: F811
    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))
    fill(admin, 9, n=200)
    for start, end in ((D(2026, 1, 1), D(2026, 12, 31)), (D(2025, 12, 15), D(2026, 2, 10))):
        assert as_json(stats.compute(admin, start, end)) == recompute(admin, start, end)
    notice.enter_year(admin, 2027, rows())
    assert roster_calendar.calendar_year(admin, 2027).known
    doc = report_content.assemble(admin, DocumentKind.QUARTERLY, 2026, 2)
    assert [t.number for t in doc.tables()] == list(range(1, len(doc.tables()) + 1))
    assert report_filing.file_quarterly(admin, 2026, 2).deadline.outcome.value == "late"
