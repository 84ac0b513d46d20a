"""The details of the chosen person or unit: numbers with their last check, tags, absence."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.services.contacts.book import PersonDetails, UnitInfo
from app.services.contacts.numbers import Phone
from app.services.context import Context
from app.ui.contacts.models import label_text, tag_text

POINT_ID_ROLE = 256


class DetailsPanel(QWidget):
    def __init__(self, zone: zoneinfo.ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.zone = zone
        self.name = QLabel()
        self.name.setObjectName("detailName")
        self.away_badge = QLabel(self.tr("Away"))
        self.away_badge.setObjectName("awayBadge")
        self.away_badge.hide()
        self.where = QLabel()
        self.where.setWordWrap(True)
        self.tags = QLabel()
        self.numbers = QListWidget()
        self.numbers.setObjectName("detailNumbers")
        self.numbers.setMaximumHeight(170)
        self.numbers.setWordWrap(True)
        self.absence = QLabel()
        self.absence.setWordWrap(True)
        self.extra = QLabel()
        self.extra.setWordWrap(True)
        self.history_button = QPushButton(self.tr("Num&ber history (F8)"))
        self.history_button.setAutoDefault(False)
        head = QHBoxLayout()
        head.addWidget(self.name)
        head.addWidget(self.away_badge)
        head.addStretch()
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.where)
        layout.addWidget(self.tags)
        layout.addWidget(QLabel(self.tr("Numbers (F6: verified):")))
        layout.addWidget(self.numbers)
        history_row = QHBoxLayout()
        history_row.addStretch()
        history_row.addWidget(self.history_button)
        layout.addLayout(history_row)
        layout.addWidget(self.absence)
        layout.addWidget(self.extra)
        layout.addStretch()
        self.show_nothing()

    def today(self, ctx: Context) -> dt.date:
        return ctx.clock.now().astimezone(self.zone).date()

    def show_nothing(self) -> None:
        self.name.setText("")
        self.away_badge.hide()
        for label in (self.where, self.tags, self.absence, self.extra):
            label.setText("")
        self.numbers.clear()

    def _numbers(self, phones: list[Phone] | tuple[Phone, ...]) -> None:
        self.numbers.clear()
        for p in phones:
            when = (p.last_verified_at.astimezone(self.zone).strftime("%Y-%m-%d")
                    if p.last_verified_at else self.tr("never"))
            item = QListWidgetItem(f"{label_text(p.label)}  {p.number}\n    "
                                   + self.tr("(verified %1)").replace("%1", when))
            item.setData(POINT_ID_ROLE, p.id)
            self.numbers.addItem(item)
        if self.numbers.count():
            self.numbers.setCurrentRow(0)

    def show_person(self, p: PersonDetails) -> None:
        self.name.setText(p.name)
        self.away_badge.setVisible(p.away)
        self.where.setText(" · ".join(part for part in (p.organization, p.title) if part))
        tags = "、".join(tag_text(t) for t in p.tags)
        self.tags.setText(self.tr("Tags: %1").replace("%1", tags) if tags else "")
        self._numbers(p.phones)
        lines = []
        for a in p.absences:
            line = self.tr("Away %1 to %2").replace("%1", f"{a.starts_on:%m-%d}") \
                .replace("%2", f"{a.ends_on:%m-%d}")
            if a.place:
                line += f"，{a.place}"
            if a.deputy_name:
                line += self.tr(", deputy: %1").replace("%1", a.deputy_name)
            lines.append(line)
        self.absence.setText("\n".join(lines))
        extra = []
        if p.specialties:
            extra.append(self.tr("Specialties: %1").replace("%1", "、".join(p.specialties)))
        if p.unit_duty_phone:
            extra.append(self.tr("Unit duty phone: %1").replace("%1", p.unit_duty_phone))
        if p.notes:
            extra.append(p.notes)
        self.extra.setText("\n".join(extra))

    def show_unit(self, unit: UnitInfo, phones: list[Phone], parent_name: str) -> None:
        self.name.setText(unit.name)
        self.away_badge.hide()
        self.where.setText(parent_name)
        self.tags.setText("")
        self._numbers(phones)
        self.absence.setText("")
        self.extra.setText(self.tr("Address: %1").replace("%1", unit.address) if unit.address else "")

    def current_point_id(self) -> int | None:
        item = self.numbers.currentItem() or self.numbers.item(0)
        return item.data(POINT_ID_ROLE) if item is not None else None
