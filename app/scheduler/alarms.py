"""Deadline alarms: one APScheduler job per deadline stage, rebuilt from the deadlines table.

The table is the truth. ``reconcile`` reads the open deadlines and makes the jobs match:
a stage already reached alarms at once (so a deadline that fell due while the program was
closed alarms the moment it starts), later stages get a job ``deadline:<id>:<stage>`` at their
time, and an unacknowledged overdue deadline repeats every few minutes. Stage times come from
the injected clock and are mapped onto the scheduler's wall clock by their distance from now.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from apscheduler.schedulers.base import BaseScheduler

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage
from app.scheduler.listener import SchedulerListener
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles

log = logging.getLogger(__name__)

ALARM_STAGES = (DeadlineStage.NOTICE, DeadlineStage.URGENT, DeadlineStage.DUE, DeadlineStage.OVERDUE)


def job_id(deadline_id: int, stage: DeadlineStage) -> str:
    return f"deadline:{deadline_id}:{stage.value}"


@dataclass
class _Seen:
    stage: DeadlineStage
    at: dt.datetime
    due_at: dt.datetime


class AlarmBook:
    """What this workstation has alarmed, and the jobs that will alarm next."""

    def __init__(self, ctx: Context, scheduler: BaseScheduler, listener: SchedulerListener,
                 job_function: Callable[[str, int, str], None], runtime_id: str) -> None:
        """``job_function(runtime_id, deadline_id, stage)`` is the module-level function the
        scheduler calls to sound an alarm (a persistent job holds only ids)."""
        self.ctx = ctx
        self.scheduler = scheduler
        self.listener = listener
        self.job_function = job_function
        self.runtime_id = runtime_id
        self._seen: dict[int, _Seen] = {}
        self._lock = threading.RLock()
        self._signature: tuple = ()

    def reconcile(self) -> None:
        """Make the jobs match the table; alarm what is already due and not yet seen."""
        with self._lock:
            now = self.ctx.clock.now()
            wall_now = dt.datetime.now(dt.UTC)
            stages = rule_profiles.stage_settings(self.ctx)
            open_items = deadlines.list_open(self.ctx)
            signature = tuple((d.id, d.due_at, d.version) for d in open_items)
            if signature != self._signature:
                self._signature = signature
                self.listener.deadlines_changed()
            open_ids = {d.id for d in open_items}
            for gone in set(self._seen) - open_ids:
                del self._seen[gone]
            wanted_jobs: set[str] = set()
            for item in open_items:
                seen = self._seen.get(item.id)
                if seen is not None and seen.due_at != item.due_at:  # moved: start over
                    del self._seen[item.id]
                    seen = None
                current = dr.stage_at(item.due_at, now, stages)
                if current is not DeadlineStage.PENDING and not item.acknowledged(current):
                    repeat = dt.timedelta(minutes=stages.repeat_minutes)
                    if seen is None or seen.stage.rank < current.rank or (
                        current is DeadlineStage.OVERDUE and now - seen.at >= repeat
                    ):
                        self._fire(item.id, current, now)
                for stage, at in dr.stage_times(item.due_at, stages).items():
                    if at > now:
                        jid = job_id(item.id, stage)
                        wanted_jobs.add(jid)
                        run_at = wall_now + (at - now)
                        job = self.scheduler.get_job(jid)
                        if job is None or abs((job.next_run_time - run_at).total_seconds()) > 0.5:
                            self.scheduler.add_job(
                                self.job_function, "date", run_date=run_at, id=jid,
                                args=[self.runtime_id, item.id, stage.value], replace_existing=True,
                            )
            for job in self.scheduler.get_jobs():
                if job.id.startswith("deadline:") and job.id not in wanted_jobs:
                    job.remove()

    def stage_reached(self, deadline_id: int, stage: DeadlineStage) -> None:
        """A stage job fired: alarm unless the deadline closed or was seen meanwhile."""
        with self._lock:
            try:
                item = deadlines.get(self.ctx, deadline_id)
            except Exception:
                return
            if not item.is_open or item.acknowledged(stage):
                return
            seen = self._seen.get(deadline_id)
            if seen is not None and seen.stage.rank >= stage.rank and stage is not DeadlineStage.OVERDUE:
                return
            self._fire(deadline_id, stage, self.ctx.clock.now())

    def replay(self) -> None:
        """Announce again every alarm still ringing (a new window took over the screen)."""
        with self._lock:
            for deadline_id, seen in list(self._seen.items()):
                self.listener.alarm(deadline_id, seen.stage.value)

    def _fire(self, deadline_id: int, stage: DeadlineStage, now: dt.datetime) -> None:
        item_due = deadlines.get(self.ctx, deadline_id).due_at
        self._seen[deadline_id] = _Seen(stage, now, item_due)
        log.info("alarm: deadline %s reached %s", deadline_id, stage.value)
        self.listener.alarm(deadline_id, stage.value)
