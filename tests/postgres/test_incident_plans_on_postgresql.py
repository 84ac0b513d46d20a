"""The activated plan and the periodic documents on PostgreSQL: the plan found by name and unit,
the list's outer join to the register, the report's measures, the quarterly report laid out."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import report_document
from app.domain.gongwen import Table
from app.domain.incident_facts import PlanRef
from app.domain.plans import PlanType
from app.domain.report_outline import DocumentKind
from app.services.context import Context
from app.services.incidents import listing
from app.services.office import office
from app.services.stats import report_content
from tests.postgres.test_shared_server import PG_URL, pg  # noqa: F401 - the fixture
from tests.services.incidents.inputs import record
from tests.services.plans.fixtures import plan, units
from tests.services.stats.records import fill

pytestmark = pytest.mark.skipif(not PG_URL, reason="DUTYDESK_TEST_PG_URL not set: no PostgreSQL server")


def test_the_activated_plan_and_the_quarterly_document_on_postgresql(pg: Context) -> None:  # noqa: F811
    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))
    made = units(admin)
    flood = "江州市防汛抗旱应急预案"
    plan(admin, flood, PlanType.SPECIAL, made["江州市水利局"], dt.date(2024, 3, 1))
    district = plan(admin, flood, PlanType.DEPARTMENT, made["东湖区"], dt.date(2024, 5, 1))
    info = record(admin, activated_plan={"name": flood, "unit": "东湖区"}, response_level="Ⅲ级响应")
    assert info.facts.activated_plan == PlanRef(district.id, flood)
    assert f"已启动《{flood}》Ⅲ级响应。" in info.reports[0].text
    (row,) = listing.list_page(admin, listing.ListFilter(), 0, 10)
    assert (row.plan_id, row.plan, row.response_level) == (district.id, flood, "III")
    fill(admin, 11, n=80)
    doc = report_document.compose(report_content.assemble(admin, DocumentKind.QUARTERLY, 2026, 4))
    tables = [b for b in doc.paragraphs if isinstance(b, Table)]
    assert tables and all(t.caption.startswith(f"表{n}　") for n, t in enumerate(tables, start=1))
