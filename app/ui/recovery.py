"""What the window does when the database cannot be used: a damaged file (offer the latest good
backup, in the operator's language, never a driver's English) and a server out of reach (say
so, retry). Used at start and when the background check finds damage while the program runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app.domain.errors import DatabaseDamaged, DatabaseUnavailable
from app.domain.messages import text

log = logging.getLogger(__name__)


def offer_backup(parent: QWidget | None, error: DatabaseDamaged) -> bool:
    """The file is damaged: say so and offer the latest good backup. True if it is to be
    restored."""
    good = error.latest_backup
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("Application", "The database is damaged"))
    if good is None:
        box.setText(QApplication.translate(
            "Application", "DutyDesk cannot use this database:\n%1\n\nNo good backup was found."
        ).replace("%1", error.message))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    when = good.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    box.setText(QApplication.translate(
        "Application",
        "DutyDesk cannot use this database:\n%1\n\nThe latest good backup is from %2:\n%3\n\n"
        "Restore it? The damaged file is kept beside the backups.",
    ).replace("%1", error.message).replace("%2", when).replace("%3", str(good.path)))
    restore = box.addButton(QApplication.translate("Application", "Restore the backup"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def retry_server(parent: QWidget | None, error: DatabaseUnavailable) -> bool:
    """The server cannot be reached (not a damaged file: no backup is offered). True to retry."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QApplication.translate("Application",
                                              "The database server cannot be reached"))
    box.setText(error.message)
    retry = box.addButton(QApplication.translate("Application", "Try again"),
                          QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry


class DamageWatcher(QObject):
    """Answers a damaged file found while the program runs (by the background check, or by a
    read that met a bad page): writes are stopped already; the operator is told once, in
    Chinese, and offered the latest good backup. Choosing it ends the event loop; the program
    then restores the backup and starts again (``restore_from``).

    Signals:
        sig_writes_stopped(str): writes were stopped; the sentence for the banner.
    """

    sig_writes_stopped = Signal(str)
    """The database refuses writes from now on; the sentence says why."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.error: DatabaseDamaged | None = None
        self.restore_from: DatabaseDamaged | None = None
        self.recheck: Callable[[], None] | None = None  # runs the background check now

    def handle(self, error: object) -> None:
        """Slot for the bridge's ``sig_database_damaged`` (and the exception hook)."""
        if not isinstance(error, DatabaseDamaged):
            return
        if self.error is not None:  # offered already: say why this action was not saved
            box = QMessageBox(QMessageBox.Icon.Warning,
                              QApplication.translate("Application", "DutyDesk"), error.message,
                              QMessageBox.StandardButton.Ok, QApplication.activeWindow())
            box.exec()
            return
        if error.latest_backup is None and self.recheck is not None:
            # A read met a bad page: the background check finds the backup to offer (its
            # integrity checks are not for the GUI thread) and reports back.
            self.sig_writes_stopped.emit(text("db.writes_stopped"))
            recheck, self.recheck = self.recheck, None
            recheck()
            return
        self.error = error
        log.error("database damaged while running: %s", error.message)
        self.sig_writes_stopped.emit(text("db.writes_stopped"))
        if offer_backup(QApplication.activeWindow(), error) and error.latest_backup is not None:
            self.restore_from = error
            QApplication.exit(0)  # ends every event loop, a modal dialog's too
