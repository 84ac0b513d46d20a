"""A database at the first migration upgrades to head with its data intact."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import text

from app.models import schema
from app.models.db import Database, resolve_url
from app.services.context import Context
from app.services.office import audit, backup, health, users


def _database_at_first_revision(path: Path) -> None:
    db = Database(resolve_url(path))
    schema.upgrade(db, "0001")
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO organization (id, parent_id, name, kind, duty_phone, fax, address, version) "
            "VALUES (1, NULL, '江州市', 'city', '0576-1', '', '', 1), "
            "(2, 1, '东湖区', 'district', '0576-2', '', '人民路1号', 1)"))
        conn.execute(text(
            "INSERT INTO office (id, name, duty_phone, fax, timezone, version) "
            "VALUES (1, '江州市应急管理局', '0576-88001234', '', 'Asia/Shanghai', 3)"))
        conn.execute(text(
            "INSERT INTO person (id, organization_id, name, title, mobile, office_phone, notes, version) "
            "VALUES (1, 2, '单雄信', '区长', '13900000001', '', '', 1)"))
    assert schema.current_revision(db) == "0001"
    db.dispose()


def test_first_revision_upgrades_to_head_with_data_intact(db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    db_path.parent.mkdir(parents=True)
    _database_at_first_revision(db_path)
    opened = health.open_database(db_path, clock)
    db = opened.db
    try:
        assert opened.migrated_from == "0001"
        assert schema.current_revision(db) == schema.head_revision(db)
        # a backup was taken before the migration, and it is still at the old revision
        assert opened.backup_taken is not None and opened.backup_taken.exists()
        assert backup.list_backups(db_path)[0].kind == "premigration"
        with db.engine.connect() as conn:
            people = conn.execute(text("SELECT name, organization_id FROM person")).all()
            orgs = conn.execute(text("SELECT id, parent_id, sort_order FROM organization ORDER BY id")).all()
            office = conn.execute(text("SELECT name, version, organization_id FROM office")).one()
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert people == [("单雄信", 2)]  # the children survived the batch rebuild of a parent
        assert orgs == [(1, None, 0), (2, 1, 0)]
        assert office == ("江州市应急管理局", 3, None)
        old = Database(resolve_url(opened.backup_taken))
        assert schema.current_revision(old) == "0001"
        old.dispose()
    finally:
        db.dispose()


def test_new_database_is_created_at_head(ctx: Context) -> None:
    assert schema.current_revision(ctx.db) == schema.head_revision(ctx.db)


def test_migrated_database_is_usable(db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    from app.services.office import office

    db_path.parent.mkdir(parents=True)
    _database_at_first_revision(db_path)
    opened = health.open_database(db_path, clock)
    ctx = Context(opened.db, clock)
    try:
        assert office.needs_setup(ctx)  # an office but no user yet
        clock.advance(dt.timedelta(minutes=1))
        with ctx.db.write() as s:
            from app.services.context import Actor

            users.add_user_in(s, ctx.acting_as(Actor.command_line()), username="admin",
                              display_name="管理员", role="admin", password="admin-pass-1")
        assert audit.verify(ctx).ok
    finally:
        opened.db.dispose()


def test_the_quick_revision_reading_agrees_with_alembic(ctx: Context) -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(schema.alembic_config(ctx.db))
    assert schema.head_revision() == script.get_current_head()
    assert schema.known_revisions() == {r.revision for r in script.walk_revisions()}


def test_follow_ups_numbered_twice_are_renumbered_and_counters_start_where_numbers_are(
        db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    """Before the shared office, two workstations could number follow-ups alike: the upgrade
    numbers them in the order written, and the counters go on from the numbers held."""
    db_path.parent.mkdir(parents=True)
    db = Database(resolve_url(db_path))
    schema.upgrade(db, "0008")
    now = "2026-11-28 01:30:00"
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO incident (id, number, kind, status, title, received_at, source, source_person,"
            " source_title, source_phone, location, nature, impact, deaths, serious_injuries, injuries,"
            " missing, trapped, trend, measures, next_steps, leaders_on_site, notified, outcome,"
            " aftermath, assessment, is_drill, sensitive, missing_elements, recorded_by, version) VALUES "
            f"(1, '2026-0007', 'event', 'open', '滑坡', '{now}', '', '', '', '', '', '', '', 0, 0, 0, 0, 0,"
            " '', '', '', '', '', '', '', '', 0, 0, '[]', 'admin', 1)"))
        for report_id, seq in ((1, 1), (2, 2), (3, 2), (4, 3)):
            conn.execute(text(
                "INSERT INTO report (id, incident_id, kind, seq, created_at, content, text, channel, sent_how,"
                " sent_to, issued_by, recorded_by, version) VALUES "
                f"({report_id}, 1, 'follow-up', {seq}, '{now}', '{{}}', '', 'written', '', '', '', '', 1)"))
    db.dispose()
    opened = health.open_database(db_path, clock)
    try:
        with opened.db.engine.connect() as conn:
            seqs = conn.execute(text("SELECT id, seq FROM report ORDER BY id")).all()
            counters = dict(conn.execute(text("SELECT name, value FROM counter")).all())
        assert seqs == [(1, 1), (2, 2), (3, 3), (4, 4)]
        assert counters == {"incident:2026": 7, "follow-up:1": 4}
    finally:
        opened.db.dispose()
