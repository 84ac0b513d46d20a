"""Closing the main window safely (issue 12): alarms that ring keep the program alive (in the
tray where there is one, else the operator is asked), and a running job is not dropped unasked."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app.ui import workers
from app.ui.deadlines.controller import DeadlineAlarms


def may_close(window: QWidget, alarms: DeadlineAlarms) -> bool:
    """True when the window may close now; False when it went to the tray or the operator
    chose to stay."""
    if alarms.ringing:
        if alarms.tray.available:
            window.hide()
            alarms.tray.message(
                QCoreApplication.translate("MainWindow", "DutyDesk keeps running"),
                QCoreApplication.translate("MainWindow", "Alarms are still ringing. DutyDesk stays in the tray; quit from its menu."),
                False)
            return False
        answer = QMessageBox.question(
            window, QCoreApplication.translate("MainWindow", "Alarms are ringing"),
            _alarms_ringing(len(alarms.ringing)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    jobs = workers.running_jobs()
    if jobs:
        answer = QMessageBox.question(
            window, QCoreApplication.translate("MainWindow", "A job is still running"),
            QCoreApplication.translate("MainWindow", "%1 is still running. Cancel it and quit? Nothing of it will be kept.")
            .replace("%1", jobs[0].title),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
    return True


def _alarms_ringing(count: int) -> str:
    # one line: lupdate reads a numerus translate() only when its arguments share the line
    return QCoreApplication.translate("MainWindow", "%n alarm(s) not acknowledged. If DutyDesk closes, nobody hears them. Quit anyway?", "", count)
