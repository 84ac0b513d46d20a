"""Several workstations on one PostgreSQL server at once (DESIGN.md "Several workstations").

Two processes of four threads each record incidents and follow-ups together; an
acknowledgment in one process silences the alarm in another within a second; ``watch`` hears
an incident recorded by another process. Runs against DUTYDESK_TEST_PG_URL (``.ci/run``
starts a throwaway server); skipped, saying so, without it.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.domain.clock import SystemClock
from app.domain.enums import ReportKind
from app.models.db import Database
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import health, office, trusted_time
from tests.pgserver import empty_schema, needs_server
from tests.services.incidents import inputs

pytestmark = needs_server
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def admin() -> Iterator[Context]:
    """An office on an empty server database, acting as its administrator (trusted time)."""
    url = empty_schema()
    db = health.open_database(url, SystemClock()).db
    db.workstation = "值班室一"
    ctx = Context(db, trusted_time.clock_for(db), Actor.command_line())
    actor = office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234",
                          admin_username="admin", admin_name="王建国", admin_password="admin-pass-1")
    yield ctx.acting_as(actor)
    db.dispose()


def worker(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "tests.postgres.workers", *args], cwd=ROOT,
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)})


def last_json(proc: subprocess.Popen[str], timeout: float = 300) -> dict:
    out, _ = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, out
    return json.loads(out.strip().splitlines()[-1])


def test_two_processes_of_four_threads_never_take_the_same_number(admin: Context) -> None:
    url = admin.db.url.render_as_string(hide_password=False)
    number = inputs.record(admin).number
    procs = [worker("record", url, f"工作站{n}", "4", "100", str(f), number) for n, f in ((1, 52), (2, 48))]
    results = [last_json(p) for p in procs]
    failures = [r["failures"] for r in results]
    numbers = [n for r in results for n in r["numbers"]]
    seqs = [s for r in results for s in r["seqs"]]
    print(f"\n2 processes x 4 threads: {len(numbers)} incidents, {len(seqs)} follow-ups, "
          f"failures {failures}, {max(r['seconds'] for r in results)} s")
    assert failures == [{}, {}]
    assert len(numbers) == 200 and len(set(numbers)) == 200
    assert len(seqs) == 100 and sorted(seqs) == list(range(1, 101))
    with admin.db.read() as s:
        from sqlalchemy import text
        assert s.execute(text("SELECT count(*), count(DISTINCT number) FROM incident")).one() == (201, 201)
        follow_ups = s.execute(text(
            "SELECT count(*), count(DISTINCT seq) FROM report r JOIN incident i ON i.id = r.incident_id "
            "WHERE i.number = :n AND r.kind = 'follow-up'"), {"n": number}).one()
    assert follow_ups == (100, 100)


def test_an_acknowledgment_here_silences_the_alarm_there_within_a_second(admin: Context) -> None:
    url = admin.db.url.render_as_string(hide_password=False)
    now = admin.clock.now()
    with admin.db.write() as s:  # due in five minutes: ringing (urgent) at once
        ids = [deadlines.add_in(s, admin, what=f"续报 {n}", report_kind=ReportKind.FOLLOW_UP,
                                channel="written", due_at=now + dt.timedelta(minutes=5)).id
               for n in range(100)]
    b = worker("alarms", url, "领导办公室", "120")
    assert b.stdout is not None
    ready = json.loads(b.stdout.readline())
    assert sorted(ready["ready"]) == ids  # every alarm rings on workstation B
    acked_at: dict[int, float] = {}
    for deadline_id in ids:
        deadlines.acknowledge(admin, deadline_id)
        acked_at[deadline_id] = time.time()
        time.sleep(0.02)
    time.sleep(1.0)
    assert b.stdin is not None
    b.stdin.write("done\n")
    b.stdin.flush()
    result = last_json(b)
    silenced = {int(k): v for k, v in result["silenced"].items()}
    latencies = sorted(silenced[i] - acked_at[i] for i in ids)
    p50 = statistics.median(latencies)
    p95 = latencies[94]
    print(f"\nacknowledgment in A -> alarm silent in B, 100 alarms: p50 {p50 * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {latencies[-1] * 1000:.0f} ms")
    assert set(silenced) == set(ids)
    assert latencies[-1] < 1.0


def test_watch_hears_an_incident_recorded_by_another_process(admin: Context) -> None:
    url = admin.db.url.render_as_string(hide_password=False)
    watch = subprocess.Popen([sys.executable, "-m", "app.main", "--db", url, "watch", "--json",
                              "--count", "1", "--seconds", "60"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    time.sleep(3)  # the watch is listening (a process's start-up)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "DUTYDESK_PASSWORD": "admin-pass-1"}
    data = json.dumps(inputs.LANDSLIDE, ensure_ascii=False)
    added = subprocess.run([sys.executable, "-m", "app.main", "--db", url, "--user", "admin",
                            "incidents", "add", "-"], cwd=ROOT, input=data, capture_output=True,
                           text=True, env=env, timeout=60)
    assert added.returncode == 0, added.stderr
    out, err = watch.communicate(timeout=60)
    assert watch.returncode == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    # the first event of that transaction, with the keys DESIGN.md names
    assert lines[0]["event"] in ("signed_in", "incident_recorded")
    assert {"event", "at", "workstation", "operator"} <= set(lines[0])


def test_watch_prints_what_the_other_process_recorded(admin: Context) -> None:
    url = admin.db.url.render_as_string(hide_password=False)
    watch = subprocess.Popen([sys.executable, "-m", "app.main", "--db", url, "watch", "--json",
                              "--count", "3", "--seconds", "60"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    time.sleep(3)
    other = Database(admin.db.url, workstation="领导办公室")
    try:
        ctx = Context(other, trusted_time.clock_for(other), admin.actor)
        number = inputs.record(ctx).number
    finally:
        other.dispose()
    out, err = watch.communicate(timeout=60)
    assert watch.returncode == 0, err
    lines = [json.loads(line) for line in out.splitlines()]
    recorded = [e for e in lines if e["event"] == "incident_recorded"]
    assert recorded == [{**recorded[0], "number": number, "workstation": "领导办公室", "operator": "admin"}]
    assert dt.datetime.fromisoformat(recorded[0]["at"]).utcoffset() == dt.timedelta(hours=8)
