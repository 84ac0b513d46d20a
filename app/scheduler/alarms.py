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
import time
from collections.abc import Callable
from dataclasses import dataclass

from apscheduler.schedulers.base import BaseScheduler

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage
from app.domain.errors import DatabaseUnavailable, NotFound
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
    """A stage the UI said it showed (``at``: when it was sounded, on the injected clock)."""

    stage: DeadlineStage
    at: dt.datetime
    due_at: dt.datetime


@dataclass
class _Sent:
    """A stage handed to the listener and not yet shown by the UI (``wall``: monotonic time)."""

    stage: DeadlineStage
    at: dt.datetime
    due_at: dt.datetime
    wall: float


class AlarmBook:
    """What this workstation has alarmed, and the jobs that will alarm next.

    A stage counts as shown only when the UI says so (``shown``); until then it is sent again
    on every pass that comes ``resend_after`` seconds or more after the last sending, so a
    signal lost on the way, or a UI that failed to show it, costs seconds, not the stage.
    The open deadlines as last read are held, so alarms ring on while the server is away; an
    acknowledgment made here or on another workstation silences the alarm.
    """

    resend_after = 3.0  # seconds the UI has to confirm before the stage is sent again

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
        self._sent: dict[int, _Sent] = {}
        self._lock = threading.RLock()
        self._acks: list[tuple[int, DeadlineStage]] = []
        self._ack_lock = threading.Lock()  # never held across database work: the GUI takes it
        self._signature: tuple = ()
        # The open deadlines as last read: alarms go on from these while the server is away.
        self._held: dict[int, DeadlineInfo] = {}
        self._stages = dr.StageSettings()

    @property
    def ringing(self) -> dict[int, DeadlineStage]:
        """The alarms rung (shown or still being sent) and not yet acknowledged."""
        with self._lock:
            self._take_acks()
            return {**{i: s.stage for i, s in self._seen.items()},
                    **{i: s.stage for i, s in self._sent.items()}}

    # --- the pass --------------------------------------------------------------------------
    def reconcile(self) -> None:
        """Make the jobs match the table; alarm what is already due and not yet shown."""
        with self._lock:
            now = self.ctx.clock.now()
            wall_now = dt.datetime.now(dt.UTC)
            self._take_acks()
            try:
                stages = rule_profiles.stage_settings(self.ctx)
                open_items = deadlines.list_open(self.ctx)
            except DatabaseUnavailable:  # the server is away: ring on from what is held
                self._ring_held(now)
                raise
            self._held = {d.id: d for d in open_items}
            self._stages = stages
            self._note_changes(open_items)
            self._silence_acknowledged(now, stages)
            wanted_jobs: set[str] = set()
            for item in open_items:
                self._alarm_if_due(item, now, stages)
                wanted_jobs |= self._schedule(item, now, wall_now, stages)
            for job in self.scheduler.get_jobs():
                if job.id.startswith("deadline:") and job.id not in wanted_jobs:
                    job.remove()

    def _ring_held(self, now: dt.datetime) -> None:
        for item in self._held.values():
            self._alarm_if_due(item, now, self._stages)

    def _alarm_if_due(self, item: DeadlineInfo, now: dt.datetime, stages: dr.StageSettings) -> None:
        current = dr.stage_at(item.due_at, now, stages)
        if self._needs_alarm(item, current, now, stages):
            self._fire(item, current, now)

    def _silence_acknowledged(self, now: dt.datetime, stages: dr.StageSettings) -> None:
        """Alarms of deadlines closed, or acknowledged here or on another workstation, stop."""
        for book in (self._seen, self._sent):
            for deadline_id in list(book):
                item = self._held.get(deadline_id)
                if item is None or item.acknowledged(dr.stage_at(item.due_at, now, stages)):
                    del book[deadline_id]
                    self.listener.alarm_silenced(deadline_id)

    def _note_changes(self, open_items: list[DeadlineInfo]) -> None:
        signature = tuple((d.id, d.due_at, d.version) for d in open_items)
        if signature != self._signature:
            self._signature = signature
            self.listener.deadlines_changed()

    def _seen_of(self, item: DeadlineInfo) -> _Seen | None:
        """What the UI showed of ``item``; forgotten when the deadline moved (start over)."""
        seen = self._seen.get(item.id)
        if seen is not None and seen.due_at != item.due_at:
            del self._seen[item.id]
            return None
        return seen

    def _needs_alarm(self, item: DeadlineInfo, current: DeadlineStage,
                     now: dt.datetime, stages: dr.StageSettings) -> bool:
        if current is DeadlineStage.PENDING or item.acknowledged(current):
            return False
        seen = self._seen_of(item)
        if seen is None or seen.stage.rank < current.rank:
            return True
        repeat = dt.timedelta(minutes=stages.repeat_minutes)
        return current is DeadlineStage.OVERDUE and now - seen.at >= repeat

    def _schedule(self, item: DeadlineInfo, now: dt.datetime, wall_now: dt.datetime,
                  stages: dr.StageSettings) -> set[str]:
        """A date job for each stage still ahead; the ids of those jobs."""
        wanted: set[str] = set()
        for stage, at in dr.stage_times(item.due_at, stages).items():
            if at <= now:
                continue
            jid = job_id(item.id, stage)
            wanted.add(jid)
            run_at = wall_now + (at - now)
            job = self.scheduler.get_job(jid)
            if job is None or abs((job.next_run_time - run_at).total_seconds()) > 0.5:
                self.scheduler.add_job(
                    self.job_function, "date", run_date=run_at, id=jid,
                    args=[self.runtime_id, item.id, stage.value], replace_existing=True,
                )
        return wanted

    # --- a stage job fired -----------------------------------------------------------------
    def stage_reached(self, deadline_id: int, stage: DeadlineStage) -> None:
        """A stage job fired: alarm unless the deadline closed or was shown meanwhile.

        A failure to read the deadline is logged with its traceback; nothing is marked, so the
        next pass (every few seconds) alarms it.
        """
        with self._lock:
            self._take_acks()
            now = self.ctx.clock.now()
            try:
                item = deadlines.get(self.ctx, deadline_id)
            except NotFound:
                return
            except DatabaseUnavailable:  # the server is away: the deadline as last read
                held = self._held.get(deadline_id)
                if held is None:
                    return
                item = held
            except Exception:
                log.exception("alarm of deadline %s (%s) not sounded yet: the next pass retries",
                              deadline_id, stage.value)
                return
            if not item.is_open or item.acknowledged(stage):
                return
            if dr.stage_at(item.due_at, now + JOB_SLACK, self._stages).rank < stage.rank:
                return  # woken early (the wall clock jumped ahead): the next pass re-plans
            seen = self._seen_of(item)
            if seen is not None and seen.stage.rank >= stage.rank and stage is not DeadlineStage.OVERDUE:
                return
            self._fire(item, stage, now)

    # --- sending and confirming ------------------------------------------------------------
    def _fire(self, item: DeadlineInfo, stage: DeadlineStage, now: dt.datetime) -> None:
        sent = self._sent.get(item.id)
        if sent is not None and sent.stage is stage and sent.due_at == item.due_at:
            if time.monotonic() - sent.wall < self.resend_after:
                return  # the UI is showing it right now
            log.warning("alarm: deadline %s %s not confirmed by the screen; sending it again",
                        item.id, stage.value)
            now = sent.at  # the repeat clock runs from the first sending
        self._sent[item.id] = _Sent(stage, now, item.due_at, time.monotonic())
        log.info("alarm: deadline %s reached %s", item.id, stage.value)
        self.listener.alarm(item.id, stage.value)

    def shown(self, deadline_id: int, stage: DeadlineStage) -> None:
        """The UI showed this alarm (strip, sound, tray): from now on it counts as shown.

        Called on the GUI thread; only queues the confirmation, so it never waits for a pass.
        """
        with self._ack_lock:
            self._acks.append((deadline_id, stage))

    def _take_acks(self) -> None:
        with self._ack_lock:
            acks, self._acks = self._acks, []
        for deadline_id, stage in acks:
            sent = self._sent.get(deadline_id)
            if sent is not None and sent.stage is stage:
                del self._sent[deadline_id]
                self._seen[deadline_id] = _Seen(stage, sent.at, sent.due_at)

    def unconfirmed(self) -> list[tuple[int, DeadlineStage]]:
        """Alarms sent and not yet shown (for the log and the tests)."""
        with self._lock:
            self._take_acks()
            return [(i, s.stage) for i, s in self._sent.items()]

    def replay(self) -> None:
        """Announce again every alarm still ringing (a new window took over the screen)."""
        with self._lock:
            self._take_acks()
            ringing = [(i, s.stage) for i, s in self._seen.items()]
            ringing += [(i, s.stage) for i, s in self._sent.items()]
            for deadline_id, stage in ringing:
                item_sent = self._sent.get(deadline_id)
                if item_sent is None:
                    seen = self._seen.pop(deadline_id)
                    self._sent[deadline_id] = _Sent(stage, seen.at, seen.due_at, time.monotonic())
                self.listener.alarm(deadline_id, stage.value)
