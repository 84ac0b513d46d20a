"""The status bar's word after an export: which file was written, and a button that opens its
folder (every export tells it through ``workers.announce``)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.ui import style


class ExportNotice(QWidget):
    """"已导出：值班安排表.xlsx  [打开文件夹]" in the status bar, until the next export."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path | None = None
        self.message = QLabel()
        self.message.setAccessibleName(self.tr("Last export"))
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.setIcon(style.icon("folder-open"))
        self.open_button.setAutoDefault(False)
        self.open_button.clicked.connect(self.open_folder)
        row = QHBoxLayout(self)
        row.setContentsMargins(12, 0, 0, 0)
        row.addWidget(self.message)
        row.addWidget(self.open_button)
        row.addStretch()
        self.open_button.hide()

    def show_written(self, title: str, path: Path) -> None:
        self.path = path
        self.message.setText(self.tr("%1: saved %2").replace("%1", title).replace("%2", path.name))
        self.message.setToolTip(str(path))
        style.set_tone(self.message, "ok_strong")
        self.open_button.setToolTip(str(path.parent))
        self.open_button.show()

    def open_folder(self) -> bool:
        if self.path is None:
            return False
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.path.parent)))
