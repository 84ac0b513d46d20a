"""Settings → Database: where it lives, its backups, a backup or a check on demand."""

from __future__ import annotations

import zoneinfo
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import UserRole
from app.domain.errors import DutyDeskError
from app.domain.progress import Progress
from app.services.context import Context
from app.services.office import audit, backup
from app.ui import errors, style
from app.ui.workers import Job, run_job


class DatabaseTab(QWidget):
    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.zone = zone
        self.location = QLabel(ctx.db.display_location)
        self.location.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backups = QListWidget()
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.check_button = QPushButton(self.tr("&Check now"))
        self.backup_button.clicked.connect(self.back_up)
        self.check_button.clicked.connect(self.check)
        self.result = QLabel()
        self.result.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Database:"), self.location)
        row = QHBoxLayout()
        row.addWidget(self.backup_button)
        row.addWidget(self.check_button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(row)
        layout.addWidget(self.result)
        layout.addWidget(QLabel(self.tr("Backups (newest first):")))
        layout.addWidget(self.backups)
        self.reload()

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.reload()

    def reload(self) -> None:
        self.backups.clear()
        path = self.ctx.db.path
        self.backup_button.setEnabled(path is not None and self.ctx.actor is not None
                                      and self.ctx.actor.role is UserRole.ADMIN)
        if path is None:
            return
        kinds = {"daily": self.tr("daily"), "premigration": self.tr("before an upgrade"),
                 "manual": self.tr("by hand"), "replaced": self.tr("replaced by a restore")}
        for b in backup.list_backups(path):
            when = b.taken_at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M")
            self.backups.addItem(f"{when}  {kinds.get(b.kind, b.kind)}  {b.path.name}")

    def _say(self, text: str, ok: bool) -> None:
        style.set_tone(self.result, "ok" if ok else "error_strong")
        self.result.setText(text)

    def back_up(self) -> Job | None:
        """A backup by hand, off the GUI thread (the window keeps ringing meanwhile)."""
        path = self.ctx.db.path
        if path is None:
            return None
        now = self.ctx.clock.now()

        def done(dest: Path) -> None:
            self._say(self.tr("Backup written to %1").replace("%1", str(dest)), True)
            self.reload()

        return run_job(self, self.tr("Back up now"),
                       lambda _progress: backup.auto_backup(path, "manual", now), done,
                       on_error=lambda exc: self._failed(exc), cancellable=False, key="backup")

    def _failed(self, exc: BaseException) -> None:
        """The environment's or the operator's error on the tab's result line; a bug in its dialog."""
        if isinstance(exc, DutyDeskError):
            self._say(exc.message, False)
        elif isinstance(exc, OSError):
            self._say(errors.file_sentence(exc), False)
        else:
            errors.explain(self, exc)

    def check(self) -> Job:
        """quick_check and the audit chain, off the GUI thread."""
        ctx = self.ctx

        def work(_progress: Progress) -> tuple[str | None, audit.ChainReport]:
            return ctx.db.quick_check(), audit.verify(ctx)

        def done(result: tuple[str | None, audit.ChainReport]) -> None:
            problem, chain = result
            if problem:
                self._say(self.tr("The database file is damaged: %1").replace("%1", problem), False)
            elif not chain.ok:
                self._say(chain.sentence(), False)
            else:
                self._say(self.tr("The database is healthy; the audit trail's %n entries are intact.",
                                  "", chain.count), True)

        return run_job(self, self.tr("Check now"), work, done, on_error=lambda exc: self._failed(exc),
                       cancellable=False, key="check")
