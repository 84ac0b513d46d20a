"""Migration 0009_plans: the register's tables, and on incidents the plan they activated, added
in place to a database at 0008 whose incidents stay as they were; and back down again."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from sqlalchemy import inspect, text

from app.models import schema
from app.models.db import Database, resolve_url


def test_an_0008_database_gains_the_register_and_keeps_its_incidents(tmp_path: Path) -> None:
    db = Database(resolve_url(tmp_path / "old.db"))
    try:
        schema.upgrade(db, "0008")
        with db.engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO incident (id, number, kind, status, title, received_at, source, "
                "source_person, source_title, source_phone, location, nature, impact, deaths, "
                "serious_injuries, injuries, missing, trapped, trend, measures, next_steps, "
                "leaders_on_site, notified, outcome, aftermath, assessment, is_drill, sensitive, "
                "missing_elements, recorded_by, version) VALUES (1, '2026-0001', 'event', 'open', "
                "'城关镇民房火灾', '2026-11-28 01:00:00', '', '', '', '', '', '', '', 0, 0, 0, 0, 0, "
                "'', '', '', '', '', '', '', '', 0, 0, '[]', '', 1)"))
        schema.upgrade(db)
        with db.engine.connect() as conn:
            row = conn.execute(text("SELECT number, title, activated_plan_id, response_level "
                                    "FROM incident")).one()
            tables = set(inspect(conn).get_table_names())
            keys = inspect(conn).get_foreign_keys("incident")
        assert tuple(row) == ("2026-0001", "城关镇民房火灾", None, None)
        assert {"plan", "plan_review", "drill", "drill_unit", "corrective_action", "training",
                "training_participant"} <= tables
        assert {"referred_table": "plan", "constrained_columns": ["activated_plan_id"]}.items() <= \
            next(k for k in keys if k["referred_table"] == "plan").items()
        config = schema.alembic_config(db)
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            conn.commit()
            with conn.begin():
                config.attributes["connection"] = conn
                command.downgrade(config, "0008")
            columns = {c["name"] for c in inspect(conn).get_columns("incident")}
            assert "activated_plan_id" not in columns and "plan" not in inspect(conn).get_table_names()
            assert conn.execute(text("SELECT title FROM incident")).scalar() == "城关镇民房火灾"
    finally:
        db.dispose()
