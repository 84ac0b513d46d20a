"""Contact import and export: the workbook of DESIGN.md, its template, and vCards.

An import is judged whole before anything is written: every problem is reported with its row
and column as Excel numbers them, and one bad cell refuses the file. A person with the same
name in the same unit is updated, not duplicated; an unknown unit is created (under the
office's top unit, or under the parent the cell names: "东湖区/城关街道"); blank cells never
erase what is held.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import pinyin, validation
from app.domain.contacts import (
    ContactLabel,
    PersonTag,
    parse_tags,
    split_list,
    split_numbers,
    stored_tags,
)
from app.domain.enums import OrgKind, UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.domain.progress import Progress, Throttled, no_progress
from app.export import contacts_xlsx, vcard
from app.export.contacts_xlsx import Cell, SheetRow
from app.export.files import check_target
from app.models import ContactPoint, Expert, Office, Organization, Person
from app.services.contacts.book import PersonInput, save_person_in
from app.services.contacts.numbers import sort_phones
from app.services.context import Context
from app.services.office import audit
from app.services.office.zone import zone_in

NUMBER_COLUMNS = {"手机": ContactLabel.MOBILE, "办公电话": ContactLabel.OFFICE,
                  "值班电话": ContactLabel.DUTY, "传真": ContactLabel.FAX}
LIMITS = {"姓名": 50, "单位": 200, "职务": 100, "备注": 2000, "专长": 500}
PATH_SEPARATORS = ("/", "／", ">", "＞")


@dataclass(frozen=True)
class ImportReport:
    added: int
    updated: int
    unchanged: int
    units_created: int
    dry_run: bool


class _DryRun(Exception):
    def __init__(self, report: ImportReport) -> None:
        super().__init__("dry run")
        self.report = report


# --- units by name ----------------------------------------------------------------
class UnitTree:
    """The unit tree by name, for resolving "单位" cells (plain names or parent/child paths);
    the plans register names units the same way (app.services.plans.units)."""

    def __init__(self, session: Session) -> None:
        self.by_id: dict[int, tuple[str, int | None]] = {
            r[0]: (r[1], r[2]) for r in session.execute(
                select(Organization.id, Organization.name, Organization.parent_id)
                .order_by(Organization.sort_order, Organization.id))}
        self.by_name: dict[str, list[int]] = defaultdict(list)
        for unit_id, (name, _) in self.by_id.items():
            self.by_name[name].append(unit_id)
        self.root = next((i for i, (_, parent) in self.by_id.items() if parent is None), None)

    def ancestors(self, unit_id: int) -> list[str]:
        out: list[str] = []
        current = self.by_id[unit_id][1]
        while current is not None and len(out) < 50:
            out.append(self.by_id[current][0])
            current = self.by_id[current][1]
        return out

    def resolve(self, parts: list[str]) -> list[int]:
        """Units named ``parts[-1]`` whose ancestors include ``parts[:-1]`` in order."""
        found = []
        for unit_id in self.by_name.get(parts[-1], []):
            chain = self.ancestors(unit_id)
            wanted, i = list(reversed(parts[:-1])), 0
            for name in chain:
                if i < len(wanted) and name == wanted[i]:
                    i += 1
            if i == len(wanted):
                found.append(unit_id)
        return found

    def display(self, unit_id: int) -> str:
        """The unit's name, with as many parents as it takes to tell it from namesakes."""
        name = self.by_id[unit_id][0]
        if len(self.by_name[name]) <= 1:
            return name
        parts = [name]
        for parent in self.ancestors(unit_id):
            parts.insert(0, parent)
            if len(self.resolve(parts)) == 1:
                break
        return "/".join(parts)


def split_path(value: str) -> list[str]:
    for sep in PATH_SEPARATORS[1:]:
        value = value.replace(sep, PATH_SEPARATORS[0])
    return [p.strip() for p in value.split(PATH_SEPARATORS[0]) if p.strip()]


def guess_kind(name: str) -> str:
    """A new unit's kind from how its name ends."""
    rules = ((("街道", "镇", "乡"), OrgKind.TOWNSHIP), (("村", "社区", "居委会"), OrgKind.VILLAGE),
             (("公司", "厂", "集团", "矿"), OrgKind.ENTERPRISE),
             (("队", "支队", "大队", "中队"), OrgKind.TEAM), (("区", "县", "市"), OrgKind.DISTRICT))
    for endings, kind in rules:
        if name.endswith(endings):
            return kind.value
    return OrgKind.DEPARTMENT.value


# --- judging a row ----------------------------------------------------------------
@dataclass
class _Planned:
    row: int
    unit_path: list[str]
    unit_id: int | None  # None: a unit to create
    data: PersonInput
    specialties: list[str]


def _cell_problem(code: str, cell: Cell, column: str, **values: object) -> Problem:
    return Problem(code, None, {"row": cell.row, "col": cell.column, "column": column, **values})


def _judge(row: SheetRow, units: UnitTree) -> tuple[_Planned | None, list[Problem]]:
    problems: list[Problem] = []
    for column in ("姓名", "单位"):
        if not row.get(column):
            problems.append(_cell_problem("import.cell_required", row.cells[column], column))
    for column, limit in LIMITS.items():
        cell = row.cells.get(column)
        if cell and len(cell.value) > limit:
            problems.append(_cell_problem("import.cell_too_long", cell, column, max=limit))
    phones: list[tuple[ContactLabel, str]] = []
    for column, label in NUMBER_COLUMNS.items():
        cell = row.cells.get(column)
        if not cell or not cell.value:
            continue
        for number in split_numbers(cell.value):
            if validation.phone(number, "person.mobile"):
                problems.append(_cell_problem("import.cell_bad_phone", cell, column, value=number))
            phones.append((label, number))
    tags: list[PersonTag] = []
    if "类别" in row.cells and row.get("类别"):
        tags, unknown = parse_tags(row.get("类别"))
        for word in unknown:
            problems.append(_cell_problem("import.cell_bad_tag", row.cells["类别"], "类别", value=word))
    specialties = split_list(row.get("专长"))
    if specialties and PersonTag.EXPERT not in tags:
        tags.append(PersonTag.EXPERT)
    unit_id = None
    path = split_path(row.get("单位"))
    if path:
        matches = units.resolve(path)
        if len(matches) > 1:
            example = "/".join([*units.ancestors(matches[0])[:1], path[-1]])
            problems.append(_cell_problem("import.cell_ambiguous_unit", row.cells["单位"], "单位",
                                          value=row.get("单位"), count=len(matches),
                                          example=example))
        elif matches:
            unit_id = matches[0]
    if problems:
        return None, problems
    data = PersonInput(name=row.get("姓名"), organization_id=unit_id, title=row.get("职务"),
                       phones=phones, tags=tags, notes=row.get("备注"))
    return _Planned(row.row, path, unit_id, data, specialties), []


def import_contacts(ctx: Context, path: Path, *, dry_run: bool = False,
                    progress: Progress = no_progress) -> ImportReport:
    """Read the workbook, judge every row, then write it all in one transaction (or, with
    ``dry_run``, only say what would happen). InputError lists every problem; nothing written.
    ``progress`` hears of the rows judged and saved; its Cancelled rolls everything back."""
    ctx.require(UserRole.ADMIN)
    progress(0, None)
    sheet = contacts_xlsx.read_contacts(path)
    if not sheet.rows:
        raise InputError(Problem("import.no_rows"))
    try:
        with ctx.db.write() as session:
            report = _import_in(session, ctx, sheet.rows, path, dry_run,
                                Throttled(progress, 2 * len(sheet.rows), every=500).step)
            if dry_run:
                raise _DryRun(report)  # rolls the transaction back
            return report
    except _DryRun as done:
        return done.report


def _import_in(session: Session, ctx: Context, rows: Sequence[SheetRow], path: Path,
               dry_run: bool, step: Callable[[], None] = lambda: None) -> ImportReport:
    units = UnitTree(session)
    planned: list[_Planned] = []
    problems: list[Problem] = []
    seen: dict[tuple[str, str], int] = {}
    for row in rows:
        step()
        plan, found = _judge(row, units)
        problems += found
        if plan is None:
            continue
        key = ("/".join(plan.unit_path) if plan.unit_id is None else str(plan.unit_id),
               plan.data.name)
        if key in seen:
            problems.append(Problem("import.duplicate_row", None, {"row": plan.row, "first": seen[key]}))
        else:
            seen[key] = plan.row
        planned.append(plan)
    if problems:
        raise InputError(problems)
    created = _create_units(session, ctx, units, planned)
    added = updated = unchanged = 0
    for plan in planned:
        step()
        existing = session.scalar(select(Person.id).where(
            Person.organization_id == plan.data.organization_id, Person.name == plan.data.name)
            .order_by(Person.id).limit(1)) if plan.unit_id is not None else None
        if existing is not None:
            held = session.get(Person, existing)
            if held is not None and not plan.data.tags:
                plan.data.tags = stored_tags(held.tags)
            elif held is not None:
                plan.data.tags = sorted({*stored_tags(held.tags), *plan.data.tags},
                                        key=list(PersonTag).index)
        person, changed = save_person_in(session, ctx, existing, plan.data, keep_empty=True,
                                         note="导入")
        changed = _expert(session, person.id, plan.specialties) or changed
        if existing is None:
            added += 1
        elif changed:
            updated += 1
        else:
            unchanged += 1
    report = ImportReport(added, updated, unchanged, created, dry_run)
    if not dry_run:
        audit.record(session, ctx, "import", "person", None, after={
            "file": path.name, "added": added, "updated": updated, "units_created": created})
    return report


def _create_units(session: Session, ctx: Context, units: UnitTree, planned: list[_Planned]) -> int:
    """Create the units the file names and the book lacks; point the plans at them."""
    made: dict[tuple[str, ...], int] = {}
    for plan in planned:
        if plan.unit_id is not None:
            continue
        parts = plan.unit_path
        # the longest known head of the path (a plain name: the top unit)
        parent, start = units.root, 0
        for i in range(len(parts) - 1, 0, -1):
            key = tuple(parts[:i])
            if key in made:
                parent, start = made[key], i
                break
            found = units.resolve(list(parts[:i]))
            if len(found) == 1:
                parent, start = found[0], i
                break
        for i in range(start, len(parts)):
            key = tuple(parts[:i + 1])
            if key not in made:
                unit = Organization(name=parts[i], parent_id=parent, kind=guess_kind(parts[i]),
                                    duty_phone="", fax="", address="", sort_order=0)
                session.add(unit)
                session.flush()
                audit.record(session, ctx, "create", "organization", unit.id,
                             after={"name": unit.name, "parent_id": parent, "kind": unit.kind})
                made[key] = unit.id
            parent = made[key]
        plan.unit_id = plan.data.organization_id = parent
    return len(made)


def _expert(session: Session, person_id: int, specialties: list[str]) -> bool:
    if not specialties:
        return False
    expert = session.scalar(select(Expert).where(Expert.person_id == person_id))
    if expert is None:
        session.add(Expert(person_id=person_id, specialties=specialties, subtypes=[], notes=""))
        return True
    if list(expert.specialties) != specialties:
        expert.specialties = specialties
        return True
    return False


# --- export -------------------------------------------------------------------------
def _export_rows(session: Session, person_ids: Sequence[int] | None) -> list[list[str]]:
    """The people in COLUMNS order. Built from plain columns with the per-row work cached
    (labels, tag words), so 100,000 people take a fraction of the time their workbook does."""
    units = UnitTree(session)
    query = select(Person.id, Person.name, Person.organization_id, Person.title, Person.tags,
                   Person.notes).order_by(Person.organization_id, Person.id)
    if person_ids is not None:
        query = query.where(Person.id.in_(list(person_ids)))
    people = session.execute(query).all()
    wanted = None if person_ids is None else set(person_ids)
    labels = [ContactLabel.MOBILE.value, ContactLabel.OFFICE.value, ContactLabel.DUTY.value,
              ContactLabel.FAX.value]
    numbers: dict[tuple[int, str], list[str]] = defaultdict(list)
    points = select(ContactPoint.person_id, ContactPoint.label, ContactPoint.number).where(
        ContactPoint.person_id.is_not(None)).order_by(ContactPoint.person_id,
                                                      ContactPoint.position, ContactPoint.id)
    for person_id, label, number in session.execute(points):
        if person_id is not None and (wanted is None or person_id in wanted):
            numbers[(person_id, label)].append(number)
    experts = dict(session.execute(select(Expert.person_id, Expert.specialties)).all())
    names: dict[int | None, str] = {None: ""}
    tag_words: dict[str | None, str] = {}
    join = contacts_xlsx.SEPARATOR.join
    rows = []
    for person_id, name, unit_id, title, tags, notes in people:
        if unit_id is not None and unit_id not in names:
            names[unit_id] = units.display(unit_id)
        if tags not in tag_words:
            tag_words[tags] = "、".join(t.zh for t in stored_tags(tags))
        rows.append([name, names[unit_id], title,
                     *(join(numbers.get((person_id, label), ())) for label in labels),
                     tag_words[tags], "、".join(experts.get(person_id) or []), notes])
    return rows


def export_contacts(ctx: Context, path: Path, person_ids: Sequence[int] | None = None,
                    progress: Progress = no_progress) -> int:
    """Write the contact book (or the given people) in the import layout, under a title row
    (<单位>通讯录, and the day it was taken); how many rows.

    Written under a temporary name and renamed at the end, so a failure or a cancel
    (``progress`` raising Cancelled) leaves no file."""
    target = check_target(path)
    progress(0, None)
    with ctx.db.read() as session:
        rows = _export_rows(session, person_ids)
        office = session.scalar(select(Office.name).order_by(Office.id).limit(1)) or ""
        today = ctx.clock.now().astimezone(zone_in(session)).date()
    title = f"{office}通讯录（{today.year}年{today.month}月{today.day}日）"
    ticker = Throttled(progress, len(rows), every=1000)
    # written under a temporary name and renamed at the end (a cancel leaves no file)
    return contacts_xlsx.write_contacts(target, rows, title=title, progress=ticker.step)


def write_template(path: Path) -> None:
    contacts_xlsx.write_template(path)


def export_vcard(ctx: Context, path: Path, person_ids: Sequence[int]) -> int:
    """vCards of the given people; how many."""
    with ctx.db.read() as session:
        units = dict(session.execute(select(Organization.id, Organization.name)).all())
        people = list(session.scalars(select(Person).where(Person.id.in_(list(person_ids)))
                                      .order_by(Person.id)))
        points: dict[int, list[ContactPoint]] = defaultdict(list)
        for point in session.scalars(select(ContactPoint).where(
                ContactPoint.person_id.in_(list(person_ids)))):
            points[point.person_id or 0].append(point)
        cards = []
        for p in people:
            surname, given = pinyin.split_surname(p.name)
            cards.append(vcard.Card(
                full_name=p.name, surname=surname, given=given,
                organization=units.get(p.organization_id or 0, ""), title=p.title,
                phones=[(ph.label.value, ph.number) for ph in sort_phones(points.get(p.id, []))],
                note=p.notes, categories=[t.zh for t in stored_tags(p.tags)]))
    path.write_text(vcard.vcards(cards), encoding="utf-8", newline="")
    return len(cards)
