"""Incident intake: record an incident or warning, change its facts, read it back.

Recording starts its deadlines and writes the 接报 line of the duty log; regrading moves the
deadlines. The facts are checked here, whoever gives them (the form, the command line, an
import): required elements, times in order, the level against the figures, phone numbers.
A flash report may go first with elements missing: the missing list stays on the incident and
becomes a deadline of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import zoneinfo
from collections.abc import Collection, Sequence

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import incidents as rules
from app.domain.duty import LogKind
from app.domain.enums import Channel, DeadlineOutcome, IncidentKind, ReportKind, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.incident_checks import GRADED_BY_FIGURES, check_facts
from app.domain.incident_facts import IncidentFacts
from app.domain.incident_input import bad_value
from app.domain.messages import Problem
from app.models import Deadline, Incident, Organization, Report
from app.services.context import Actor, Context
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import entries as dutylog
from app.services.incidents import documents, plan_link, rows
from app.services.incidents.info import (
    IncidentInfo,
    InstructionInfo,
    ReportInfo,
    SendingInfo,
    incident_info,
)
from app.services.office import audit, counters, settings
from app.services.office.zone import office_zone

__all__ = ["IncidentInfo", "InstructionInfo", "ReportInfo", "SendingInfo", "check",
           "get", "graded_categories", "record", "required_elements", "update"]

REQUIRED_KEY = "incidents.required"
GRADED_KEY = "incidents.graded_by_figures"
FLASH_FOLLOW_UP_MINUTES = 60


def required_elements(ctx: Context) -> dict[str, tuple[str, ...]]:
    """The elements each report kind requires: the defaults, as the office changed them."""
    stored = settings.get(ctx, REQUIRED_KEY, None) or {}
    merged = dict(rules.DEFAULT_REQUIRED)
    merged.update({k: tuple(v) for k, v in stored.items()})
    return merged


def graded_categories(ctx: Context) -> tuple[str, ...]:
    """The categories whose level the figures set (production-safety accidents; the office may
    add others)."""
    stored = settings.get(ctx, GRADED_KEY, None)
    return tuple(stored) if isinstance(stored, list) else GRADED_BY_FIGURES


def _missing(element: str) -> Problem:
    return Problem("incident.missing", None, {"name": rules.element_term(element), "field": element})


def _first_kind(facts: IncidentFacts) -> ReportKind:
    return ReportKind.WARNING if facts.kind is IncidentKind.WARNING else ReportKind.INITIAL


def check(ctx: Context, facts: IncidentFacts, kind: ReportKind, *, flash: bool = False,
          unreadable: Sequence[Problem] = ()) -> list[str]:
    """Refuse ``facts`` for a ``kind`` report unless they make sense: InputError naming every
    field (each once), nothing written. Returns the elements a flash report leaves missing."""
    missing = rules.missing_elements(facts, kind.value, required_elements(ctx))
    refused = missing if not flash else [m for m in missing if m == "title"]
    named = {p.values.get("field") for p in unreadable}
    problems = [*unreadable, *(_missing(m) for m in refused if m not in named)]
    named |= {p.values.get("field") for p in problems}
    problems += [p for p in check_facts(facts, now=ctx.clock.now(), graded=graded_categories(ctx))
                 if p.values.get("field") not in named]
    problems += _unit_problems(ctx, facts)
    if problems:
        raise InputError(problems)
    return missing


def _unit_problems(ctx: Context, facts: IncidentFacts) -> list[Problem]:
    if facts.organization_id is None:
        return []
    with ctx.db.read() as s:
        if s.get(Organization, facts.organization_id) is not None:
            return []
    return [bad_value("organization_id", facts.organization_id, "incident.hint.unit")]


def _next_number(s: Session, ctx: Context, zone: zoneinfo.ZoneInfo) -> str:
    """The year's next incident number, from a counter row locked for the transaction (two
    workstations never take the same one)."""
    return counters.incident_number(s, ctx.clock.now().astimezone(zone).year)


def name_of(actor: Actor) -> str:
    """How a document names the operator: the person's name, else the account."""
    return actor.display_name or actor.name


def record(ctx: Context, facts: IncidentFacts, *, flash: bool = False,
           unreadable: Sequence[Problem] = ()) -> IncidentInfo:
    """Record an incident or warning from the intake form, the command line or an import.

    Missing required elements of the first report are refused, each named — unless it is a
    flash report, which goes first with what is known and tracks what is missing.
    ``unreadable`` holds what the edge could not read of its input: refused with the rest,
    each field named once. Who took the call (received_by) defaults to the operator.
    """
    actor = ctx.require(UserRole.OFFICER)
    if not facts.received_by:
        facts = dataclasses.replace(facts, received_by=name_of(actor)[:50])
    first_kind = _first_kind(facts)
    facts, unlinked = plan_link.resolve(ctx, facts)
    missing = check(ctx, facts, first_kind, flash=flash, unreadable=[*unreadable, *unlinked])
    zone = office_zone(ctx)
    with ctx.db.write() as s:
        row = Incident(number=_next_number(s, ctx, zone), status="open", recorded_by=name_of(actor),
                       missing_elements=missing if flash else [], **rows.columns(facts))
        s.add(row)
        s.flush()
        audit.record(s, ctx, "create", "incident", row.number, after=rows.snapshot(row))
        deadlines.start_for_incident(s, ctx, rows.rule_facts(facts), incident_id=row.id,
                                     incident_number=row.number, title=row.title)
        if row.missing_elements:
            _chase_missing(s, ctx, row)
        new_report(s, ctx, row, first_kind)
        _log_intake(s, ctx, row, facts)
        info = incident_info(s, row)
    deadlines.notify_changed()
    return info


def _log_intake(s: Session, ctx: Context, row: Incident, facts: IncidentFacts) -> None:
    """The 接报 line of the duty log: what came in, from whom, under which number."""
    what = "预警信息" if facts.kind is IncidentKind.WARNING else "突发事件"
    words = f"接报{what}（编号{row.number}）：{facts.title}"
    if facts.nature:
        words += f"。{facts.nature.rstrip('。')}"
    level = f"（{facts.level.zh}）" if facts.level else ""
    words += f"。已登记{level}，报送时限开始计时。"
    dutylog.note_in(s, ctx, LogKind.INTAKE, words, at=facts.received_at, incident_id=row.id, call={
        "caller_unit": facts.source, "caller_name": facts.source_person,
        "caller_title": facts.source_title, "caller_phone": facts.source_phone,
        "place": facts.location, "notified": facts.notified})


def _chase_missing(s: Session, ctx: Context, row: Incident) -> None:
    """A flash report's missing elements become a deadline of their own."""
    names = "、".join(rules.element_name(m) for m in row.missing_elements)
    deadlines.add_in(s, ctx, what=f"{row.title} · 补报要素：{names}",
                     report_kind=ReportKind.FOLLOW_UP, channel=Channel.WRITTEN,
                     due_at=ctx.clock.now() + dt.timedelta(minutes=FLASH_FOLLOW_UP_MINUTES),
                     incident_id=row.id, incident_number=row.number, rule_profile="flash")


def load(s: Session, number_or_id: str | int, *, lock: bool = False) -> Incident:
    """The incident by id or number; ``lock`` holds its row until the transaction ends (on a
    server, so two reports written at once are written one after the other)."""
    query = select(Incident).where(
        Incident.id == number_or_id if isinstance(number_or_id, int) else Incident.number == str(number_or_id))
    row = s.scalar(query.with_for_update() if lock else query)
    if row is None:
        raise NotFound(Problem("incident.not_found", None, {"number": number_or_id}).message())
    return row


def get(ctx: Context, number_or_id: str | int) -> IncidentInfo:
    with ctx.db.read() as s:
        return incident_info(s, load(s, number_or_id))


_REGRADING = ("level", "category", "kind", "sensitive")  # what moves the deadlines


def update(ctx: Context, number_or_id: str | int, facts: IncidentFacts, *,
           expected_version: int | None = None, unreadable: Sequence[Problem] = ()) -> IncidentInfo:
    """The incident's facts are now ``facts`` (checked as when recorded): a new level or
    category moves its deadlines; filled-in missing elements are crossed off the flash list."""
    ctx.require(UserRole.OFFICER)
    with ctx.db.read() as s:
        held = load(s, number_or_id)
        flash, held_plan = bool(held.missing_elements), held.activated_plan_id
    facts, unlinked = plan_link.resolve(ctx, facts, held_plan)
    check(ctx, facts, _first_kind(facts), flash=flash, unreadable=[*unreadable, *unlinked])
    with ctx.db.write() as s:
        row = load(s, number_or_id)
        if expected_version is not None and row.version != expected_version:
            raise StaleRecord()
        apply_in(s, ctx, row, facts)
        info = incident_info(s, row)
    deadlines.notify_changed()
    return info


def apply_in(s: Session, ctx: Context, row: Incident, facts: IncidentFacts) -> bool:
    """Write ``facts`` into the row (audited); moves the deadlines on a regrade. True when
    anything changed."""
    before = rows.snapshot(row)
    old = rows.facts_of(row)
    rows.write(row, facts)
    if row.missing_elements:
        _cross_off(s, ctx, row, facts)
    s.flush()
    after = rows.snapshot(row)
    if after == before:
        return False
    audit.record(s, ctx, "update", "incident", row.number, before=before, after=after)
    if any(getattr(old, k) != getattr(facts, k) for k in _REGRADING):
        deadlines.move_for_incident(s, ctx, rows.rule_facts(facts), incident_id=row.id,
                                    incident_number=row.number, title=row.title)
    return True


def _cross_off(s: Session, ctx: Context, row: Incident, facts: IncidentFacts) -> None:
    """Elements now given leave the flash list; once it is empty, its deadline is met."""
    still = rules.missing_elements(facts, ReportKind.INITIAL.value, required_elements(ctx))
    row.missing_elements = [m for m in row.missing_elements if m in still]
    if row.missing_elements:
        return
    for d in s.scalars(select(Deadline).where(Deadline.incident_id == row.id,
                                              Deadline.rule_profile == "flash",
                                              Deadline.outcome == DeadlineOutcome.OPEN.value)):
        deadlines.meet_in(s, ctx, d.id, how="要素已补齐")


def new_report(s: Session, ctx: Context, row: Incident, kind: ReportKind, *,
               changes: Collection[str] | None = None, as_of: dt.datetime | None = None) -> Report:
    """The next report of the chain, written from the incident's facts as they stand."""
    seq = 0
    if kind is ReportKind.FOLLOW_UP:
        seq = counters.follow_up_seq(s, row.id)
    actor = ctx.actor
    report = Report(incident_id=row.id, kind=kind.value, seq=seq, created_at=ctx.clock.now(),
                    content=rows.picture(rows.facts_of(row), row.missing_elements or []), text="",
                    recorded_by=name_of(actor) if actor else "", as_of=as_of,
                    changes=list(changes) if changes is not None else None,
                    contact_person=(name_of(actor) if actor else "")[:50],
                    contact_phone=documents.duty_phone(ctx)[:40])
    s.add(report)
    s.flush()
    documents.refresh_text_in(s, ctx, row, report)
    audit.record(s, ctx, "create", "report", report.id,
                 after={"incident": row.number, "kind": kind.value, "seq": seq,
                        "changes": report.changes})
    return report
