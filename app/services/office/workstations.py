"""The workstations on one database (DESIGN.md "Several workstations"): each registers itself
at start (its name, the operating-system account, the program's version), says who is signed
in there, is heard from every few seconds while it runs (``last_seen`` by the server's clock)
and leaves when it closes. The status bar shows who is online where."""

from __future__ import annotations

import datetime as dt
import getpass
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import __version__
from app.models import Workstation
from app.services.context import Actor, Context
from app.services.office import audit

ONLINE_WITHIN = dt.timedelta(seconds=60)  # heard from this recently: online
HEARTBEAT_SECONDS = 15.0


@dataclass(frozen=True)
class WorkstationInfo:
    name: str
    os_account: str
    operator: str
    operator_name: str
    last_seen: dt.datetime
    online: bool


def os_account() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some service environments
        return "unknown"


def _now(s: Session, ctx: Context) -> dt.datetime:
    """The server's clock on a server (``now()``), the trusted clock on a single desk."""
    if ctx.db.is_sqlite:
        return ctx.clock.now()
    value = s.scalar(select(func.now()))
    assert isinstance(value, dt.datetime)
    return value.astimezone(dt.UTC)


def _row(s: Session, name: str) -> Workstation | None:
    return s.scalar(select(Workstation).where(Workstation.name == name).with_for_update())


def _writer(ctx: Context) -> Context:
    return ctx if ctx.actor is not None else ctx.acting_as(Actor.system("workstation"))


def register(ctx: Context) -> None:
    """This workstation (``ctx.db.workstation``) starts: it appears online, nobody signed in."""
    name = ctx.db.workstation
    with ctx.db.write() as s:
        now = _now(s, ctx)
        row = _row(s, name)
        if row is None:
            row = Workstation(name=name, started_at=now, last_seen=now)
            s.add(row)
        row.os_account, row.program_version = os_account(), __version__
        row.operator, row.operator_name = "", ""
        row.started_at, row.last_seen, row.left_at = now, now, None
        s.flush()
        audit.record(s, _writer(ctx), "register", "workstation", name,
                     after={"os_account": row.os_account, "version": __version__})


def signed_in(ctx: Context) -> None:
    """The operator of ``ctx`` now works at this workstation (sign-in, switch operator)."""
    actor = ctx.actor
    with ctx.db.write() as s:
        now = _now(s, ctx)
        row = _row(s, ctx.db.workstation)
        if row is None:
            row = Workstation(name=ctx.db.workstation, os_account=os_account(),
                              program_version=__version__, started_at=now, last_seen=now)
            s.add(row)
        row.operator = actor.label if actor else ""
        row.operator_name = (actor.display_name or actor.name) if actor else ""
        row.last_seen, row.left_at = now, None
        s.flush()
        audit.record(s, _writer(ctx), "operator", "workstation", row.name,
                     after={"operator": row.operator})


def heartbeat(ctx: Context) -> None:
    """Still here (not audited: a beat every few seconds is no change)."""
    with ctx.db.write() as s:
        row = _row(s, ctx.db.workstation)
        if row is not None:
            row.last_seen = _now(s, ctx)
            row.left_at = None


def leave(ctx: Context) -> None:
    """This workstation closes."""
    with ctx.db.write() as s:
        row = _row(s, ctx.db.workstation)
        if row is None:
            return
        row.left_at = _now(s, ctx)
        row.operator, row.operator_name = "", ""
        s.flush()
        audit.record(s, _writer(ctx), "leave", "workstation", row.name)


def listing(ctx: Context) -> list[WorkstationInfo]:
    """Every workstation known, online ones first (by name)."""
    with ctx.db.read() as s:
        now = _now(s, ctx)
        out = [WorkstationInfo(r.name, r.os_account, r.operator, r.operator_name, r.last_seen,
                               r.left_at is None and now - r.last_seen <= ONLINE_WITHIN)
               for r in s.scalars(select(Workstation).order_by(Workstation.name))]
    return sorted(out, key=lambda w: (not w.online, w.name))


def online(ctx: Context) -> list[WorkstationInfo]:
    return [w for w in listing(ctx) if w.online]
