"""Long work off the GUI thread, one way (DESIGN.md "Data"; STYLE.md "Long work in the background").

``run_job(parent, title, work, on_done)`` runs ``work(progress)`` on a worker thread of one
thread pool and hands its result to ``on_done`` on the GUI thread; an exception comes back the
same way and goes to ``on_error`` or, by default, to ``app.ui.errors.explain`` (a sentence, with
Retry for a database that is busy or gone; a bug dialog only for a bug). A progress dialog shows
rows done of rows total once the job has run for a moment, and its Cancel makes the next
``progress`` call raise ``Cancelled``: the job's files are written under a temporary name
(``app.export.files.atomic_write``) and its database writes are one transaction, so nothing of a
cancelled job is kept.

The work opens its own database session (every service does); only plain data crosses threads,
by signal. The alarm path never goes through this pool, so a full pool cannot delay an alarm.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.domain.progress import Cancelled, Progress
from app.ui import errors

log = logging.getLogger(__name__)

SHOW_AFTER_MS = 400  # a job done sooner never flashes a dialog
POOL_THREADS = 3

Work = Callable[[Progress], Any]

_pool: QThreadPool | None = None
_running: dict[str, Job] = {}  # key -> job; also keeps each running job referenced
# Who tells the operator a file was written (the main window's status bar, with "open folder").
_announcers: list[Callable[[str, Path], None]] = []


def set_announcer(announcer: Callable[[str, Path], None] | None) -> None:
    """The one place a finished export is told: ``announcer(title, path)``."""
    _announcers[:] = [announcer] if announcer is not None else []


def announce(title: str, path: Path | str) -> None:
    """A file was written (by a job or in the GUI thread): say so where the operator looks."""
    for announcer in list(_announcers):
        owner = getattr(announcer, "__self__", None)
        if owner is not None and not shiboken6.isValid(owner):  # its window has gone
            _announcers.remove(announcer)
            continue
        announcer(title, Path(path))


def pool() -> QThreadPool:
    """The pool every job runs in (not Qt's global one, which other code may fill)."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(POOL_THREADS)
    return _pool


class _Signals(QObject):
    """What the worker thread tells the GUI thread (queued connections).

    Signals:
        sig_progress(int, int): rows done, rows total (-1 when unknown).
        sig_done(object): the work's result.
        sig_failed(object): the exception the work raised (Cancelled included).
    """

    sig_progress = Signal(int, int)
    """Rows done and rows total (-1 when not known yet)."""
    sig_done = Signal(object)
    """The result of the work."""
    sig_failed = Signal(object)
    """The exception the work raised."""


class _Task(QRunnable):
    def __init__(self, work: Work, signals: _Signals, cancel: threading.Event) -> None:
        super().__init__()
        self.work, self.signals, self.cancel = work, signals, cancel

    def progress(self, done: int, total: int | None = None, what: str = "") -> None:
        if self.cancel.is_set():
            raise Cancelled()
        self.signals.sig_progress.emit(done, -1 if total is None else total)

    def run(self) -> None:
        try:
            if self.cancel.is_set():
                raise Cancelled()
            result = self.work(self.progress)
        except BaseException as exc:  # every failure goes back to the GUI thread, none is lost
            if not isinstance(exc, (Cancelled, *errors.EXPLAINED)):
                log.exception("background job failed")
            self.signals.sig_failed.emit(exc)
        else:
            self.signals.sig_done.emit(result)


class Job(QObject):
    """One piece of long work: its progress dialog, its cancel, its outcome.

    Signals:
        sig_finished(): the job ended, done, failed or cancelled (after its callbacks ran).
    """

    sig_finished = Signal()
    """The job is over; its callbacks have run."""

    def __init__(self, parent: QWidget, title: str, work: Work,
                 on_done: Callable[[Any], None] | None = None, *,
                 on_error: Callable[[BaseException], None] | None = None,
                 on_cancelled: Callable[[], None] | None = None,
                 cancellable: bool = True, quiet: bool = False, key: str = "",
                 written: Path | str | None = None) -> None:
        super().__init__(parent)
        self.written = Path(written) if written is not None else None
        self.parent_widget = parent
        self.title, self.work, self.key = title, work, key or f"job-{id(self)}"
        self.on_done, self.on_error, self.on_cancelled = on_done, on_error, on_cancelled
        self.cancellable, self.quiet = cancellable, quiet
        self.cancel_event = threading.Event()
        self.running = False
        self.outcome = ""  # "done", "failed", "cancelled" once over
        self.error: BaseException | None = None
        self.dialog: QProgressDialog | None = None
        self._done, self._total = 0, -1
        self._signals = _Signals()
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.sig_progress.connect(self._progress, queued)
        self._signals.sig_done.connect(self._finished_ok, queued)
        self._signals.sig_failed.connect(self._finished_failed, queued)
        self._show_timer = QTimer(self)
        self._show_timer.setSingleShot(True)
        self._show_timer.setInterval(SHOW_AFTER_MS)
        self._show_timer.timeout.connect(self.show_dialog)

    def start(self) -> Job:
        _running[self.key] = self
        self.running = True
        if not self.quiet:
            self._show_timer.start()
        pool().start(_Task(self.work, self._signals, self.cancel_event))
        return self

    def cancel(self) -> None:
        """Stop at the work's next progress call; nothing of it is kept."""
        self.cancel_event.set()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))
            self.dialog.setCancelButton(None)  # Qt takes None: no button

    def show_dialog(self) -> None:
        if not self.running or self.dialog is not None:
            return
        dialog = QProgressDialog(self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the window stays usable: alarms
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(0)
        dialog.setMinimumWidth(380)
        if self.cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(self.cancel)
        else:
            dialog.setCancelButton(None)  # Qt takes None: no button
        self.dialog = dialog
        self._update_dialog()
        dialog.show()

    def _progress(self, done: int, total: int) -> None:
        self._done, self._total = done, total
        self._update_dialog()

    def _update_dialog(self) -> None:
        dialog = self.dialog
        if dialog is None or self.cancel_event.is_set():
            return
        if self._total < 0:
            dialog.setRange(0, 0)  # busy: the total is not known yet
            text = self.tr("%1: working…").replace("%1", self.title) if self._done <= 0 else \
                self.tr("%1: %2 rows done").replace("%1", self.title).replace("%2", f"{self._done:,}")
        else:
            dialog.setRange(0, max(1, self._total))
            dialog.setValue(min(self._done, max(1, self._total)))
            text = self.tr("%1: %2 of %3 rows").replace("%1", self.title) \
                .replace("%2", f"{self._done:,}").replace("%3", f"{self._total:,}")
        dialog.setLabelText(text)

    def _close(self, outcome: str) -> None:
        self.running = False
        self.outcome = outcome
        self._show_timer.stop()
        if _running.get(self.key) is self:
            del _running[self.key]
        if self.dialog is not None:
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    def _finished_ok(self, result: object) -> None:
        self._close("done")
        try:
            if self.on_done is not None:
                self.on_done(result)
            if self.written is not None:
                announce(self.title, self.written)
        finally:
            self.sig_finished.emit()

    def _finished_failed(self, exc: BaseException) -> None:
        self.error = exc
        if isinstance(exc, Cancelled):
            self._close("cancelled")
            try:
                if self.on_cancelled is not None:
                    self.on_cancelled()
            finally:
                self.sig_finished.emit()
            return
        self._close("failed")
        try:
            if self.on_error is not None:
                self.on_error(exc)
            else:
                errors.explain(self.parent_widget, exc, title=self.title, retry=self.retry)
        finally:
            self.sig_finished.emit()

    def retry(self) -> Job:
        """The same work again (the operator pressed Retry)."""
        return Job(self.parent_widget, self.title, self.work, self.on_done, on_error=self.on_error,
                   on_cancelled=self.on_cancelled, cancellable=self.cancellable, quiet=self.quiet,
                   key=self.key, written=self.written).start()


def run_job(parent: QWidget, title: str, work: Work, on_done: Callable[[Any], None] | None = None,
            **options: Any) -> Job:
    """Run ``work(progress)`` off the GUI thread; ``on_done(result)`` on the GUI thread.

    With ``key``, a job of that key already running is brought forward instead of started twice.
    Options: ``on_error``, ``on_cancelled``, ``cancellable`` (default True), ``quiet`` (no
    dialog: a background refresh), ``key``, ``written`` (the file an export writes: when the
    job is done the status bar names it, with a button that opens its folder).
    """
    key = options.get("key", "")
    if key and key in _running and shiboken6.isValid(_running[key]):
        existing = _running[key]
        existing.show_dialog()
        if existing.dialog is not None:
            existing.dialog.raise_()
        return existing
    return Job(parent, title, work, on_done, **options).start()


def run_and_wait(parent: QWidget | None, title: str, work: Work, **options: Any) -> Any:
    """Run a job and wait for it in a local event loop (before the main window exists, e.g. a
    restore at start-up): the screen keeps drawing and alarms keep ringing meanwhile. Returns
    the result, or raises what the work raised."""
    loop = QEventLoop()
    outcome: dict[str, Any] = {}
    job = Job(parent or QWidget(), title, work, lambda result: outcome.setdefault("result", result),
              on_error=lambda exc: outcome.setdefault("error", exc),
              on_cancelled=lambda: outcome.setdefault("error", Cancelled()), **options)
    job.sig_finished.connect(loop.quit)
    job.start()
    if job.running:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("result")


def running_jobs() -> list[Job]:
    """Jobs the operator started and still running (the window asks before quitting over
    them); quiet ones (a page reading in the background) are cancelled unasked. A job whose
    page went away (its Qt object deleted) is no one's to wait for and is dropped."""
    for key, job in list(_running.items()):
        if not shiboken6.isValid(job):
            del _running[key]
    return [job for job in _running.values() if not job.quiet]


def cancel_all(wait_ms: int = 10_000) -> bool:
    """Cancel every job and wait for the pool to drain (at exit, before the engine goes).
    True when every worker stopped in time."""
    for job in list(_running.values()):
        job.cancel_event.set()
    return _pool is None or _pool.waitForDone(wait_ms)
