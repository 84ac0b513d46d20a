"""Daily care of the database: integrity check, audit chain, the daily backup."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from app.domain.errors import DutyDeskError
from app.domain.messages import text
from app.services.context import Context
from app.services.office import audit, backup, duty_chain
from app.services.office.zone import office_zone

log = logging.getLogger(__name__)


@dataclass
class HousekeepingReport:
    problems: list[str] = field(default_factory=list)
    backup_taken: str | None = None


def run_daily(ctx: Context) -> HousekeepingReport:
    """Check the file, the audit chain and the duty log's chain; take today's backup when the file is healthy.

    A broken audit chain is reported (loudly, by the caller) but never stops the backup or
    the duty room: the trail's damage is already preserved in the previous backups.
    """
    report = HousekeepingReport()
    db = ctx.db
    problem = db.quick_check()
    if problem:
        report.problems.append(text("db.damaged", detail=problem))
        return report
    chain = audit.verify(ctx)
    if not chain.ok:
        report.problems.append(chain.sentence())
    log_chain = duty_chain.verify(ctx)
    if not log_chain.ok:
        report.problems.append(duty_chain.sentence(log_chain))
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
