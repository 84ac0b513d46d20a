"""The shared office on a real PostgreSQL server: numbers under concurrency, event latency
between two processes, and how fast an outage is noticed and recovered from.

    DUTYDESK_TEST_PG_URL=postgresql+psycopg://… [DUTYDESK_TEST_PG_CTL=… DUTYDESK_TEST_PG_OPTS=…] \\
        python bench/shared_office.py [--events 100] [--outage 5]

Empties the database it is given. Latency = when process B's LISTEN thread heard the event −
when process A began the write (a duty-log entry; both on this machine's clock). The outage part needs
the pg_ctl command of the server (as .ci/run exports it) and stops the server for ``--outage``
seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.domain.clock import SystemClock  # noqa: E402
from app.services.context import Actor, Context  # noqa: E402
from app.services.dutylog import entries as dutylog  # noqa: E402
from app.services.office import health, office, trusted_time  # noqa: E402
from tests import pgserver  # noqa: E402
from tests.services.incidents import inputs  # noqa: E402

LISTENER = """
import json, sys, time
from app.live.channel import LiveChannel
from app.models.db import Database
from app.services.context import Context
from app.services.office import trusted_time
url, count = sys.argv[1], int(sys.argv[2])
heard, lost, back = [], [], []
class Ears:
    def changed(self, e):
        if e.event == "log_entry":
            heard.append((e.key.get("id"), time.time()))
    def connection_lost(self, attempt, retry_in):
        lost.append(time.time())
    def connection_back(self, away):
        back.append(time.time())
    def workstations(self, online):
        pass
db = Database(url, workstation="B")
channel = LiveChannel(Context(db, trusted_time.clock_for(db)), Ears(), register=False)
channel.start()
print("ready", flush=True)
for line in sys.stdin:
    if line.strip() == "done":
        break
channel.stop()
print(json.dumps({"heard": heard, "lost": lost, "back": back}), flush=True)
"""


def office_on(url: str) -> Context:
    pgserver.empty_schema()
    db = health.open_database(url, SystemClock()).db
    ctx = Context(db, trusted_time.clock_for(db), Actor.command_line())
    return ctx.acting_as(office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234",
                                       admin_username="admin", admin_name="王建国",
                                       admin_password="admin-pass-1"))


def listener(url: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, "-c", LISTENER, url, "0"], cwd=ROOT, text=True,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ready"
    return proc


def finish(proc: subprocess.Popen[str]) -> dict:
    out, _ = proc.communicate("done\n", timeout=60)
    return json.loads(out.strip().splitlines()[-1])


def event_latency(ctx: Context, url: str, count: int) -> None:
    proc = listener(url)
    committed: dict[int, float] = {}
    for n in range(count):  # from the moment A starts the write: the save as B sees it
        began = time.time()
        entry = dutylog.append(ctx, f"延迟测量 {n}", "note")
        committed[entry.id] = began
        time.sleep(0.02)
    time.sleep(1)
    heard = {i: t for i, t in finish(proc)["heard"]}
    latencies = sorted((heard[i] - committed[i]) * 1000 for i in committed if i in heard)
    print(f"events between two processes: {len(latencies)}/{count} heard; latency p50 "
          f"{statistics.median(latencies):.1f} ms, p95 {latencies[int(len(latencies) * 0.95) - 1]:.1f} ms, "
          f"max {latencies[-1]:.1f} ms")


def concurrency(ctx: Context, url: str) -> None:
    number = inputs.record(ctx).number
    procs = [subprocess.Popen([sys.executable, "-m", "tests.postgres.workers", "record", url, f"W{n}", "4",
                               "100", str(f), number], cwd=ROOT, text=True, stdout=subprocess.PIPE,
                              env={**os.environ, "PYTHONPATH": str(ROOT)}) for n, f in ((1, 52), (2, 48))]
    results = [json.loads(p.communicate(timeout=600)[0].strip().splitlines()[-1]) for p in procs]
    numbers = [x for r in results for x in r["numbers"]]
    seqs = [x for r in results for x in r["seqs"]]
    print(f"2 processes x 4 threads: {len(numbers)} incidents ({len(set(numbers))} distinct numbers), "
          f"{len(seqs)} follow-ups ({len(set(seqs))} distinct), failures "
          f"{sum(sum(r['failures'].values()) for r in results)}, "
          f"{max(r['seconds'] for r in results)} s")


def outage(url: str, seconds: float) -> None:
    if not pgserver.PG_CTL:
        print("outage: skipped (DUTYDESK_TEST_PG_CTL not set)")
        return
    proc = listener(url)
    stopped = time.time()
    pgserver.stop_server()
    time.sleep(seconds)
    started = time.time()
    pgserver.start_server()
    ready = time.time()
    time.sleep(6)
    result = finish(proc)
    lost, back = result["lost"], result["back"]
    print(f"outage of {seconds:.0f} s: noticed {(lost[0] - stopped) * 1000:.0f} ms after the stop began; "
          f"back {back[0] - started:.2f} s after the start began ({back[0] - ready:.2f} s after the "
          f"server accepted connections); {len(lost)} reconnection attempts")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=100)
    parser.add_argument("--outage", type=float, default=5.0)
    args = parser.parse_args()
    url = os.environ.get("DUTYDESK_TEST_PG_URL")
    if not url:
        print("DUTYDESK_TEST_PG_URL not set: no server to measure")
        return 0
    ctx = office_on(url)
    try:
        concurrency(ctx, url)
        event_latency(ctx, url, args.events)
        outage(url, args.outage)
    finally:
        if pgserver.PG_CTL:
            pgserver.start_server()
        ctx.db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
