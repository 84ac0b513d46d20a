"""Searching a million incidents and a hundred thousand duty-log entries, as the screens do.

    python bench/search.py --db LARGE.db [--runs 5]

On a copy of a large demo (``dutydesk demo --scale large``; copied to a temporary folder first,
never changed), each query is typed into the incident list's model (``IncidentListModel.reload``:
the first page and the counts the list shows) and, where the code has it, into the duty log's
search; the median of ``--runs`` for each. The floor is bare sqlite3 reading one page (200
rows) of the list off its index, unfiltered: what showing any page costs. Goal: ≤ 100 ms per
search at 1M incidents. Every line prints the floor, the figure and the ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bench.common import add_large_office, median_seconds

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication

from app.domain.clock import SystemClock
from app.services.context import Actor, Context
from app.services.incidents.listing import ListFilter
from app.services.office import health
from app.services.office.zone import office_zone
from app.ui.intake.incident_list import IncidentListModel

# common (8% of incidents), a place and a kind, a number's digits, two characters, one, none
QUERIES = ("山体滑坡", "青石县森林", "H012345", "内涝", "火", "无此事件")
LOG_QUERIES = ("气象预警", "值班电话接通", "查岗", "无此记录")




def line(name: str, floor: float, figure: float, extra: str = "") -> None:
    print(f"{name:<22} floor {floor * 1000:7.1f} ms   figure {figure * 1000:8.1f} ms   "
          f"ratio {figure / floor:7.1f}x  {extra}")


def floor_page(db: Path, runs: int) -> float:
    con = sqlite3.connect(db)
    out = median_seconds(runs, lambda: con.execute(
        "SELECT id, number, title, kind, category, level, status, occurred_at, received_at, location"
        " FROM incident ORDER BY received_at DESC LIMIT 200").fetchall())
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
        QApplication.instance() or QApplication(sys.argv)
        opened = health.open_database(str(db), SystemClock())
        ctx = Context(opened.db, SystemClock(), Actor.command_line())
        floor = floor_page(db, args.runs)
        print(f"load: {os.getloadavg()[0]:.2f}")
        model = IncidentListModel(ctx, office_zone(ctx))
        for q in QUERIES:
            figure = median_seconds(args.runs, lambda q=q: model.reload(ListFilter(text=q)))
            line(f"incidents {q}", floor, figure, f"{model.total} found")
        try:
            from app.services.dutylog import search as log_search
        except ImportError:
            print("duty log: no search in this code")
        else:
            for q in LOG_QUERIES:
                figure = median_seconds(args.runs, lambda q=q: (log_search.search_page(ctx, q, 0, 200),
                                                        log_search.count(ctx, q)))
                line(f"duty log {q}", floor, figure, f"{log_search.count(ctx, q)} found")
        opened.db.dispose()


if __name__ == "__main__":
    main()
