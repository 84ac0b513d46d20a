"""The office's time zone and today's date in it: every feature speaks of the office's local time.

Times are stored in UTC; dates a duty room talks about (a duty day, an absence, a holiday) are
dates in the office's zone. An unknown zone name falls back to the default (Asia/Shanghai).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.models import Office
from app.services.context import Context

DEFAULT_ZONE = "Asia/Shanghai"


def _zone(name: str | None) -> zoneinfo.ZoneInfo:
    try:
        return zoneinfo.ZoneInfo(name or DEFAULT_ZONE)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return zoneinfo.ZoneInfo(DEFAULT_ZONE)


def zone_in(session: Session) -> zoneinfo.ZoneInfo:
    """The office's zone, read in the caller's transaction."""
    return _zone(session.scalar(select(Office.timezone).order_by(Office.id).limit(1)))


def office_zone(ctx: Context) -> zoneinfo.ZoneInfo:
    """The office's zone, read in a transaction of its own."""
    with ctx.db.read() as session:
        return zone_in(session)


def office_today(session: Session, ctx: Context) -> dt.date:
    """Today in the office's time zone (the date absences and rosters speak of)."""
    return ctx.clock.now().astimezone(zone_in(session)).date()


def local_today(ctx: Context) -> dt.date:
    """Today in the office's time zone, in a transaction of its own."""
    return ctx.clock.now().astimezone(office_zone(ctx)).date()
