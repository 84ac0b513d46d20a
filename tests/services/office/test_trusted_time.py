"""Trusted time on a single desk (DESIGN.md "Data"): a jump of the wall clock is noticed,
recorded and said, and never turns a late record on time or an on-time one late; sign-in
throttling waits on the monotonic clock."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.clock import FixedClock
from app.domain.enums import DeadlineOutcome
from app.domain.errors import SignInFailed
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit, server_check, throttle, trusted_time, users
from tests.conftest import ADMIN_PASSWORD


def trusted(ctx: Context, wall: FixedClock) -> Context:
    """The context as the program runs it: its clock the trusted one over ``wall``."""
    return Context(ctx.db, trusted_time.clock_for(ctx.db, wall), ctx.actor)


@pytest.mark.parametrize(("jump", "met_after", "outcome"), [
    (dt.timedelta(hours=-1), dt.timedelta(minutes=40), DeadlineOutcome.LATE),  # back: stays late
    (dt.timedelta(days=1), dt.timedelta(minutes=20), DeadlineOutcome.ON_TIME),  # ahead: stays on time
])
def test_a_jump_never_turns_late_into_on_time_or_back(office_ctx: Context, clock: FixedClock,
                                                      jump: dt.timedelta, met_after: dt.timedelta,
                                                      outcome: DeadlineOutcome) -> None:
    ctx = trusted(office_ctx, clock)
    start = ctx.clock.now()
    d = deadlines.create(ctx, what="首报（书面）", due_at=start + dt.timedelta(minutes=30))
    clock.set(clock.now() + jump)  # someone sets the system clock
    clock.advance(met_after)
    met = deadlines.meet(ctx, d.id, how="传真")
    assert met.met_at == start + met_after
    assert met.outcome is outcome
    news = trusted_time.watch(ctx)
    assert [j.seconds for j in news.jumps] == [int(jump.total_seconds())]
    sentence = trusted_time.clock_sentence(True, news, trusted_time.jump_sentence(news.jumps[0]))
    assert "系统时钟" in sentence and "时限判定不受影响" in sentence


def test_a_jump_is_in_the_audit_trail_and_check_lists_it(office_ctx: Context, clock: FixedClock) -> None:
    ctx = trusted(office_ctx, clock)
    clock.set(clock.now() - dt.timedelta(hours=2))
    trusted_time.watch(ctx)
    rows = [r for r in audit.recent(ctx) if r.action == "clock_jump"]
    assert len(rows) == 1 and rows[0].after["offset_seconds"] == -7200
    assert audit.verify(ctx).ok
    lines = server_check.jump_lines(ctx)
    assert lines[0] == "时钟异常：共记录 1 次，最近的："
    assert "-2 小时 0 分" in lines[1]


def test_a_clock_set_back_while_closed_is_found_at_start(office_ctx: Context, clock: FixedClock) -> None:
    last = office_ctx.clock.now()  # set-up wrote the audit trail at this time
    behind = FixedClock(last - dt.timedelta(days=1))
    ctx = trusted(office_ctx, behind)
    assert ctx.clock.now() == last  # never behind what is on record
    news = trusted_time.watch(ctx)
    assert len(news.jumps) == 1 and news.jumps[0].at_start
    assert "比数据库中最后一条记录早 24 小时 0 分" in trusted_time.jump_sentence(news.jumps[0])
    assert trusted_time.watch(ctx).jumps == []  # recorded once


def test_a_corrected_clock_locks_nobody_out(office_ctx: Context, clock: FixedClock,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    ticks = [0.0]  # this workstation's monotonic clock, which no one can set
    monkeypatch.setattr(throttle, "THROTTLE", throttle.Throttle(lambda: ticks[0]))
    ctx = trusted(office_ctx, clock)
    clock.set(clock.now() + dt.timedelta(days=1))  # a day ahead while the password is mistyped
    for _ in range(3):
        with pytest.raises(SignInFailed):
            users.authenticate(ctx, "admin", "wrong-password")
    clock.set(clock.now() - dt.timedelta(days=1))  # the clock is put right
    with pytest.raises(SignInFailed) as err:  # the wait runs on, whatever the wall clock did
        users.authenticate(ctx, "admin", ADMIN_PASSWORD)
    assert err.value.retry_after_seconds == 1
    ticks[0] += 1.5  # the second's wait is over
    assert users.authenticate(ctx, "admin", ADMIN_PASSWORD).name == "admin"


def test_wrong_passwords_at_another_workstation_a_day_ahead_hold_up_nobody_here(
        office_ctx: Context, clock: FixedClock, monkeypatch: pytest.MonkeyPatch) -> None:
    for _ in range(3):  # another program, its clock a day ahead
        with pytest.raises(SignInFailed):
            users.authenticate(Context(office_ctx.db, FixedClock(clock.now() + dt.timedelta(days=1))),
                               "admin", "wrong-password")
    monkeypatch.setattr(throttle, "THROTTLE", throttle.Throttle())  # this program saw none of it
    assert users.authenticate(office_ctx, "admin", ADMIN_PASSWORD).name == "admin"
