"""The one place an error becomes what the operator sees (STYLE.md "Errors have two kinds").

The environment (database busy, disk full, read-only, server gone; a file that cannot be
written) → a plain sentence, with Retry where the action can simply run again. A concurrent
edit → 已被他人修改，请刷新后重试. A refused input → what to fix. Only a bug gets the bug dialog,
and even that never shows SQLAlchemy's or a driver's text. Used by the workers' error path and
by the exception hook, so a slot that lets an error through still gets the right dialog.
"""

from __future__ import annotations

import errno
import logging
import traceback
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from app import paths
from app.domain.errors import (
    DatabaseDamaged,
    DatabaseUnavailable,
    DutyDeskError,
    InputError,
    StaleRecord,
)
from app.services import errors as boundary

log = logging.getLogger(__name__)

# Exceptions that carry the operator's sentence: not logged as bugs where they pass.
EXPLAINED: tuple[type[BaseException], ...] = (DutyDeskError,)

def file_sentence(exc: OSError) -> str:
    """A file that could not be read or written, in the operator's words (never the OS text)."""
    name = str(exc.filename) if exc.filename else ""
    if exc.errno == errno.ENOSPC:
        words = QCoreApplication.translate("Errors", "The disk is full; the file was not written. Free some space and try again.")
    elif exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        words = QCoreApplication.translate("Errors", "This place cannot be written (no permission, or read-only). Choose another.")
    elif exc.errno == errno.ENOENT:
        words = QCoreApplication.translate("Errors", "The file or its folder does not exist.")
    else:
        words = QCoreApplication.translate("Errors", "The file could not be read or written.")
    return f"{words}\n{name}" if name else words


def _show(box: QMessageBox) -> None:
    box.exec()


def explain(parent: QWidget | None, exc: BaseException, *, title: str = "",
            retry: Callable[[], object] | None = None) -> None:
    """Show ``exc`` as the operator should meet it. ``retry`` runs the action again when the
    operator presses Retry (offered for a database that was busy or unreachable)."""
    exc = boundary.for_operator(exc)
    box = QMessageBox(parent)
    box.setWindowTitle(title or QCoreApplication.translate("Errors", "DutyDesk"))
    retry_button = None
    if isinstance(exc, InputError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(QCoreApplication.translate("Errors", "Nothing was written. Fix these and try again:"))
        lines = exc.message.splitlines()
        box.setInformativeText("\n".join(lines[:8]) + ("\n…" if len(lines) > 8 else ""))
        if len(lines) > 8:
            box.setDetailedText(exc.message)
    elif isinstance(exc, StaleRecord):
        box.setIcon(QMessageBox.Icon.Information)
        box.setText(exc.message)
    elif isinstance(exc, DatabaseUnavailable):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(QCoreApplication.translate("Errors", "The database cannot be used right now."))
        box.setInformativeText(exc.message)
        if retry is not None:
            retry_button = box.addButton(QCoreApplication.translate("Errors", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    elif isinstance(exc, DatabaseDamaged):
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(exc.message)
    elif isinstance(exc, DutyDeskError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(exc.message)
    elif isinstance(exc, OSError):
        box.setIcon(QMessageBox.Icon.Warning)
        box.setText(file_sentence(exc))
        if retry is not None:
            retry_button = box.addButton(QCoreApplication.translate("Errors", "Retry"), QMessageBox.ButtonRole.AcceptRole)
    else:
        bug_dialog(box, exc)
    box.addButton(QCoreApplication.translate("Errors", "Close"), QMessageBox.ButtonRole.RejectRole)
    _show(box)
    if retry is not None and retry_button is not None and box.clickedButton() is retry_button:
        retry()


def bug_dialog(box: QMessageBox, exc: BaseException) -> None:
    """"We have a bug": the log has the details; the screen says what is safe."""
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
    box.setText(QCoreApplication.translate("Errors", "Something went wrong in DutyDesk. What you had saved is safe. "
                    "The details were written to the log:\n%1")
                .replace("%1", str(paths.log_dir() / "dutydesk.log")))
    if not boundary.hides_its_text(exc):
        box.setDetailedText("".join(traceback.format_exception_only(type(exc), exc)).strip())


def is_bug(exc: BaseException) -> bool:
    """True when ``exc`` is neither the operator's, nor the environment's, nor a concurrent edit."""
    exc = boundary.for_operator(exc)
    return not isinstance(exc, DutyDeskError | OSError)
