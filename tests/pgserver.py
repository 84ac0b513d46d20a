"""The PostgreSQL server the shared-office tests use: DUTYDESK_TEST_PG_URL (``.ci/run``
starts a throwaway one on loopback). Tests that need it are skipped, saying so, without it."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text

PG_URL = os.environ.get("DUTYDESK_TEST_PG_URL")
needs_server = pytest.mark.skipif(not PG_URL, reason="DUTYDESK_TEST_PG_URL not set: no PostgreSQL server")


def empty_schema() -> str:
    """Empty the test database (schema ``public`` dropped and made again); its URL."""
    assert PG_URL
    engine = create_engine(PG_URL)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return PG_URL
