"""The same program on PostgreSQL: migrations, the demo office, the chains, the features.

Runs when DUTYDESK_TEST_PG_URL names an empty database we may fill (``.ci/run`` starts a
throwaway server on loopback); otherwise it is skipped and says so.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from sqlalchemy import text

from app.demo import build as demo
from app.domain.clock import FixedClock
from app.services.contacts import search as contact_search
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit, health, users
from app.services.roster import schedule as roster
from tests.services.incidents import inputs

PG_URL = os.environ.get("DUTYDESK_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not PG_URL, reason="DUTYDESK_TEST_PG_URL not set: no PostgreSQL server")


@pytest.fixture
def pg() -> Context:  # type: ignore[misc]
    from sqlalchemy import create_engine

    engine = create_engine(PG_URL)  # type: ignore[arg-type]
    with engine.begin() as conn:  # start from an empty schema
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    opened = health.open_database(PG_URL, FixedClock(dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)))
    ctx = Context(opened.db, FixedClock(dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)), Actor.command_line())
    yield ctx
    opened.db.dispose()


def test_the_demo_office_runs_on_postgresql(pg: Context) -> None:
    demo.create_demo(pg)
    report = health.check(PG_URL)
    assert report.ok, report.lines
    admin = pg.acting_as(users.authenticate(pg, "admin", "admin-2026"))
    info = inputs.record(admin)
    assert any(d.incident_number == info.number for d in deadlines.list_open(admin))
    assert roster.on_duty(admin).current is not None
    assert contact_search.search(admin, "zs", limit=5)
    assert audit.verify(admin).ok


def test_a_concurrent_edit_fails_loudly_on_postgresql(pg: Context) -> None:
    from app.domain.errors import StaleRecord
    from app.services.office import office

    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))
    info = office.get_office(admin)
    office.update_office(admin, expected_version=info.version, name="甲", duty_phone=info.duty_phone,  # type: ignore[union-attr]
                         fax="", timezone="Asia/Shanghai")
    with pytest.raises(StaleRecord):
        office.update_office(admin, expected_version=info.version, name="乙",  # type: ignore[union-attr]
                             duty_phone=info.duty_phone, fax="", timezone="Asia/Shanghai")  # type: ignore[union-attr]


def test_the_plans_register_runs_on_postgresql(pg: Context, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from app.models import Base, search
    from app.services.plans import register, stats, workbook

    with pg.db.engine.connect() as conn:  # migration 0009 (plans) built what the models say, here too
        # the full-text indexes are the migrations' alone (app/models/search.py)
        opts = {"include_name": lambda name, _kind, _parent: not search.is_search_object(name)}
        assert compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata) == []
    demo.create_demo(pg)
    admin = pg.acting_as(users.authenticate(pg, "admin", "admin-2026"))
    plans = register.list_plans(admin)
    assert len(plans) > 30 and any(p.overdue(dt.date(2026, 11, 28)) for p in plans)
    out = tmp_path / "plans.xlsx"
    assert workbook.export_plans(admin, out) == len(plans)
    assert workbook.import_plans(admin, out).unchanged == len(plans)
    year = stats.counts(admin, dt.date(2026, 1, 1), dt.date(2026, 12, 31))
    assert year.drills > 0 and year.trainings > 0


def test_the_report_chain_runs_on_postgresql(pg: Context) -> None:
    """Sendings, the follow-up clock with its unique slot, the final report (issue 11)."""
    from dataclasses import replace

    from sqlalchemy.exc import IntegrityError

    from app.domain.enums import Channel, DeadlineOutcome, Means
    from app.domain.sendings import SendingInput
    from app.models import Deadline
    from app.services.incidents import chain, sending
    from app.services.incidents import intake as incidents
    from app.services.office import office

    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))
    info = inputs.record(admin, level="重大", category="accident", subtype="industrial", deaths=12,
                         trapped=None)
    first = info.reports[0]
    phoned = sending.send(admin, first.id, SendingInput(Channel.PHONE, "市政府总值班室"))
    faxed = sending.send(admin, first.id, SendingInput(Channel.WRITTEN, "市政府总值班室", Means.FAX, "张副局长"))
    assert [m.outcome for m in (*phoned.met, *faxed.met)] == [DeadlineOutcome.ON_TIME] * 2
    follow = chain.follow_up(admin, info.number, replace(incidents.get(admin, info.number).facts, deaths=13))
    sending.send(admin, follow.id, SendingInput(Channel.WRITTEN, "市政府总值班室", Means.SYSTEM, "张副局长"))
    with pytest.raises(IntegrityError), admin.db.write() as s:
        taken = s.query(Deadline).filter(Deadline.slot.is_not(None)).first()
        s.add(Deadline(what="x", report_kind="follow-up", channel="written", incident_id=taken.incident_id,
                       due_at=taken.due_at, created_at=taken.created_at, slot=taken.slot))
    chain.final(admin, info.number, replace(incidents.get(admin, info.number).facts, outcome="险情排除"))
    assert incidents.get(admin, info.number).status == "closed"
    assert not [d for d in deadlines.list_open(admin) if d.incident_number == info.number]


def test_on_a_server_the_anchors_table_is_insert_only_and_catches_a_rewrite(pg: Context) -> None:
    from sqlalchemy import exc as sa_exc

    from app.services.dutylog import entries as dutylog
    from app.services.office import anchors, office

    admin = pg.acting_as(office.set_up(pg, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))
    for i in range(4):
        dutylog.append(admin, f"第 {i} 次巡查")
    printed = anchors.record(admin, "handover").code
    assert health.check(PG_URL).ok
    for statement in ("UPDATE chain_anchor SET why = 'x'", "DELETE FROM chain_anchor",
                      "TRUNCATE chain_anchor"):
        with pytest.raises(sa_exc.DatabaseError, match="only ever inserted"), \
                pg.db.engine.begin() as conn:
            conn.execute(text(statement))
    with pg.db.engine.begin() as conn:  # cut the newest entry and fix the head
        conn.execute(text("DELETE FROM duty_log_entry WHERE seq = 4"))
        conn.execute(text("UPDATE chain_head SET seq = 3, hash = (SELECT hash FROM duty_log_entry "
                          "WHERE seq = 3) WHERE chain = 'duty_log'"))
    report = health.check(PG_URL)
    assert not report.ok and any("值班日志第 4 条已不存在" in line for line in report.lines)
    report = health.check(PG_URL, (printed,))
    assert any(f"链锚码 {printed} 与记录链不符" in line for line in report.lines)
