"""Workers that the shared-server tests start as separate processes (each its own program on
the server, as two workstations are): ``python -m tests.postgres.workers KIND URL ...``.

Each prints one JSON line with what it did, for the test to judge.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import threading
import time
import uuid
from collections import Counter
from typing import Any

from app.domain.enums import DeadlineStage
from app.domain.live_events import ChangeEvent
from app.live.channel import LiveChannel
from app.live.listener import NullLiveListener
from app.models.db import Database
from app.scheduler.listener import NullListener
from app.scheduler.runtime import DutyScheduler
from app.services.context import Context
from app.services.incidents import chain
from app.services.office import trusted_time, users
from app.services.office.workstations import WorkstationInfo
from tests.services.incidents import inputs


def _signed_in(url: str, workstation: str) -> Context:
    db = Database(url, workstation=workstation)
    ctx = Context(db, trusted_time.clock_for(db))
    return ctx.acting_as(users.authenticate(ctx, "admin", "admin-pass-1"))


def record(url: str, workstation: str, threads: int, incidents: int, follow_ups: int, number: str) -> dict[str, Any]:
    """``threads`` threads record ``incidents`` incidents and ``follow_ups`` follow-ups of
    incident ``number`` between them, at once."""
    ctx = _signed_in(url, workstation)
    failures: Counter[str] = Counter()
    numbers: list[str] = []
    seqs: list[int] = []
    lock = threading.Lock()
    start = threading.Barrier(threads)

    def work(share_incidents: int, share_follow_ups: int) -> None:
        start.wait()
        for i in range(max(share_incidents, share_follow_ups)):
            try:
                if i < share_incidents:
                    info = inputs.record(ctx)
                    with lock:
                        numbers.append(info.number)
                if i < share_follow_ups:
                    facts = chain.baseline(ctx, number)
                    facts = dataclasses.replace(facts, measures=f"{facts.measures}；第{uuid.uuid4().hex[:6]}批增援到达")
                    report = chain.follow_up(ctx, number, facts)
                    with lock:
                        seqs.append(report.seq)
            except Exception as exc:  # counted, never hidden
                failures[f"{type(exc).__name__}: {exc}"[:160]] += 1

    pool = [threading.Thread(target=work, args=(incidents // threads, follow_ups // threads))
            for _ in range(threads)]
    began = time.monotonic()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    ctx.db.dispose()
    return {"numbers": numbers, "seqs": seqs, "failures": dict(failures),
            "seconds": round(time.monotonic() - began, 2)}


class _Ears(NullListener):
    """B's scheduler listener: when each alarm rang and when it went quiet (monotonic)."""

    def __init__(self) -> None:
        self.rang: dict[int, float] = {}
        self.silenced: dict[int, float] = {}
        self.event = threading.Event()

    def alarm(self, deadline_id: int, stage: str) -> None:
        self.rang.setdefault(deadline_id, time.time())

    def alarm_silenced(self, deadline_id: int) -> None:
        self.silenced[deadline_id] = time.time()
        self.event.set()


class _Poke(NullLiveListener):
    def __init__(self, scheduler: DutyScheduler) -> None:
        self.scheduler = scheduler

    def changed(self, event: ChangeEvent) -> None:
        if "deadlines" in event.topics:
            self.scheduler.poke()


def listen_alarms(url: str, workstation: str, seconds: float) -> dict[str, Any]:
    """Workstation B: its scheduler rings the due alarms; the live channel tells it of
    acknowledgments elsewhere. Prints ``ready`` once ringing, then when each went quiet."""
    db = Database(url, workstation=workstation)
    ctx = Context(db, trusted_time.clock_for(db))
    ears = _Ears()
    scheduler = DutyScheduler(ctx, ears)
    channel = LiveChannel(ctx, _Poke(scheduler))
    scheduler.start()
    channel.start()
    print(json.dumps({"ready": sorted(scheduler.alarms.ringing)}), flush=True)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and sys.stdin.readline().strip() != "done":
        pass
    channel.stop()
    scheduler.shutdown()
    db.dispose()
    return {"silenced": ears.silenced, "rang": ears.rang,
            "stages": {k: v.value for k, v in scheduler.alarms.ringing.items() if v is DeadlineStage.DUE}}


class _Collector(NullLiveListener):
    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []
        self.lost: list[float] = []
        self.back: list[float] = []
        self.online: list[list[str]] = []

    def changed(self, event: ChangeEvent) -> None:
        self.events.append({**event.to_json(), "heard": time.time()})

    def connection_lost(self, attempt: int, retry_in: float) -> None:
        self.lost.append(time.time())

    def connection_back(self, away_seconds: float) -> None:
        self.back.append(time.time())

    def workstations(self, online: list[WorkstationInfo]) -> None:
        self.online.append([w.name for w in online])


def main(argv: list[str]) -> int:
    kind, url, workstation = argv[0], argv[1], argv[2]
    if kind == "record":
        result = record(url, workstation, int(argv[3]), int(argv[4]), int(argv[5]), argv[6])
    elif kind == "alarms":
        result = listen_alarms(url, workstation, float(argv[3]))
    else:
        raise SystemExit(f"unknown worker {kind}")
    print(json.dumps(result, ensure_ascii=False), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
