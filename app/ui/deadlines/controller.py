"""Ties the scheduler's alarms to the screen: the strip, the sound, the tray, the shortcut."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage
from app.domain.errors import DutyDeskError
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.deadlines.lifecycle import DeadlineInfo
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines.alarm import AlarmSound, Tray
from app.ui.deadlines.dialogs import acknowledge_with_prompt
from app.ui.deadlines.strip import CountdownStrip

log = logging.getLogger(__name__)

RETRY_MS = 2000  # a refresh that met a busy or unreachable database tries again this soon


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

    sig_row_changed = Signal(object)
    """One deadline (its DeadlineInfo) changed stage: pages redraw its row only."""

    def __init__(self, ctx: Context, strip: CountdownStrip, window: QWidget,
                 bridge: SchedulerBridge | None) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.strip = strip
        self.window = window
        self.bridge: SchedulerBridge | None = None
        self.quiet = False  # a window built before sign-in: the strip follows, nothing sounds
        self.sound = AlarmSound(self)
        self.tray = Tray(window, shown=bridge is not None)
        self.tray.sig_show_requested.connect(self._show_window)
        self.ringing: dict[int, DeadlineStage] = {}
        self.sounded: list[Sounded] = []
        if bridge is not None:
            self.listen(bridge)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.strip.tick)
        self._timer.start()
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self.refresh)
        QTimer.singleShot(1500, self.sound.prepare)  # after the window is up
        self.refresh()

    def listen(self, bridge: SchedulerBridge, *, quiet: bool = False) -> None:
        """Take the scheduler's alarms from now on, with the tray icon. ``quiet`` (a window
        built while the operator types the password, hidden): the strip follows the alarms,
        nothing sounds, nothing is confirmed shown, no tray icon; listening again without it
        (signed in) makes the alarms loud."""
        if self.bridge is None:
            bridge.sig_alarm.connect(self.on_alarm)
            bridge.sig_deadlines_changed.connect(self.refresh)
            bridge.sig_alarm_silenced.connect(self.silence)
        self.bridge = bridge
        self.quiet = quiet
        if not quiet:
            self.tray.reveal()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.strip.ctx = ctx

    def refresh(self) -> bool:
        """Reread the open deadlines into the strip. A database that is busy or gone is logged
        and retried in two seconds (the strip keeps counting down what it has meanwhile)."""
        try:
            items = deadlines.list_open(self.ctx)
            stages = rule_profiles.stage_settings(self.ctx)
        except DutyDeskError:
            log.warning("the countdown strip could not reread the deadlines; retrying", exc_info=True)
            self._retry.start()
            return False
        now = self.ctx.clock.now()
        by_id = {d.id: d for d in items}
        for deadline_id in list(self.ringing):
            info = by_id.get(deadline_id)
            if info is None or info.acknowledged(dr.stage_at(info.due_at, now, stages)):
                del self.ringing[deadline_id]
        self.strip.ringing = set(self.ringing)
        self.strip.set_items(deadlines.list_on_strip(self.ctx, items), stages)
        self.sig_changed.emit()
        return True

    def _info(self, deadline_id: int) -> DeadlineInfo | None:
        """The deadline as the strip has it, else as the database has it (None when neither)."""
        info = next((d for d in self.strip.items if d.id == deadline_id), None)
        if info is not None:
            return info
        try:
            return deadlines.get(self.ctx, deadline_id)
        except DutyDeskError:
            log.warning("alarm of deadline %s: the deadline cannot be read", deadline_id, exc_info=True)
            return None

    def on_alarm(self, deadline_id: int, stage: str) -> None:
        """Strip, sound, tray message and window alert; then tell the scheduler it was shown.

        Only the one deadline is read again (never the open list or the record): its chip
        moves to the front of the strip and the pages redraw its row. Each part fails on its own
        (logged with its traceback); the scheduler hears "shown" only when the strip shows the
        deadline, else it sends the alarm again within seconds.
        """
        st = DeadlineStage(stage)
        self.ringing[deadline_id] = st
        self.strip.ringing = set(self.ringing)
        shown_in_strip = self._show_one(deadline_id)
        if self.quiet:
            return  # the sign-in's own sound rang it; the window rings it when it takes over
        how = self.sound.play()
        info = self._info(deadline_id)
        tray = False
        try:
            tray = self._tray_message(st, info)
            QApplication.alert(self.window, 0)
        except Exception:
            log.exception("alarm of deadline %s: tray message or window alert failed", deadline_id)
        self.sounded.append(Sounded(deadline_id, stage, how, tray))
        log.info("alarm shown: deadline %s %s (%s, tray=%s, strip=%s)", deadline_id, stage, how,
                 tray, shown_in_strip)
        if shown_in_strip and self.bridge is not None:
            self.bridge.alarm_shown(deadline_id, stage)

    def _show_one(self, deadline_id: int) -> bool:
        """Read the one deadline into the strip and tell the pages; True when its chip shows.
        A database that is busy or gone keeps the strip as it is and retries the whole reread."""
        try:
            info = deadlines.get(self.ctx, deadline_id)
        except DutyDeskError:
            log.warning("alarm of deadline %s: the deadline cannot be read; retrying", deadline_id,
                        exc_info=True)
            self._retry.start()
            return False
        if not info.is_open:
            self.ringing.pop(deadline_id, None)
            self.strip.ringing = set(self.ringing)
        self.strip.put(info)
        self.sig_row_changed.emit(info)
        return self.strip.shows(deadline_id)

    def _tray_message(self, st: DeadlineStage, info: DeadlineInfo | None) -> bool:
        title = {
            DeadlineStage.NOTICE: self.tr("Reporting deadline approaching"),
            DeadlineStage.URGENT: self.tr("Reporting deadline close"),
            DeadlineStage.DUE: self.tr("Reporting deadline due now"),
            DeadlineStage.OVERDUE: self.tr("Reporting deadline OVERDUE"),
        }.get(st, self.tr("Reporting deadline"))
        body = "" if info is None else \
            f"{info.what}\n{dr.format_remaining(info.remaining_seconds(self.ctx.clock.now()))}"
        return self.tray.message(title, body, st.rank >= DeadlineStage.DUE.rank)

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

    def quit_question(self) -> str:
        """What closing the window over ringing alarms asks (closing.may_close)."""
        return self.tr("%n alarm(s) have not been acknowledged. If DutyDesk closes, nobody hears "
                       "them. Quit anyway?", "", len(self.ringing))

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
        if QApplication.platformName() != "offscreen":  # which cannot raise a window
            self.window.raise_()
        self.window.activateWindow()
