"""Care of the database, at start and daily: integrity check, the chains and their anchors,
the daily backup.

Run by the scheduler's background thread right after start (DESIGN.md "Data": quick_check
within seconds, not after a delay) and every day after. A damaged file stops writes at once
and is reported with the latest good backup; a broken chain or anchor is reported loudly but
never stops the duty room nor the backup (the earlier backups keep the evidence).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import exc as sa_exc

from app.domain.errors import DatabaseDamaged, DutyDeskError
from app.domain.messages import text
from app.models.db import is_damage
from app.services.context import Actor, Context
from app.services.office import anchors, audit, backup, duty_chain, health
from app.services.office.zone import office_zone

log = logging.getLogger(__name__)


@dataclass
class HousekeepingReport:
    problems: list[str] = field(default_factory=list)
    backup_taken: str | None = None
    damaged: DatabaseDamaged | None = None  # the file failed quick_check: writes are stopped


def check_file(ctx: Context) -> DatabaseDamaged | None:
    """quick_check; on damage stop every write and name the latest good backup."""
    db = ctx.db
    try:
        problem = db.quick_check()
    except sa_exc.DBAPIError as exc:
        if not (db.is_sqlite and is_damage(exc)):
            raise health.translate(db, exc) from exc
        problem = str(exc.orig)
    if not problem:
        return None
    log.error("quick_check of %s failed: %s", db.display_location, problem)
    db.stop_writes(text("db.writes_stopped"))
    return health.damaged(db.path)


def check_chains(ctx: Context, *, since_verified: bool = False) -> list[str]:
    """A sentence for each broken chain and for the first anchor that no longer matches.

    The whole chains, after which the heads are recorded as verified (an anchor); with
    ``since_verified`` (at start) only the entries after the last verified heads, so that
    start-up does not grow with the log (the daily check and ``check`` walk the whole)."""
    since = anchors.last_verified(ctx) if since_verified else None
    chain = audit.verify(ctx, (since.audit_seq, since.audit_hash) if since else (0, audit.GENESIS))
    log_chain = duty_chain.verify(ctx, (since.log_seq, since.log_hash) if since else (0, audit.GENESIS))
    found = anchors.verify(ctx)
    broken = [line for line in (chain.sentence(), duty_chain.sentence(log_chain)) if line]
    if not broken and since is None and ctx.db.stopped is None:
        anchors.record(ctx.acting_as(Actor.system()), anchors.VERIFIED)
    return broken + found.problems()


def run_daily(ctx: Context, *, at_start: bool = False) -> HousekeepingReport:
    """Check the file, the chains (``at_start``: since the last verified heads) and their
    anchors; take today's backup when the file is healthy."""
    report = HousekeepingReport()
    report.damaged = check_file(ctx)
    if report.damaged is not None:
        return report
    report.problems += check_chains(ctx, since_verified=at_start)
    db = ctx.db
    if db.path is not None:
        tz = office_zone(ctx)
        now = ctx.clock.now()
        if not backup.has_daily_backup(db.path, now.astimezone(tz).date(), tz):
            try:
                report.backup_taken = str(backup.auto_backup(db.path, "daily", now))
            except DutyDeskError as exc:
                report.problems.append(exc.message)
    for line in report.problems:
        log.error("housekeeping: %s", line)
    return report
