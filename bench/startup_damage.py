"""From start to the damaged-file dialog, on the large demo office with one page zeroed.

    python bench/startup_damage.py --db LARGE.db [--runs 3]

The database is copied to a temporary folder (the original is never touched), upgraded,
backed up once (so a good backup exists to offer), and one leaf page of the duty log in the
middle of the file is overwritten with zeros, as a failing disk would. Each run is a fresh
process started the way ``dutydesk --db FILE`` starts (offscreen Qt): it opens the file (header
and schema), starts the scheduler whose first pass runs ``quick_check``, and shows the sign-in
dialog; the damaged-file dialog comes up over it. Printed: seconds from spawning the process
to that dialog, each run and the median; and how long ``quick_check`` alone takes on the file.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.common import add_large_office  # noqa: E402

CHILD = """
import os, sys, time
spawned = float(sys.argv[2])
from PySide6.QtWidgets import QMessageBox

def shown(self):
    print(f"DIALOG {time.time() - spawned:.2f} {self.windowTitle()}", flush=True)
    os._exit(0)

QMessageBox.exec = shown
from app.main import main
sys.exit(main(["--db", sys.argv[1]]))
"""


def prepare(source: Path, folder: Path) -> Path:
    from app.domain.clock import SystemClock
    from app.services.office import backup, health
    from tests.reliability.test_startup_damage import zero_a_page

    db = folder / "large.db"
    shutil.copyfile(source, db)
    opened = health.open_database(db, SystemClock())  # upgrade first (not timed)
    opened.db.dispose()
    backup.auto_backup(db, "daily", SystemClock().now())
    page = zero_a_page(db)
    print(f"prepared {db} ({db.stat().st_size / 2**20:.0f} MiB), page {page} zeroed")
    return db


def quick_check_seconds(db: Path) -> float:
    started = time.perf_counter()
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA quick_check").fetchall()
    except sqlite3.DatabaseError:  # a damaged page may stop the check with an error
        pass
    finally:
        conn.close()
    return time.perf_counter() - started


def run(db: Path, home: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", DUTYDESK_HOME=str(home),
               PYTHONPATH=str(ROOT))
    spawned = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, str(db), str(spawned)], env=env,
                         capture_output=True, text=True, timeout=600, cwd=ROOT).stdout
    line = next((ln for ln in out.splitlines() if ln.startswith("DIALOG ")), None)
    if line is None:
        raise SystemExit(f"no damaged-file dialog:\n{out}")
    return float(line.split()[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    add_large_office(parser)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="dutydesk-damage-") as tmp:
        folder = Path(tmp)
        os.environ["DUTYDESK_HOME"] = str(folder / "home")
        db = prepare(args.db, folder)
        print(f"quick_check alone: {quick_check_seconds(db):.2f} s")
        times = [run(db, folder / "home") for _ in range(args.runs)]
        print("start to the damaged-file dialog: " + ", ".join(f"{t:.2f} s" for t in times)
              + f"; median {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
