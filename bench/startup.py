"""Cold start to the main window on the demo office, against a bare PySide6 window.

    python bench/startup.py [--runs 7]

Each run is a fresh process (offscreen Qt) timed from spawn until its window is shown and the
event loop has painted it. DutyDesk's run goes the way ``dutydesk`` does: Qt with fonts and
translation, open (and check) the database, start the scheduler, sign in (the argon2 hash is
part of it), build the main window. Printed: medians and the ratio (goal ≤ 1.5×).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
w = QMainWindow()
w.resize(1280, 760)
w.show()
app.processEvents()
"""

DUTYDESK = """
import sys
from app.domain import messages
from app.domain.clock import SystemClock
from app.scheduler.runtime import DutyScheduler
from app.services.office import users
from app.services.context import Context
from app.ui import application
from app.ui.bridge import SchedulerBridge
from app.ui.main_window import MainWindow

messages.set_language("zh_CN")
app = application.create_application([], "zh_CN")
opened = application.open_with_recovery(sys.argv[1])
ctx = Context(opened.db, SystemClock())
scheduler = DutyScheduler(ctx, SchedulerBridge())
scheduler.start()
actor = users.authenticate(ctx, "admin", "admin-2026")
w = MainWindow(ctx.acting_as(actor), application.app_settings())
w.show()
app.processEvents()
scheduler.shutdown()
opened.db.dispose()
"""


def timed(code: str, *args: str, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=ROOT,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUTYDESK_HOME=tmp)
        db = str(Path(tmp) / "demo.db")
        subprocess.run([sys.executable, "-m", "app", "--db", db, "demo"], check=True, env=env,
                       cwd=ROOT, stdout=subprocess.DEVNULL)
        timed(BARE, env=env)  # warm the disk cache for both
        timed(DUTYDESK, db, env=env)
        bare, ours = [], []
        for _ in range(runs):
            bare.append(timed(BARE, env=env))
            ours.append(timed(DUTYDESK, db, env=env))
    b, o = statistics.median(bare), statistics.median(ours)
    print(f"bare PySide6 window   median {b * 1000:7.0f} ms  (min {min(bare) * 1000:.0f})")
    print(f"DutyDesk main window  median {o * 1000:7.0f} ms  (min {min(ours) * 1000:.0f})")
    print(f"ratio                 {o / b:.2f}x   (goal <= 1.5x, {runs} runs each)")


if __name__ == "__main__":
    main()
