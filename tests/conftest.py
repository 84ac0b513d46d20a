"""Shared fixtures: a temporary data folder and database, an injected clock, no real keyring.

Tests never touch the user's real data folder, settings or keyring: DUTYDESK_HOME points at a
temporary folder and an in-memory keyring backend replaces the system one.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings
from keyring.backend import KeyringBackend

# Offscreen, on a screen of the duty room's size (1366×768) rather than Qt's default 800×800.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen:configfile="
                      + str(Path(__file__).resolve().parent / "offscreen-1366x768.json"))

from app.domain import messages
from app.domain.clock import FixedClock
from app.services.context import Actor, Context
from app.services.office import health, office, throttle

START = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)  # 09:30 in Shanghai

# Property tests of whole commands (a database per run): few examples by default, so the suite
# stays fast; DUTYDESK_HYPOTHESIS=thorough runs many (tests pick the profile with PROPERTY).
settings.register_profile("quick", max_examples=40, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture])
settings.register_profile("thorough", max_examples=2000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                 HealthCheck.too_slow])
PROPERTY = settings.get_profile(os.environ.get("DUTYDESK_HYPOTHESIS", "quick"))
ADMIN_PASSWORD = "admin-pass-1"


class MemoryKeyring(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[MemoryKeyring]:
    home = tmp_path / "home"
    monkeypatch.setenv("DUTYDESK_HOME", str(home))
    monkeypatch.delenv("DUTYDESK_DB", raising=False)
    # sign-in throttling lives in the process: every test starts with none
    monkeypatch.setattr(throttle, "THROTTLE", throttle.Throttle())
    backend = MemoryKeyring()
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    messages.set_language("zh_CN")
    messages.set_audience("command line")
    yield backend
    keyring.set_keyring(previous)
    messages.set_language("zh_CN")


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(START)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "office.db"


@pytest.fixture
def ctx(db_path: Path, clock: FixedClock) -> Iterator[Context]:
    """An empty, migrated database acting as the command line (administrator)."""
    opened = health.open_database(db_path, clock)
    yield Context(opened.db, clock, Actor.command_line())
    opened.db.dispose()


@pytest.fixture
def office_ctx(ctx: Context) -> Context:
    """A set-up office, acting as its first administrator."""
    admin = office.set_up(
        ctx, name="江州市应急管理局", duty_phone="0576-88001234", fax="0576-88001235",
        admin_username="admin", admin_name="王建国", admin_password=ADMIN_PASSWORD,
    )
    return ctx.acting_as(admin)
