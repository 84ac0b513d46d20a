"""The duty log's chain at scale: appending one entry, verifying the whole chain, a day's list.

    python bench/duty_log.py [--entries 100000]

A busy duty room writes some tens of entries a day, a few ten thousand in a year; the chain is
verified by ``dutydesk check`` and daily in the background, so verifying must stay quick.
Printed: the time to append one entry through the service (chain head lock, commit), to verify
N entries, and to read one duty day.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

from app.domain.clock import FixedClock
from app.domain.duty import LogKind
from app.services.context import Actor, Context
from app.services.dutylog import entries as dutylog
from app.services.office import duty_chain, health, office


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=100_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        clock = FixedClock(dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC))
        opened = health.open_database(Path(tmp) / "bench.db", clock)
        ctx = Context(opened.db, clock, Actor.command_line())
        ctx = ctx.acting_as(office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234",
                                          admin_username="admin", admin_name="王建国",
                                          admin_password="bench-pass-1"))
        start = clock.now() - dt.timedelta(days=args.entries // 40)
        with ctx.db.write() as s:  # a history of 40 entries a day
            for i in range(args.entries):
                at = start + dt.timedelta(minutes=36 * i)
                duty_chain.append_in(s, ctx, shift_date=at.date(), at=at, kind=LogKind.NOTE.value,
                                     text=f"第{i}条记事：巡查值班室设备，运行正常。")
        appends = []
        for _ in range(50):
            t = time.perf_counter()
            dutylog.append(ctx, "市应急局电话抽查，在岗。", LogKind.INCOMING_CALL, caller_unit="市应急管理局")
            appends.append(time.perf_counter() - t)
        t = time.perf_counter()
        report = duty_chain.verify(ctx)
        verify = time.perf_counter() - t
        assert report.ok, report.reason
        t = time.perf_counter()
        day = dutylog.list_shift(ctx, dt.date(2026, 11, 28))
        listing = time.perf_counter() - t
        opened.db.dispose()
    print(f"append one entry (median of 50): {statistics.median(appends) * 1000:.1f} ms")
    print(f"verify {report.count} entries: {verify:.2f} s ({verify / report.count * 1e6:.1f} µs each)")
    print(f"list one duty day ({len(day)} entries): {listing * 1000:.1f} ms")


if __name__ == "__main__":
    main()
