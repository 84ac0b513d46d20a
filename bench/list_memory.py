"""Memory of the lazy lists after scrolling 100,000 rows, and a page read again at depth.

    python bench/list_memory.py --db LARGE.db [--rows 100000] [--lists incidents,audit,…]

On a copy of a large demo (``dutydesk demo --scale large``; copied to a temporary folder first,
never changed), each lazy list is opened on its real page (offscreen, 1366×768) in a process of
its own, so one list's memory does not hide another's. The list is scrolled the way an operator
drags the scroll bar: ``scrollToBottom`` again and again (the view asks the model for more rows
when the bar reaches its end) and the viewport painted each time (``data()`` for the rows on
screen), until ``--rows`` rows are listed or the list ends; then back up to the top in jumps of
2,000 rows, each painted.

Per list it prints the resident set size (RSS, from /proc): the floor (the page open with its
first rows shown, before scrolling), after scrolling down, after coming back to the top, the
growth (back at the top minus the floor) and the ratio (back at the top over the floor). Then the
time to jump to an unvisited-for-a-while row at depth and paint it (the page holding it read
again where the model keeps only a window of pages; median of 7 jumps to different pages near the
bottom), against the same jump near the top (the floor), with the SQL statements each jump ran.
The machine's load is printed before and after.
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import add_large_office

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

LISTS = ("incidents", "contacts", "stale-numbers", "audit", "log-search", "deadline-record",
         "late-and-missed", "roster-history")
LOG_WORDS = "值班"  # about 50,000 entries of the large demo's log


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def load() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def open_list(name: str, ctx, zone):  # type: ignore[no-untyped-def]
    """The real page showing the list ``name``, and its table view."""
    if name == "incidents":
        from app.ui.intake.incident_list import IncidentListPage

        page = IncidentListPage(ctx, zone)
        page.reload()
        return page, page.view
    if name == "contacts":
        from app.ui.contacts.page import ContactsPage

        page = ContactsPage(ctx, zone)
        page.refresh_list()  # nobody's unit chosen: everyone
        return page, page.table
    if name == "stale-numbers":
        from app.ui.contacts.freshness import FreshnessTab

        page = FreshnessTab(ctx, zone)
        page.load()
        return page, page.table
    if name == "audit":
        from app.ui.settings.audit_tab import AuditTab

        page = AuditTab(ctx, zone)
        return page, page.table
    if name == "log-search":
        from app.ui.dutylog.log_tab import LogTab

        page = LogTab(ctx, zone)
        page.search.setText(LOG_WORDS)
        page.reload()
        return page, page.view
    if name in ("deadline-record", "late-and-missed"):
        from app.ui.deadlines.page import DeadlinesPage

        page = DeadlinesPage(ctx, zone)
        if name == "deadline-record":
            page.tabs.setCurrentIndex(1)
            return page, page.all_view
        page.tabs.setCurrentIndex(2)
        return page, page.problems_view
    from app.ui.roster.page import RosterPage

    page = RosterPage(ctx, zone)
    page.history_model.reload()
    return page, page.history_view


def paint(app, view) -> None:  # type: ignore[no-untyped-def]
    app.processEvents()
    view.viewport().repaint()


def scroll_down(app, view, rows: int) -> tuple[int, float]:  # type: ignore[no-untyped-def]
    """Drag to the bottom until ``rows`` are listed or the list ends; (rows, seconds)."""
    from PySide6.QtCore import QModelIndex

    model = view.model()
    start = time.perf_counter()
    stuck = 0
    while model.rowCount() < rows and model.canFetchMore(QModelIndex()) and stuck < 3:
        before = model.rowCount()
        view.scrollToBottom()
        paint(app, view)
        stuck = stuck + 1 if model.rowCount() == before else 0
    return model.rowCount(), time.perf_counter() - start


def scroll_up(app, view, step: int = 2000) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QAbstractItemView

    model = view.model()
    for row in range(model.rowCount() - 1, -1, -step):
        view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        paint(app, view)
    view.scrollToTop()
    paint(app, view)


class Statements:
    """Counts the SQL statements the program runs (to show a jump read a page again)."""

    def __init__(self, engine) -> None:  # type: ignore[no-untyped-def]
        from sqlalchemy import event

        self.n = 0
        event.listen(engine, "before_cursor_execute", self._one)

    def _one(self, *_args) -> None:  # type: ignore[no-untyped-def]
        self.n += 1


def jumps(app, view, rows: list[int], counter: Statements) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median seconds to jump to each row and paint; statements per jump."""
    from PySide6.QtWidgets import QAbstractItemView

    model = view.model()
    times = []
    before = counter.n
    for row in rows:
        start = time.perf_counter()
        view.scrollTo(model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtTop)
        view.viewport().repaint()
        times.append(time.perf_counter() - start)
        app.processEvents()
    return statistics.median(times), (counter.n - before) / len(rows)


def child(db: Path, name: str, rows: int) -> None:
    from PySide6.QtWidgets import QApplication

    from app.domain.clock import SystemClock
    from app.services.context import Actor, Context
    from app.services.office import health
    from app.services.office.zone import office_zone
    from app.ui import application
    from app.ui.workers import running_jobs

    app = QApplication.instance() or application.create_application([], "zh_CN")
    opened = health.open_database(str(db), SystemClock(), migrate=False)
    ctx = Context(opened.db, SystemClock(), Actor.command_line())
    counter = Statements(opened.db.engine)
    page, view = open_list(name, ctx, office_zone(ctx))
    page.resize(1366, 768)
    page.show()
    for _ in range(20):
        paint(app, view)
        while any(j.running for j in running_jobs()):
            app.processEvents()
            time.sleep(0.005)
    gc.collect()
    floor = rss_mb()
    listed, seconds = scroll_down(app, view, rows)
    gc.collect()
    deep = rss_mb()
    scroll_up(app, view)
    gc.collect()
    back = rss_mb()
    near_top = [300 + 1000 * k for k in range(7) if 300 + 1000 * k < listed] or [0]
    depth = [max(0, listed - 500 - 1000 * k) for k in range(7)]
    top_time, top_sql = jumps(app, view, near_top[:1] * 7, counter)  # a page held: paint only
    deep_time, deep_sql = jumps(app, view, depth, counter)
    pages = getattr(view.model(), "pages", None)  # a windowed model: the rows it holds
    held = f"{pages.held_rows():5d}" if pages is not None else "  all"
    print(f"{name:<16} rows {listed:7d} ({seconds:5.1f} s) held {held}"
          f"  floor {floor:6.1f} MB  down {deep:6.1f} MB"
          f"  back {back:6.1f} MB  growth {back - floor:+6.1f} MB  ratio {back / floor:5.2f}x"
          f"  | jump at depth {deep_time * 1000:6.1f} ms ({deep_sql:.1f} SQL)"
          f" vs near top {top_time * 1000:5.1f} ms ({top_sql:.1f} SQL)"
          f" ratio {deep_time / top_time:6.1f}x", flush=True)
    opened.db.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    add_large_office(parser)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--lists", default=",".join(LISTS))
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.db, args.child, args.rows)
        return
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "large.db"
        shutil.copy(args.db, db)
        from app.domain.clock import SystemClock
        from app.services.office import health

        health.open_database(str(db), SystemClock()).db.dispose()  # migrated once, here
        print(f"load before: {load()}", flush=True)
        for name in args.lists.split(","):
            subprocess.run([sys.executable, __file__, "--db", str(db), "--rows", str(args.rows),
                            "--child", name], check=False)
        print(f"load after:  {load()}", flush=True)


if __name__ == "__main__":
    main()
