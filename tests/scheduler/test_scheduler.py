"""The workstation scheduler and its daily housekeeping."""

from __future__ import annotations

import datetime as dt
import threading

from sqlalchemy import text

from app.scheduler.runtime import HOUSEKEEPING_JOB_ID, MISFIRE_GRACE_SECONDS, DutyScheduler
from app.services.context import Context
from app.services.office import backup


class Recorder:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.backups: list[str | None] = []
        self.done = threading.Event()

    def health_problem(self, message: str) -> None:
        self.problems.append(message)

    def housekeeping_done(self, backup_path: str | None) -> None:
        self.backups.append(backup_path)
        self.done.set()


def test_housekeeping_takes_one_daily_backup_a_day(office_ctx: Context, db_path, clock) -> None:  # type: ignore[no-untyped-def]
    rec = Recorder()
    sched = DutyScheduler(office_ctx, rec)
    first = sched.housekeeping_now()
    assert first.backup_taken and not first.problems
    assert sched.housekeeping_now().backup_taken is None  # same office day
    clock.advance(dt.timedelta(days=1))
    assert sched.housekeeping_now().backup_taken is not None
    assert [b.kind for b in backup.list_backups(db_path)] == ["daily", "daily"]
    assert rec.problems == []


def test_a_broken_audit_chain_is_reported_but_the_backup_still_runs(office_ctx: Context) -> None:
    with office_ctx.db.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET action = 'x' WHERE seq = 1"))
    rec = Recorder()
    report = DutyScheduler(office_ctx, rec).housekeeping_now()
    assert rec.problems and "第 1 条" in rec.problems[0]
    assert report.backup_taken is not None


def test_the_scheduler_runs_housekeeping_in_the_background(office_ctx: Context) -> None:
    rec = Recorder()
    sched = DutyScheduler(office_ctx, rec)
    sched.start(housekeeping_delay=dt.timedelta(0))
    try:
        assert HOUSEKEEPING_JOB_ID in sched.job_ids()
        assert rec.done.wait(10)
        job = sched._scheduler.get_job(HOUSEKEEPING_JOB_ID)
        assert job.misfire_grace_time == MISFIRE_GRACE_SECONDS and job.coalesce
    finally:
        sched.shutdown()
    assert not sched.running
