"""The trusted time: a known time carried forward by the monotonic clock; jumps noticed."""

from __future__ import annotations

import datetime as dt

from app.domain.clock import AnchoredClock, FixedClock

T0 = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)


def test_time_passing_moves_both_clocks_setting_the_clock_moves_only_the_wall() -> None:
    wall = FixedClock(T0)
    mono = wall.monotonic()
    wall.advance(dt.timedelta(seconds=90))
    assert (wall.now(), wall.monotonic() - mono) == (T0 + dt.timedelta(seconds=90), 90)
    wall.set(T0 - dt.timedelta(hours=1))
    assert wall.monotonic() - mono == 90


def test_the_trusted_time_goes_on_through_a_jump_back_and_reports_it_once() -> None:
    wall = FixedClock(T0)
    trusted = AnchoredClock(wall)
    wall.advance(dt.timedelta(minutes=10))
    assert trusted.observe() is None and trusted.now() == T0 + dt.timedelta(minutes=10)
    wall.set(wall.now() - dt.timedelta(hours=1))  # someone sets the clock back an hour
    jump = trusted.observe()
    assert jump is not None and jump.seconds == -3600 and not jump.at_start
    assert trusted.observe() is None  # reported once
    wall.advance(dt.timedelta(minutes=5))
    assert trusted.now() == T0 + dt.timedelta(minutes=15)  # continuous: 10 + 5 minutes
    assert trusted.wall_offset == dt.timedelta(hours=-1)


def test_a_jump_forward_beyond_the_time_passed_is_reported_a_small_step_is_not() -> None:
    wall = FixedClock(T0)
    trusted = AnchoredClock(wall)
    wall.set(wall.now() + dt.timedelta(seconds=90))  # NTP-sized: within two minutes
    assert trusted.observe() is None
    wall.set(wall.now() + dt.timedelta(days=1))
    jump = trusted.observe()
    assert jump is not None and jump.seconds == 86400 + 90  # what the wall clock is off by now
    assert trusted.now() == T0


def test_at_start_time_never_goes_back_behind_the_last_record() -> None:
    wall = FixedClock(T0 - dt.timedelta(hours=1))  # the clock was set back while closed
    trusted = AnchoredClock(wall, floor=T0)
    assert trusted.now() == T0
    assert trusted.start_jump is not None and trusted.start_jump.at_start
    assert trusted.start_jump.seconds == -3600
    assert AnchoredClock(FixedClock(T0 - dt.timedelta(seconds=30)), floor=T0).start_jump is None


def test_reanchoring_follows_the_server() -> None:
    wall = FixedClock(T0)
    trusted = AnchoredClock(wall)
    trusted.reanchor(T0 + dt.timedelta(minutes=3))  # the server's clock is 3 minutes ahead
    wall.advance(dt.timedelta(seconds=10))
    assert trusted.now() == T0 + dt.timedelta(minutes=3, seconds=10)
    assert trusted.wall_offset == dt.timedelta(minutes=-3)
