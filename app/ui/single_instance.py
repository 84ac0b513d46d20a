"""A second start on the same database brings the running window to the front.

The running program listens on a local channel (QLocalServer: a named pipe on Windows, a
socket in the temporary folder elsewhere) named after the database's instance lock; a second
start that finds the lock held knocks there and exits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QWidget

log = logging.getLogger(__name__)

KNOCK = b"raise\n"
TIMEOUT_MS = 1500


def knock(name: str) -> bool:
    """Ask the program listening on ``name`` to come to the front; True if it answered."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(TIMEOUT_MS):
        return False
    socket.write(KNOCK)
    socket.flush()
    socket.waitForBytesWritten(TIMEOUT_MS)
    socket.disconnectFromServer()
    return True


def bring_forward(window: QWidget | None) -> None:
    """Show ``window`` (else the active modal dialog, e.g. the sign-in) above the others."""
    target = QApplication.activeModalWidget() or window
    if target is None:
        return
    if target.isMinimized():
        target.showNormal()
    target.show()
    target.setWindowState((target.windowState() & ~Qt.WindowState.WindowMinimized)
                          | Qt.WindowState.WindowActive)
    target.raise_()
    target.activateWindow()


class InstanceChannel(QObject):
    """Listens for second starts and brings the window forward.

    Signals:
        none; ``knocks`` counts the second starts seen (for the status bar and tests).
    """

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.window: QWidget | None = None
        self.knocks = 0
        self.server = QLocalServer(self)
        # Only this program holds the lock, so a channel of that name is left by a crash.
        QLocalServer.removeServer(name)
        if not self.server.listen(name):
            log.warning("no channel for second starts: %s", self.server.errorString())
        self.server.newConnection.connect(self._on_connection)

    def _on_connection(self) -> None:
        while self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            socket.disconnected.connect(socket.deleteLater)
        self.knocks += 1
        bring_forward(self.window)

    def close(self) -> None:
        self.server.close()
