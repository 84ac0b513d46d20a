"""Deadlines at the size of an office after some years (200k closed deadlines).

    python bench/deadlines_scale.py --db LARGE.db [--runs 5]

On a copy of a large demo (``dutydesk demo --scale large``; the file is copied to a temporary
folder first, never changed), times, each the median of ``--runs``:

- statistics: the on-time rate by month and kind (what the Statistics tab shows), against a
  bare sqlite3 GROUP BY over the same rows (the floor);
- page: the deadlines page's reload as the window does it after a change (open deadlines, the
  record's first page, the statistics and the late/missed list, until everything is shown),
  against bare sqlite3 reading the open deadlines and one page of the record (the floor);
- alarm: an alarm handled by the window's alarm path (strip, page) until the page has settled,
  against a bare sqlite3 read of the one deadline and one button redrawn (the floor).

Every line prints its floor, its figure and the ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import add_large_office, median_seconds

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from app.domain.clock import SystemClock
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import health
from app.services.office.zone import office_zone
from app.ui.deadlines.controller import DeadlineAlarms
from app.ui.deadlines.page import DeadlinesPage
from app.ui.deadlines.strip import CountdownStrip
from app.ui.workers import running_jobs

CLOSED = "('on_time', 'late', 'missed')"




def settle(app: QApplication) -> None:
    """Run the event loop until every background job (the page's statistics) has finished."""
    app.processEvents()
    while any(job.running for job in running_jobs()):
        app.processEvents()
        time.sleep(0.001)
    for _ in range(3):
        app.processEvents()


def line(name: str, floor: float, figure: float) -> None:
    print(f"{name:<11} floor {floor * 1000:8.1f} ms   figure {figure * 1000:8.1f} ms   "
          f"ratio {figure / floor:6.1f}x")


def floors(db: Path, runs: int) -> tuple[float, float, float]:
    con = sqlite3.connect(db)
    one = con.execute("SELECT id FROM deadline WHERE outcome='open' ORDER BY due_at LIMIT 1").fetchone()
    ident = one[0] if one else 1

    def stats() -> None:
        con.execute("SELECT strftime('%Y-%m', due_at, '+8 hours'), report_kind, outcome, count(*)"
                    f" FROM deadline WHERE outcome IN {CLOSED} GROUP BY 1, 2, 3").fetchall()

    def page() -> None:
        con.execute("SELECT * FROM deadline WHERE outcome='open' ORDER BY due_at, id").fetchall()
        con.execute("SELECT * FROM deadline WHERE outcome!='open' ORDER BY due_at DESC, id DESC"
                    " LIMIT 200").fetchall()
        con.execute("SELECT count(*) FROM deadline").fetchone()

    chip = QPushButton()
    chip.show()

    def alarm() -> None:  # read the row, redraw one chip
        row = con.execute("SELECT * FROM deadline WHERE id=?", (ident,)).fetchone()
        chip.setText(f"{row[1]}\n0:10:00")
        chip.setStyleSheet("QPushButton { background:#ffd8a8; }")
        QApplication.processEvents()

    out = median_seconds(runs, stats), median_seconds(runs, page), median_seconds(runs, alarm)
    con.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    add_large_office(parser)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "large.db"
        shutil.copy(args.db, db)
        opened = health.open_database(str(db), SystemClock())
        ctx = Context(opened.db, SystemClock(), Actor.command_line())
        app = QApplication.instance() or QApplication(sys.argv)
        f_stats, f_page, f_alarm = floors(db, args.runs)
        with sqlite3.connect(db) as con:
            closed = con.execute(f"SELECT count(*) FROM deadline WHERE outcome IN {CLOSED}").fetchone()[0]
            opened_n = con.execute("SELECT count(*) FROM deadline WHERE outcome='open'").fetchone()[0]
        print(f"deadlines: {closed} closed, {opened_n} open; load: {os.getloadavg()[0]:.2f}")
        # what the Statistics tab shows: month_stats where the code has it (the month table alone)
        shown = getattr(deadlines, "month_stats", lambda c: deadlines.statistics(c)[0])
        line("statistics", f_stats, median_seconds(args.runs, lambda: shown(ctx)))
        page = DeadlinesPage(ctx, office_zone(ctx))
        settle(app)
        line("page", f_page, median_seconds(args.runs, lambda: (page.reload(), settle(app))))
        window = QWidget()
        strip = CountdownStrip(ctx, window)
        alarms = DeadlineAlarms(ctx, strip, window, None)
        alarms.sig_changed.connect(page.reload)
        for sig in ("sig_row_changed",):  # the one-row path, where the code has it
            if hasattr(alarms, sig):
                getattr(alarms, sig).connect(page.refresh_row)
        first = deadlines.list_open(ctx)
        ident = first[0].id if first else 1
        line("alarm", f_alarm, median_seconds(args.runs, lambda: (alarms.on_alarm(ident, "notice"),
                                                           settle(app))))
        opened.db.dispose()


if __name__ == "__main__":
    main()
