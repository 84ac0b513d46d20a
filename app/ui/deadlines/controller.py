"""Ties the scheduler's alarms to the screen: the strip, the sound, the tray, the shortcut."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage
from app.domain.errors import DatabaseUnavailable
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines.alarm import AlarmSound, Tray
from app.ui.deadlines.dialogs import acknowledge_with_prompt
from app.ui.deadlines.strip import CountdownStrip

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sounded:
    """One alarm as it reached the operator (for the log and the tests)."""

    deadline_id: int
    stage: str
    sound: str  # "sound" or "beep"
    tray: bool


class DeadlineAlarms(QObject):
    """Keeps the strip current and rings until someone acknowledges.

    Signals:
        sig_changed(): the open deadlines or the ringing set changed.
    """

    sig_changed = Signal()
    """Pages showing deadlines refresh."""

    def __init__(self, ctx: Context, strip: CountdownStrip, window: QWidget,
                 bridge: SchedulerBridge | None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.strip = strip
        self.window = window
        self.sound = AlarmSound(self)
        self.tray = Tray(window)
        self.tray.sig_show_requested.connect(self._show_window)
        self.ringing: dict[int, DeadlineStage] = {}
        self.sounded: list[Sounded] = []
        if bridge is not None:
            bridge.sig_alarm.connect(self.on_alarm)
            bridge.sig_deadlines_changed.connect(self.refresh)
            bridge.sig_alarm_silenced.connect(self.silence)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.strip.tick)
        self._timer.start()
        QTimer.singleShot(1500, self.sound.prepare)  # after the window is up
        self.refresh()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.strip.ctx = ctx

    def refresh(self) -> None:
        try:
            items = deadlines.list_open(self.ctx)
            stages = rule_profiles.stage_settings(self.ctx)
        except DatabaseUnavailable:  # the server is away: the strip keeps what it holds
            log.warning("deadline strip kept as it was: the database is unavailable")
            return
        now = self.ctx.clock.now()
        by_id = {d.id: d for d in items}
        for deadline_id in list(self.ringing):
            info = by_id.get(deadline_id)
            if info is None or info.acknowledged(dr.stage_at(info.due_at, now, stages)):
                del self.ringing[deadline_id]
        self.strip.ringing = set(self.ringing)
        self.strip.set_items(items, stages)
        self.sig_changed.emit()

    def on_alarm(self, deadline_id: int, stage: str) -> None:
        """Sound, tray message and window alert; the chip flashes until acknowledged."""
        try:
            info = deadlines.get(self.ctx, deadline_id)
        except DatabaseUnavailable:  # the server is away: ring with what the strip holds
            held = next((d for d in self.strip.items if d.id == deadline_id), None)
            if held is None:
                return
            info = held
        except Exception:
            return
        st = DeadlineStage(stage)
        self.ringing[deadline_id] = st
        how = self.sound.play()
        left = dr.format_remaining(info.remaining_seconds(self.ctx.clock.now()))
        title = {
            DeadlineStage.NOTICE: self.tr("Reporting deadline approaching"),
            DeadlineStage.URGENT: self.tr("Reporting deadline close"),
            DeadlineStage.DUE: self.tr("Reporting deadline due now"),
            DeadlineStage.OVERDUE: self.tr("Reporting deadline OVERDUE"),
        }.get(st, self.tr("Reporting deadline"))
        shown = self.tray.message(title, f"{info.what}\n{left}", st.rank >= DeadlineStage.DUE.rank)
        QApplication.alert(self.window, 0)
        self.sounded.append(Sounded(deadline_id, stage, how, shown))
        log.info("alarm shown: deadline %s %s (%s, tray=%s)", deadline_id, stage, how, shown)
        self.strip.ringing = set(self.ringing)
        self.refresh()

    def silence(self, deadline_id: int) -> None:
        """The alarm stopped elsewhere (acknowledged on another workstation, or closed)."""
        if self.ringing.pop(deadline_id, None) is not None:
            self.strip.ringing = set(self.ringing)
            self.strip.tick()
            self.sig_changed.emit()

    def top_ringing(self) -> int | None:
        """The alarm to acknowledge first: the highest stage, then the soonest due."""
        if not self.ringing:
            return None
        due = {d.id: d.due_at for d in deadlines.list_open(self.ctx)}
        candidates = [i for i in self.ringing if i in due]
        if not candidates:
            return None
        return min(candidates, key=lambda i: (-self.ringing[i].rank, due[i]))

    def acknowledge_top(self) -> bool:
        deadline_id = self.top_ringing()
        if deadline_id is None:
            return False
        done = acknowledge_with_prompt(self.window, self.ctx, deadline_id)
        if done:
            self.ringing.pop(deadline_id, None)
            self.refresh()
        return done

    def _show_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
