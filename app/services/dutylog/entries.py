"""The duty log (值班日志) of each duty day: write, correct, read; check-in at the shift's start.

Locking: a handover locks its shift's log from the moment both officers confirmed. After that,
nothing more is written into that shift: an entry dated before the lock is refused with a
sentence saying so, and an entry dated after it (the minutes between an early handover and the
clock's shift start) belongs to the next shift. A correction is always a new entry in the
shift that is open now, pointing back at the entry it corrects, wherever that one lies.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import duty, messages, phones
from app.domain.duty import LogKind
from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound
from app.domain.messages import Problem
from app.models import CheckIn, DutyLogEntry, Handover, Incident, ShiftTemplate
from app.services.context import Context
from app.services.office import audit, duty_chain, settings
from app.services.office.zone import office_zone

SHIFT_START_KEY = "duty.shift_start"
LATE_MINUTES_KEY = "duty.late_minutes"
MAX_TEXT = 4000
FUTURE_SLACK = dt.timedelta(minutes=5)  # a clock a little ahead is not "the future"


@dataclass(frozen=True)
class ShiftSettings:
    start: dt.time
    late_minutes: int
    zone: zoneinfo.ZoneInfo


def _roster_start(ctx: Context) -> str:
    """The start of the roster's first active shift (the duty day follows the roster)."""
    with ctx.db.read() as s:
        start = s.scalar(select(ShiftTemplate.start_time).where(ShiftTemplate.active.is_(True))
                         .order_by(ShiftTemplate.sort_order, ShiftTemplate.id).limit(1))
    return start.strftime("%H:%M") if start else duty.DEFAULT_SHIFT_START


def shift_settings(ctx: Context) -> ShiftSettings:
    """When the duty day begins: the office's own setting, else the roster's first shift."""
    start = duty.parse_hhmm(settings.get(ctx, SHIFT_START_KEY, None) or _roster_start(ctx))
    late = settings.get(ctx, LATE_MINUTES_KEY, duty.DEFAULT_LATE_MINUTES)
    return ShiftSettings(start or duty.DEFAULT_SHIFT_TIME,
                         int(late) if isinstance(late, int) and 0 <= late <= 24 * 60
                         else duty.DEFAULT_LATE_MINUTES, office_zone(ctx))


def set_shift_start(ctx: Context, value: str, late_minutes: int | None = None) -> None:
    """An administrator sets when the duty day begins (HH:MM, office time) and the grace
    before a sign-in counts as late."""
    ctx.require(UserRole.ADMIN)
    problems = []
    start = duty.parse_hhmm(value)
    if start is None:
        problems.append(Problem("duty.bad_shift_start", None, {"value": value}))
    if late_minutes is not None and not 0 <= late_minutes <= 24 * 60:
        problems.append(Problem("duty.bad_late_minutes", None, {"value": late_minutes}))
    if problems or start is None:
        raise InputError(problems)
    settings.put(ctx, SHIFT_START_KEY, f"{start.hour:02d}:{start.minute:02d}")
    if late_minutes is not None:
        settings.put(ctx, LATE_MINUTES_KEY, late_minutes)


@dataclass(frozen=True)
class ShiftInfo:
    """One duty day: when it begins and ends (UTC), and whether it was handed over."""

    date: dt.date
    begins_at: dt.datetime
    ends_at: dt.datetime
    locked_at: dt.datetime | None = None

    @property
    def locked(self) -> bool:
        return self.locked_at is not None


def _locks(s: Session, days: list[dt.date]) -> dict[dt.date, dt.datetime]:
    rows = s.execute(select(Handover.shift_date, Handover.locked_at).where(Handover.shift_date.in_(days)))
    return dict(rows.all())


def shift_info(ctx: Context, day: dt.date | None = None) -> ShiftInfo:
    """The duty day ``day`` (default: the one the clock is in now)."""
    ss = shift_settings(ctx)
    if day is None:
        day = duty.shift_date_of(ctx.clock.now(), ss.zone, ss.start)
    begin, end = duty.shift_bounds(day, ss.zone, ss.start)
    with ctx.db.read() as s:
        locked = _locks(s, [day]).get(day)
    return ShiftInfo(day, begin, end, locked)


def open_shift_date(ctx: Context) -> dt.date:
    """The duty day an entry written now goes into (the next one once this one was handed over)."""
    ss = shift_settings(ctx)
    with ctx.db.read() as s:
        return _shift_for(s, ss, ctx.clock.now())


def _shift_for(s: Session, ss: ShiftSettings, at: dt.datetime) -> dt.date:
    """The duty day an entry dated ``at`` goes into; InputError when that shift is locked."""
    day = duty.shift_date_of(at, ss.zone, ss.start)
    while True:
        locked_at = _locks(s, [day]).get(day)
        if locked_at is None:
            return day
        if at < locked_at:
            raise InputError(Problem("dutylog.shift_locked", None, {
                "day": day.isoformat(),
                "when": locked_at.astimezone(ss.zone).strftime("%Y-%m-%d %H:%M")}))
        day += dt.timedelta(days=1)


# --- entries ----------------------------------------------------------------------------


@dataclass(frozen=True)
class LogEntry:
    id: int
    seq: int
    shift_date: dt.date
    at: dt.datetime
    recorded_at: dt.datetime
    operator: str
    operator_name: str
    kind: LogKind
    text: str
    caller_unit: str
    caller_name: str
    caller_title: str
    caller_phone: str
    place: str
    notified: str
    notified_at: dt.datetime | None
    incident_id: int | None
    incident_number: str | None
    corrects_id: int | None
    corrected_by: int | None = None  # the newest entry that corrects this one

    @property
    def caller(self) -> str:
        """The caller as one line: unit, name (title), phone."""
        who = self.caller_name + (f"（{self.caller_title}）" if self.caller_title else "")
        return " ".join(p for p in (self.caller_unit, who, self.caller_phone) if p)

    def to_json(self, zone: zoneinfo.ZoneInfo) -> dict[str, Any]:
        """The command line's keys (DESIGN.md): id, at, operator, kind, text, corrects; a call's
        record (caller's unit, name, title, phone, place, whom already told) and the incident."""
        return {"id": self.id, "at": self.at.astimezone(zone).isoformat(timespec="seconds"),
                "operator": self.operator, "kind": self.kind.value, "text": self.text,
                "corrects": self.corrects_id, "caller_unit": self.caller_unit,
                "caller_name": self.caller_name, "caller_title": self.caller_title,
                "caller_phone": self.caller_phone, "place": self.place, "notified": self.notified,
                "incident_number": self.incident_number}


def _entry(row: DutyLogEntry, number: str | None = None, corrected_by: int | None = None) -> LogEntry:
    return LogEntry(
        row.id, row.seq, row.shift_date, row.at, row.recorded_at, row.operator, row.operator_name,
        LogKind(row.kind), row.text, row.caller_unit, row.caller_name, row.caller_title,
        row.caller_phone, row.place, row.notified, row.notified_at, row.incident_id, number,
        row.corrects_id, corrected_by)


def _parse_time(value: Any, zone: zoneinfo.ZoneInfo, field: str) -> tuple[dt.datetime | None, list[Problem]]:
    if value in (None, ""):
        return None, []
    try:
        parsed = value if isinstance(value, dt.datetime) else dt.datetime.fromisoformat(str(value).strip())
    except ValueError:
        return None, [Problem("dutylog.bad_time", f"log.{field}", {"value": value})]
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=zone)
    return parsed.astimezone(dt.UTC), []


def _validate(ctx: Context, zone: zoneinfo.ZoneInfo, text: str, kind: LogKind | str,
              at: Any, call: Mapping[str, Any], *, allowed: tuple[LogKind, ...] = duty.USER_KINDS
              ) -> tuple[LogKind, dt.datetime | None, dt.datetime | None, dict[str, str], list[Problem]]:
    problems: list[Problem] = []
    parsed = kind if isinstance(kind, LogKind) else duty.parse_kind(str(kind))
    if parsed is None or parsed not in allowed:
        problems.append(Problem("dutylog.bad_kind", None, {
            "value": kind, "choices": "、".join(f"{k.value}（{k.zh}）" for k in allowed)}))
    if not (text or "").strip():
        problems.append(Problem("required", "log.text"))
    elif len(text.strip()) > MAX_TEXT:
        problems.append(Problem("too_long", "log.text", {"max": MAX_TEXT}))
    when, bad = _parse_time(at, zone, "at")
    problems += bad
    if when is not None and when > ctx.clock.now() + FUTURE_SLACK:
        problems.append(Problem("dutylog.future", "log.at"))
    notified_at, bad = _parse_time(call.get("notified_at"), zone, "notified_at")
    problems += bad
    fields = {name: str(call.get(name) or "").strip() for name in duty_chain.CALL_FIELDS}
    for name, limit in (("caller_unit", 200), ("caller_name", 50), ("caller_title", 100),
                        ("caller_phone", 40), ("place", 300)):
        if len(fields[name]) > limit:
            problems.append(Problem("too_long", f"log.{name}", {"max": limit}))
    if fields["caller_phone"] and len(fields["caller_phone"]) <= 40 and not phones.is_valid(fields["caller_phone"]):
        problems.append(Problem("dutylog.bad_phone", "log.caller_phone", {"value": fields["caller_phone"]}))
    unknown = set(call) - set(duty_chain.CALL_FIELDS) - {"notified_at"}
    if unknown:
        problems.append(Problem("incident.unknown_field", None, {"field": ", ".join(sorted(unknown))}))
    return parsed or LogKind.NOTE, when, notified_at, fields, problems


def _check_incident(s: Session, incident_id: int | None) -> str | None:
    if incident_id is None:
        return None
    number = s.scalar(select(Incident.number).where(Incident.id == incident_id))
    if number is None:
        raise InputError(Problem("dutylog.no_incident", None, {"value": incident_id}))
    return number


def append(ctx: Context, text: str, kind: LogKind | str = LogKind.NOTE, *, at: Any = None,
           incident_id: int | None = None, **call: Any) -> LogEntry:
    """Write an entry (an officer or above). ``at`` defaults to now; a call entry carries the
    call record's fields (caller_unit, caller_name, caller_title, caller_phone, place,
    notified, notified_at)."""
    ctx.require(UserRole.OFFICER)
    ss = shift_settings(ctx)
    kind_, when, notified_at, fields, problems = _validate(ctx, ss.zone, text, kind, at, call)
    if problems:
        raise InputError(problems)
    when = when or ctx.clock.now()
    with ctx.db.write() as s:
        number = _check_incident(s, incident_id)
        day = _shift_for(s, ss, when)
        row = duty_chain.append_in(s, ctx, shift_date=day, at=when, kind=kind_.value, text=text.strip(),
                                   incident_id=incident_id, notified_at=notified_at, call=fields)
        return _entry(row, number)


def write_in(session: Session, ctx: Context, kind: LogKind, text: str, *, at: dt.datetime | None = None,
             shift_date: dt.date | None = None, incident_id: int | None = None) -> DutyLogEntry:
    """An entry the program writes for another use case (check-in, presence check, report),
    in that use case's transaction."""
    ss = shift_settings(ctx)
    when = at or ctx.clock.now()
    day = shift_date if shift_date is not None else _shift_for(session, ss, when)
    return duty_chain.append_in(session, ctx, shift_date=day, at=when, kind=kind.value, text=text,
                                incident_id=incident_id)


def note_in(session: Session, ctx: Context, kind: LogKind, text: str, *, at: dt.datetime,
            incident_id: int | None = None, call: Mapping[str, str] | None = None) -> DutyLogEntry:
    """An entry the program writes about what happened at ``at`` (an incident received, a report
    sent), in the caller's transaction. When ``at``'s shift was handed over meanwhile, the entry
    goes into the open shift, dated now: a locked log is never written into."""
    ss = shift_settings(ctx)
    try:
        day = _shift_for(session, ss, at)
    except InputError:
        at = ctx.clock.now()
        day = _shift_for(session, ss, at)
    words = text.strip()
    words = words if len(words) <= MAX_TEXT else words[:MAX_TEXT - 1] + "…"
    return duty_chain.append_in(session, ctx, shift_date=day, at=at, kind=kind.value, text=words,
                                incident_id=incident_id, call=call)


def correct(ctx: Context, entry_id: int, text: str, *, kind: LogKind | str | None = None,
            incident_id: int | None = None, **call: Any) -> LogEntry:
    """Correct an entry: a new entry, written now into the open shift, pointing at the old one.

    The old entry stays as it was (the log is append-only); lists show it as corrected.
    """
    ctx.require(UserRole.OFFICER)
    ss = shift_settings(ctx)
    with ctx.db.read() as s:
        old = s.get(DutyLogEntry, entry_id)
        if old is None:
            raise NotFound(messages.text("dutylog.not_found", id=entry_id))
        old_kind = LogKind(old.kind)
    allowed = (*duty.USER_KINDS, old_kind) if old_kind not in duty.USER_KINDS else duty.USER_KINDS
    kind_, _when, notified_at, fields, problems = _validate(ctx, ss.zone, text, kind or old_kind, None,
                                                            call, allowed=allowed)
    if problems:
        raise InputError(problems)
    now = ctx.clock.now()
    with ctx.db.write() as s:
        number = _check_incident(s, incident_id)
        day = _shift_for(s, ss, now)
        row = duty_chain.append_in(s, ctx, shift_date=day, at=now, kind=kind_.value, text=text.strip(),
                                   incident_id=incident_id, corrects_id=entry_id, notified_at=notified_at,
                                   call=fields)
        return _entry(row, number)


def with_links(s: Session, rows: list[DutyLogEntry]) -> list[LogEntry]:
    """The entries with their incidents' numbers and the newest entry correcting each."""
    ids = [r.id for r in rows]
    incident_ids = {r.incident_id for r in rows if r.incident_id}
    numbers = dict(s.execute(select(Incident.id, Incident.number).where(Incident.id.in_(incident_ids)))
                   .all()) if incident_ids else {}
    corrected = dict(s.execute(
        select(DutyLogEntry.corrects_id, func.max(DutyLogEntry.id))
        .where(DutyLogEntry.corrects_id.in_(ids)).group_by(DutyLogEntry.corrects_id)).all()) if ids else {}
    return [_entry(r, numbers.get(r.incident_id) if r.incident_id is not None else None,
                   corrected.get(r.id)) for r in rows]


def list_shift(ctx: Context, day: dt.date) -> list[LogEntry]:
    """The duty log of one duty day, in time order."""
    with ctx.db.read() as s:
        rows = list(s.scalars(select(DutyLogEntry).where(DutyLogEntry.shift_date == day)
                              .order_by(DutyLogEntry.at, DutyLogEntry.seq)))
        return with_links(s, rows)


def count_shift(ctx: Context, day: dt.date) -> int:
    """How many entries the duty log of one duty day holds."""
    with ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(DutyLogEntry)
                        .where(DutyLogEntry.shift_date == day)) or 0


def list_shift_page(ctx: Context, day: dt.date, offset: int, limit: int) -> list[LogEntry]:
    """One page of ``list_shift``, for a list that fetches as it scrolls."""
    with ctx.db.read() as s:
        rows = list(s.scalars(select(DutyLogEntry).where(DutyLogEntry.shift_date == day)
                              .order_by(DutyLogEntry.at, DutyLogEntry.seq)
                              .offset(offset).limit(limit)))
        return with_links(s, rows)


def get(ctx: Context, entry_id: int) -> LogEntry:
    with ctx.db.read() as s:
        row = s.get(DutyLogEntry, entry_id)
        if row is None:
            raise NotFound(messages.text("dutylog.not_found", id=entry_id))
        return with_links(s, [row])[0]


# --- check-in --------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInInfo:
    shift_date: dt.date
    username: str
    display_name: str
    at: dt.datetime
    late: bool
    minutes_after_start: int


def check_in(ctx: Context) -> CheckInInfo:
    """The signed-in officer signs in for the shift (the next one if it starts soon)."""
    actor = ctx.require(UserRole.OFFICER)
    ss = shift_settings(ctx)
    now = ctx.clock.now()
    day = duty.check_in_shift(now, ss.zone, ss.start)
    begin, _end = duty.shift_bounds(day, ss.zone, ss.start)
    late = duty.is_late(now, begin, ss.late_minutes)
    after = max(0, int((now - begin).total_seconds() // 60))
    name = actor.display_name or actor.name
    with ctx.db.write() as s:
        before = s.scalar(select(CheckIn).where(CheckIn.shift_date == day, CheckIn.username == actor.label))
        if before is not None:
            raise InputError(Problem("checkin.already", None, {
                "name": name, "when": before.at.astimezone(ss.zone).strftime("%H:%M")}))
        locked_at = _locks(s, [day]).get(day)
        if locked_at is not None:
            raise InputError(Problem("dutylog.shift_locked", None, {
                "day": day.isoformat(), "when": locked_at.astimezone(ss.zone).strftime("%Y-%m-%d %H:%M")}))
        row = CheckIn(shift_date=day, username=actor.label, display_name=name, at=now, late=late)
        s.add(row)
        s.flush()
        words = f"{name}签到" + (f"（迟到，晚于接班时间 {after} 分钟）" if late else "")
        write_in(s, ctx, LogKind.CHECK_IN, words, at=now, shift_date=day)
        audit.record(s, ctx, "check_in", "check_in", row.id,
                     after={"shift": day.isoformat(), "late": late})
    return CheckInInfo(day, actor.label, name, now, late, after)


def check_ins(ctx: Context, day: dt.date) -> list[CheckInInfo]:
    ss = shift_settings(ctx)
    begin, _end = duty.shift_bounds(day, ss.zone, ss.start)
    with ctx.db.read() as s:
        rows = s.scalars(select(CheckIn).where(CheckIn.shift_date == day).order_by(CheckIn.at))
        return [CheckInInfo(r.shift_date, r.username, r.display_name, r.at, r.late,
                            max(0, int((r.at - begin).total_seconds() // 60))) for r in rows]
