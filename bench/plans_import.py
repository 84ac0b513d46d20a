"""Importing a plans workbook of 1,000 plans, and what the demo register's clocks created.

    python bench/plans_import.py [--plans 1000] [--runs 3]

On a fresh demo office (in a temporary folder) it writes a workbook of ``--plans`` plans
(named columns in a shuffled order, a fifth of the owner units unknown to the contact book,
every tenth plan overdue for review), then times:
  - the check alone (``import_plans(dry_run=True)``: read, judge every row, roll back),
  - the import (read, judge, create units, write plans with their audit entries, plan clocks),
  - importing the same file again (every plan matched by name and unit, nothing changed),
  - exporting the whole register,
each ``--runs`` times on a fresh copy of the office, printing the median in seconds. Then it
lists the deadlines the demo register created, by kind and outcome.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from openpyxl import Workbook  # noqa: E402

from app.demo import build as demo  # noqa: E402
from app.domain.clock import FixedClock  # noqa: E402
from app.domain.plans import LONG_RANGE_KINDS  # noqa: E402
from app.services.context import Actor, Context  # noqa: E402
from app.services.deadlines import lifecycle as deadlines  # noqa: E402
from app.services.office import health  # noqa: E402
from app.services.plans import register, workbook  # noqa: E402

NOW = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)
TYPES = ("总体", "专项", "部门", "乡镇(街道)", "企事业单位", "现场处置方案")
COLUMNS = ["编制单位", "预案名称", "预案类型", "批准日期", "文号", "备案日期", "备案单位",
           "评估周期（年）", "演练周期（月）", "状态"]


def write_workbook(path: Path, count: int, units: list[str]) -> None:
    rng = random.Random(17)
    book = Workbook()
    ws = book.active
    assert ws is not None
    ws.append(["江州市应急预案目录（导入）"])
    ws.append(COLUMNS)
    for n in range(count):
        unit = rng.choice(units) if n % 5 else f"新建单位{n % 40:02d}"
        years_ago = 4 if n % 10 == 0 else rng.randint(1, 2)
        approved = dt.date(2026 - years_ago, rng.randint(1, 12), rng.randint(1, 28))
        filed = approved + dt.timedelta(days=rng.randint(3, 30))
        ws.append([unit, f"{unit}第{n:04d}号应急预案", rng.choice(TYPES), approved,
                   f"江应急〔{approved.year}〕{n}号", filed if filed < NOW.date() else None,
                   "江州市应急管理局", rng.choice((None, 3, 2)), rng.choice((None, 12, 24, 36)), "有效"])
    book.save(path)


def open_ctx(path: Path) -> Context:
    opened = health.open_database(path, FixedClock(NOW))
    return Context(opened.db, FixedClock(NOW), Actor.command_line())


def timed(figures: list[float], action, *args, **kwargs):  # type: ignore[no-untyped-def]
    """Run ``action(*args, **kwargs)``, add its time to ``figures``, return what it returned."""
    start = time.perf_counter()
    result = action(*args, **kwargs)
    figures.append(time.perf_counter() - start)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--plans", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        base = folder / "demo.db"
        ctx = open_ctx(base)
        demo.create_demo(ctx)
        units = [name for _, name in register.unit_names(ctx)][:60]
        held = len(register.list_plans(ctx))
        kept = [d for d in deadlines.list_all(ctx) if d.report_kind in LONG_RANGE_KINDS]
        ctx.db.dispose()
        book = folder / "plans.xlsx"
        write_workbook(book, args.plans, units)
        figures: dict[str, list[float]] = {"check (dry run)": [], "import": [],
                                           "same file again": [], "export register": []}
        for run in range(args.runs):
            copy = folder / f"run{run}.db"
            shutil.copy(base, copy)
            ctx = open_ctx(copy)
            timed(figures["check (dry run)"], workbook.import_plans, ctx, book, dry_run=True)
            report = timed(figures["import"], workbook.import_plans, ctx, book)
            again = timed(figures["same file again"], workbook.import_plans, ctx, book)
            timed(figures["export register"], workbook.export_plans, ctx, folder / f"out{run}.xlsx")
            created = [d for d in deadlines.list_open(ctx) if d.report_kind in LONG_RANGE_KINDS]
            ctx.db.dispose()
        print(f"plans in the workbook: {args.plans} (demo register held {held})")
        print(f"first import: {report}")
        print(f"second import: {again}")
        print(f"open plan deadlines after the import: {len(created)}")
        for name, values in figures.items():
            print(f"{name:>18}: median {statistics.median(values):.2f} s  (runs: "
                  + ", ".join(f"{v:.2f}" for v in values) + ")")
        print("deadlines the demo register created (kind, outcome: count):")
        for (kind, outcome), n in sorted(Counter((d.report_kind.zh, d.outcome.zh) for d in kept).items()):
            print(f"  {kind} {outcome}: {n}")


if __name__ == "__main__":
    main()
