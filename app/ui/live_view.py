"""The shared office on screen: the live channel's news carried to the GUI thread, every open
section refreshed from what an event touches, and the status bar's workstations, connection
and clock (DESIGN.md "Several workstations")."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStatusBar

from app.domain import live_events as topics
from app.domain.errors import DutyDeskError
from app.domain.live_events import ChangeEvent
from app.domain.messages import text
from app.services.office.workstations import WorkstationInfo
from app.ui import style

if TYPE_CHECKING:
    from app.ui.bridge import SchedulerBridge
    from app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

COALESCE_MS = 120  # the events of one change arrive together: one refresh for all of them
BACK_SHOWN_MS = 15_000


class LiveBridge(QObject):
    """The live channel's listener, implemented with Qt signals (emitted from the channel's
    thread, delivered in the GUI thread by a queued connection).

    Signals:
        sig_changed(object): a ChangeEvent.
        sig_connection_lost(int, float): attempt number, seconds until it.
        sig_connection_back(float): seconds the server was away.
        sig_workstations(object): the list of WorkstationInfo online.
    """

    sig_changed = Signal(object)
    """Something changed on this database (here or elsewhere)."""

    sig_connection_lost = Signal(int, float)
    """The server cannot be reached; the next attempt comes in the given seconds."""

    sig_connection_back = Signal(float)
    """The server answers again after the given seconds."""

    sig_workstations = Signal(object)
    """The workstations online now."""

    def changed(self, event: ChangeEvent) -> None:
        self.sig_changed.emit(event)

    def connection_lost(self, attempt: int, retry_in: float) -> None:
        self.sig_connection_lost.emit(attempt, retry_in)

    def connection_back(self, away_seconds: float) -> None:
        self.sig_connection_back.emit(away_seconds)

    def workstations(self, online: list[WorkstationInfo]) -> None:
        self.sig_workstations.emit(online)


class LiveRefresher(QObject):
    """Refreshes what events touch, once per burst: ``targets`` maps a topic to the
    refreshers of the sections showing it (each called only while its section exists)."""

    def __init__(self, targets: dict[str, list[Callable[[], object]]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.targets = targets
        self.pending: set[str] = set()
        self.refreshed: list[set[str]] = []  # each burst's topics (for the tests)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self.flush)

    def on_event(self, event: ChangeEvent) -> None:
        self.pending |= event.topics
        if not self._timer.isActive():
            self._timer.start()

    def refresh_all(self) -> None:
        """After the server was away: everything may have changed."""
        self.pending |= set(self.targets)
        self.flush()

    def flush(self) -> None:
        due, self.pending = self.pending, set()
        for topic in sorted(due):
            for refresh in self.targets.get(topic, []):
                try:
                    refresh()
                except DutyDeskError as exc:  # the server went away meanwhile: the next event retries
                    log.warning("live refresh of %s: %s", topic, exc.message)
        self.refreshed.append(due)


class SharedOfficeStatus(QObject):
    """Three labels in the status bar: who is online where, the server connection, the clock."""

    def __init__(self, status_bar: QStatusBar, this_workstation: str) -> None:
        super().__init__(status_bar)
        self.this_workstation = this_workstation
        self.online = QLabel()
        self.online.setObjectName("workstationsOnline")
        self.connection = QLabel()
        self.connection.setObjectName("serverConnection")
        self.connection.setWordWrap(True)
        self.connection.hide()
        self.clock = QLabel()
        self.clock.setObjectName("clockWarning")
        style.set_tone(self.clock, "error_strong")
        self.clock.setWordWrap(True)
        self.clock.hide()
        status_bar.addWidget(self.connection, 2)
        status_bar.addWidget(self.clock, 2)
        status_bar.addPermanentWidget(self.online)
        self._hide_back = QTimer(self)
        self._hide_back.setSingleShot(True)
        self._hide_back.timeout.connect(self.connection.hide)

    def show_workstations(self, online: list[WorkstationInfo]) -> None:
        parts = []
        for w in online:
            who = w.operator_name or self.tr("nobody signed in")
            mark = self.tr(" (this one)") if w.name == self.this_workstation else ""
            parts.append(self.tr("%1%2: %3").replace("%1", w.name).replace("%2", mark).replace("%3", who))
        self.online.setText(self.tr("Online: %1").replace("%1", self.tr("; ").join(parts)) if parts else "")
        self.online.setToolTip("\n".join(f"{w.name} · {w.os_account} · {w.operator or '—'}" for w in online))

    def show_lost(self, attempt: int, retry_in: float) -> None:
        self._hide_back.stop()
        style.set_tone(self.connection, "error_strong")
        self.connection.setText(text("live.lost", attempt=attempt, seconds=round(retry_in, 1)))
        self.connection.show()

    def show_back(self, away_seconds: float) -> None:
        style.set_tone(self.connection, "ok_strong")
        self.connection.setText(text("live.back", seconds=round(away_seconds)))
        self.connection.show()
        self._hide_back.start(BACK_SHOWN_MS)

    def show_clock(self, sentence: str) -> None:
        self.clock.setText(sentence)
        self.clock.setVisible(bool(sentence))


class SchedulerPoke:
    """The live channel's listener for the scheduler: deadline events (an acknowledgment on
    another workstation above all) make it re-read the deadlines at once."""

    def __init__(self, poke: Callable[[], None]) -> None:
        self.poke = poke

    def changed(self, event: ChangeEvent) -> None:
        if topics.DEADLINES in event.topics:
            self.poke()

    def connection_lost(self, attempt: int, retry_in: float) -> None:
        pass

    def connection_back(self, away_seconds: float) -> None:
        self.poke()

    def workstations(self, online: list[WorkstationInfo]) -> None:
        pass


def attach(window: MainWindow, live: LiveBridge, bridge: SchedulerBridge | None,
           clock_said: str = "") -> tuple[LiveRefresher, SharedOfficeStatus]:
    """Wire the live channel's news into ``window``: sections refresh, the status bar tells."""
    refresher = LiveRefresher(window.live_targets(), window)
    live.sig_changed.connect(refresher.on_event)
    status = SharedOfficeStatus(window.statusBar(), window.ctx.db.workstation)
    live.sig_workstations.connect(status.show_workstations)
    live.sig_connection_lost.connect(status.show_lost)
    live.sig_connection_back.connect(status.show_back)
    live.sig_connection_back.connect(lambda _away: refresher.refresh_all())
    if bridge is not None:
        bridge.sig_clock_news.connect(status.show_clock)
    status.show_clock(clock_said)
    return refresher, status
