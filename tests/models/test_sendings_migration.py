"""Migration 0009_sendings: a report sent in the one-sending columns becomes its first sending,
duplicate follow-up slots keep one, unknown figures become possible, and back again."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from app.models import schema
from app.models.db import Database, resolve_url

_AT = "2026-11-28 01:50:00.000000"


def _at_0008(db: Database) -> None:
    schema.upgrade(db, "0008")
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO incident (id, number, kind, status, title, received_at, source, source_person, "
            "source_title, source_phone, location, nature, impact, deaths, serious_injuries, injuries, missing, "
            "trapped, trend, measures, next_steps, leaders_on_site, notified, outcome, aftermath, assessment, "
            "is_drill, sensitive, missing_elements, recorded_by, version) VALUES (1, '2026-0001', 'event', "
            "'open', '储罐爆燃', '2026-11-28 01:20:00.000000', '', '', '', '', '', '', '', 12, 0, 0, 0, 0, '', '', "
            "'', '', '', '', '', '', false, false, '[]', 'officer1', 1)"))
        conn.execute(text(
            "INSERT INTO report (id, incident_id, kind, seq, created_at, content, text, sent_at, channel, "
            "sent_how, sent_to, issued_by, recorded_by, version) VALUES "
            f"(1, 1, 'initial', 0, '{_AT}', '{{}}', '首报', '{_AT}', 'written', '传真', '市政府总值班室', '张副局长', 'officer1', 1), "
            f"(2, 1, 'follow-up', 1, '{_AT}', '{{}}', '续报一', NULL, 'written', '', '', '', 'officer1', 1)"))
        for i in (1, 2, 3):
            conn.execute(text(
                "INSERT INTO deadline (id, what, report_kind, channel, incident_id, rule_profile, due_at, created_at, "
                "outcome, met_how, met_by, closed_reason, acknowledged_by, acknowledged_stage, acknowledge_reason, version) "
                f"VALUES ({i}, '续报', 'follow-up', 'written', 1, 'default', '2026-11-28 09:00:00.000000', '{_AT}', "
                "'open', '', '', '', '', '', '', 1)"))


def _check(db: Database) -> None:
    schema.upgrade(db)
    with db.engine.connect() as conn:
        sendings = conn.execute(text('SELECT report_id, channel, means, "to", issued_by FROM sending')).all()
        slots = conn.execute(text("SELECT id, slot IS NOT NULL FROM deadline ORDER BY id")).all()
        conn.execute(text("UPDATE incident SET deaths = NULL"))  # unknown is possible now
    assert sendings == [(1, "written", "fax", "市政府总值班室", "张副局长")]
    assert slots == [(1, True), (2, False), (3, False)]  # one deadline keeps the slot


def test_sqlite_upgrades_with_its_sendings(tmp_path: Path) -> None:
    db = Database(resolve_url(tmp_path / "old.db"))
    try:
        _at_0008(db)
        _check(db)
    finally:
        db.dispose()


@pytest.mark.skipif(not os.environ.get("DUTYDESK_TEST_PG_URL"), reason="DUTYDESK_TEST_PG_URL not set")
def test_postgresql_upgrades_with_its_sendings() -> None:
    from sqlalchemy import create_engine

    url = os.environ["DUTYDESK_TEST_PG_URL"]
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    db = Database(resolve_url(url))
    try:
        _at_0008(db)
        _check(db)
    finally:
        db.dispose()


def test_it_goes_back_to_one_sending_per_report(tmp_path: Path) -> None:
    from alembic import command

    db = Database(resolve_url(tmp_path / "old.db"))
    try:
        _at_0008(db)
        schema.upgrade(db)
        cfg = schema.alembic_config(db)
        with db.engine.connect() as conn:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys = OFF")  # as schema.upgrade does
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.downgrade(cfg, "0008")
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT channel, sent_to, issued_by FROM report WHERE id = 1")).one()
        assert tuple(row) == ("written", "市政府总值班室", "张副局长")
    finally:
        db.dispose()
