"""Small validators shared by services; each returns Problems rather than raising."""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo

from app.domain.messages import Problem

_PHONE = re.compile(r"^\+?[0-9][0-9 \-]*$")
_USERNAME = re.compile(r"^[A-Za-z0-9._-]{2,32}$")


def required(value: str | None, field: str, max_len: int = 200) -> list[Problem]:
    value = (value or "").strip()
    if not value:
        return [Problem("required", field)]
    if len(value) > max_len:
        return [Problem("too_long", field, {"max": max_len})]
    return []


def optional_text(value: str | None, field: str, max_len: int = 200) -> list[Problem]:
    if value and len(value.strip()) > max_len:
        return [Problem("too_long", field, {"max": max_len})]
    return []


def phone(value: str | None, field: str, *, is_required: bool = False) -> list[Problem]:
    value = (value or "").strip()
    if not value:
        return [Problem("required", field)] if is_required else []
    digits = sum(ch.isdigit() for ch in value)
    if not _PHONE.match(value) or digits < 5 or len(value) > 32:
        return [Problem("bad_phone", field, {"value": value})]
    return []


def timezone(value: str | None, field: str) -> list[Problem]:
    value = (value or "").strip()
    if not value:
        return [Problem("required", field)]
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return [Problem("bad_timezone", field, {"value": value})]
    return []


def username(value: str | None, field: str = "user.username") -> list[Problem]:
    value = (value or "").strip()
    if not value:
        return [Problem("required", field)]
    if not _USERNAME.match(value):
        return [Problem("bad_username", field)]
    return []


# The days a duty roster, a log or a report may fall on: a value outside is a typing mistake
# (a number in a date cell, a year typed wrong), and beyond them dates leave Python's range.
DUTY_DATES = (dt.date(2000, 1, 1), dt.date(2099, 12, 31))


def date_in_range(value: dt.date, field: str | None, shown: str | None = None) -> list[Problem]:
    """A problem when ``value`` lies outside DUTY_DATES (``shown``: the text as typed)."""
    first, last = DUTY_DATES
    if first <= value <= last:
        return []
    return [Problem("input.date_range", field, {"value": shown or value.isoformat(),
                                                "first": first.isoformat(), "last": last.isoformat()})]
