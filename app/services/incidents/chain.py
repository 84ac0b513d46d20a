"""The report chain of an incident: follow-ups, final and verified reports, sending them,
the report text, and leaders' instructions with their feedback deadlines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain import incidents as rules
from app.domain.enums import Channel, DeadlineOutcome, ReportKind, UserRole
from app.domain.errors import InputError, NotFound
from app.domain.incident_facts import from_json
from app.domain.incident_text import Letterhead, compose_text
from app.domain.messages import Problem
from app.models import Deadline, Incident, Instruction, Report
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.incidents import rows
from app.services.incidents.intake import (
    InstructionInfo,
    ReportInfo,
    _load,
    _missing,
    _new_report,
    _office_name,
    _report_info,
    required_elements,
)
from app.services.office import audit
from app.services.office.zone import office_zone


def add_report(ctx: Context, number_or_id: str | int, kind: ReportKind | str) -> ReportInfo:
    """Write the next report of the chain from the incident as it stands now."""
    ctx.require(UserRole.OFFICER)
    kind = ReportKind(kind)
    with ctx.db.write() as s:
        row = _load(s, number_or_id)
        if row.status == "closed":
            raise InputError(Problem("incident.closed", None, {"number": row.number}))
        missing = rules.missing_elements(rows.facts_of(row), kind.value, required_elements(ctx))
        if missing:
            raise InputError([_missing(m) for m in missing])
        return _report_info(_new_report(s, ctx, row, kind))


def mark_sent(ctx: Context, report_id: int, *, channel: Channel | str, how: str, to_whom: str,
              issued_by: str, at: dt.datetime | None = None) -> ReportInfo:
    """Record how, to whom and when a report went, and who signed it off; meet its deadlines.

    A final report closes the incident and cancels what it still owed.
    """
    ctx.require(UserRole.OFFICER)
    channel = Channel(channel)
    problems = []
    if not how.strip():
        problems.append(Problem("required", "deadline.how"))
    if channel is Channel.WRITTEN and not issued_by.strip():
        problems.append(Problem("incident.missing", None, {"name": "签发人", "field": "issued_by"}))
    if problems:
        raise InputError(problems)
    when = at or ctx.clock.now()
    zone = office_zone(ctx)
    with ctx.db.write() as s:
        report = s.get(Report, report_id)
        if report is None:
            raise NotFound(f"report {report_id}")
        if report.sent_at is not None:
            raise InputError(Problem("report.already_sent", None,
                                     {"when": report.sent_at.astimezone(zone).strftime("%Y-%m-%d %H:%M")}))
        row = s.get(Incident, report.incident_id)
        assert row is not None
        report.sent_at, report.channel, report.sent_how = when, channel.value, how.strip()
        report.sent_to, report.issued_by = to_whom.strip(), issued_by.strip()
        report.text = _text_as_sent(s, ctx, report, row.number)
        audit.record(s, ctx, "send", "report", report.id,
                     after={"incident": row.number, "channel": channel.value, "how": report.sent_how,
                            "to": report.sent_to, "issued_by": report.issued_by})
        kinds = {report.kind}
        for d in s.scalars(select(Deadline).where(Deadline.incident_id == row.id,
                                                  Deadline.outcome == DeadlineOutcome.OPEN.value,
                                                  Deadline.report_kind.in_(kinds),
                                                  Deadline.channel == channel.value)):
            if d.rule_profile != "flash":
                deadlines.meet_in(s, ctx, d.id, how=f"{channel.zh}：{how.strip()}", at=when)
        if report.kind == ReportKind.FOLLOW_UP.value and row.status == "open":
            _plan_next_follow_up(s, ctx, row, when)
        if report.kind == ReportKind.FINAL.value:
            row.status = "closed"
            for d in s.scalars(select(Deadline).where(Deadline.incident_id == row.id,
                                                      Deadline.outcome == DeadlineOutcome.OPEN.value)):
                d.outcome = DeadlineOutcome.CANCELLED.value
                d.closed_reason = "事件已终报"
            audit.record(s, ctx, "close", "incident", row.number)
        info = _report_info(report)
    deadlines.notify_changed()
    return info


def _text_as_sent(s: Session, ctx: Context, report: Report, number: str) -> str:
    """The report's text again, from the facts it was written from, now with its 签发人 and
    the time it went."""
    kind = ReportKind(report.kind)
    previous = None
    if kind is ReportKind.FOLLOW_UP:
        content = s.scalar(select(Report.content).where(Report.incident_id == report.incident_id,
                                                        Report.id < report.id)
                           .order_by(Report.id.desc()).limit(1))
        previous = from_json(content) if content is not None else None
    head = Letterhead(office=_office_name(ctx), number=number, zone=office_zone(ctx),
                      issued_by=report.issued_by, sent_at=report.sent_at)
    return compose_text(from_json(report.content), kind=kind, seq=report.seq, head=head,
                        previous=previous, missing=rows.missing_in(report.content))


def _plan_next_follow_up(s: Session, ctx: Context, row: Incident, after: dt.datetime) -> None:
    """Time-of-day follow-up rules: the next follow-up is due at the next set time."""
    profile = rule_profiles.active_profile(ctx)
    zone = office_zone(ctx)
    for rule in profile.rules:
        if rule.kind == "time_of_day" and rule.applies_to(row.kind, row.category, row.level, row.sensitive):
            due = dr.next_time_of_day(after, rule.times, zone)
            exists = s.scalar(select(func.count()).select_from(Deadline).where(
                Deadline.incident_id == row.id, Deadline.report_kind == rule.report_kind,
                Deadline.outcome == DeadlineOutcome.OPEN.value))
            if not exists:
                kind, channel = ReportKind(rule.report_kind), Channel(rule.channel)
                deadlines.add_in(s, ctx, what=f"{row.title} · {deadlines.label(kind, channel)}",
                                 report_kind=kind, channel=channel, due_at=due, incident_id=row.id,
                                 incident_number=row.number, rule_profile=profile.key)


def report_text(ctx: Context, number: str, kind: str = "initial", seq: int | None = None) -> str:
    """The text of a report (the latest of its kind unless ``seq`` is given)."""
    kind = ReportKind(kind).value
    with ctx.db.read() as s:
        row = _load(s, number)
        query = select(Report).where(Report.incident_id == row.id, Report.kind == kind)
        if seq is not None:
            query = query.where(Report.seq == seq)
        report = s.scalar(query.order_by(Report.id.desc()).limit(1))
        if report is None:
            raise NotFound(Problem("report.not_found", None, {
                "number": number, "kind": ReportKind(kind).zh, "seq": seq or ""}).message())
        return report.text


def add_instruction(ctx: Context, number_or_id: str | int, *, text: str, from_whom: str,
                    given_at: dt.datetime | None = None, feedback_minutes: int | None = 60) -> InstructionInfo:
    """A leader's instruction with its feedback deadline."""
    ctx.require(UserRole.OFFICER)
    problems = []
    if not text.strip():
        problems.append(Problem("incident.missing", None, {"name": "批示内容", "field": "text"}))
    if not from_whom.strip():
        problems.append(Problem("incident.missing", None, {"name": "批示领导", "field": "from_whom"}))
    if problems:
        raise InputError(problems)
    with ctx.db.write() as s:
        row = _load(s, number_or_id)
        at = given_at or ctx.clock.now()
        deadline_id = None
        if feedback_minutes:
            d = deadlines.add_in(s, ctx, what=f"{row.title} · {from_whom.strip()}批示反馈",
                                 report_kind=ReportKind.INSTRUCTION_FEEDBACK, channel=Channel.WRITTEN,
                                 due_at=at + dt.timedelta(minutes=feedback_minutes), incident_id=row.id,
                                 incident_number=row.number)
            deadline_id = d.id
        ins = Instruction(incident_id=row.id, text=text.strip(), from_whom=from_whom.strip(), given_at=at,
                          deadline_id=deadline_id, done="")
        s.add(ins)
        s.flush()
        audit.record(s, ctx, "create", "instruction", ins.id, after={"incident": row.number, "text": ins.text,
                                                                      "from": ins.from_whom})
        info = InstructionInfo(ins.id, ins.text, ins.from_whom, ins.given_at, deadline_id, "", None)
    deadlines.notify_changed()
    return info


def complete_instruction(ctx: Context, instruction_id: int, *, done: str) -> None:
    """What was done about an instruction; meets its feedback deadline."""
    ctx.require(UserRole.OFFICER)
    if not done.strip():
        raise InputError(Problem("incident.missing", None, {"name": "落实情况", "field": "done"}))
    with ctx.db.write() as s:
        ins = s.get(Instruction, instruction_id)
        if ins is None:
            raise NotFound(f"instruction {instruction_id}")
        ins.done, ins.done_at = done.strip(), ctx.clock.now()
        if ins.deadline_id:
            d = s.get(Deadline, ins.deadline_id)
            if d is not None and d.outcome == DeadlineOutcome.OPEN.value:
                deadlines.meet_in(s, ctx, d.id, how="批示落实情况已反馈")
        audit.record(s, ctx, "update", "instruction", ins.id, after={"done": ins.done})
    deadlines.notify_changed()


# --- the list -------------------------------------------------------------------------------
