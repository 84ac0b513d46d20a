"""Incident intake and the report chain: record, regrade, report, send, instruct.

Recording an incident starts its deadlines (deadlines.start_for_incident); regrading moves
them; marking a report sent meets them. A flash report may go first with elements missing:
the missing list stays on the incident and becomes a follow-up deadline.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import incidents as rules
from app.domain.enums import Channel, DeadlineOutcome, IncidentKind, ReportKind, UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.incident_facts import IncidentFacts, from_json
from app.domain.incident_input import bad_value
from app.domain.incident_text import Letterhead, compose_text
from app.domain.messages import Problem
from app.models import Deadline, Incident, Instruction, Organization, Report
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import rows
from app.services.office import audit, counters, office, settings
from app.services.office.zone import office_zone

REQUIRED_KEY = "incidents.required"
FLASH_FOLLOW_UP_MINUTES = 60


def required_elements(ctx: Context) -> dict[str, tuple[str, ...]]:
    """The elements each report kind requires: the defaults, as the office changed them."""
    stored = settings.get(ctx, REQUIRED_KEY, None) or {}
    merged = dict(rules.DEFAULT_REQUIRED)
    merged.update({k: tuple(v) for k, v in stored.items()})
    return merged


@dataclass(frozen=True)
class ReportInfo:
    id: int
    kind: ReportKind
    seq: int
    heading: str
    created_at: dt.datetime
    text: str
    sent_at: dt.datetime | None
    channel: str
    sent_how: str
    sent_to: str
    issued_by: str


@dataclass(frozen=True)
class InstructionInfo:
    id: int
    text: str
    from_whom: str
    given_at: dt.datetime
    deadline_id: int | None
    done: str
    done_at: dt.datetime | None


@dataclass(frozen=True)
class IncidentInfo:
    """An incident as it stands: its facts, what a flash report still owes, its report chain."""

    id: int
    number: str
    status: str
    facts: IncidentFacts
    missing_elements: list[str]
    version: int
    reports: list[ReportInfo] = field(default_factory=list)
    instructions: list[InstructionInfo] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.facts.title


def _report_info(r: Report) -> ReportInfo:
    return ReportInfo(r.id, ReportKind(r.kind), r.seq, rules.report_heading(r.kind, r.seq), r.created_at,
                      r.text, r.sent_at, r.channel, r.sent_how, r.sent_to, r.issued_by)


def _info(s: Session, row: Incident, *, full: bool = True) -> IncidentInfo:
    reports, instructions = [], []
    if full:
        reports = [_report_info(r) for r in s.scalars(
            select(Report).where(Report.incident_id == row.id).order_by(Report.id))]
        instructions = [InstructionInfo(i.id, i.text, i.from_whom, i.given_at, i.deadline_id, i.done, i.done_at)
                        for i in s.scalars(select(Instruction).where(Instruction.incident_id == row.id)
                                           .order_by(Instruction.id))]
    return IncidentInfo(row.id, row.number, row.status, rows.facts_of(row), list(row.missing_elements or []),
                        row.version, reports, instructions)


def _next_number(s: Session, ctx: Context, zone: zoneinfo.ZoneInfo) -> str:
    return counters.incident_number(s, ctx.clock.now().astimezone(zone).year)


def _office_name(ctx: Context) -> str:
    info = office.get_office(ctx)
    return info.name if info else ""


def _missing(element: str) -> Problem:
    return Problem("incident.missing", None, {"name": rules.element_name(element), "field": element})


def _first_kind(facts: IncidentFacts) -> ReportKind:
    return ReportKind.WARNING if facts.kind is IncidentKind.WARNING else ReportKind.INITIAL


def _check_organization(s: Session, facts: IncidentFacts) -> None:
    if facts.organization_id is not None and s.get(Organization, facts.organization_id) is None:
        raise InputError(bad_value("organization_id", facts.organization_id))


def record(ctx: Context, facts: IncidentFacts, *, flash: bool = False,
           unreadable: Sequence[Problem] = ()) -> IncidentInfo:
    """Record an incident or warning from the intake form or the command line.

    Missing required elements of the first report are refused, each named — unless it is a
    flash report, which goes first with what is known and tracks what is missing.
    ``unreadable`` holds what the edge could not read of its input: refused with the rest,
    each field named once.
    """
    actor = ctx.require(UserRole.OFFICER)
    zone = office_zone(ctx)
    first_kind = _first_kind(facts)
    missing = rules.missing_elements(facts, first_kind.value, required_elements(ctx))
    # A flash report may lack anything but its title.
    refused = missing if not flash else [m for m in missing if m == "title"]
    invalid = {p.values.get("field") for p in unreadable}
    problems = [*unreadable, *(_missing(m) for m in refused if m not in invalid)]
    if problems:
        raise InputError(problems)
    with ctx.db.write() as s:
        _check_organization(s, facts)
        row = Incident(number=_next_number(s, ctx, zone), status="open", recorded_by=actor.label,
                       missing_elements=missing if flash else [], **rows.columns(facts))
        s.add(row)
        s.flush()
        audit.record(s, ctx, "create", "incident", row.number, after=rows.snapshot(row))
        deadlines.start_for_incident(s, ctx, rows.rule_facts(facts), incident_id=row.id,
                                     incident_number=row.number, title=row.title)
        if row.missing_elements:
            _chase_missing(s, ctx, row)
        _new_report(s, ctx, row, first_kind)
        info = _info(s, row)
    deadlines.notify_changed()
    return info


def _chase_missing(s: Session, ctx: Context, row: Incident) -> None:
    """A flash report's missing elements become a deadline of their own."""
    names = "、".join(rules.element_name(m) for m in row.missing_elements)
    deadlines.add_in(s, ctx, what=f"{row.title} · 补报要素：{names}",
                     report_kind=ReportKind.FOLLOW_UP, channel=Channel.WRITTEN,
                     due_at=ctx.clock.now() + dt.timedelta(minutes=FLASH_FOLLOW_UP_MINUTES),
                     incident_id=row.id, incident_number=row.number, rule_profile="flash")


def _load(s: Session, number_or_id: str | int) -> Incident:
    query = select(Incident).where(
        Incident.id == number_or_id if isinstance(number_or_id, int) else Incident.number == str(number_or_id))
    row = s.scalar(query)
    if row is None:
        raise NotFound(Problem("incident.not_found", None, {"number": number_or_id}).message())
    return row


def get(ctx: Context, number_or_id: str | int) -> IncidentInfo:
    with ctx.db.read() as s:
        return _info(s, _load(s, number_or_id))


_REGRADING = ("level", "category", "kind", "sensitive")


def update(ctx: Context, number_or_id: str | int, facts: IncidentFacts, *,
           expected_version: int | None = None) -> IncidentInfo:
    """The incident's facts are now ``facts``: a new level or category moves its deadlines;
    filled-in missing elements are crossed off the flash list."""
    ctx.require(UserRole.OFFICER)
    with ctx.db.write() as s:
        row = _load(s, number_or_id)
        if expected_version is not None and row.version != expected_version:
            raise StaleRecord()
        _check_organization(s, facts)
        before = rows.snapshot(row)
        old = rows.facts_of(row)
        regrade = any(getattr(old, k) != getattr(facts, k) for k in _REGRADING)
        rows.write(row, facts)
        if row.missing_elements:
            _cross_off(s, ctx, row, facts)
        s.flush()
        audit.record(s, ctx, "update", "incident", row.number, before=before, after=rows.snapshot(row))
        if regrade:
            deadlines.move_for_incident(s, ctx, rows.rule_facts(facts), incident_id=row.id,
                                        incident_number=row.number, title=row.title)
        info = _info(s, row)
    deadlines.notify_changed()
    return info


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


def _new_report(s: Session, ctx: Context, row: Incident, kind: ReportKind) -> Report:
    seq = 0
    previous = None
    if kind is ReportKind.FOLLOW_UP:
        seq = counters.follow_up_seq(s, row.id)
    last = s.scalar(select(Report).where(Report.incident_id == row.id).order_by(Report.id.desc()).limit(1))
    if last is not None:
        previous = from_json(last.content)
    facts = rows.facts_of(row)
    head = Letterhead(office=_office_name(ctx), number=row.number, zone=office_zone(ctx))
    text = compose_text(facts, kind=kind, seq=seq, head=head, previous=previous,
                        missing=row.missing_elements or ())
    report = Report(incident_id=row.id, kind=kind.value, seq=seq, created_at=ctx.clock.now(),
                    content=rows.picture(facts, row.missing_elements or []), text=text,
                    channel=Channel.WRITTEN.value, sent_how="", sent_to="", issued_by="",
                    recorded_by=ctx.actor.label if ctx.actor else "")
    s.add(report)
    s.flush()
    audit.record(s, ctx, "create", "report", report.id,
                 after={"incident": row.number, "kind": kind.value, "seq": seq})
    return report
