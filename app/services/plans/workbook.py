"""Plans import and export: the workbook of DESIGN.md, with the contact import's rules.

An import is judged whole before anything is written: named columns in any order; every
problem reported with its row and column as Excel numbers them (a missing name, an unknown type,
a date that does not parse or, for an approval, lies in the future, a repeated row); one bad cell
refuses the file and nothing is written. A plan with the same name in the same owner unit is
updated, not duplicated; an unknown unit is created; blank optional cells never erase what is
held. Both directions take a ``Progress`` so a worker can show them and cancel them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import plans as rules
from app.domain.enums import UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.domain.plan_input import (
    MAX_DRILL_MONTHS,
    MAX_REVIEW_YEARS,
    PlanInput,
    Unreadable,
    allowed,
    read_choice,
    read_date,
    read_int,
)
from app.domain.progress import Progress, Throttled, no_progress
from app.export import plans_xlsx
from app.export.files import atomic_write, check_target
from app.export.plans_xlsx import Cell, SheetRow
from app.models import Office, Plan
from app.services.contacts.workbook import split_path
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit
from app.services.plans import clocks, register
from app.services.plans.units import UnitIndex

LIMITS = {"预案名称": 200, "编制单位": 200, "文号": 100, "备案单位": 200, "预案文本": 500,
          "备注": 2000}


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int
    units_created: int
    dry_run: bool = False


class _DryRun(Exception):
    """Raised at the end of a dry run: the transaction rolls back, the report comes out."""

    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report


def _problem(code: str, cell: Cell, column: str, **values: object) -> Problem:
    return Problem(code, None, {"row": cell.row, "col": cell.column, "column": column, **values})


class _Judge:
    """Reads one row's cells into a PlanInput, collecting every problem with its cell."""

    def __init__(self, row: SheetRow, today: dt.date) -> None:
        self.row, self.today = row, today
        self.problems: list[Problem] = []

    def text(self, column: str, *, required: bool = False) -> str:
        cell = self.row.cells.get(column)
        value = cell.text if cell else ""
        if cell and required and not value:
            self.problems.append(_problem("import.cell_required", cell, column))
        elif cell and len(value) > LIMITS.get(column, 200):
            self.problems.append(_problem("import.cell_too_long", cell, column,
                                          max=LIMITS.get(column, 200)))
        return value

    def date(self, column: str, *, required: bool = False) -> dt.date | None:
        cell = self.row.cells.get(column)
        if cell is None:
            return None
        try:
            day = read_date(cell.value)
        except Unreadable:
            self.problems.append(_problem("plans_import.cell_bad_date", cell, column, value=cell.text))
            return None
        if day is None and required:
            self.problems.append(_problem("import.cell_required", cell, column))
        elif day is not None and day > self.today:
            self.problems.append(_problem("plans_import.cell_future", cell, column,
                                          value=day.isoformat()))
            return None
        return day

    def choice(self, column: str, kind: type[rules.E], *, required: bool = False) -> rules.E | None:
        cell = self.row.cells.get(column)
        if cell is None:
            return None
        try:
            found = read_choice(kind, cell.value)
        except Unreadable:
            self.problems.append(_problem("plans_import.cell_bad_choice", cell, column,
                                          value=cell.text, allowed=allowed(kind)))
            return None
        if found is None and required:
            self.problems.append(_problem("import.cell_required", cell, column))
        return found

    def number(self, column: str, high: int) -> int | None:
        cell = self.row.cells.get(column)
        if cell is None:
            return None
        try:
            return read_int(cell.value, 1, high)
        except Unreadable:
            self.problems.append(_problem("plans_import.cell_bad_number", cell, column, max=high))
            return None

    def plan(self) -> PlanInput | None:
        name = self.text("预案名称", required=True)
        kind = self.choice("预案类型", rules.PlanType, required=True)
        unit = self.text("编制单位", required=True)
        approved = self.date("批准日期", required=True)
        filed = self.date("备案日期")
        if approved and filed and filed < approved:
            self.problems.append(_problem("plans_import.cell_filed_early", self.row.cells["备案日期"],
                                          "备案日期"))
        data = (self.text("文号"), self.text("备案单位"), self.number("评估周期（年）", MAX_REVIEW_YEARS),
                self.number("演练周期（月）", MAX_DRILL_MONTHS), self.choice("状态", rules.PlanStatus),
                self.text("预案文本"), self.text("备注"))
        if self.problems or kind is None or approved is None:
            return None
        number, filed_with, years, months, status, document, note = data
        return PlanInput(name, kind, unit, approved, number, filed, filed_with, years, months,
                         status or rules.PlanStatus.IN_FORCE, document, note)


def _merged(held: Plan, given: PlanInput, row: SheetRow) -> PlanInput:
    """What the row gives over what is held: blank optional cells keep the held value."""
    def blank(column: str) -> bool:
        return not row.text(column)

    return dataclasses.replace(
        given,
        number=held.number if blank("文号") else given.number,
        filed_on=held.filed_on if blank("备案日期") else given.filed_on,
        filed_with=held.filed_with if blank("备案单位") else given.filed_with,
        review_years=held.review_years if blank("评估周期（年）") else given.review_years,
        drill_months=held.drill_months if blank("演练周期（月）") else given.drill_months,
        status=rules.PlanStatus(held.status) if blank("状态") else given.status,
        document=held.document if blank("预案文本") else given.document,
        note=held.note if blank("备注") else given.note)


@dataclass
class _Row:
    row: SheetRow
    data: PlanInput
    unit_id: int | None


def _judge_all(session: Session, rows: list[SheetRow], today: dt.date, units: UnitIndex,
               step: Throttled) -> list[_Row]:
    judged: list[_Row] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        judge = _Judge(row, today)
        data = judge.plan()
        problems += judge.problems
        step.step()
        unit_id = None
        if row.text("编制单位"):
            unit_id, found = units.find(row.text("编制单位"), "plan.unit")
            problems += [_problem("import.cell_ambiguous_unit", row.cells["编制单位"], "编制单位",
                                  **{k: v for k, v in p.values.items() if k != "field"})
                         for p in found if p.code == "plan.ambiguous_unit"]
        # the same plan twice, judged on what the cells say (even where a cell is bad)
        key = (str(unit_id) if unit_id is not None else "/".join(split_path(row.text("编制单位"))),
               row.text("预案名称"))
        if key in seen and all(key):
            problems.append(Problem("plans_import.duplicate_row", None,
                                    {"row": row.row, "first": seen[key]}))
        seen.setdefault(key, row.row)
        if data is not None:
            judged.append(_Row(row, data, unit_id))
    if problems:
        raise InputError(problems)
    return judged


def import_plans(ctx: Context, path: Path, progress: Progress = no_progress, *,
                 dry_run: bool = False) -> ImportReport:
    """Read the workbook, judge every row, then write it all in one transaction; InputError
    lists every problem and nothing is written. ``progress`` may cancel (nothing is kept);
    ``dry_run`` says what would happen and keeps nothing."""
    ctx.require(UserRole.ADMIN)
    sheet = plans_xlsx.read_plans(path, progress)
    if not sheet.rows:
        raise InputError(Problem("plans_import.no_rows"))
    try:
        report = _import(ctx, path, sheet.rows, progress, dry_run)
    except _DryRun as done:
        return done.report
    deadlines.notify_changed()
    return report


def _import(ctx: Context, path: Path, rows: list[SheetRow], progress: Progress,
            dry_run: bool) -> ImportReport:
    cs = clocks.settings_of(ctx)
    step = Throttled(progress, 2 * len(rows), every=200)
    if dry_run:  # judged and counted in a read: nothing to roll back, no write lock taken
        with ctx.db.read() as s:
            units = UnitIndex(s)
            judged = _judge_all(s, rows, cs.window.today, units, step)
            raise _DryRun(_count(s, judged, units))
    with ctx.db.write() as s:
        units = UnitIndex(s)
        judged = _judge_all(s, rows, cs.window.today, units, step)
        held = {(r.organization_id, r.name): r for r in s.scalars(select(Plan))}
        added = updated = unchanged = 0
        touched: list[int] = []
        for item in judged:
            unit_id = item.unit_id
            if unit_id is None:  # judged: unknown, so created now (or made for an earlier row)
                unit_id, problems = units.find_or_create(ctx, item.data.unit, "plan.unit")
                if unit_id is None:
                    raise InputError(problems)
            existing = held.get((unit_id, item.data.name))
            data = _merged(existing, item.data, item.row) if existing else item.data
            row, changed = register.save_in(s, ctx, existing.id if existing else None, data,
                                            unit_id, note="导入")
            added += existing is None
            updated += existing is not None and changed
            unchanged += existing is not None and not changed
            if changed:
                touched.append(row.id)
            step.step()
        report = ImportReport(added, updated, unchanged, len(units.made))
        clocks.retime_in(s, ctx, touched, cs)
        audit.record(s, ctx, "import", "plan", None, after={
            "file": path.name, "added": added, "updated": updated, "units_created": report.units_created})
    return report


def _count(session: Session, judged: list[_Row], units: UnitIndex) -> ImportReport:
    """What an import of ``judged`` would do, without doing it."""
    held = {(r.organization_id, r.name): r for r in session.scalars(select(Plan))}
    added = updated = unchanged = 0
    new_units: set[tuple[str, ...]] = set()
    for item in judged:
        if item.unit_id is None:  # its path's parts the book lacks are made (contacts' rule)
            parts = split_path(str(item.data.unit))
            new_units |= {tuple(parts[:i]) for i in range(1, len(parts) + 1)
                          if len(units.resolve(parts[:i])) != 1}
            added += 1
            continue
        existing = held.get((item.unit_id, item.data.name))
        if existing is None:
            added += 1
        elif register.would_change(existing, _merged(existing, item.data, item.row), item.unit_id):
            updated += 1
        else:
            unchanged += 1
    return ImportReport(added, updated, unchanged, len(new_units), dry_run=True)


def _title(ctx: Context) -> str:
    with ctx.db.read() as s:
        office = s.scalar(select(Office.name).order_by(Office.id).limit(1)) or ""
    return f"{office}应急预案台账"


def export_plans(ctx: Context, path: Path, progress: Progress = no_progress) -> int:
    """Write the register in the import layout (plus its clocks); how many plans. The file is
    whole or absent: written beside the target and renamed at the end."""
    target = check_target(path)
    plans = register.list_plans(ctx)
    rows = ([p.name, p.type.short, p.unit, plans_xlsx.as_date(p.approved_on), p.number,
             plans_xlsx.as_date(p.filed_on), p.filed_with, p.review_years, p.drill_months,
             p.status.zh, plans_xlsx.as_date(p.next_review), plans_xlsx.as_date(p.next_drill),
             p.document, p.note] for p in plans)
    with atomic_write(target) as tmp:
        return plans_xlsx.write_plans(tmp, _title(ctx), rows, len(plans), progress)
