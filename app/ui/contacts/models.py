"""Table models of the contacts section: the people (or search results) list and the
freshness worklist. Both fetch lazily, page by page, so 100,000 people open at once, and hold
only a window of pages however far the list is scrolled."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QBrush, QFont

from app.domain.contacts import ContactLabel, PersonTag
from app.services.contacts.book import PersonRow
from app.services.contacts.freshness import StaleNumber
from app.services.contacts.search import ContactHit
from app.ui import style
from app.ui.table_model import Index, PagedModel


def label_text(label: ContactLabel) -> str:
    return {
        ContactLabel.MOBILE: QCoreApplication.translate("ContactLabels", "Mobile"),
        ContactLabel.OFFICE: QCoreApplication.translate("ContactLabels", "Office"),
        ContactLabel.DUTY: QCoreApplication.translate("ContactLabels", "Duty phone"),
        ContactLabel.HOME: QCoreApplication.translate("ContactLabels", "Home"),
        ContactLabel.FAX: QCoreApplication.translate("ContactLabels", "Fax"),
    }[label]


def tag_text(tag: PersonTag) -> str:
    return {
        PersonTag.LEADER: QCoreApplication.translate("ContactLabels", "Leader"),
        PersonTag.DUTY_OFFICER: QCoreApplication.translate("ContactLabels", "Duty officer"),
        PersonTag.EXPERT: QCoreApplication.translate("ContactLabels", "Expert"),
        PersonTag.TEAM_MEMBER: QCoreApplication.translate("ContactLabels", "Team member"),
    }[tag]


@dataclass(frozen=True)
class ContactRow:
    """One line of the list: a person, or a unit found by the search."""

    kind: str  # "person" or "organization"
    id: int
    name: str
    organization: str
    title: str
    main_phone: str
    other_phones: str
    tags: tuple[PersonTag, ...]
    away: bool

    @classmethod
    def from_person(cls, r: PersonRow) -> ContactRow:
        main = r.mobile or r.office_phone
        other = r.office_phone if r.mobile else ""
        return cls("person", r.id, r.name, r.organization, r.title, main, other, r.tags, r.away)

    @classmethod
    def from_hit(cls, h: ContactHit) -> ContactRow:
        others = "  ".join(p.number for p in h.phones[1:3])
        return cls(h.kind, h.id, h.name, h.organization, h.title, h.main_phone, others, h.tags,
                   h.away)


class ContactListModel(PagedModel[ContactRow]):
    """People of the chosen units (fetched as the view scrolls) or the ranked search results."""

    NAME, UNIT, TITLE, MAIN, OTHER, TAGS, STATUS = range(7)

    def __init__(self) -> None:
        super().__init__()
        self.headers = [self.tr("Name"), self.tr("Unit"), self.tr("Title"),
                        self.tr("Main number"), self.tr("Other numbers"), self.tr("Tags"),
                        self.tr("Status")]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_of(index)
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell_text(r, col)
        if role == Qt.ItemDataRole.ForegroundRole and col == self.STATUS and r.away:
            return QBrush(style.colour("danger_text"))
        if role == Qt.ItemDataRole.FontRole and (col == self.MAIN or r.kind == "organization"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and col == self.STATUS and r.away:
            return self.tr("Reported away today")
        return None

    def _cell_text(self, r: ContactRow, col: int) -> str:
        if col == self.TITLE:
            return r.title if r.kind == "person" else self.tr("(unit)")
        if col == self.TAGS:
            return "、".join(tag_text(t) for t in r.tags)
        if col == self.STATUS:
            return self.tr("Away") if r.away else ""
        plain = {self.NAME: r.name, self.UNIT: r.organization, self.MAIN: r.main_phone,
                 self.OTHER: r.other_phones}
        return plain.get(col, "")


class StaleNumbersModel(PagedModel[StaleNumber]):
    """Numbers not verified for a while, the longest unchecked first (fetched lazily)."""

    def __init__(self, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.done: set[int] = set()  # numbers marked verified since the list was read
        self.headers = [self.tr("Name or unit"), self.tr("Unit"), self.tr("Kind"),
                        self.tr("Number"), self.tr("Last verified")]

    def mark_done(self, row: int, when: dt.datetime) -> None:
        """Show a number as just verified without refetching the list. Verified, it has left
        the worklist the database lists: the pages not yet listed start one row earlier."""
        old = self.row_at(row)
        if old is None:
            return
        self.replace_at(row, StaleNumber(old.id, old.owner_kind, old.owner_id, old.owner_name,
                                         old.organization, old.label, old.number, when))
        if old.id not in self.done:
            self.done.add(old.id)
            self.pages.shift -= 1

    def start_pages(self, fetch: Callable[[int, int], list[StaleNumber]], page: int | None = None,
                    total: int | None = None,
                    by_keys: Callable[[list[int]], list[StaleNumber]] | None = None) -> None:
        self.done = set()
        super().start_pages(fetch, page, total, by_keys)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_of(index)
        if r is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return r.owner_name
            if col == 1:
                return r.organization
            if col == 2:
                return label_text(r.label)
            if col == 3:
                return r.number
            if r.last_verified_at is None:
                return self.tr("Never")
            return r.last_verified_at.astimezone(self.zone).strftime("%Y-%m-%d")
        if role == Qt.ItemDataRole.FontRole and col == 3:
            font = QFont()
            font.setBold(True)
            return font
        return None
