"""The band across the top of the main window: the office, who is on duty now and next, the
operator signed in, the date and the live clock (the window fills them in)."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QWidget

from app.services.context import Context
from app.ui import style
from app.ui.roster.on_duty import OnDutyWidget


class WindowHeader(QFrame):
    """The office's emblem and name, the on-duty panel, the operator, the date, the clock."""

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("header")
        self.office_label = QLabel()
        self.office_label.setObjectName("officeName")
        self.date_label = QLabel()
        self.date_label.setObjectName("dateLabel")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.operator_label = QLabel()
        self.operator_label.setObjectName("operatorLabel")
        emblem = QLabel()
        emblem.setObjectName("officeIcon")
        emblem.setPixmap(QIcon(str(style.icons_dir() / "dutydesk.svg")).pixmap(QSize(30, 30)))
        self.on_duty = OnDutyWidget(ctx, zone)
        row = QHBoxLayout(self)
        row.addWidget(emblem)
        row.addWidget(self.office_label)
        row.addWidget(self.on_duty, 1)
        row.addWidget(self.operator_label)
        row.addSpacing(24)
        row.addWidget(self.date_label)
        row.addSpacing(8)
        row.addWidget(self.clock_label)
