"""How late do alarms fire? Live stage jobs and alarms missed while the program was closed.

    python bench/alarm_latency.py [--count 20]

Live: ``count`` deadlines whose notice stage begins 1–3 s from now, on the real scheduler;
latency = when the listener heard the alarm − when the stage began (goal ≤ 1 s).
Missed: ``count`` deadlines already overdue when the scheduler starts; latency = alarm −
start (goal ≤ 2 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.domain.clock import SystemClock
from app.scheduler.runtime import DutyScheduler
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import health, office


class Ears:
    def __init__(self, expected: int) -> None:
        self.heard: dict[int, float] = {}
        self.expected = expected
        self.done = threading.Event()

    def alarm(self, deadline_id: int, stage: str) -> None:
        self.heard.setdefault(deadline_id, time.time())
        if len(self.heard) >= self.expected:
            self.done.set()

    def health_problem(self, message: str) -> None: ...

    def housekeeping_done(self, backup_path: str | None) -> None: ...

    def deadlines_changed(self) -> None: ...


def summary(name: str, values: list[float], goal: float) -> None:
    values = sorted(values)
    p95 = values[max(0, int(len(values) * 0.95) - 1)]
    print(f"{name:<34} n={len(values):3d}  p50 {statistics.median(values) * 1000:7.1f} ms  "
          f"p95 {p95 * 1000:7.1f} ms  max {values[-1] * 1000:7.1f} ms  (goal <= {goal:.0f} s)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=20)
    n = parser.parse_args().count
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["DUTYDESK_HOME"] = tmp
        opened = health.open_database(Path(tmp) / "bench.db")
        ctx = Context(opened.db, SystemClock(), Actor.command_line())
        admin = office.set_up(ctx, name="基准测试应急局", duty_phone="0576-88001234",
                              admin_username="admin", admin_name="管理员", admin_password="bench-pass-1")
        ctx = ctx.acting_as(admin)

        # alarms missed while closed: all overdue before the scheduler starts
        now = ctx.clock.now()
        with ctx.db.write() as s:
            for i in range(n):
                deadlines.add_in(s, ctx, what=f"missed {i}", report_kind="initial", channel="phone",
                                 due_at=now - dt.timedelta(minutes=5 + i))
        ears = Ears(n)
        sched = DutyScheduler(ctx, ears)
        started = time.time()
        sched.start(housekeeping_delay=dt.timedelta(hours=1))
        ears.done.wait(10)
        missed = [t - started for t in ears.heard.values()]
        sched.shutdown()
        for d in deadlines.list_open(ctx):
            deadlines.close(ctx, d.id, outcome=deadlines.DeadlineOutcome.CANCELLED, reason="bench")

        # live stage jobs: the notice stage (30 min before due) begins 1–3 s from now
        ears = Ears(n)
        sched = DutyScheduler(ctx, ears)
        sched.start(housekeeping_delay=dt.timedelta(hours=1))
        begins: dict[int, float] = {}
        base = time.time()
        for i in range(n):
            offset = 1.0 + 2.0 * i / max(1, n - 1)
            due = dt.datetime.fromtimestamp(base + offset, dt.UTC) + dt.timedelta(minutes=30)
            info = deadlines.create(ctx, what=f"live {i}", due_at=due)
            begins[info.id] = base + offset
        ears.done.wait(15)
        sched.shutdown()
        live = [ears.heard[i] - begins[i] for i in begins if i in ears.heard]
        opened.db.dispose()
    summary("live stage alarm lateness", live, 1)
    summary("missed-while-closed alarm after start", missed, 2)
    if len(live) < n or len(missed) < n:
        print(f"NOT HEARD: live {n - len(live)}, missed {n - len(missed)}")


if __name__ == "__main__":
    main()
