"""The countdown strip: every open deadline at a glance, always visible, soonest first.

Each chip names the report in full (its kind and channel, never cut; the incident's title is
what gets shortened), the time left in large equal-width digits, and the stage in words as well
as colour. Deadlines more than a week away fold into one "+N" chip whose menu lists them.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.domain import deadline_rules as dr
from app.domain.enums import DeadlineStage
from app.domain.terms import term
from app.services.context import Context
from app.services.deadlines.listing import DeadlineInfo, strip_order
from app.ui import style
from app.ui.deadlines.dialogs import stage_name

MAX_CHIPS = 7
FOLD_AFTER = dt.timedelta(days=7)  # further off than this: folded into the "+N" chip
SEPARATOR = " · "  # between an incident's title and the report's label in ``what``


def report_name(info: DeadlineInfo) -> str:
    """The report a deadline asks for, in the screen's words: 首报（电话）."""
    return f"{term(info.report_kind)}（{term(info.channel)}）"


def split_what(info: DeadlineInfo) -> tuple[str, str]:
    """(what is due, what it is about): a report of an incident or a plan names its kind,
    shown in full, and the incident's or plan's title, which may be shortened; a duty of the
    office without one (the quarterly report) is its own name."""
    if SEPARATOR in info.what or info.incident_id is not None:
        return report_name(info), info.what.rsplit(SEPARATOR, 1)[0]
    return info.what, ""


def due_text(info: DeadlineInfo, zone: zoneinfo.ZoneInfo) -> str:
    return info.due_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")


class DeadlineChip(QPushButton):
    """One deadline: what is due, the incident, the time left and the stage, coloured by stage."""

    MIN_WIDTH = 160

    def __init__(self, info: DeadlineInfo, zone: zoneinfo.ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deadlineChip")
        self.info = info
        self.zone = zone
        self.stage = DeadlineStage.PENDING
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setMinimumWidth(self.MIN_WIDTH)
        self.setMaximumWidth(280)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        name, self.title_text = split_what(info)
        self.kind = QLabel(name)
        self.kind.setObjectName("chipKind")
        self.title = QLabel()
        self.title.setObjectName("chipTitle")
        self.remaining = QLabel()
        self.remaining.setObjectName("chipTime")
        self.remaining.setFont(style.tabular_font(self.font(), 15))
        self.stage_label = QLabel()
        self.stage_label.setObjectName("chipStage")
        self.stage_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 3, 8, 3)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(0)
        grid.addWidget(self.kind, 0, 0)
        grid.addWidget(self.title, 0, 1)
        grid.addWidget(self.remaining, 1, 0)
        grid.addWidget(self.stage_label, 1, 1)
        grid.setColumnStretch(1, 1)
        for label in (self.kind, self.title, self.remaining, self.stage_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.kind.setMinimumWidth(self.kind.sizeHint().width())
        lines = self.kind.fontMetrics().height() + QFontMetrics(self.remaining.font()).height()
        self._height = lines + 10
        self.setFixedHeight(self._height)
        self._elide()

    def set_info(self, info: DeadlineInfo) -> None:
        """The same deadline as it now stands (an alarm reread it)."""
        if info == self.info:
            return
        self.info = info
        name, self.title_text = split_what(info)
        self.kind.setText(name)
        self.kind.setMinimumWidth(self.kind.sizeHint().width())
        self.setProperty("stage", None)  # redrawn at the next refresh
        self._elide()

    def refresh(self, now: dt.datetime, stages: dr.StageSettings, flash: bool, ringing: bool) -> None:
        stage = dr.stage_at(self.info.due_at, now, stages)
        left = dr.format_remaining(self.info.remaining_seconds(now))
        if left != self.remaining.text():
            self.remaining.setText(left)
            self.remaining.setMinimumWidth(self.remaining.sizeHint().width())
            self._elide()
        self.stage_label.setText(stage_name(stage))
        self.setToolTip(self.tr("%1\nDue %2 (office time) · %3").replace("%1", self.info.what)
                        .replace("%2", due_text(self.info, self.zone)).replace("%3", stage_name(stage)))
        self.setAccessibleName(f"{self.info.what} {left} {stage_name(stage)}")
        flashing = "true" if (ringing and flash) else "false"
        if stage is not self.stage or self.property("flash") != flashing or self.property("stage") is None:
            self.stage = stage
            self.setProperty("stage", stage.value)
            self.setProperty("flash", flashing)
            style.repolish(self)

    def sizeHint(self) -> QSize:
        return QSize(220, self._height)

    def minimumSizeHint(self) -> QSize:
        return QSize(self.MIN_WIDTH, self._height)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        """The incident's title shortened to the room left beside the report's kind."""
        first = max(self.kind.sizeHint().width(), self.remaining.sizeHint().width())
        room = max(0, self.width() - first - 24)
        text = self.title.fontMetrics().elidedText(self.title_text, Qt.TextElideMode.ElideRight, room)
        self.title.setText(text)

    def text(self) -> str:
        """What the chip says, in one line (what a screen reader and a test read)."""
        return f"{self.kind.text()} {self.title_text} {self.remaining.text()}".strip()


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

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countdownStrip")
        self.ctx = ctx
        self.zone = zone or zoneinfo.ZoneInfo("Asia/Shanghai")
        self.items: list[DeadlineInfo] = []
        self.later: list[DeadlineInfo] = []
        self.ringing: set[int] = set()
        self.stages = dr.StageSettings()
        self._flash = False
        self.title = QLabel(self.tr("Deadlines"))
        self.title.setObjectName("stripTitle")
        self.empty = QLabel(self.tr("No open deadlines"))
        self.empty.setObjectName("stripEmpty")
        self.more = QPushButton()
        self.more.clicked.connect(self.sig_show_all.emit)
        self.later_chip = QPushButton()
        self.later_chip.setObjectName("laterChip")
        self.later_menu = QMenu(self.later_chip)
        self.later_chip.setMenu(self.later_menu)
        self.chips: list[DeadlineChip] = []
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(8, 4, 8, 4)
        self.row.setSpacing(6)
        self.row.addWidget(self.title)
        self.row.addWidget(self.empty)
        self.row.addWidget(self.later_chip)
        self.row.addStretch()
        self.row.addWidget(self.more)
        self.more.hide()
        self.later_chip.hide()

    def set_zone(self, zone: zoneinfo.ZoneInfo) -> None:
        self.zone = zone
        for chip in self.chips:
            chip.zone = zone

    def set_items(self, items: list[DeadlineInfo], stages: dr.StageSettings) -> None:
        """In the strip's order (deadlines.list_on_strip); a ringing deadline always has its chip
        (before the rest); what is due more than a week from now folds into the "+N" chip."""
        now = self.ctx.clock.now()
        ordered = sorted(items, key=lambda d: d.id not in self.ringing)  # stable: keeps the order
        self.items = [d for d in ordered if d.id in self.ringing or d.due_at - now <= FOLD_AFTER]
        self.later = [d for d in ordered if d not in self.items]
        self.stages = stages
        # a deadline keeps its chip (an alarm replayed for each of a dozen deadlines moves
        # chips, it does not build the strip a dozen times)
        kept = {chip.info.id: chip for chip in self.chips}
        self.chips = []
        for n, info in enumerate(self.items[:MAX_CHIPS]):
            chip = kept.pop(info.id, None)
            if chip is None:
                chip = DeadlineChip(info, self.zone, self)
                chip.clicked.connect(lambda _c=False, i=info.id: self.sig_open_deadline.emit(i))
            else:
                chip.set_info(info)
                self.row.removeWidget(chip)
            self.row.insertWidget(2 + n, chip)
            self.chips.append(chip)
        for chip in kept.values():
            self.row.removeWidget(chip)
            chip.deleteLater()
        self.empty.setVisible(not items)
        self._fill_later(now)
        self.fit()
        self.redraw(now)  # the flashing keeps its beat: only the clock's tick turns it

    def fit(self) -> None:
        """As many chips as the strip's width holds whole (none squeezed over the next), in
        order; the rest counted on the "+N more" button."""
        spacing = self.row.spacing()
        fixed = self.row.contentsMargins().left() + self.row.contentsMargins().right()
        fixed += self.title.sizeHint().width() + spacing
        if self.later:
            fixed += self.later_chip.sizeHint().width() + spacing
        more = self.more.fontMetrics().horizontalAdvance(self.tr("+%n more", "", len(self.items)))
        room = self.width() - fixed - more - 40 - spacing  # the button's padding and frame
        fits = max(1, room // (DeadlineChip.MIN_WIDTH + spacing)) if self.width() > 0 else MAX_CHIPS
        for n, chip in enumerate(self.chips):
            chip.setVisible(n < fits)
        shown = min(fits, len(self.chips))
        hidden = len(self.items) - shown
        self.more.setVisible(hidden > 0)
        self.more.setText(self.tr("+%n more", "", hidden))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit()

    def _fill_later(self, now: dt.datetime) -> None:
        self.later_menu.clear()
        self.later_chip.setVisible(bool(self.later))
        self.later_chip.setText(self.tr("+%n later", "", len(self.later)))
        self.later_chip.setToolTip(self.tr("Due more than 7 days from now"))
        for info in self.later:
            left = dr.format_remaining(info.remaining_seconds(now))
            action = self.later_menu.addAction(
                f"{info.what}    {due_text(info, self.zone)}    {left}")
            action.triggered.connect(lambda _c=False, i=info.id: self.sig_open_deadline.emit(i))

    def put(self, info: DeadlineInfo) -> None:
        """One deadline as it now stands (an alarm): in its place in the strip's order, or out
        of the strip when it is closed; the other chips keep what they have."""
        rest = [d for d in self.items if d.id != info.id]
        if info.is_open:
            rest.append(info)
        self.set_items(sorted(rest, key=strip_order), self.stages)

    def tick(self) -> None:
        """Redraw every countdown from the clock (never by counting ticks); ringing chips flash."""
        self._flash = not self._flash
        self.redraw(self.ctx.clock.now())

    def redraw(self, now: dt.datetime) -> None:
        for chip in self.chips:
            chip.refresh(now, self.stages, self._flash, chip.info.id in self.ringing)

    def shows(self, deadline_id: int) -> bool:
        """True when the deadline has its chip in the strip (shown, not counted under "more")."""
        chip = self.chip_for(deadline_id)
        return chip is not None and not chip.isHidden()

    def chip_for(self, deadline_id: int) -> DeadlineChip | None:
        return next((c for c in self.chips if c.info.id == deadline_id), None)

