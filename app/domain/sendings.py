"""A sending of a report (报送, RULES.md §4): by phone first, then in writing by a means, to
whom, when, and for a written one who signed it off (签发人). Read at the edge, checked here.
"""

from __future__ import annotations

import datetime as dt
import enum
import zoneinfo
from dataclasses import dataclass
from typing import TypeVar

from app.domain.enums import Channel, Means
from app.domain.messages import Problem

SKEW = dt.timedelta(minutes=5)
MAX_TO, MAX_ISSUED_BY = 200, 50
E = TypeVar("E", bound=enum.Enum)


@dataclass(frozen=True)
class SendingInput:
    """What the operator says about one sending; ``at`` None means now."""

    channel: Channel
    to: str
    means: Means | None = None
    issued_by: str = ""
    at: dt.datetime | None = None


def _member(kind: type[E], value: str) -> E | None:
    word = value.strip()
    return next((m for m in kind if word in (m.value, getattr(m, "zh", None))), None)


def read_sending(*, channel: str, to: str, means: str | None = None, issued_by: str = "",
                 at: str | None = None, zone: zoneinfo.ZoneInfo) -> tuple[SendingInput | None, list[Problem]]:
    """Read the command line's words (identifiers or Chinese terms, an ISO 8601 time in the
    office's zone without an offset); the input, or the problems naming each field."""
    problems = []
    read_channel = _member(Channel, channel)
    if read_channel is None:
        problems.append(Problem("sending.bad_channel", None, {"value": channel, "field": "channel"}))
    read_means = _member(Means, means) if means else None
    if means and read_means is None:
        problems.append(Problem("sending.bad_means", None, {"value": means, "field": "means"}))
    when = None
    if at:
        try:
            when = dt.datetime.fromisoformat(at.strip().replace("Z", "+00:00"))
            when = (when if when.tzinfo else when.replace(tzinfo=zone)).astimezone(dt.UTC)
        except (ValueError, OverflowError):
            problems.append(Problem("sending.bad_time", None, {"value": at, "field": "at"}))
    if problems or read_channel is None:
        return None, problems
    return SendingInput(read_channel, to.strip(), read_means, issued_by.strip(), when), []


def check_sending(given: SendingInput, *, received_at: dt.datetime, now: dt.datetime,
                  zone: zoneinfo.ZoneInfo) -> list[Problem]:
    """What a sending must say: a written one its means and 签发人, any one whom it went to;
    its time between the receipt and now (a few minutes of clock skew allowed)."""
    out = []
    if given.channel is Channel.WRITTEN and given.means is None:
        out.append(Problem("sending.means_needed", None, {"field": "means"}))
    if given.channel is Channel.PHONE and given.means is not None:
        out.append(Problem("sending.means_phone", None, {"field": "means"}))
    if not given.to.strip():
        out.append(Problem("sending.to_needed", None, {"field": "to"}))
    elif len(given.to.strip()) > MAX_TO:
        out.append(Problem("sending.too_long", None, {"name": "主送机关", "field": "to", "max": MAX_TO}))
    if given.channel is Channel.WRITTEN and not given.issued_by.strip():
        out.append(Problem("sending.issued_by_needed", None, {"field": "issued_by"}))
    elif len(given.issued_by.strip()) > MAX_ISSUED_BY:
        out.append(Problem("sending.too_long", None, {"name": "签发人", "field": "issued_by",
                                                     "max": MAX_ISSUED_BY}))
    if given.at is not None:
        if given.at > now + SKEW:
            out.append(Problem("sending.future", None, {"field": "at"}))
        elif given.at < received_at - SKEW:
            local = received_at.astimezone(zone)
            out.append(Problem("sending.before_received", None, {
                "field": "at", "when": f"{local:%Y-%m-%d %H:%M}"}))
    return out
