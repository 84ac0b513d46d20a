"""Intake speed: opening the form, and opening the incident list on a million incidents.

    python bench/intake.py [--db large.db]

Without --db it builds the large demo office first (1M incidents, about 40 s). Prints medians
of the form's opening (goal ≤ 150 ms) and of the list's opening (goal ≤ 300 ms), with the
process's resident memory before and after scrolling 5,000 rows (memory flat: rows are
fetched 200 at a time, never all).
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import zoneinfo
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication

from app.domain.clock import SystemClock
from app.services.context import Context
from app.services.incidents import listing as incident_list
from app.services.office import health, users
from app.ui.application import create_application
from app.ui.intake.form import IntakeForm
from app.ui.intake.incident_list import IncidentListPage


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def timed(fn, runs: int = 7) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", type=Path)
    args = parser.parse_args()
    tmp = tempfile.mkdtemp()
    os.environ.setdefault("DUTYDESK_HOME", tmp)
    db_path = args.db
    if db_path is None:
        db_path = Path(tmp) / "large.db"
        print("building the large demo office (1M incidents)…", flush=True)
        subprocess.run([sys.executable, "-m", "app", "--db", str(db_path), "demo", "--scale", "large"],
                       check=True, stdout=subprocess.DEVNULL)
    app = create_application([], "zh_CN")
    db = health.open_database(db_path).db
    ctx = Context(db, SystemClock())
    ctx = ctx.acting_as(users.authenticate(ctx, "admin", "admin-2026"))
    zone = zoneinfo.ZoneInfo("Asia/Shanghai")
    total = incident_list.count(ctx, incident_list.ListFilter())

    def open_form() -> None:
        form = IntakeForm(ctx, zone)
        form.show()
        app.processEvents()
        form.close()
        form.deleteLater()

    def open_list() -> IncidentListPage:
        page = IncidentListPage(ctx, zone)
        page.resize(1200, 700)
        page.show()
        app.processEvents()
        return page

    form_times = timed(open_form)
    pages: list[IncidentListPage] = []
    list_times = timed(lambda: pages.append(open_list()))
    page = pages[-1]
    before = rss_mb()
    model = page.model
    while model.rowCount() < 5000 and model.canFetchMore(model.index(-1, -1)):
        model.fetchMore(model.index(-1, -1))
    app.processEvents()
    after = rss_mb()
    QApplication.processEvents()
    db.dispose()
    print(f"incidents in the database     {total:,}")
    print(f"intake form opens             median {statistics.median(form_times) * 1000:6.1f} ms "
          f"(min {min(form_times) * 1000:.1f})   goal <= 150 ms")
    print(f"incident list opens           median {statistics.median(list_times) * 1000:6.1f} ms "
          f"(min {min(list_times) * 1000:.1f})   goal <= 300 ms")
    print(f"memory scrolling to 5,000 rows {before:6.1f} MB -> {after:6.1f} MB")


if __name__ == "__main__":
    main()
