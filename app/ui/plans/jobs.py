"""Long work of the plans section (import, export) off the GUI thread, with a progress dialog
and a Cancel button that really stops the job.

The job is a function taking a ``Progress`` (app.domain.progress); it runs on Qt's thread pool,
opens its own database sessions through the services, and hands its result (or its exception)
back by signal to the GUI thread. Cancel sets a flag the job's next progress report turns into
``Cancelled``: the services then roll back and remove half-written files.

Issue 12 brings one such helper for every section; when it lands, this one gives way to it.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from app.domain.progress import Cancelled, Progress

Work = Callable[[Progress], Any]


class _Relay(QObject):
    """Lives on the GUI thread; the worker emits through it, Qt queues the calls across.

    Signals:
        sig_progress(int, int, str): done, total (-1: unknown), what.
        sig_done(object): the job's result.
        sig_failed(object): the exception the job raised.
    """

    sig_progress = Signal(int, int, str)
    """The job moved on."""
    sig_done = Signal(object)
    """The job returned."""
    sig_failed = Signal(object)
    """The job raised (Cancelled when the operator cancelled it)."""


class _Runnable(QRunnable):
    def __init__(self, work: Work, relay: _Relay, cancelled: threading.Event) -> None:
        super().__init__()
        self.work, self.relay, self.cancelled = work, relay, cancelled

    def progress(self, done: int, total: int | None = None, what: str = "") -> None:
        if self.cancelled.is_set():
            raise Cancelled()
        self.relay.sig_progress.emit(done, -1 if total is None else total, what)

    def run(self) -> None:
        try:
            result = self.work(self.progress)
        except BaseException as exc:  # handed to the GUI thread, which decides what to say
            self.relay.sig_failed.emit(exc)
        else:
            self.relay.sig_done.emit(result)


class Job(QObject):
    """One job: start it, and hear its result or its failure.

    Signals:
        sig_finished(object): the job's result.
        sig_failed(object): the exception it raised (Cancelled after Cancel).
    """

    sig_finished = Signal(object)
    """Done; the result comes along."""
    sig_failed = Signal(object)
    """Failed or cancelled; the exception comes along."""

    def __init__(self, parent: QWidget, title: str, work: Work) -> None:
        super().__init__(parent)
        self.parent_widget, self.title, self.work = parent, title, work
        self.running = False
        self.dialog: QProgressDialog | None = None
        self._cancelled = threading.Event()
        self._relay = _Relay(self)
        self._relay.sig_progress.connect(self._moved)
        self._relay.sig_done.connect(self._done)
        self._relay.sig_failed.connect(self._failed)

    def start(self) -> None:
        """Run the job; its progress dialog appears if it takes longer than a moment."""
        self.running = True
        dialog = self.dialog = QProgressDialog(self.title, self.tr("Cancel"), 0, 0, self.parent_widget)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)  # short jobs finish before it shows
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        dialog.setValue(0)
        QThreadPool.globalInstance().start(_Runnable(self.work, self._relay, self._cancelled))

    def cancel(self) -> None:
        self._cancelled.set()

    def _moved(self, done: int, total: int, what: str) -> None:
        dialog = self.dialog  # setValue on a modal dialog runs the event loop: the job may end
        if dialog is not None and total > 0:
            dialog.setLabelText(self.tr("%1 of %2 rows").replace("%1", str(done))
                                .replace("%2", str(total)))
            dialog.setRange(0, total)
            dialog.setValue(min(done, total))

    def _finish(self) -> None:
        self.running = False
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def _done(self, result: object) -> None:
        self._finish()
        self.sig_finished.emit(result)

    def _failed(self, exc: object) -> None:
        self._finish()
        self.sig_failed.emit(exc)
