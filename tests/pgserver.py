"""The PostgreSQL server the shared-office tests use: DUTYDESK_TEST_PG_URL (``.ci/run``
starts a throwaway one on loopback). Tests that need it are skipped, saying so, without it."""

from __future__ import annotations

import os
import shlex
import subprocess

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


# How to stop and start the test server (``.ci/run`` exports them): the pg_ctl command with its
# data folder, the server's options and its log file.
PG_CTL = os.environ.get("DUTYDESK_TEST_PG_CTL")
PG_OPTS = os.environ.get("DUTYDESK_TEST_PG_OPTS", "")
PG_LOG = os.environ.get("DUTYDESK_TEST_PG_LOG", "/dev/null")
can_restart = pytest.mark.skipif(not (PG_URL and PG_CTL),
                                 reason="DUTYDESK_TEST_PG_CTL not set: the test server cannot be stopped")


def stop_server() -> None:
    assert PG_CTL
    subprocess.run([*shlex.split(PG_CTL), "-m", "fast", "-w", "stop"], check=True, capture_output=True)


def start_server() -> None:
    """Start the test server (nothing to do when it runs)."""
    assert PG_CTL
    if subprocess.run([*shlex.split(PG_CTL), "status"], capture_output=True).returncode == 0:
        return
    subprocess.run([*shlex.split(PG_CTL), "-l", PG_LOG, "-w", "-o", PG_OPTS, "start"], check=True,
                   capture_output=True)
