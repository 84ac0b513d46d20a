"""iCalendar (RFC 5545) files of duty shifts, so a phone's calendar shows them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

PRODID = "-//DutyDesk//应急值守台//ZH"


@dataclass(frozen=True)
class CalendarEvent:
    uid: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    summary: str
    description: str = ""
    location: str = ""


def _escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\r\n", "\\n").replace("\n", "\\n"))


def _utc(value: dt.datetime) -> str:
    return value.astimezone(dt.UTC).strftime("%Y%m%dT%H%M%SZ")


def _fold(line: str) -> list[str]:
    """Lines of at most 75 octets, continuation lines starting with a space (RFC 5545 3.1)."""
    out: list[str] = []
    current, size = "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > (75 if not out else 74):
            out.append(current)
            current, size = "", 0
        current += ch
        size += n
    out.append(current)
    return [out[0], *(" " + part for part in out[1:])]


def calendar_text(events: Iterable[CalendarEvent], name: str, stamp: dt.datetime) -> str:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH", f"X-WR-CALNAME:{_escape(name)}"]
    for ev in events:
        lines += ["BEGIN:VEVENT", f"UID:{ev.uid}", f"DTSTAMP:{_utc(stamp)}",
                  f"DTSTART:{_utc(ev.starts_at)}", f"DTEND:{_utc(ev.ends_at)}",
                  f"SUMMARY:{_escape(ev.summary)}"]
        if ev.description:
            lines.append(f"DESCRIPTION:{_escape(ev.description)}")
        if ev.location:
            lines.append(f"LOCATION:{_escape(ev.location)}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(folded + "\r\n" for line in lines for folded in _fold(line))


def write_calendar(events: Iterable[CalendarEvent], name: str, stamp: dt.datetime, path: Path) -> None:
    path.write_bytes(calendar_text(events, name, stamp).encode("utf-8"))
