"""The workstation's scheduler: APScheduler in a background thread.

Jobs follow APScheduler's guide for boring persistent jobs: module-level functions taking
only ids, explicit job ids, ``replace_existing=True``, ``coalesce=True`` and a generous
misfire grace (the default of one second drops work that fell due while the machine slept).
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import uuid

from apscheduler.schedulers.background import BackgroundScheduler

from app.domain.enums import DeadlineStage
from app.domain.errors import DatabaseUnavailable, DutyDeskError
from app.domain.messages import text
from app.scheduler.alarms import AlarmBook
from app.scheduler.listener import NullListener, SchedulerListener
from app.services import duties, errors
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import housekeeping, trusted_time

log = logging.getLogger(__name__)

MISFIRE_GRACE_SECONDS = 24 * 3600
HOUSEKEEPING_JOB_ID = "housekeeping:daily"
HOUSEKEEPING_DELAY = dt.timedelta(0)  # at start: quick_check and the chains within seconds
RECONCILE_JOB_ID = "deadlines:reconcile"
RECONCILE_SECONDS = 5  # how often the table is re-read (command line, other workstations)
RECURRING_JOB_ID = "deadlines:recurring"
CLOCK_JOB_ID = "clock:watch"
CLOCK_SECONDS = 10  # how often the clocks are looked at (a jump is noticed within this)

# Job functions find their runtime by id: APScheduler jobs carry ids, never live objects.
_RUNTIMES: dict[str, DutyScheduler] = {}


def run_housekeeping(runtime_id: str, at_start: bool = False) -> None:
    runtime = _RUNTIMES.get(runtime_id)
    if runtime is not None:
        runtime.housekeeping_now(at_start=at_start)


def run_reconcile(runtime_id: str) -> None:
    runtime = _RUNTIMES.get(runtime_id)
    if runtime is not None:
        runtime.reconcile_now()


def run_recurring(runtime_id: str) -> None:
    runtime = _RUNTIMES.get(runtime_id)
    if runtime is not None:
        runtime.recurring_now()


def run_clock_watch(runtime_id: str) -> None:
    runtime = _RUNTIMES.get(runtime_id)
    if runtime is not None:
        runtime.clock_now()


def fire_stage(runtime_id: str, deadline_id: int, stage: str) -> None:
    runtime = _RUNTIMES.get(runtime_id)
    if runtime is not None:
        runtime.alarms.stage_reached(deadline_id, DeadlineStage(stage))


class DutyScheduler:
    """Owns the APScheduler instance of this workstation and the callbacks to the UI."""

    def __init__(self, ctx: Context, listener: SchedulerListener | None = None) -> None:
        self.ctx = ctx.acting_as(Actor.system("scheduler"))
        self.listener: SchedulerListener = listener or NullListener()
        self.id = uuid.uuid4().hex
        self._scheduler = BackgroundScheduler(
            timezone=dt.UTC,
            job_defaults={"coalesce": True, "misfire_grace_time": MISFIRE_GRACE_SECONDS,
                          "max_instances": 1},
        )

        self._dirty = threading.Event()
        self._clock_said = ""
        self._last_jump = ""
        self._in_pass = False
        self.alarms = AlarmBook(self.ctx, self._scheduler, self.listener, fire_stage, self.id)

    def start(self, *, housekeeping_delay: dt.timedelta = HOUSEKEEPING_DELAY) -> None:
        """Start the jobs; anything already due alarms before this returns."""
        _RUNTIMES[self.id] = self
        self._scheduler.start()
        wall = dt.datetime.now(dt.UTC)
        # at start: the file and the chains since they were last verified whole; daily: whole
        self._scheduler.add_job(run_housekeeping, next_run_time=wall + housekeeping_delay,
                                args=[self.id, True], id="housekeeping:start", replace_existing=True)
        self._scheduler.add_job(
            run_housekeeping, "interval", hours=24,
            next_run_time=wall + housekeeping_delay + dt.timedelta(hours=24),
            args=[self.id], id=HOUSEKEEPING_JOB_ID, replace_existing=True,
        )
        self._scheduler.add_job(
            run_recurring, "interval", hours=1, next_run_time=wall + dt.timedelta(seconds=2),
            args=[self.id], id=RECURRING_JOB_ID, replace_existing=True,
        )
        log.info("scheduler started")
        self.reconcile_now()
        self._scheduler.add_job(
            run_reconcile, "interval", seconds=RECONCILE_SECONDS, args=[self.id],
            id=RECONCILE_JOB_ID, replace_existing=True,
        )
        self.clock_now()
        self._scheduler.add_job(
            run_clock_watch, "interval", seconds=CLOCK_SECONDS, args=[self.id],
            id=CLOCK_JOB_ID, replace_existing=True,
        )
        deadlines.subscribe(self._on_change)

    def shutdown(self, wait: bool = False) -> None:
        """Stop the jobs (with ``wait``, until a pass under way has finished)."""
        deadlines.unsubscribe(self._on_change)
        _RUNTIMES.pop(self.id, None)
        if self._scheduler.running:
            self._scheduler.shutdown(wait=wait)
            log.info("scheduler stopped")

    def poke(self) -> None:
        """The deadlines changed elsewhere (a live event): re-read them now."""
        self._on_change()

    def _on_change(self) -> None:
        """A service changed the deadlines in this process: re-read them now, in our thread.

        If a pass is already running the new job is skipped by APScheduler (one instance per
        job), so the flag makes the running pass go round once more instead.
        """
        self._dirty.set()
        if self._scheduler.running and not self._in_pass:
            self._scheduler.add_job(run_reconcile, args=[self.id], id="deadlines:reconcile-now",
                                    replace_existing=True)

    def reconcile_now(self) -> None:
        self._in_pass = True
        try:
            while True:
                self._dirty.clear()
                self.alarms.reconcile()
                if not self._dirty.is_set():
                    break
        except DatabaseUnavailable as exc:  # the server is away: alarms rang on from what is held
            log.warning("deadline reconciliation: %s", exc.message)
        except Exception:  # the next pass tries again; never kill the scheduler thread
            log.exception("deadline reconciliation failed")
        finally:
            self._in_pass = False

    def replay_alarms(self) -> None:
        self.alarms.replay()

    def ringing(self) -> list[tuple[int, str]]:
        """(deadline id, stage) of the alarms ringing now, announced again or not."""
        return [(i, stage.value) for i, stage in self.alarms.ringing.items()]

    def alarm_shown(self, deadline_id: int, stage: str) -> None:
        """The screen showed this alarm; until it says so the alarm is sent again each pass."""
        self.alarms.shown(deadline_id, DeadlineStage(stage))

    @property
    def clock_said(self) -> str:
        """What the scheduler last said about the clock ("" when all is well)."""
        return self._clock_said

    def clock_now(self) -> None:
        """Look at the clocks: record a jump, say what is wrong (or that nothing is)."""
        try:
            news = trusted_time.watch(self.ctx)
        except DutyDeskError as exc:
            log.warning("clock watch: %s", exc.message)
            return
        except Exception:
            log.exception("clock watch failed")
            return
        if news.jumps:
            self._last_jump = trusted_time.jump_sentence(news.jumps[-1])
        said = trusted_time.clock_sentence(self.ctx.db.is_sqlite, news, self._last_jump)
        if said != self._clock_said:
            self._clock_said = said
            self.listener.clock_news(said)

    def recurring_now(self) -> None:
        try:
            duties.ensure(self.ctx)
        except Exception:
            log.exception("recurring duties failed")

    @property
    def running(self) -> bool:
        return self._scheduler.running

    def job_ids(self) -> list[str]:
        return [job.id for job in self._scheduler.get_jobs()]

    def check_now(self) -> None:
        """Run the health check (and the day's backup) in the scheduler's thread at once."""
        if self._scheduler.running:
            self._scheduler.add_job(run_housekeeping, args=[self.id], id="housekeeping:now",
                                    replace_existing=True)

    def housekeeping_now(self, *, at_start: bool = False) -> housekeeping.HousekeepingReport:
        try:
            report = housekeeping.run_daily(self.ctx, at_start=at_start)
        except Exception as exc:  # a background job must never die silently
            log.exception("housekeeping failed")
            shown = errors.for_operator(exc)  # never a driver's text on the banner
            sentence = shown.message if isinstance(shown, DutyDeskError) else text("housekeeping.failed")
            self.listener.health_problem(sentence)
            return housekeeping.HousekeepingReport(problems=[sentence])
        if report.damaged is not None:
            self.listener.database_damaged(report.damaged)
        for problem in report.problems:
            self.listener.health_problem(problem)
        self.listener.housekeeping_done(report.backup_taken)
        return report
