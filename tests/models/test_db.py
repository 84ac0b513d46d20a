"""The engine's pragmas, UTC storage and the version column."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from sqlalchemy import select, text

from app.domain.errors import StaleRecord
from app.models import Office, User
from app.models.db import resolve_url
from app.services.context import Context
from app.services.office import office


def test_sqlite_pragmas(ctx: Context) -> None:
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 10000


def test_times_are_stored_in_utc_and_read_back_aware(office_ctx: Context) -> None:
    shanghai = dt.timezone(dt.timedelta(hours=8))
    local = dt.datetime(2026, 11, 28, 9, 30, tzinfo=shanghai)
    with office_ctx.db.write() as s:
        s.scalars(select(User)).first().last_sign_in = local  # type: ignore[union-attr]
    with office_ctx.db.engine.connect() as conn:
        raw = conn.exec_driver_sql("SELECT last_sign_in FROM app_user").scalar()
    assert str(raw).startswith("2026-11-28 01:30:00")
    with office_ctx.db.read() as s:
        back = s.scalars(select(User)).first().last_sign_in  # type: ignore[union-attr]
    assert back == local and back.tzinfo is not None


def test_naive_datetime_is_refused(office_ctx: Context) -> None:
    with pytest.raises(Exception, match="naive"), office_ctx.db.write() as s:
        s.scalars(select(User)).first().last_sign_in = dt.datetime(2026, 1, 1)  # type: ignore[union-attr]
        s.flush()


def test_a_concurrent_edit_fails_loudly(office_ctx: Context) -> None:
    info = office.get_office(office_ctx)
    assert info is not None
    office.update_office(office_ctx, expected_version=info.version, name="江州市应急管理局（值班室）",
                         duty_phone=info.duty_phone, fax=info.fax, timezone=info.timezone)
    with pytest.raises(StaleRecord):  # the second workstation still holds the old version
        office.update_office(office_ctx, expected_version=info.version, name="别的名字",
                             duty_phone=info.duty_phone, fax=info.fax, timezone=info.timezone)
    assert office.get_office(office_ctx).name == "江州市应急管理局（值班室）"  # type: ignore[union-attr]


def test_version_column_catches_a_write_behind_the_orms_back(office_ctx: Context) -> None:
    """Another workstation's commit bumps the version; this flush then matches no row, and the
    database boundary says so in the operator's words."""
    with pytest.raises(StaleRecord, match="已被他人修改"), office_ctx.db.write() as s:
        row = s.scalars(select(Office)).one()
        s.execute(text("UPDATE office SET version = version + 1, fax = '0576-1111111'"))
        row.fax = "0576-2222222"
        s.flush()
    assert office.get_office(office_ctx).fax == "0576-88001235"  # type: ignore[union-attr]


def test_write_transactions_take_the_write_lock_at_begin(office_ctx: Context) -> None:
    """BEGIN IMMEDIATE: a second writer waits instead of failing or interleaving."""
    db = office_ctx.db
    order: list[str] = []
    entered = threading.Event()

    def first() -> None:
        with db.write() as s:
            s.execute(select(Office)).all()
            entered.set()
            order.append("first-start")
            threading.Event().wait(0.3)
            order.append("first-end")

    t = threading.Thread(target=first)
    t.start()
    entered.wait(5)
    with db.write() as s:
        s.execute(select(Office)).all()
        order.append("second")
    t.join()
    assert order == ["first-start", "first-end", "second"]


def test_server_password_comes_from_the_keyring(isolated) -> None:  # type: ignore[no-untyped-def]
    isolated.set_password("dutydesk", "duty@db.example", "s3cret")
    url = resolve_url("postgresql+psycopg://duty@db.example/dutydesk")
    assert url.password == "s3cret"
    assert "s3cret" not in url.render_as_string(hide_password=True)
    assert resolve_url("postgresql+psycopg://stranger@db.example/dutydesk").password is None
