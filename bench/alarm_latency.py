"""How late does an alarm reach the window's countdown strip, on a large office?

    python bench/alarm_latency.py --db LARGE.db [--count 5]

On a copy of a large demo (``dutydesk demo --scale large``: 200k closed deadlines; the file is
copied to a temporary folder first, never changed) the real main window runs offscreen, signed
in as the demo administrator, with the real scheduler wired as ``run_gui`` wires it, its
deadlines section open (the record and the statistics follow each alarm). ``count``
deadlines get their notice stage 1–3 s from now. For each: when the scheduler's thread heard
the stage (the floor: what the old bench measured), and when the window's strip showed the
deadline ringing (polled from the GUI's event loop every 5 ms: what the operator sees), both
after the stage began. Printed: p50/p95 of each and the ratio (goal: the strip ≤ 1 s).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import add_large_office

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95 + 0.5) - 1)]


def main() -> None:
    parser = argparse.ArgumentParser()
    add_large_office(parser)
    parser.add_argument("--count", type=int, default=5)  # the strip has 7 chips; the demo rings too
    args = parser.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="dutydesk-bench-"))
    os.environ["DUTYDESK_HOME"] = str(tmp / "home")
    db_file = tmp / "large.db"
    shutil.copyfile(args.db, db_file)

    from app.domain.clock import SystemClock
    from app.scheduler.runtime import DutyScheduler
    from app.services.context import Context
    from app.services.deadlines import lifecycle as deadlines
    from app.services.deadlines import profiles
    from app.services.office import health, users
    from app.ui.application import create_application
    from app.ui.bridge import SchedulerBridge
    from app.ui.main_window import MainWindow

    app = create_application([], "zh_CN")
    opened = health.open_database(db_file, SystemClock())
    ctx = Context(opened.db, SystemClock())
    ctx = ctx.acting_as(users.authenticate(ctx, "admin", "admin-2026"))
    heard: dict[int, float] = {}

    class Ears(SchedulerBridge):
        def alarm(self, deadline_id: int, stage: str) -> None:  # the scheduler's thread
            heard.setdefault(deadline_id, time.time())
            super().alarm(deadline_id, stage)

    bridge = Ears()
    scheduler = DutyScheduler(ctx, bridge)
    bridge.confirm = scheduler.alarm_shown
    scheduler.start(housekeeping_delay=dt.timedelta(hours=1))
    window = MainWindow(ctx, QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat), bridge)
    window.show()
    window.show_section(window.deadlines_page)  # the section open: its lists follow the alarms
    end = time.time() + 1.0
    while time.time() < end:  # the demo's own overdue alarms ring first
        app.processEvents()
    stages = profiles.stage_settings(ctx)
    begins: dict[int, float] = {}
    base = time.time()
    for i in range(args.count):
        at = base + 1.0 + 2.0 * i / max(1, args.count - 1)
        due = dt.datetime.fromtimestamp(at, dt.UTC) + dt.timedelta(minutes=stages.notice_minutes)
        begins[deadlines.create(ctx, what=f"基准：报警 {i}", due_at=due).id] = at
    shown: dict[int, float] = {}
    strip = window.strip
    end = time.time() + 20
    while len(shown) < len(begins) and time.time() < end:
        app.processEvents()
        for ident in begins:
            if ident not in shown and ident in strip.ringing and strip.shows(ident):
                shown[ident] = time.time()
        time.sleep(0.005)
    scheduler.shutdown()
    window.quitting = True
    window.close()
    opened.db.dispose()
    shutil.rmtree(tmp, ignore_errors=True)
    floor = [heard[i] - begins[i] for i in begins if i in heard]
    figure = [shown[i] - begins[i] for i in begins if i in shown]
    print(f"load average {os.getloadavg()[0]:.2f}; {len(figure)} of {len(begins)} alarms reached the strip")
    if not floor or not figure:
        print("NOT SHOWN")
        return
    f50, s50 = statistics.median(floor), statistics.median(figure)
    print(f"heard by the scheduler (floor)  p50 {f50 * 1000:7.1f} ms  p95 {p95(floor) * 1000:7.1f} ms")
    print(f"shown in the window's strip     p50 {s50 * 1000:7.1f} ms  p95 {p95(figure) * 1000:7.1f} ms")
    print(f"ratio (strip / heard)           p50 {s50 / f50:.2f}x  p95 {p95(figure) / p95(floor):.2f}x "
          "(goal: strip <= 1000 ms)")


if __name__ == "__main__":
    main()
