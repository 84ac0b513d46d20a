"""Who is on duty now, in the main window's header: the running shift's people with their
phones and the next shift; Ctrl+Shift+C copies the leader's number."""

from __future__ import annotations

import logging
import zoneinfo

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QContextMenuEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFrame, QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from app.domain.enums import DutyRole
from app.domain.errors import DatabaseUnavailable
from app.services.context import Context
from app.services.roster import schedule as roster
from app.services.roster.schedule import OnDuty, ShiftDay

log = logging.getLogger(__name__)
COPY_KEY = "Ctrl+Shift+C"


class OnDutyWidget(QFrame):
    """Two compact lines: now (leader and officers with phones), then the next shift.

    Signals:
        sig_copied(str): a phone number was copied to the clipboard.
    """

    sig_copied = Signal(str)
    """A number went to the clipboard (the status bar may say so)."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("onDuty")
        self.ctx = ctx
        self.zone = zone
        self.duty: OnDuty | None = None
        self.now_label = QLabel()
        self.now_label.setObjectName("onDutyNow")
        self.next_label = QLabel()
        self.next_label.setObjectName("onDutyNext")
        for label in (self.now_label, self.next_label):
            # long rosters are clipped rather than widening the window (the tooltip has all)
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 12, 0)
        layout.setSpacing(0)
        layout.addWidget(self.now_label)
        layout.addWidget(self.next_label)
        self.copy_action = QAction(self.tr("Copy the leader's number"), self)
        self.copy_action.setShortcut(QKeySequence(COPY_KEY))
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.copy_action.triggered.connect(self.copy_leader)
        self.addAction(self.copy_action)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.refresh)
        self.refresh()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        """Read the roster again; called each minute, when a shift ends and on changes."""
        try:
            self.duty = roster.on_duty(self.ctx)
        except DatabaseUnavailable:  # a busy or unreachable database: keep the last lines, retry
            log.warning("on-duty header: the roster could not be read", exc_info=True)
            self.timer.start(60_000)
            return
        current, upcoming = self.duty.current, self.duty.next
        if current is None:
            self.now_label.setText(self.tr("On duty: no shift now"))
        elif not current.assignments:
            self.now_label.setText(self.tr("On duty: nobody assigned"))
        else:
            self.now_label.setText(self.tr("On duty: %1").replace("%1", self._people(current, True)))
        if upcoming is None:
            self.next_label.setText("")
        else:
            start = upcoming.starts_at.astimezone(self.zone)
            people = self._people(upcoming, False) or self.tr("nobody assigned")
            self.next_label.setText(self.tr("Next %1 %2: %3").replace("%1", start.strftime("%m-%d"))
                                    .replace("%2", start.strftime("%H:%M")).replace("%3", people))
        self.setToolTip(self._tooltip())
        self.copy_action.setEnabled(bool(self._leader_phone()))
        self._schedule()

    def _schedule(self) -> None:
        """Next refresh in a minute, or sooner when the running shift ends."""
        wait = 60_000
        if self.duty and self.duty.current:
            left = (self.duty.current.ends_at - self.ctx.clock.now()).total_seconds()
            wait = int(min(wait, max(1.0, left + 1) * 1000))
        self.timer.start(wait)

    def _role_word(self, role: DutyRole) -> str:
        return {DutyRole.CHIEF_LEADER: self.tr("Chief leader"), DutyRole.LEADER: self.tr("Leader"),
                DutyRole.SUPERVISOR: self.tr("Supervisor"), DutyRole.OFFICER: self.tr("Officers"),
                DutyRole.STANDBY: self.tr("Standby")}[role]

    def _people(self, day: ShiftDay, phones: bool) -> str:
        parts = []
        for role in DutyRole:
            people = day.of(role)
            if not people:
                continue
            names = "、".join(f"{a.name} {a.phone}" if phones and a.phone else a.name for a in people)
            parts.append(f"{self._role_word(role)} {names}")
        return "　".join(parts)

    def _tooltip(self) -> str:
        lines = []
        for label, day in ((self.tr("Now"), self.duty.current if self.duty else None),
                           (self.tr("Next"), self.duty.next if self.duty else None)):
            if day is None:
                continue
            s, e = day.starts_at.astimezone(self.zone), day.ends_at.astimezone(self.zone)
            lines.append(f"{label}: {day.shift_name} {s:%Y-%m-%d %H:%M} – {e:%m-%d %H:%M}")
            lines += [f"  {self._role_word(a.role)}: {a.name} {a.title} {a.phone}"
                      for a in day.assignments]
        lines.append(self.tr("%1 copies the leader's number; right-click for the others.")
                     .replace("%1", COPY_KEY))
        return "\n".join(lines)

    def _leader_phone(self) -> str:
        current = self.duty.current if self.duty else None
        leaders = current.leaders if current else []
        return leaders[0].phone if leaders else ""

    def copy_leader(self) -> None:
        self.copy_number(self._leader_phone())

    def copy_number(self, number: str) -> None:
        if not number:
            return
        QGuiApplication.clipboard().setText(number)
        self.next_label.setText(self.tr("Copied: %1").replace("%1", number))
        self.timer.start(3000)  # the next shift's line comes back with the refresh
        self.sig_copied.emit(number)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        current = self.duty.current if self.duty else None
        for a in current.assignments if current else []:
            if a.phone:
                action = menu.addAction(self.tr("Copy %1's number (%2)").replace("%1", a.name)
                                        .replace("%2", a.phone))
                action.triggered.connect(lambda _c=False, n=a.phone: self.copy_number(n))
        menu.addSeparator()
        menu.addAction(self.tr("Refresh"), self.refresh)
        menu.exec(event.globalPos())
