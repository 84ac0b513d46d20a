"""A database made before the contact book gets search keys and contact points on upgrade."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import text

from app.models import schema
from app.models.db import Database, resolve_url
from app.services.office import health


def test_upgrade_fills_keys_and_numbers(db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    db_path.parent.mkdir(parents=True)
    db = Database(resolve_url(db_path))
    schema.upgrade(db, "0003")
    with db.engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO organization (id, parent_id, name, kind, duty_phone, fax, address, sort_order, version) "
            "VALUES (1, NULL, '江州市', 'city', '0576-88000001', '', '', 0, 1)"))
        conn.execute(text(
            "INSERT INTO person (id, organization_id, name, title, mobile, office_phone, notes, version) "
            "VALUES (1, 1, '曾国藩', '市长', '13900000001', '0576-88000002', '', 1)"))
    db.dispose()
    opened = health.open_database(db_path, clock)
    try:
        with opened.db.engine.connect() as conn:
            person = conn.execute(text("SELECT pinyin_key, initials_key, digits_key FROM person")).one()
            org = conn.execute(text("SELECT pinyin_key, initials_key FROM organization")).one()
            points = conn.execute(text(
                "SELECT person_id, organization_id, label, digits FROM contact_point ORDER BY id")).all()
        assert tuple(person) == ("zengguofan", "zgf", "13900000001 057688000002")
        assert tuple(org) == ("jiangzhoushi", "jzs")
        assert [tuple(p) for p in points] == [(None, 1, "duty", "057688000001"),
                                              (1, None, "mobile", "13900000001"),
                                              (1, None, "office", "057688000002")]
    finally:
        opened.db.dispose()
