"""A damaged file is found at start within seconds, and a tampered log warns within seconds.

Start-up reads only the header and the schema version; the scheduler's first housekeeping pass
runs ``quick_check`` and the chain verification in its thread right away. A page of zeros in
the middle of the file (a failing disk) must be found within 5 s of the start, stop every
write, and come with the latest good backup to offer.
"""

from __future__ import annotations

import re
import sqlite3
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.domain.errors import DatabaseDamaged
from app.scheduler.runtime import DutyScheduler
from app.services.context import Actor, Context
from app.services.dutylog import entries as dutylog
from app.services.office import backup, health

FOUND_WITHIN = 5.0


class Listener:
    """What the scheduler tells the window, with the moment it told it."""

    def __init__(self) -> None:
        self.damaged: list[tuple[float, DatabaseDamaged]] = []
        self.problems: list[tuple[float, str]] = []
        self.event = threading.Event()

    def health_problem(self, message: str) -> None:
        self.problems.append((time.monotonic(), message))
        self.event.set()

    def database_damaged(self, error: DatabaseDamaged) -> None:
        self.damaged.append((time.monotonic(), error))
        self.event.set()

    def housekeeping_done(self, backup_path: str | None) -> None:
        pass

    def alarm(self, deadline_id: int, stage: str) -> None:
        pass

    def deadlines_changed(self) -> None:
        pass


def zero_a_page(path: Path, table: str = "duty_log_entry") -> int:
    """Overwrite one leaf page of ``table`` with zeros, as a failing disk would; its number."""
    conn = sqlite3.connect(path)
    try:
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        try:
            pages = [r[0] for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf'", (table,))]
        except sqlite3.OperationalError:  # no dbstat in this SQLite: a page near the end
            pages = [conn.execute("PRAGMA page_count").fetchone()[0] - 1]
    finally:
        conn.close()
    page = pages[len(pages) // 2]
    with path.open("r+b") as fh:
        fh.seek((page - 1) * size)
        fh.write(b"\0" * size)
    return page


def _office_with_a_log(ctx: Context, entries: int = 200) -> None:
    for i in range(entries):
        dutylog.append(ctx, f"第 {i} 次巡查：各岗位人员在岗，设备运行正常，无异常情况报告。" * 3)


def test_a_zeroed_page_is_found_at_start_within_5_seconds(
        office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _office_with_a_log(office_ctx)
    taken = backup.auto_backup(db_path, "daily", clock.now())
    office_ctx.db.dispose()
    zero_a_page(db_path)

    started = time.monotonic()
    opened = health.open_database(db_path, clock)  # header and schema: fine
    ctx = Context(opened.db, clock)
    listener = Listener()
    scheduler = DutyScheduler(ctx, listener)
    scheduler.start()
    try:
        assert listener.event.wait(FOUND_WITHIN), "nothing reported within 5 s"
        assert listener.damaged, listener.problems
        at, error = listener.damaged[0]
        print(f"\nzeroed page found {at - started:.2f} s after the start")
        assert at - started < FOUND_WITHIN
        assert error.latest_backup is not None and error.latest_backup.path == taken
        assert not re.search(r"[A-Za-z]", error.message)  # Chinese, no driver's English
        # every write is refused from now on, before anyone could make the damage worse
        with pytest.raises(DatabaseDamaged):
            dutylog.append(ctx.acting_as(Actor.command_line()), "不应写入")
    finally:
        scheduler.shutdown()
        opened.db.dispose()


def test_a_tampered_log_warns_within_seconds_of_the_start(
        office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _office_with_a_log(office_ctx, 5)
    with office_ctx.db.engine.begin() as conn:
        victim = conn.execute(text("SELECT id FROM duty_log_entry WHERE seq = 3")).scalar_one()
        conn.execute(text("UPDATE duty_log_entry SET text = '改过的' WHERE id = :id"), {"id": victim})
    office_ctx.db.dispose()
    started = time.monotonic()
    opened = health.open_database(db_path, clock)
    listener = Listener()
    scheduler = DutyScheduler(Context(opened.db, clock), listener)
    scheduler.start()
    try:
        assert listener.event.wait(FOUND_WITHIN)
        at, message = listener.problems[0]
        assert at - started < FOUND_WITHIN and f"第 {victim} 条" in message
        assert not listener.damaged  # a broken chain does not lock the duty room out
        dutylog.append(Context(opened.db, clock, Actor.command_line()), "照常记录")
    finally:
        scheduler.shutdown()
        opened.db.dispose()


def test_a_read_that_meets_a_bad_page_stops_writes_too(
        office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _office_with_a_log(office_ctx)
    office_ctx.db.dispose()
    zero_a_page(db_path)
    opened = health.open_database(db_path, clock)
    ctx = Context(opened.db, clock, Actor.command_line())
    try:
        with pytest.raises(DatabaseDamaged) as err, ctx.db.read() as s:
            s.execute(text("SELECT text FROM duty_log_entry")).all()
        assert "损坏" in err.value.message and "malformed" not in err.value.message
        assert ctx.db.stopped is not None
        with pytest.raises(DatabaseDamaged):
            dutylog.append(ctx, "不应写入")
    finally:
        opened.db.dispose()


def test_a_damaged_file_due_an_upgrade_offers_the_backup_instead(
        office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    _office_with_a_log(office_ctx)
    taken = backup.auto_backup(db_path, "daily", clock.now())
    with office_ctx.db.engine.begin() as conn:  # as if the program had been updated since
        conn.execute(text("UPDATE alembic_version SET version_num = '0008'"))
    office_ctx.db.dispose()
    zero_a_page(db_path)
    with pytest.raises(DatabaseDamaged) as err:
        health.open_database(db_path, clock)
    assert err.value.latest_backup is not None and err.value.latest_backup.path == taken
    assert err.value.message == "数据库文件已损坏（完整性检查未通过）。"
