"""Table models of the roster screen: the month, the list, a day's places, swaps, history."""

from __future__ import annotations

import datetime as dt
import json
import zoneinfo
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from app.domain import audit_terms
from app.domain.duty_calendar import MAKEUP_WORDS
from app.domain.enums import DutyKind, DutyRole, SwapStatus
from app.services.context import Context
from app.services.office.audit import AuditRow
from app.services.roster import schedule as roster
from app.services.roster.calendar import PeriodInfo
from app.services.roster.schedule import AssignmentInfo, Conflict, ShiftDay
from app.ui import style
from app.ui.table_model import Index, PagedModel, RowsModel

DISPLAY, TOOLTIP = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole
BACKGROUND, FOREGROUND = Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole
FONT, USER = Qt.ItemDataRole.FontRole, Qt.ItemDataRole.UserRole



def role_word(role: DutyRole) -> str:
    """A duty role in the interface's language."""
    return {
        DutyRole.CHIEF_LEADER: QCoreApplication.translate("Roster", "Chief leader"),
        DutyRole.LEADER: QCoreApplication.translate("Roster", "Leader"),
        DutyRole.SUPERVISOR: QCoreApplication.translate("Roster", "Supervisor"),
        DutyRole.OFFICER: QCoreApplication.translate("Roster", "Officer"),
        DutyRole.STANDBY: QCoreApplication.translate("Roster", "Standby"),
    }[role]


def tier_word(tier: int) -> str:
    """A leader tier in the interface's language."""
    return {
        1: QCoreApplication.translate("Roster", "middle manager"),
        2: QCoreApplication.translate("Roster", "leadership member"),
        3: QCoreApplication.translate("Roster", "head of office"),
    }.get(tier, str(tier))


def day_background(days: list[ShiftDay], date: dt.date) -> QColor | None:
    if not days:
        return style.colour("weekend_bg") if date.weekday() >= 5 else None
    if days[0].kind is DutyKind.HOLIDAY:
        return style.colour("holiday_bg")
    if MAKEUP_WORDS in days[0].remark_words:
        return style.colour("makeup_bg")
    return style.colour("weekend_bg") if days[0].kind is DutyKind.WEEKEND else None


class MonthModel(QAbstractTableModel):
    """Six weeks from the Monday before the 1st; each cell a day with its people."""

    def __init__(self) -> None:
        super().__init__()
        self.year, self.month = 2026, 1
        self.today = dt.date(2026, 1, 1)
        self.first = dt.date(2026, 1, 1)
        self.days: dict[dt.date, list[ShiftDay]] = {}
        self.conflicts: dict[dt.date, list[Conflict]] = {}
        self.periods: dict[dt.date, list[PeriodInfo]] = {}

    def load(self, year: int, month: int, days: list[ShiftDay], conflicts: list[Conflict],
             today: dt.date, periods: Sequence[PeriodInfo] = ()) -> None:
        self.beginResetModel()
        self.year, self.month, self.today = year, month, today
        start = dt.date(year, month, 1)
        self.first = start - dt.timedelta(days=start.weekday())
        self.days = defaultdict(list)
        for d in days:
            self.days[d.date].append(d)
        self.conflicts = defaultdict(list)
        for c in conflicts:
            self.conflicts[c.date].append(c)
        self.periods = defaultdict(list)
        for p in periods:
            day = max(p.starts_on, self.first)
            while day <= min(p.ends_on, self.first + dt.timedelta(days=41)):
                self.periods[day].append(p)
                day += dt.timedelta(days=1)
        self.endResetModel()

    def date_at(self, index: Index) -> dt.date:
        return self.first + dt.timedelta(days=index.row() * 7 + index.column())

    def index_of(self, date: dt.date) -> QModelIndex:
        n = (date - self.first).days
        return self.index(n // 7, n % 7) if 0 <= n < 42 else QModelIndex()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 7

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and orientation == Qt.Orientation.Horizontal:
            return (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"), self.tr("Fri"),
                    self.tr("Sat"), self.tr("Sun"))[section]
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        date = self.date_at(index)
        if role == DISPLAY:
            return self._cell_text(date)
        if role == TOOLTIP:
            return self._tooltip(date)
        if role == BACKGROUND:
            if self.conflicts.get(date):
                return QBrush(style.colour("conflict_bg"))
            colour = day_background(self.days.get(date, []), date)
            return QBrush(colour) if colour else None
        if role == FOREGROUND and date.month != self.month:
            return QBrush(style.colour("text_disabled"))
        if role == FONT and date == self.today:
            font = QFont()
            font.setBold(True)
            return font
        if role == USER:
            return date
        return None

    def _cell_text(self, date: dt.date) -> str:
        """The day number with its calendar words, then each shift's leader and officers."""
        days = self.days.get(date, [])
        words = [w for w in (days[0].remark_words if days else [])
                 if w not in {p.name for p in self.periods.get(date, [])}]
        marker = " ◆" if self.periods.get(date) else ""
        lines = [f"{date.day}{marker}" + (f"  {'、'.join(words)}" if words else "")]
        lead_word = self.tr("Lead")
        for d in days:  # the leader, then the officers on a line of their own
            prefix = f"{d.shift_name} " if len(days) > 1 else ""
            leaders = "、".join(a.name for a in d.leaders) or "—"
            officers = "、".join(a.name for a in d.of(DutyRole.OFFICER)) or "—"
            lines.append(f"{prefix}{lead_word} {leaders}")
            lines.append(officers)
        return "\n".join(lines)

    def _tooltip(self, date: dt.date) -> str:
        lines = [date.isoformat()]
        for d in self.days.get(date, []):
            lines.append(d.shift_name + ("：" + "、".join(d.remark_words) if d.remark_words else ""))
            lines += [f"  {role_word(a.role)} {a.name} {a.phone}" for a in d.assignments]
        lines += ["⚠ " + c.message for c in self.conflicts.get(date, [])]
        return "\n".join(lines)


class DayListModel(RowsModel):
    """The month as a list: one row per shift, conflicts in the last column."""

    def __init__(self) -> None:
        super().__init__()
        self.conflicts: dict[tuple[dt.date, int], list[Conflict]] = {}
        self.headers = [self.tr("Date"), self.tr("Weekday"), self.tr("Shift"), self.tr("Leader"),
                        self.tr("Officers"), self.tr("Others"), self.tr("Remarks"), self.tr("Conflicts")]

    def load(self, days: list[ShiftDay], conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        self.rows = days
        self.conflicts = defaultdict(list)
        for c in conflicts:
            self.conflicts[(c.date, c.shift_id)].append(c)
        self.endResetModel()

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        d = self.rows[index.row()]
        conflicts = self.conflicts.get((d.date, d.shift_id), [])
        if role == DISPLAY:
            return self._cell_text(d, index.column(), conflicts)
        if role == TOOLTIP and conflicts:
            return "\n".join(c.message for c in conflicts)
        if role == BACKGROUND:
            if conflicts:
                return QBrush(style.colour("conflict_bg"))
            colour = day_background([d], d.date)
            return QBrush(colour) if colour else None
        if role == USER:
            return d.date
        return None

    def _cell_text(self, d: ShiftDay, col: int, conflicts: list[Conflict]) -> str:
        columns: tuple[Callable[[], str], ...] = (
            d.date.isoformat,
            lambda: (self.tr("Mon"), self.tr("Tue"), self.tr("Wed"), self.tr("Thu"),
                     self.tr("Fri"), self.tr("Sat"), self.tr("Sun"))[d.date.weekday()],
            lambda: d.shift_name,
            lambda: "、".join(f"{a.name} {a.phone}" for a in d.leaders),
            lambda: "、".join(a.name for a in d.of(DutyRole.OFFICER)),
            lambda: "、".join(f"{role_word(a.role)} {a.name}" for a in d.assignments
                             if a.role in (DutyRole.SUPERVISOR, DutyRole.STANDBY)),
            lambda: "；".join([*d.remark_words, *dict.fromkeys(a.note for a in d.assignments if a.note)]),
            lambda: "；".join(c.message for c in conflicts),
        )
        return columns[col]() if 0 <= col < len(columns) else ""


class PlacesModel(RowsModel):
    """The places of one day: every shift's roles and positions, filled or empty."""

    def __init__(self) -> None:
        super().__init__()
        self.conflicts: dict[tuple[int, int | None], list[Conflict]] = {}
        self.headers = [self.tr("Shift"), self.tr("Role"), self.tr("Person"), self.tr("Title"),
                        self.tr("Phone"), self.tr("Locked"), self.tr("Note"), self.tr("Conflicts")]

    def load(self, days: list[ShiftDay], conflicts: list[Conflict]) -> None:
        self.beginResetModel()
        self.rows = []
        for d in days:
            for role, count in d.roles:
                held = d.of(role)
                positions = sorted({a.position for a in held} | set(range(count)))
                for pos in positions:
                    who = next((a for a in held if a.position == pos), None)
                    self.rows.append((d, role, pos, who))
            for a in d.assignments:  # roles no longer in the shift still show
                if not any(p[3] is a for p in self.rows):
                    self.rows.append((d, a.role, a.position, a))
        self.conflicts = defaultdict(list)
        for c in conflicts:
            self.conflicts[(c.shift_id, c.person_id)].append(c)
            if c.code in ("missing_leader", "empty"):
                self.conflicts[(c.shift_id, None)].append(c)
        self.endResetModel()

    def place(self, row: int) -> tuple[ShiftDay, DutyRole, int, AssignmentInfo | None]:
        return self.rows[row]

    def _conflicts(self, day: ShiftDay, role: DutyRole, who: AssignmentInfo | None) -> list[Conflict]:
        if who is not None:
            return [c for c in self.conflicts.get((day.shift_id, who.person_id), [])
                    if c.role in (None, who.role) or c.code in ("double_booking", "rest",
                                                                "unavailable", "monthly_max")]
        return [c for c in self.conflicts.get((day.shift_id, None), []) if c.role is role]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        day, duty_role, _, who = self.rows[index.row()]
        conflicts = self._conflicts(day, duty_role, who)
        col = index.column()
        if role == DISPLAY:
            values = [day.shift_name, role_word(duty_role),
                      who.name if who else self.tr("(empty)"), who.title if who else "",
                      who.phone if who else "", self.tr("yes") if who and who.locked else "",
                      who.note if who else "", "；".join(c.message for c in conflicts)]
            return values[col]
        if role == TOOLTIP and conflicts:
            return "\n".join(c.message for c in conflicts)
        if role == BACKGROUND and conflicts:
            return QBrush(style.colour("conflict_bg"))
        if role == FOREGROUND and who is None:
            return QBrush(style.colour("danger_text"))
        return None


class SwapsModel(RowsModel):
    def __init__(self, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.zone = zone
        self.headers = [self.tr("Date"), self.tr("Role"), self.tr("From"), self.tr("To"),
                        self.tr("Traded duty"), self.tr("Reason"), self.tr("Status"),
                        self.tr("Asked by"), self.tr("Decided by")]

    def status_word(self, status: SwapStatus) -> str:
        return {SwapStatus.REQUESTED: self.tr("waiting"), SwapStatus.APPLIED: self.tr("approved"),
                SwapStatus.REJECTED: self.tr("rejected"), SwapStatus.WITHDRAWN: self.tr("withdrawn")}[status]

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role != DISPLAY:
            return None
        s = self.rows[index.row()]
        asked = f"{s.requested_by} {s.requested_at.astimezone(self.zone):%m-%d %H:%M}"
        decided = (f"{audit_terms.actor(s.decided_by or '')} {s.decided_at.astimezone(self.zone):%m-%d %H:%M}"
                   if s.decided_at else "")
        return [s.date.isoformat(), role_word(s.role) if s.role else "", s.from_name, s.to_name,
                s.other_date.isoformat() if s.other_date else "", s.reason,
                self.status_word(s.status), asked, decided][index.column()]


def _person_id(picture: object) -> int | None:
    """The "person_id" of an audit entry's before or after picture, if it holds one."""
    if isinstance(picture, dict):
        pid = picture.get("person_id")
        if isinstance(pid, int):
            return pid
    return None


class HistoryModel(PagedModel[AuditRow]):
    """The audit trail's roster entries, newest first, fetched page by page."""

    PAGE = 200

    def __init__(self, ctx: Context, zone: zoneinfo.ZoneInfo) -> None:
        super().__init__()
        self.ctx, self.zone = ctx, zone
        self.names: dict[int, str] = {}
        self.headers = [self.tr("Time"), self.tr("Operator"), self.tr("Change"), self.tr("Details")]

    def reload(self) -> None:
        self.beginResetModel()
        self.names = {}
        self.start_pages(self._page, self.PAGE)
        self.endResetModel()

    def _page(self, offset: int, limit: int) -> list[AuditRow]:
        """A page of the history, with the names of the people it mentions (kept by id: a few
        hundred at most however far the list goes, read once)."""
        rows = roster.history(self.ctx, limit, offset)
        self._names(rows)
        return rows

    def _names(self, rows: list[AuditRow]) -> None:
        ids = {pid for r in rows for v in (r.before, r.after) if (pid := _person_id(v)) is not None}
        if ids - self.names.keys():
            self.names.update(roster.person_names(self.ctx, ids - self.names.keys()))

    def _name(self, picture: object) -> str:
        """The name of the person an audit picture names ("" when none)."""
        pid = _person_id(picture)
        return self.names.get(pid, "") if pid is not None else ""

    def action_word(self, row: AuditRow) -> str:
        words = {
            ("roster", "generate"): self.tr("Roster generated"),
            ("roster", "import"): self.tr("Workbook imported"),
            ("roster_assignment", "create"): self.tr("Duty assigned"),
            ("roster_assignment", "update"): self.tr("Duty changed"),
            ("roster_assignment", "delete"): self.tr("Duty removed"),
            ("roster_assignment", "swap"): self.tr("Duty swapped"),
            ("swap_request", "request"): self.tr("Swap asked"),
            ("swap_request", "approve"): self.tr("Swap approved"),
            ("swap_request", "reject"): self.tr("Swap rejected"),
            ("swap_request", "withdraw"): self.tr("Swap withdrawn"),
            ("roster_filing", "filed"): self.tr("Roster filed"),
        }
        return words.get((row.entity, row.action), f"{row.entity} {row.action}")

    def details(self, row: AuditRow) -> str:
        before = row.before if isinstance(row.before, dict) else {}
        after = row.after if isinstance(row.after, dict) else {}
        if row.entity == "roster" and row.action == "generate":
            return self.tr("%1 to %2: %3 assigned, %4 removed").replace("%1", str(after.get("from"))) \
                .replace("%2", str(after.get("to"))).replace("%3", str(len(after.get("created", [])))) \
                .replace("%4", str(len(before.get("removed", []))))
        if row.entity == "roster" and row.action == "import":
            return self.tr("%1: %2 duties").replace("%1", str(after.get("file", ""))) \
                .replace("%2", str(len(after.get("created", []))))
        if row.entity == "roster_assignment":
            picture = after or before
            role = picture.get("role")
            who_before, who_after = self._name(before), self._name(after)
            change = who_after if not who_before else (
                f"{who_before} → {who_after}" if who_after and who_after != who_before else who_before)
            role_text = role_word(DutyRole(role)) if role in {r.value for r in DutyRole} else ""
            return f"{picture.get('date', '')} {role_text} {change}".strip()
        pictures = {k: v for k, v in (("before", row.before), ("after", row.after)) if v}
        return json.dumps(pictures, ensure_ascii=False) if pictures else ""

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        r = self.row_of(index) if role in (DISPLAY, TOOLTIP) else None
        if r is None:
            return None
        values = [r.at.astimezone(self.zone).strftime("%Y-%m-%d %H:%M:%S"), r.actor,
                  self.action_word(r), self.details(r)]
        return values[index.column()]
