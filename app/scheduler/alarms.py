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
from app.domain.errors import DatabaseUnavailable
from app.scheduler.listener import SchedulerListener
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.lifecycle import DeadlineInfo

log = logging.getLogger(__name__)

# A stage job may wake this much before its stage by the trusted time (the scheduler's wall
# clock and the trusted time part by milliseconds); earlier means the wall clock jumped.
JOB_SLACK = dt.timedelta(seconds=5)
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
        # The open deadlines as last read: alarms go on from these while the server is away.
        self._held: dict[int, DeadlineInfo] = {}
        self._stages = dr.StageSettings()

    @property
    def ringing(self) -> dict[int, DeadlineStage]:
        """The alarms rung and not yet acknowledged (deadline id -> stage)."""
        with self._lock:
            return {i: seen.stage for i, seen in self._seen.items()}

    def reconcile(self) -> None:
        """Make the jobs match the table; alarm what is already due and not yet seen."""
        with self._lock:
            now = self.ctx.clock.now()
            try:
                stages = rule_profiles.stage_settings(self.ctx)
                open_items = deadlines.list_open(self.ctx)
            except DatabaseUnavailable:  # the server is away: ring on from what is held
                self._ring_held(now)
                raise
            self._held = {d.id: d for d in open_items}
            self._stages = stages
            self._silence_acknowledged(now, stages)
            self._plan(open_items, now, stages)

    def _ring_held(self, now: dt.datetime) -> None:
        for item in self._held.values():
            self._alarm_if_due(item, now, self._stages)

    def _silence_acknowledged(self, now: dt.datetime, stages: dr.StageSettings) -> None:
        """Alarms acknowledged here or on another workstation stop ringing."""
        for deadline_id in list(self._seen):
            item = self._held.get(deadline_id)
            if item is None or item.acknowledged(dr.stage_at(item.due_at, now, stages)):
                del self._seen[deadline_id]
                self.listener.alarm_silenced(deadline_id)

    def _alarm_if_due(self, item: DeadlineInfo, now: dt.datetime, stages: dr.StageSettings) -> None:
        seen = self._seen.get(item.id)
        current = dr.stage_at(item.due_at, now, stages)
        if current is not DeadlineStage.PENDING and not item.acknowledged(current):
            repeat = dt.timedelta(minutes=stages.repeat_minutes)
            if seen is None or seen.stage.rank < current.rank or (
                current is DeadlineStage.OVERDUE and now - seen.at >= repeat
            ):
                self._fire(item.id, current, now)

    def _plan(self, open_items: list[DeadlineInfo], now: dt.datetime, stages: dr.StageSettings) -> None:
        """Alarm what is due; a job for each later stage (at its wall-clock time)."""
        wall_now = dt.datetime.now(dt.UTC)
        signature = tuple((d.id, d.due_at, d.version) for d in open_items)
        if signature != self._signature:
            self._signature = signature
            self.listener.deadlines_changed()
        wanted_jobs: set[str] = set()
        for item in open_items:
            seen = self._seen.get(item.id)
            if seen is not None and seen.due_at != item.due_at:  # moved: start over
                del self._seen[item.id]
            self._alarm_if_due(item, now, stages)
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
            now = self.ctx.clock.now()
            try:
                item = deadlines.get(self.ctx, deadline_id)
            except DatabaseUnavailable:  # the server is away: the deadline as last read
                held = self._held.get(deadline_id)
                if held is None:
                    return
                item = held
            except Exception:
                return
            if not item.is_open or item.acknowledged(stage):
                return
            if dr.stage_at(item.due_at, now + JOB_SLACK, self._stages).rank < stage.rank:
                return  # woken early (the wall clock jumped ahead): the next pass re-plans
            seen = self._seen.get(deadline_id)
            if seen is not None and seen.stage.rank >= stage.rank and stage is not DeadlineStage.OVERDUE:
                return
            self._fire(deadline_id, stage, now)

    def replay(self) -> None:
        """Announce again every alarm still ringing (a new window took over the screen)."""
        with self._lock:
            for deadline_id, seen in list(self._seen.items()):
                self.listener.alarm(deadline_id, seen.stage.value)

    def _fire(self, deadline_id: int, stage: DeadlineStage, now: dt.datetime) -> None:
        held = self._held.get(deadline_id)
        item_due = held.due_at if held is not None else deadlines.get(self.ctx, deadline_id).due_at
        self._seen[deadline_id] = _Seen(stage, now, item_due)
        log.info("alarm: deadline %s reached %s", deadline_id, stage.value)
        self.listener.alarm(deadline_id, stage.value)
