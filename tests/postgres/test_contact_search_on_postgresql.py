"""The contact search on PostgreSQL: middle digits, name and pinyin fragments through pg_trgm,
ranked as on SQLite."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from app.domain.contacts import ContactLabel
from app.services.contacts import book as contacts
from app.services.contacts import search as contact_search
from app.services.context import Context
from app.services.office import office
from tests.postgres.test_shared_server import PG_URL, pg  # noqa: F401 - the fixture

pytestmark = pytest.mark.skipif(not PG_URL, reason="DUTYDESK_TEST_PG_URL not set: no PostgreSQL server")


def names(ctx: Context, query: str) -> list[str]:
    return [h.name for h in contact_search.search(ctx, query, limit=5)]


def test_fragments_on_postgresql(pg: Context) -> None:  # noqa: F811
    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))
    root = contacts.list_units(admin)[0].id
    for name, mobile in (("张三", "13900001234"), ("单雄信", "13700004444"), ("阿不都热合曼", "13512345678")):
        contacts.save_person(admin, None, contacts.PersonInput(name, root, "科员",
                                                               [(ContactLabel.MOBILE, mobile)]))
    assert names(admin, "1234")[0] == "张三"  # the last four
    assert names(admin, "5123456") == ["阿不都热合曼"]  # the middle of a number
    assert names(admin, "都热合") == ["阿不都热合曼"]
    assert names(admin, "热合") == ["阿不都热合曼"]
    assert names(admin, "xiongxin") == ["单雄信"]
    assert names(admin, "88001234")[0] == "江州市应急管理局"  # the unit's duty phone
    with admin.db.read() as s:
        indexes = set(s.scalars(text("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%_trgm'")))
    assert {"ix_contact_point_digits_trgm", "ix_person_name_trgm", "ix_person_pinyin_key_trgm"} <= indexes
