"""The live channel on a single desk: this program's changes at once, another program's from
the audit trail within a second, each once and in order; events read back from NOTIFY."""

from __future__ import annotations

import datetime as dt
import threading
import time

from app.domain.live_events import ChangeEvent, from_audit, from_payload
from app.live.channel import LiveChannel, backoff
from app.live.listener import NullLiveListener
from app.models.db import Database
from app.services.context import Context
from app.services.dutylog import entries as dutylog
from tests.services.incidents import inputs


class Heard(NullLiveListener):
    def __init__(self) -> None:
        self.events: list[tuple[float, ChangeEvent]] = []
        self.arrived = threading.Event()

    def changed(self, event: ChangeEvent) -> None:
        self.events.append((time.monotonic(), event))
        self.arrived.set()


def test_a_desk_hears_itself_at_once_and_another_program_within_a_second(office_ctx: Context) -> None:
    heard = Heard()
    channel = LiveChannel(office_ctx, heard, register=False)
    channel.start()
    other_db = Database(office_ctx.db.url, workstation="命令行")
    try:
        began = time.monotonic()
        number = inputs.record(office_ctx).number
        assert heard.arrived.wait(1)
        first = heard.events[0]
        assert first[1].event == "incident_recorded" and first[1].key == {"number": number}
        assert first[0] - began < 0.5
        entry = dutylog.append(Context(other_db, office_ctx.clock, office_ctx.actor), "另一程序写入", "note")
        deadline = time.monotonic() + 2
        def logged() -> list[int]:
            return [e.key["id"] for _, e in heard.events if e.event == "log_entry"]

        while entry.id not in logged() and time.monotonic() < deadline:
            time.sleep(0.05)
        # recording the incident wrote its 接报 entry first (the report chain's duty log)
        assert logged() == [entry.id - 1, entry.id]
        seqs = [e.seq for _, e in heard.events]
        assert seqs == sorted(set(seqs))
    finally:
        channel.stop()
        other_db.dispose()


def test_an_event_travels_as_json_and_comes_back_the_same() -> None:
    at = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)
    event = from_audit(seq=7, at=at, actor="admin", action="acknowledge", entity="deadline",
                       entity_id="12", after={"incident": "2026-0003"}, workstation="值班室")
    assert event.to_json() == {"event": "deadline_acknowledged", "at": "2026-11-28T01:30:00+00:00",
                               "workstation": "值班室", "operator": "admin", "entity": "deadline",
                               "id": 12, "incident_number": "2026-0003", "seq": 7}
    assert from_payload(event.payload()) == event
    assert event.deadline_id == 12 and "deadlines" in event.topics


def test_reconnection_pauses_grow_then_stay_short() -> None:
    assert [backoff(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 2.0, 2.0]
