"""The countdown strip: every open deadline at a glance, always visible, soonest first."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage
from app.services.context import Context
from app.services.deadlines.listing import DeadlineInfo, strip_order

MAX_CHIPS = 7

STAGE_STYLE = {
    DeadlineStage.PENDING: "background:#e8f0f8; color:#1d3557; border:1px solid #b8c9dc;",
    DeadlineStage.NOTICE: "background:#fff4c2; color:#5c4400; border:1px solid #e0c35a;",
    DeadlineStage.URGENT: "background:#ffd8a8; color:#6b2f00; border:2px solid #f08c00;",
    DeadlineStage.DUE: "background:#ffc9c9; color:#7a0010; border:2px solid #e03131;",
    DeadlineStage.OVERDUE: "background:#c92a2a; color:white; border:2px solid #7a0010; font-weight:bold;",
}
FLASH_STYLE = "background:#fff; color:#c92a2a; border:2px solid #c92a2a; font-weight:bold;"


class DeadlineChip(QPushButton):
    """One deadline: what it is and the time left, coloured by stage."""

    def __init__(self, info: DeadlineInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.info = info
        self.stage = DeadlineStage.PENDING
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumWidth(150)
        self.setMaximumWidth(260)

    def refresh(self, now: dt.datetime, stages: dr.StageSettings, flash: bool, ringing: bool) -> None:
        self.stage = dr.stage_at(self.info.due_at, now, stages)
        left = dr.format_remaining(self.info.remaining_seconds(now))
        what = self.info.what if len(self.info.what) <= 16 else self.info.what[:15] + "…"
        self.setText(f"{what}\n{left}")
        self.setToolTip(f"{self.info.what}\n{self.info.due_at.astimezone().strftime('%Y-%m-%d %H:%M')}")
        style = FLASH_STYLE if (ringing and flash) else STAGE_STYLE[self.stage]
        self.setStyleSheet(f"QPushButton {{ {style} border-radius:4px; padding:2px 8px; text-align:left; }}")


class CountdownStrip(QFrame):
    """Open deadlines in the order the service gives (soonest first, long-range duties after
    the reports), recomputed from due − now at every tick.

    Signals:
        sig_open_deadline(int): the operator clicked a deadline.
        sig_show_all(): the operator asked for the whole list.
    """

    sig_open_deadline = Signal(int)
    """Open this deadline's details."""

    sig_show_all = Signal()
    """Go to the deadlines section."""

    def __init__(self, ctx: Context, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownStrip")
        self.ctx = ctx
        self.items: list[DeadlineInfo] = []
        self.ringing: set[int] = set()
        self.stages = dr.StageSettings()
        self._flash = False
        self.title = QLabel(self.tr("Deadlines"))
        self.title.setObjectName("stripTitle")
        self.empty = QLabel(self.tr("No open deadlines"))
        self.more = QPushButton()
        self.more.clicked.connect(self.sig_show_all.emit)
        self.chips: list[DeadlineChip] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 4, 8, 4)
        self.row.addWidget(self.title)
        self.row.addWidget(self.empty)
        self.row.addStretch()
        self.row.addWidget(self.more)
        self.more.hide()

    def set_items(self, items: list[DeadlineInfo], stages: dr.StageSettings) -> None:
        """In the strip's order (deadlines.list_on_strip); a ringing deadline always has its chip
        (before the rest)."""
        self.items = sorted(items, key=lambda d: d.id not in self.ringing)  # stable: keeps the order
        self.stages = stages
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        for n, info in enumerate(self.items[:MAX_CHIPS]):
            chip = DeadlineChip(info, self)
            chip.clicked.connect(lambda _c=False, i=info.id: self.sig_open_deadline.emit(i))
            self.row.insertWidget(2 + n, chip)
            self.chips.append(chip)
        self.empty.setVisible(not self.items)
        hidden = len(self.items) - len(self.chips)
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("+%n more", "", hidden))
        self.tick()

    def put(self, info: DeadlineInfo) -> None:
        """One deadline as it now stands (an alarm): in its place in the strip's order, or out
        of the strip when it is closed; the other chips keep what they have."""
        rest = [d for d in self.items if d.id != info.id]
        if info.is_open:
            rest.append(info)
        self.set_items(sorted(rest, key=strip_order), self.stages)

    def tick(self) -> None:
        """Redraw every countdown from the clock (never by counting ticks)."""
        now = self.ctx.clock.now()
        self._flash = not self._flash
        for chip in self.chips:
            chip.refresh(now, self.stages, self._flash, chip.info.id in self.ringing)

    def shows(self, deadline_id: int) -> bool:
        """True when the deadline has its chip in the strip."""
        return self.chip_for(deadline_id) is not None

    def chip_for(self, deadline_id: int) -> DeadlineChip | None:
        return next((c for c in self.chips if c.info.id == deadline_id), None)
