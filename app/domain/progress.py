"""Progress and cancellation of long work, without Qt.

A long use case (an export, an import, a check) takes a ``Progress`` callable and calls it as it
goes: ``progress(done, total, what)``. The caller decides what that means: the UI's worker
forwards it to a progress dialog and raises ``Cancelled`` from it once the operator pressed
Cancel; the command line passes ``no_progress``. A job that is cancelled leaves nothing behind:
files are written to a temporary name and renamed at the end (``app.export.files``), database
writes happen in one transaction that the exception rolls back.
"""

from __future__ import annotations

from typing import Protocol


class Cancelled(Exception):
    """The operator cancelled the job; nothing of it was kept."""


class Progress(Protocol):
    def __call__(self, done: int, total: int | None = None, what: str = "") -> None:
        """``done`` of ``total`` units (rows, pages …) are finished; may raise Cancelled."""


def no_progress(done: int, total: int | None = None, what: str = "") -> None:
    """A Progress that reports nowhere and never cancels."""


class Throttled:
    """Forward to ``progress`` at most every ``every`` units, and always the last one.

    Calling a Qt signal per row of a million-row export costs more than the row; this keeps
    the cost flat while the dialog still moves and Cancel is still noticed within ``every`` rows.
    """

    def __init__(self, progress: Progress, total: int | None, every: int = 500, what: str = "") -> None:
        self.progress = progress
        self.total = total
        self.every = max(1, every)
        self.what = what
        self.done = 0

    def step(self, count: int = 1) -> None:
        before = self.done
        self.done += count
        if self.done // self.every != before // self.every or (
                self.total is not None and self.done >= self.total):
            self.progress(self.done, self.total, self.what)
