"""Making an alarm heard: sound (or the system beep), a tray message, the window alert."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMenu, QSystemTrayIcon, QWidget

from app import paths

if TYPE_CHECKING:  # QtMultimedia itself loads in prepare(), off start-up
    from PySide6.QtMultimedia import QSoundEffect

log = logging.getLogger(__name__)


class AlarmSound(QObject):
    """Plays resources/sounds/alarm.wav; falls back to the system beep when it cannot.

    QSoundEffect fails silently without an audio device, so its status is checked, and
    QtMultimedia itself may be missing (no PulseAudio library): both fall back and say so
    once in the log.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.effect: QSoundEffect | None = None
        self.fallback_reason = ""
        self._ready = False

    def prepare(self) -> None:
        """Load QtMultimedia and the sound (a few hundred milliseconds: kept off start-up,
        done after the window shows or at the first alarm, whichever comes first)."""
        if self._ready:
            return
        self._ready = True
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
        except ImportError as exc:
            self.fallback_reason = f"QtMultimedia unavailable: {exc}"
        else:
            if not QMediaDevices.audioOutputs():
                self.fallback_reason = "no audio output device"
            else:
                self.effect = QSoundEffect(self)
                self.effect.setSource(QUrl.fromLocalFile(str(paths.resources_dir() / "sounds" / "alarm.wav")))
                self.effect.setVolume(0.9)
        if self.fallback_reason:
            log.warning("alarm sound falls back to the system beep: %s", self.fallback_reason)

    @property
    def uses_beep(self) -> bool:
        self.prepare()
        return self.effect is None

    def play(self) -> str:
        """Sound the alarm; returns "sound" or "beep" (what was actually used).

        Never raises: whatever fails on the way to the speaker falls back to the system beep,
        said once in the log (the next alarms beep without repeating it).
        """
        try:
            self.prepare()
            if self.effect is not None:
                from PySide6.QtMultimedia import QSoundEffect

                if self.effect.status() == QSoundEffect.Status.Error:
                    self._fall_back("the alarm sound failed to load")
                else:
                    self.effect.play()
                    return "sound"
        except Exception:
            log.exception("alarm sound failed")
            self._fall_back("playing the alarm sound failed")
        QApplication.beep()
        return "beep"

    def _fall_back(self, reason: str) -> None:
        self.effect = None
        if not self.fallback_reason:
            self.fallback_reason = reason
            log.warning("alarm sound falls back to the system beep: %s", reason)


class Tray(QObject):
    """The tray icon, where the system has one (absent offscreen and on some desktops).

    Signals:
        sig_show_requested(): the operator clicked the icon or "Show".
        sig_quit_requested(): the operator chose "Quit" in the tray's menu.
    """

    sig_show_requested = Signal()
    """Bring the main window back."""

    sig_quit_requested = Signal()
    """The operator chose Quit in the tray's menu."""

    def __init__(self, parent: QWidget, *, shown: bool = True) -> None:
        super().__init__(parent)
        self.icon: QSystemTrayIcon | None = None
        if not QSystemTrayIcon.isSystemTrayAvailable():
            log.info("no system tray: alarms use the window alert and the countdown strip")
            return
        icon = QSystemTrayIcon(QIcon(str(paths.resources_dir() / "icons" / "dutydesk.svg")), parent)
        menu = QMenu(parent)
        menu.addAction(self.tr("Show DutyDesk")).triggered.connect(self.sig_show_requested.emit)
        menu.addAction(self.tr("Quit DutyDesk")).triggered.connect(self.sig_quit_requested.emit)
        icon.setContextMenu(menu)
        icon.activated.connect(lambda _r: self.sig_show_requested.emit())
        icon.setToolTip(self.tr("DutyDesk"))
        icon.setVisible(shown)
        self.icon = icon

    def reveal(self) -> None:
        """Show the icon (a window built before sign-in keeps it hidden until then: its "Show"
        must not open the window to whoever is at the desk)."""
        if self.icon is not None:
            self.icon.show()

    @property
    def available(self) -> bool:
        return self.icon is not None

    def message(self, title: str, text: str, critical: bool) -> bool:
        if self.icon is None:
            return False
        kind = QSystemTrayIcon.MessageIcon.Critical if critical else QSystemTrayIcon.MessageIcon.Warning
        self.icon.showMessage(title, text, kind, 15000)
        return True
