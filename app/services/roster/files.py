"""The roster's documents: the filing workbook (export and import) and iCalendar files."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from app.domain.duty_calendar import calendar_words, weekday_zh
from app.domain.enums import ActorKind, DutyRole, SwapStatus, UserRole
from app.domain.errors import InputError, NotFound
from app.domain.messages import Problem, text
from app.domain.validation import DUTY_DATES
from app.export import icalendar, roster_html, roster_workbook
from app.export.files import atomic_write, check_target
from app.export.roster_workbook import (
    DATE,
    DUTY_PHONE,
    JOIN,
    LEADER_TITLE,
    REMARK,
    REMARK_JOIN,
    ROLE_COLUMNS,
    SHIFT,
    WEEKDAY,
    FilingSheet,
)
from app.models import Office, Person, RosterAssignment, SensitivePeriod, SwapRequest, User
from app.services.context import Actor, Context
from app.services.office import audit
from app.services.office.zone import zone_in
from app.services.roster import refiling
from app.services.roster.schedule import ShiftDay, shift_days_in
from app.services.roster.setup import calendar_in, shifts_in

NAME_COLUMN = {role: name for role, name, _ in ROLE_COLUMNS}
FIRST_DAY, LAST_DAY = DUTY_DATES
PHONE_COLUMN = {role: phone for role, _, phone in ROLE_COLUMNS}


# --- the sheet's content -------------------------------------------------------------------
def _period_words(start: dt.date, end: dt.date, holidays: list[tuple[str, dt.date, dt.date]]) -> str:
    for name, first, last in holidays:
        if (first, last) == (start, end):
            return f"{start.year}年{name}"
    if start == dt.date(start.year, 1, 1) and end == dt.date(start.year, 12, 31):
        return f"{start.year}年"
    next_month = (end + dt.timedelta(days=1))
    if start.day == 1 and next_month.day == 1 and (start.year, start.month) == (end.year, end.month):
        return f"{start.year}年{start.month}月"
    head = f"{start.year}年{start.month}月{start.day}日"
    if start == end:
        return head
    tail = f"{end.month}月{end.day}日" if end.year == start.year else f"{end.year}年{end.month}月{end.day}日"
    return f"{head}至{tail}"


def _cells(day: ShiftDay, columns: list[str], duty_phone: str, changes: list[str]) -> list[Any]:
    values: dict[str, Any] = {DATE: day.date, WEEKDAY: weekday_zh(day.date), SHIFT: day.shift_name,
                              DUTY_PHONE: duty_phone}
    for role in DutyRole:
        people = day.of(role)
        values[NAME_COLUMN[role.value]] = JOIN.join(a.name for a in people)
        values[PHONE_COLUMN[role.value]] = JOIN.join(a.phone for a in people)
        if role is DutyRole.LEADER:
            values[LEADER_TITLE] = JOIN.join(a.title for a in people)
    notes = list(dict.fromkeys(a.note for a in day.assignments if a.note))
    values[REMARK] = REMARK_JOIN.join([*day.remark_words, *changes, *notes])
    return [values.get(c, "") for c in columns]


def _filer(session: Session, ctx: Context) -> str:
    """Who fills the sheet in by default: the signed-in user's person, or the person of the
    DutyDesk user named like the operating-system account (the command line); else nobody."""
    actor = ctx.actor
    if actor is None or actor.kind is ActorKind.SYSTEM:
        return ""
    if actor.kind is ActorKind.USER:
        user = session.get(User, actor.user_id) if actor.user_id is not None else None
    else:
        user = session.scalar(select(User).where(User.username == actor.name))
    if user is None:
        return ""
    person = session.get(Person, user.person_id) if user.person_id is not None else None
    return person.name if person is not None else user.display_name


def default_filer(ctx: Context) -> str:
    """填报人 when none is given (see ``_filer``); "" when the operator is no one's person."""
    with ctx.db.read() as session:
        return _filer(session, ctx)


def filing_sheet(ctx: Context, start: dt.date, end: dt.date, title: str | None = None, *,
                 filer: str | None = None, filer_phone: str | None = None) -> FilingSheet:
    """The roster of ``start``..``end`` as the filing sheet says it (also what is printed).

    填报人 is ``filer``, else the operator's person (see ``_filer``); 联系电话 is
    ``filer_phone``, else the duty phone. A year of the range whose holiday notice is not in is
    said under the table and on the 备注 heading.
    """
    if end < start:
        raise InputError(Problem("roster.bad_range", "roster.to"))
    with ctx.db.read() as session:
        office = session.scalar(select(Office).order_by(Office.id).limit(1))
        unit = office.name if office else ""
        duty_phone, fax = (office.duty_phone, office.fax) if office else ("", "")
        zone = zone_in(session)
        calendar = calendar_in(session, range(start.year, end.year + 1))
        days = shift_days_in(session, start, end, calendar=calendar, zone=zone)
        default_filer = _filer(session, ctx) if filer is None else ""
        roles = {r.value for s in shifts_in(session) for r, n in s.roles if n}
        changed = refiling.changes_in(session, start, end, calendar)
    per_day: dict[dt.date, int] = defaultdict(int)
    for d in days:
        per_day[d.date] += 1
    roles |= {a.role.value for d in days for a in d.assignments}
    columns = roster_workbook.columns_for(roles, any(n > 1 for n in per_day.values()))
    holidays = [(p.name, p.first_day, p.last_day) for p in calendar.holiday_periods(start, end)]
    unknown = calendar.unknown_years(start, end)
    notes = (sheet_note(unknown),) if unknown else ()
    return FilingSheet(
        title=title.strip() if title and title.strip() else
        f"{unit}{_period_words(start, end, holidays)}值班安排表",
        unit=unit, filer=(filer if filer is not None else default_filer).strip(),
        filer_phone=(filer_phone if filer_phone is not None else duty_phone).strip(),
        filed_on=ctx.clock.now().astimezone(zone).date(), columns=columns,
        rows=[_cells(d, columns, duty_phone, changed.get(d.date, [])) for d in days],
        duty_phone=duty_phone, fax=fax, notes=notes)


def sheet_note(years: list[int]) -> str:
    """The sheet's note on years without their holiday notice (documents are in Chinese)."""
    return f"注：{'、'.join(str(y) for y in years)} 年节假日安排尚未录入，备注中未标注节假日及调休。"


def export_workbook(ctx: Context, start: dt.date, end: dt.date, path: Path,
                    title: str | None = None, *, filer: str | None = None,
                    filer_phone: str | None = None) -> int:
    """Write the filing workbook (whole or not at all); returns the number of roster rows."""
    target = check_target(path)
    sheet = filing_sheet(ctx, start, end, title, filer=filer, filer_phone=filer_phone)
    roster_workbook.write_filing(sheet, target)  # whole or not at all
    return len(sheet.rows)


# --- import --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportResult:
    dates: int
    people: int
    replaced: int
    written: bool


@dataclass(frozen=True)
class _Row:
    day: dt.date
    shift_id: int
    people: list[tuple[DutyRole, int]]
    note: str


def _at(cell: roster_workbook.CellRef) -> dict[str, Any]:
    return {"row": cell.row, "col": cell.column}


@dataclass(frozen=True)
class _Book:
    """What the roster and the contact book hold that an imported sheet is matched against."""

    shifts: list[int]  # the active shifts' ids, the first one the default
    by_name: dict[str, int]
    people: dict[str, list[tuple[int, set[str]]]]
    words: set[str]  # the calendar's own words in 备注 (not stored as notes)

    @classmethod
    def load(cls, ctx: Context) -> _Book:
        with ctx.db.read() as session:
            every = shifts_in(session)
            people: dict[str, list[tuple[int, set[str]]]] = defaultdict(list)
            for pid, name, mobile, phone in session.execute(
                    select(Person.id, Person.name, Person.mobile, Person.office_phone)):
                people[name].append((pid, {mobile, phone} - {""}))
            words = calendar_words() | set(session.scalars(select(SensitivePeriod.name)))
        return cls([s.id for s in every if s.active], {s.name: s.id for s in every}, people, words)


def import_workbook(ctx: Context, path: Path, *, dry_run: bool = False) -> ImportResult:
    """Read a filing workbook back; its dates replace what the roster holds for them.

    Every problem is reported with its row and column; nothing is written unless the whole
    file is good (and nothing at all with ``dry_run``). The file is read as values only: a
    formula, a hostile or a damaged workbook is refused (roster_workbook.read_filing).
    """
    actor = ctx.require(UserRole.ADMIN)
    sheet = roster_workbook.read_filing(path)
    if sheet is None:
        raise InputError(Problem("roster.import.no_header"))
    book = _Book.load(ctx)
    problems = [Problem("roster.import.missing_column", None,
                        {"row": sheet.header_row, "column": c}) for c in sheet.missing]
    if SHIFT not in sheet.columns and len(book.shifts) > 1:
        problems.append(Problem("roster.import.missing_column", None,
                                {"row": sheet.header_row, "column": SHIFT}))
    if problems:
        raise InputError(problems)
    if not book.shifts and SHIFT not in sheet.columns:
        raise InputError(Problem("roster.no_shift"))
    rows: list[_Row] = []
    seen: dict[tuple[dt.date, int], int] = {}
    for cells in sheet.rows:
        row = _read_row(cells, book, seen, problems)
        if row is not None:
            rows.append(row)
    if problems:
        raise InputError(problems)
    return _replace(ctx, actor, path, rows, dry_run)


def _day_of(cell: roster_workbook.CellRef) -> tuple[dt.date | None, Problem | None]:
    day = roster_workbook.parse_date(cell.value)
    if day is None:
        return None, Problem("roster.import.bad_date", None, {**_at(cell), "value": cell.value or ""})
    if not FIRST_DAY <= day <= LAST_DAY:
        return None, Problem("roster.import.date_range", None,
                             {**_at(cell), "value": day.isoformat(), "first": FIRST_DAY.isoformat(),
                              "last": LAST_DAY.isoformat()})
    return day, None


def _shift_of(cells: dict[str, roster_workbook.CellRef], book: _Book) -> tuple[int, Problem | None]:
    cell = cells.get(SHIFT)
    if cell is None or cell.value in (None, ""):
        if not book.shifts:
            return 0, Problem("roster.no_shift")
        return book.shifts[0], None
    shift_id = book.by_name.get(str(cell.value).strip())
    if shift_id is None:
        return 0, Problem("roster.import.unknown_shift", None, {**_at(cell), "value": cell.value})
    return shift_id, None


def _read_row(cells: dict[str, roster_workbook.CellRef], book: _Book,
              seen: dict[tuple[dt.date, int], int], problems: list[Problem]) -> _Row | None:
    """One data row as assignments, or None with its problems added to ``problems``."""
    date_cell = cells[DATE]
    day, problem = _day_of(date_cell)
    shift_id, shift_problem = _shift_of(cells, book)
    found = [p for p in (problem, shift_problem) if p]
    if found or day is None:
        problems += found
        return None
    if (day, shift_id) in seen:
        problems.append(Problem("roster.import.duplicate_date", None, {
            **_at(date_cell), "value": day.isoformat(), "first": seen[(day, shift_id)]}))
        return None
    seen[(day, shift_id)] = date_cell.row
    people = _people_of(cells, book, problems)
    note = REMARK_JOIN.join(part for part in roster_workbook.split_remark(cells[REMARK].value)
                            if part not in book.words and not part.startswith(refiling.SWAP_WORDS))
    if note and not people:
        problems.append(Problem("roster.import.note_without_people", None, _at(cells[REMARK])))
    return _Row(day, shift_id, people, note)


def _people_of(cells: dict[str, roster_workbook.CellRef], book: _Book,
               problems: list[Problem]) -> list[tuple[DutyRole, int]]:
    found: list[tuple[DutyRole, int]] = []
    for role in DutyRole:
        name_cell = cells.get(NAME_COLUMN[role.value])
        if name_cell is None:
            continue
        phone_cell = cells.get(PHONE_COLUMN[role.value])
        phones = roster_workbook.split_names(phone_cell.value) if phone_cell else []
        for i, name in enumerate(roster_workbook.split_names(name_cell.value)):
            person, problem = _match(name, phones[i] if i < len(phones) else "", book.people,
                                     name_cell)
            if problem:
                problems.append(problem)
            else:
                found.append((role, person))
    return found


def _match(name: str, phone: str, people: dict[str, list[tuple[int, set[str]]]],
           cell: roster_workbook.CellRef) -> tuple[int, Problem | None]:
    candidates = people.get(name, [])
    if not candidates:
        return 0, Problem("roster.import.unknown_person", None, {**_at(cell), "value": name})
    if len(candidates) == 1:
        return candidates[0][0], None
    same = [pid for pid, phones in candidates if phone and phone in phones]
    if len(same) == 1:
        return same[0], None
    return 0, Problem("roster.import.ambiguous_person", None,
                      {**_at(cell), "value": name, "n": len(candidates)})


def _replace(ctx: Context, actor: Actor, path: Path, rows: list[_Row],
             dry_run: bool) -> ImportResult:
    dates = sorted({r.day for r in rows})
    with ctx.db.write() as session:
        held = session.execute(select(RosterAssignment).where(RosterAssignment.date.in_(dates))
                               ).scalars().all() if dates else []
        result = ImportResult(len(dates), sum(len(r.people) for r in rows), len(held), not dry_run)
        if dry_run:
            return result
        gone = [a.id for a in held]
        before = [[a.date, a.shift_id, a.role, a.person_id] for a in held]
        if gone:
            session.execute(update(SwapRequest).where(
                SwapRequest.status == SwapStatus.REQUESTED.value,
                SwapRequest.assignment_id.in_(gone) | SwapRequest.other_assignment_id.in_(gone))
                .values(status=SwapStatus.WITHDRAWN.value, decided_by=actor.label,
                        decided_at=ctx.clock.now(), version=SwapRequest.version + 1))
            for a in held:
                session.delete(a)
            session.flush()
        created = []
        for r in rows:
            positions: dict[DutyRole, int] = defaultdict(int)
            for i, (role, pid) in enumerate(r.people):
                session.add(RosterAssignment(date=r.day, shift_id=r.shift_id, role=role.value,
                                             position=positions[role], person_id=pid, locked=True,
                                             note=r.note if i == 0 else ""))
                positions[role] += 1
                created.append([r.day, r.shift_id, role.value, pid])
        session.flush()
        audit.record(session, ctx, "import", "roster", path.name, before={"removed": before},
                     after={"file": path.name, "dates": [dates[0], dates[-1]] if dates else [],
                            "created": created})
        return result


# --- iCalendar -----------------------------------------------------------------------------
def export_ics(ctx: Context, start: dt.date, end: dt.date, path: Path,
               person_id: int | None = None) -> int:
    """The shifts of ``start``..``end`` as an .ics file (one person's, or every shift)."""
    with ctx.db.read() as session:
        days = shift_days_in(session, start, end)
        office = session.scalar(select(Office).order_by(Office.id).limit(1))
        unit = office.name if office else ""
        who = ""
        if person_id is not None:
            person = session.get(Person, person_id)
            if person is None:  # removed meanwhile, at another workstation
                raise NotFound(text("not_found", what=text("field.person.name")))
            who = person.name
    events = []
    for d in days:
        people = "；".join(f"{text_role(r)}：{JOIN.join(a.name + ' ' + a.phone for a in d.of(r))}"
                          for r in DutyRole if d.of(r))
        remark = REMARK_JOIN.join(d.remark_words)
        if person_id is None:
            if not d.assignments:
                continue
            leaders = JOIN.join(a.name for a in d.leaders)
            summary = f"值班 {d.shift_name}" + (f"（带班：{leaders}）" if leaders else "")
            uid = f"roster-{d.date.isoformat()}-{d.shift_id}@dutydesk"
            events.append(icalendar.CalendarEvent(uid, d.starts_at, d.ends_at, summary,
                                                  "\n".join(x for x in (people, remark) if x), unit))
            continue
        for a in d.assignments:
            if a.person_id == person_id:
                summary = f"{text_role(a.role)} {d.shift_name}"
                uid = f"roster-{d.date.isoformat()}-{d.shift_id}-{a.role.value}-{person_id}@dutydesk"
                events.append(icalendar.CalendarEvent(uid, d.starts_at, d.ends_at, summary,
                                                      "\n".join(x for x in (people, remark) if x),
                                                      unit))
    name = f"{unit}值班安排" + (f"（{who}）" if who else "")
    with atomic_write(check_target(path)) as tmp:
        icalendar.write_calendar(events, name, ctx.clock.now(), tmp)
    return len(events)


def text_role(role: DutyRole) -> str:
    return role.zh  # documents are in Chinese whatever the UI language


def filing_html(ctx: Context, start: dt.date, end: dt.date, title: str | None = None, *,
                filer: str | None = None, filer_phone: str | None = None) -> str:
    """The filing sheet as HTML, for print preview and PDF (the workbook's content)."""
    return roster_html.filing_html(filing_sheet(ctx, start, end, title, filer=filer,
                                                filer_phone=filer_phone))
