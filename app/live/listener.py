"""How the live channel tells the program: a small callback interface.

The UI implements it by emitting Qt signals (no Qt object is touched from the channel's
thread); ``dutydesk watch`` implements it by printing; the scheduler hears deadline events.
"""

from __future__ import annotations

from typing import Protocol

from app.domain.live_events import ChangeEvent
from app.services.office.workstations import WorkstationInfo


class LiveListener(Protocol):
    def changed(self, event: ChangeEvent) -> None:
        """Something changed (here, on the command line or on another workstation)."""

    def connection_lost(self, attempt: int, retry_in: float) -> None:
        """The server cannot be reached; attempt ``attempt`` follows in ``retry_in`` seconds."""

    def connection_back(self, away_seconds: float) -> None:
        """The server answers again after ``away_seconds``; what was missed has been replayed."""

    def workstations(self, online: list[WorkstationInfo]) -> None:
        """The workstations online now, and who is signed in at each."""


class NullLiveListener:
    def changed(self, event: ChangeEvent) -> None:
        pass

    def connection_lost(self, attempt: int, retry_in: float) -> None:
        pass

    def connection_back(self, away_seconds: float) -> None:
        pass

    def workstations(self, online: list[WorkstationInfo]) -> None:
        pass


class Fanout:
    """Several listeners as one (the window and the scheduler both hear the channel)."""

    def __init__(self, *listeners: LiveListener) -> None:
        self.listeners = list(listeners)

    def changed(self, event: ChangeEvent) -> None:
        for listener in self.listeners:
            listener.changed(event)

    def connection_lost(self, attempt: int, retry_in: float) -> None:
        for listener in self.listeners:
            listener.connection_lost(attempt, retry_in)

    def connection_back(self, away_seconds: float) -> None:
        for listener in self.listeners:
            listener.connection_back(away_seconds)

    def workstations(self, online: list[WorkstationInfo]) -> None:
        for listener in self.listeners:
            listener.workstations(online)
