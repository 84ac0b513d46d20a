"""dutydesk watch [--json]: print change events as they happen, one per line.

Useful on a wall display, or for a script that forwards alarms: with ``--json`` each line is
one object with ``event``, ``at``, ``workstation``, ``operator`` and the entity's key
(DESIGN.md "Command line"). On a server it hears every workstation at once (LISTEN); on a
single desk it reads the audit trail every second.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import zoneinfo

from app.cli.common import EXIT_OK, open_context, stderr
from app.domain.live_events import ChangeEvent
from app.domain.messages import CATALOG, text
from app.live.channel import LiveChannel
from app.services.office.workstations import WorkstationInfo
from app.services.office.zone import office_zone


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("watch", help="print change events as they happen, one per line")
    p.add_argument("--json", action="store_true", help="one JSON object per line")
    p.add_argument("--count", type=int, help="stop after this many events")
    p.add_argument("--seconds", type=float, help="stop after this many seconds")
    p.set_defaults(handler=cmd_watch)


def event_line(event: ChangeEvent, zone: zoneinfo.ZoneInfo) -> str:
    """One event as a person reads it."""
    code = f"event.{event.event}"
    what = text(code) if code in CATALOG else text("event.other")
    key = " ".join(str(v) for k, v in event.key.items() if k != "entity")
    where = text("watch.where", workstation=event.workstation) if event.workstation else ""
    return text("watch.line", at=event.at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"), what=what,
                key=key, operator=event.operator, where=where)


def event_json(event: ChangeEvent, zone: zoneinfo.ZoneInfo) -> str:
    data = event.to_json()
    data["at"] = event.at.astimezone(zone).isoformat(timespec="seconds")
    return json.dumps(data, ensure_ascii=False)


class Printer:
    """The channel's listener: prints events on stdout, the connection's news on stderr."""

    def __init__(self, zone: zoneinfo.ZoneInfo, as_json: bool, count: int | None) -> None:
        self.zone = zone
        self.as_json = as_json
        self.left = count
        self.done = threading.Event()

    def changed(self, event: ChangeEvent) -> None:
        if self.done.is_set():
            return
        print(event_json(event, self.zone) if self.as_json else event_line(event, self.zone), flush=True)
        if self.left is not None:
            self.left -= 1
            if self.left <= 0:
                self.done.set()

    def connection_lost(self, attempt: int, retry_in: float) -> None:
        stderr(text("live.lost", attempt=attempt, seconds=round(retry_in, 1)))

    def connection_back(self, away_seconds: float) -> None:
        stderr(text("live.back", seconds=round(away_seconds)))

    def workstations(self, online: list[WorkstationInfo]) -> None:
        pass


def cmd_watch(args: argparse.Namespace) -> int:
    ctx = open_context(args)
    printer = Printer(office_zone(ctx), args.json, args.count)
    channel = LiveChannel(ctx, printer, register=False)
    try:
        channel.start()
        if not args.json and sys.stderr.isatty():
            stderr(text("watch.listening"))
        printer.done.wait(args.seconds)
    except KeyboardInterrupt:  # Ctrl+C is how a watch ends
        pass
    finally:
        channel.stop()
        ctx.db.dispose()
    return EXIT_OK
