"""The scheduler's listener, implemented with Qt signals (emitted from the worker thread,
delivered in the GUI thread by a queued connection)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from app.domain.errors import DatabaseDamaged


class SchedulerBridge(QObject):
    """Carries scheduler news to the GUI thread.

    Signals:
        sig_health_problem(str): the background check found a problem.
        sig_database_damaged(object): the background check found the file damaged.
        sig_housekeeping_done(str): the daily housekeeping ran (backup path or "").
        sig_alarm(int, str): a deadline reached a stage.
        sig_deadlines_changed(): the open deadlines changed.
        sig_alarm_silenced(int): an alarm stopped (acknowledged here or elsewhere).
        sig_clock_news(str): what is wrong with the clock now, or "".
    """

    sig_health_problem = Signal(str)
    """A damaged file or a broken audit chain, as a sentence for the banner."""

    sig_database_damaged = Signal(object)
    """The file failed its integrity check (a DatabaseDamaged naming the backup to offer);
    writes are already stopped."""

    sig_housekeeping_done = Signal(str)
    """The path of the backup just taken, or an empty string."""

    sig_alarm = Signal(int, str)
    """A deadline (id) reached a stage (notice, urgent, due, overdue) nobody has seen."""

    sig_deadlines_changed = Signal()
    """The open deadlines changed somewhere (here, the command line, another workstation)."""

    sig_alarm_silenced = Signal(int)
    """A deadline (id) stopped ringing: acknowledged on some workstation, or closed."""

    sig_clock_news = Signal(str)
    """A sentence about the clock (a jump, a clock off the server's), or "" when all is well."""

    def alarm_silenced(self, deadline_id: int) -> None:
        self.sig_alarm_silenced.emit(deadline_id)

    def clock_news(self, message: str) -> None:
        self.sig_clock_news.emit(message)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.confirm: Callable[[int, str], None] | None = None
        """Where the screen's "shown" goes (the scheduler's ``alarm_shown``), set at start-up."""

    def alarm(self, deadline_id: int, stage: str) -> None:
        self.sig_alarm.emit(deadline_id, stage)

    def alarm_shown(self, deadline_id: int, stage: str) -> None:
        """The screen showed the alarm: the scheduler stops sending it."""
        if self.confirm is not None:
            self.confirm(deadline_id, stage)

    def deadlines_changed(self) -> None:
        self.sig_deadlines_changed.emit()

    def health_problem(self, message: str) -> None:
        self.sig_health_problem.emit(message)

    def database_damaged(self, error: DatabaseDamaged) -> None:
        self.sig_database_damaged.emit(error)

    def housekeeping_done(self, backup_path: str | None) -> None:
        self.sig_housekeeping_done.emit(backup_path or "")
