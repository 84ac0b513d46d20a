"""A stage counts as shown only when the screen says so; errors on the way are logged and
retried on the next pass, never swallowed (issue 12, DESIGN.md "Deadlines and alarms")."""

from __future__ import annotations

import datetime as dt
import logging

import pytest

from app.domain.errors import DatabaseUnavailable
from app.domain.messages import text
from app.scheduler.runtime import DutyScheduler
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines


class Screen:
    """A listener that shows alarms only while ``working`` (then confirms them)."""

    def __init__(self) -> None:
        self.heard: list[tuple[int, str]] = []
        self.working = True
        self.confirm = None

    def alarm(self, deadline_id: int, stage: str) -> None:
        self.heard.append((deadline_id, stage))
        if self.working and self.confirm is not None:
            self.confirm(deadline_id, stage)

    def health_problem(self, message: str) -> None: ...

    def housekeeping_done(self, backup_path: str | None) -> None: ...

    def deadlines_changed(self) -> None: ...


@pytest.fixture
def screen_and_scheduler(office_ctx: Context):  # type: ignore[no-untyped-def]
    screen = Screen()
    sched = DutyScheduler(office_ctx, screen)
    screen.confirm = sched.alarm_shown
    yield screen, sched
    sched.shutdown()


def test_an_alarm_the_screen_did_not_show_is_sent_again(office_ctx: Context, clock,  # type: ignore[no-untyped-def]
                                                        screen_and_scheduler) -> None:
    screen, sched = screen_and_scheduler
    d = deadlines.create(office_ctx, what="未确认的报警", due_at=clock.now() + dt.timedelta(minutes=5))
    screen.working = False  # the window failed to show it (an error, a lost signal)
    sched.start(housekeeping_delay=dt.timedelta(hours=1))
    assert screen.heard == [(d.id, "urgent")]
    sched.reconcile_now()
    assert screen.heard == [(d.id, "urgent")]  # within seconds of sending: still waiting
    assert sched.alarms.unconfirmed() == [(d.id, deadlines.DeadlineStage.URGENT)]
    sched.alarms.resend_after = 0  # the seconds have passed
    screen.working = True
    sched.reconcile_now()
    assert screen.heard == [(d.id, "urgent")] * 2  # sent again, and shown this time
    sched.reconcile_now()
    assert screen.heard == [(d.id, "urgent")] * 2 and sched.alarms.unconfirmed() == []


def test_a_stage_job_that_cannot_read_the_deadline_logs_it_and_the_next_pass_alarms(  # type: ignore[no-untyped-def]
        office_ctx: Context, clock, screen_and_scheduler, monkeypatch, caplog) -> None:
    screen, sched = screen_and_scheduler
    d = deadlines.create(office_ctx, what="读取失败", due_at=clock.now() + dt.timedelta(minutes=40))
    sched.start(housekeeping_delay=dt.timedelta(hours=1))
    assert screen.heard == []
    clock.advance(dt.timedelta(minutes=11))  # the notice stage began

    def confused(ctx: Context, deadline_id: int) -> deadlines.DeadlineInfo:
        raise RuntimeError("a driver in a state nobody planned for")

    monkeypatch.setattr(deadlines, "get", confused)
    with caplog.at_level(logging.ERROR, logger="app.scheduler.alarms"):
        sched.alarms.stage_reached(d.id, deadlines.DeadlineStage.NOTICE)
    assert screen.heard == []
    failure = [r for r in caplog.records if "next pass retries" in r.getMessage()]
    assert failure and failure[0].exc_info is not None  # with its traceback
    monkeypatch.undo()
    sched.reconcile_now()  # the next pass, seconds later
    assert screen.heard == [(d.id, "notice")]


def test_a_failing_pass_is_logged_with_its_traceback_and_the_next_one_alarms(  # type: ignore[no-untyped-def]
        office_ctx: Context, clock, screen_and_scheduler, monkeypatch, caplog) -> None:
    screen, sched = screen_and_scheduler
    d = deadlines.create(office_ctx, what="一次失败的轮询", due_at=clock.now() + dt.timedelta(minutes=5))
    real = deadlines.list_open

    def broken(ctx: Context) -> list[deadlines.DeadlineInfo]:
        raise RuntimeError("a driver in a state nobody planned for")

    monkeypatch.setattr(deadlines, "list_open", broken)
    with caplog.at_level(logging.ERROR):
        sched.start(housekeeping_delay=dt.timedelta(hours=1))
    assert screen.heard == []
    assert any(r.exc_info for r in caplog.records if "reconciliation failed" in r.getMessage())
    monkeypatch.setattr(deadlines, "list_open", real)
    sched.reconcile_now()
    assert screen.heard == [(d.id, "urgent")]


def test_a_database_out_of_reach_rings_from_what_the_last_pass_read(  # type: ignore[no-untyped-def]
        office_ctx: Context, clock, screen_and_scheduler, monkeypatch, caplog) -> None:
    """An unreachable database (busy, the server away) is no bug: the stage job rings from the
    deadline as the last pass read it, and the pass says why it stopped, without a traceback."""
    screen, sched = screen_and_scheduler
    d = deadlines.create(office_ctx, what="服务器断开", due_at=clock.now() + dt.timedelta(minutes=40))
    sched.start(housekeeping_delay=dt.timedelta(hours=1))
    clock.advance(dt.timedelta(minutes=11))  # the notice stage began

    def away(*_args: object) -> object:
        raise DatabaseUnavailable(text("db.busy"))

    monkeypatch.setattr(deadlines, "get", away)
    monkeypatch.setattr(deadlines, "list_open", away)
    sched.alarms.stage_reached(d.id, deadlines.DeadlineStage.NOTICE)
    assert screen.heard == [(d.id, "notice")]
    with caplog.at_level(logging.WARNING):
        sched.reconcile_now()
    said = [r for r in caplog.records if "deadline reconciliation" in r.getMessage()]
    assert said and said[0].exc_info is None
