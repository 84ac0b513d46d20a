"""Nothing lost: ``incidents add`` and ``log add`` killed (SIGKILL) at random moments.

Real processes of the command line, three at a time on one database (an incident and two log
entries, so they also wait for each other's write lock), each killed at a random moment of its life: during start-up, while it opens
the database, in the middle of its write transaction or after it said it was done. Then
``check`` must find the file healthy with both chains intact, and every add that reported
success (printed its number) must be there. The figures are printed (run with -s to see).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from sqlalchemy import select

from app.models import DutyLogEntry, Incident
from app.services.context import Context
from tests.services.incidents.inputs import LANDSLIDE
from tests.services.office.test_health import cli

pytestmark = [pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals"),
              pytest.mark.subprocesses]

KILLS_WANTED = 50
MAX_ROUNDS = 120


@dataclass
class Tally:
    runs: int = 0
    kills: int = 0
    completed: int = 0
    incidents: set[str] = field(default_factory=set)  # numbers printed by a finished add
    log_ids: set[int] = field(default_factory=set)


def _command(db: Path, *argv: str) -> list[str]:
    return [sys.executable, "-m", "app", "--db", str(db), *argv]


def _spawn(args: list[str], env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def _reap(proc: subprocess.Popen[str], spawned: float, deadline: float, tally: Tally,
          kind: str) -> float | None:
    """Kill the process at ``deadline`` unless it ended before; count what it reported. How
    long it lived when it ended by itself (None when killed)."""
    while proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.005)
    lived: float | None = time.monotonic() - spawned
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
        tally.kills += 1
        lived = None
    out, err = proc.communicate(timeout=60)
    tally.runs += 1
    assert "Traceback" not in err, err
    if proc.returncode == 0:
        tally.completed += 1
        printed = out.strip()
        if kind == "incident":
            tally.incidents.add(printed)
        else:
            tally.log_ids.add(int(printed))
    else:
        assert proc.returncode == -signal.SIGKILL, (proc.returncode, err)
    return lived


def test_kills_at_random_moments_lose_nothing_reported(office_ctx: Context, db_path: Path,
                                                       tmp_path: Path) -> None:
    office_ctx.db.dispose()
    env = dict(os.environ, DUTYDESK_HOME=str(tmp_path / "home"))
    incident = tmp_path / "incident.json"
    occurred = dt.datetime.now(dt.UTC).replace(microsecond=0) - dt.timedelta(hours=1)
    incident.write_text(json.dumps({**LANDSLIDE, "occurred_at": occurred.isoformat()},
                                   ensure_ascii=False), encoding="utf-8")
    rng = random.Random(13)
    tally = Tally()
    # how long a pair of runs lives, measured: the kills spread over that life and beyond
    lives: list[float] = []
    rounds = 0
    while tally.kills < KILLS_WANTED and rounds < MAX_ROUNDS:
        rounds += 1
        pair = []
        for kind, argv in (("incident", ("incidents", "add", str(incident))),
                           ("log", ("log", "add", f"第 {rounds} 次巡查")),
                           ("log", ("log", "add", f"第 {rounds} 次电话抽查"))):
            spawned = time.monotonic()
            # over the whole life and beyond: start-up, opening, writing, done
            typical = sorted(lives)[len(lives) // 2] if lives else 0.0
            moment = typical * rng.uniform(0.3, 1.4) if typical else 120.0
            pair.append((spawned + moment, spawned, kind, _spawn(_command(db_path, *argv), env)))
        for deadline, spawned, kind, proc in sorted(pair, key=lambda p: p[0]):
            lived = _reap(proc, spawned, deadline, tally, kind)
            if lived is not None:
                lives.append(lived)
    print(f"\nkills: {tally.kills} of {tally.runs} runs ({tally.completed} completed); "
          f"a run lives {sorted(lives)[len(lives) // 2]:.2f} s")
    assert tally.kills >= KILLS_WANTED

    code, out, err = cli("--db", str(db_path), "check")
    assert code == 0, err
    assert "数据库完好" in out and "值班日志" in out
    with office_ctx.db.read() as s:
        numbers = set(s.scalars(select(Incident.number)))
        log_ids = set(s.scalars(select(DutyLogEntry.id)))
    lost = (tally.incidents - numbers) | {str(i) for i in tally.log_ids - log_ids}
    print(f"records reported done: {len(tally.incidents)} incidents, {len(tally.log_ids)} log "
          f"entries; lost: {len(lost)}")
    assert lost == set()

