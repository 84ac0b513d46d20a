"""What the benches share: the large office they are given, and a median of timed runs."""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path


def add_large_office(parser: argparse.ArgumentParser) -> None:
    """``--db``: the large demo office a bench measures (it works on a copy)."""
    parser.add_argument("--db", type=Path, required=True,
                        help="the large demo office (made by: dutydesk --db FILE demo --scale large)")


def median_seconds(runs: int, job: Callable[[], object]) -> float:
    """The median wall time of ``runs`` calls of ``job``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
