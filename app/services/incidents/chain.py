"""The report chain after the first report: numbered follow-ups giving what changed, the final
report that closes the case, the verified report, deleting an unsent report, the report text,
and leaders' instructions with their feedback deadlines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.domain.duty import LogKind
from app.domain.enums import Channel, DeadlineOutcome, ReportKind, UserRole
from app.domain.errors import InputError, NotFound
from app.domain.incident_checks import SKEW as SKEW_AS_OF
from app.domain.incident_facts import IncidentFacts, from_json
from app.domain.incident_input import bad_value
from app.domain.incident_text import changed_fields, local_time
from app.domain.incidents import element_name
from app.domain.messages import Problem, text
from app.models import Deadline, Incident, Instruction, Report, Sending
from app.services.context import Context
from app.services.deadlines import followups
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import entries as dutylog
from app.services.incidents import documents, plan_link, rows
from app.services.incidents.info import InstructionInfo, ReportInfo, report_info
from app.services.incidents.intake import apply_in, check, load, new_report
from app.services.office import audit, counters
from app.services.office.zone import office_zone


def baseline(ctx: Context, number_or_id: str | int) -> IncidentFacts:
    """The facts of the last report sent (the last report, when none went yet): what a
    follow-up's changes are counted from."""
    with ctx.db.read() as s:
        return _baseline_in(s, load(s, number_or_id))


def _baseline_in(s: Session, row: Incident) -> IncidentFacts:
    sent = select(Sending.report_id)
    content = s.scalar(select(Report.content).where(Report.incident_id == row.id, Report.id.in_(sent))
                       .order_by(Report.id.desc()).limit(1))
    if content is None:
        content = s.scalar(select(Report.content).where(Report.incident_id == row.id)
                           .order_by(Report.id.desc()).limit(1))
    return from_json(content) if content is not None else rows.facts_of(row)


def _open_row(s: Session, number_or_id: str | int, *, lock: bool = False) -> Incident:
    row = load(s, number_or_id, lock=lock)
    if row.status != "open":
        raise InputError(Problem("incident.closed", None, {"number": row.number}))
    return row


def _as_of(ctx: Context, facts: IncidentFacts, as_of: dt.datetime | None) -> dt.datetime:
    when = as_of or ctx.clock.now()
    if when > ctx.clock.now() + SKEW_AS_OF:
        raise InputError(Problem("incident.future", None, {"name": "截至时间", "field": "as_of"}))
    if when < facts.received_at - SKEW_AS_OF:
        raise InputError(bad_value("as_of", when.astimezone(dt.UTC).isoformat()))
    return when


def follow_up(ctx: Context, number_or_id: str | int, facts: IncidentFacts, *,
              as_of: dt.datetime | None = None) -> ReportInfo:
    """The next numbered follow-up (续报N): the incident's facts become ``facts`` and the
    follow-up holds exactly what changed since the last report sent, as of ``as_of`` (now).
    Refused when nothing changed."""
    ctx.require(UserRole.OFFICER)
    with ctx.db.read() as s:
        row = _open_row(s, number_or_id)
        held_plan = row.activated_plan_id
    facts, unlinked = plan_link.resolve(ctx, facts, held_plan)
    with ctx.db.read() as s:
        row = _open_row(s, number_or_id)
        changes = changed_fields(_baseline_in(s, row), facts)
        flash = bool(row.missing_elements)
    if not changes and not unlinked:
        raise InputError(Problem("report.no_change"))
    check(ctx, facts, ReportKind.FOLLOW_UP, flash=flash, unreadable=unlinked)
    when = _as_of(ctx, facts, as_of)
    with ctx.db.write() as s:
        row = _open_row(s, number_or_id, lock=True)
        # what changed, again under the lock: another workstation's follow-up may have landed
        changes = changed_fields(_baseline_in(s, row), facts)
        if not changes and not unlinked:
            raise InputError(Problem("report.no_change"))
        apply_in(s, ctx, row, facts)
        report = new_report(s, ctx, row, ReportKind.FOLLOW_UP, changes=changes, as_of=when)
        info = report_info(report)
        _log(s, ctx, row, f"拟写{info.heading}（截至{local_time(when, office_zone(ctx))}）：" +
             "、".join(_names(changes)) + "有变化。")
    deadlines.notify_changed()
    return info


def final(ctx: Context, number_or_id: str | int, facts: IncidentFacts) -> ReportInfo:
    """The final report (终报): the incident's facts become ``facts`` (its outcome at least),
    the incident closes, and every deadline it still owes is cancelled, saying why."""
    ctx.require(UserRole.OFFICER)
    with ctx.db.read() as s:
        row = load(s, number_or_id)
        if row.status != "open":
            raise InputError(Problem("report.final_exists", None, {"number": row.number}))
        held_plan = row.activated_plan_id
    facts, unlinked = plan_link.resolve(ctx, facts, held_plan)
    check(ctx, facts, ReportKind.FINAL, unreadable=unlinked)
    with ctx.db.write() as s:
        row = _open_row(s, number_or_id, lock=True)
        apply_in(s, ctx, row, facts)
        report = new_report(s, ctx, row, ReportKind.FINAL)
        row.status = "closed"
        s.flush()
        audit.record(s, ctx, "close", "incident", row.number, after={"final_report": report.id})
        when = local_time(ctx.clock.now(), office_zone(ctx))
        cancelled = followups.stop_in(s, ctx, row.id, f"事件已于{when}终报办结，不再需要")
        _log(s, ctx, row, f"拟写终报，事件办结：{facts.outcome.rstrip('。')}。"
             + (f"取消尚未办结的报送时限 {cancelled} 项。" if cancelled else ""))
        info = report_info(report)
    deadlines.notify_changed()
    return info


def verified(ctx: Context, number_or_id: str | int) -> ReportInfo:
    """The verified report (核报, natural disasters), from the facts as they stand."""
    ctx.require(UserRole.OFFICER)
    with ctx.db.read() as s:
        facts = rows.facts_of(load(s, number_or_id))
    check(ctx, facts, ReportKind.VERIFIED)
    with ctx.db.write() as s:
        row = load(s, number_or_id)
        report = new_report(s, ctx, row, ReportKind.VERIFIED)
        info = report_info(report)
        _log(s, ctx, row, "拟写核报。")
    return info


def delete_report(ctx: Context, report_id: int) -> None:
    """Delete a report that never went up (a follow-up written too soon, say). A sent report,
    the first report and a follow-up with later ones stay. Deleting the final report reopens
    the incident and restarts its follow-up clock."""
    ctx.require(UserRole.OFFICER)
    zone = office_zone(ctx)
    with ctx.db.write() as s:
        report = s.get(Report, report_id)
        if report is None:
            raise NotFound(text("not_found.report", id=report_id))
        info = report_info(report)
        row = load(s, report.incident_id, lock=True)  # no report written while one goes
        _deletable(s, report, info.heading, zone)
        audit.record(s, ctx, "delete", "report", report.id, before={
            "incident": row.number, "kind": report.kind, "seq": report.seq, "content": report.content})
        s.delete(report)
        s.flush()
        if info.kind is ReportKind.FOLLOW_UP:
            counters.give_back_follow_up(s, row.id, info.seq)
        if info.kind is ReportKind.FINAL and row.status == "closed":
            row.status = "open"
            s.flush()
            audit.record(s, ctx, "reopen", "incident", row.number)
            followups.plan_next_in(s, ctx, row.id, ctx.clock.now())
        _log(s, ctx, row, f"删除未报送的{info.heading}。")
    deadlines.notify_changed()


def _deletable(s: Session, report: Report, heading: str, zone: dt.tzinfo) -> None:
    first_sent = s.scalar(select(func.min(Sending.at)).where(Sending.report_id == report.id))
    if first_sent is not None:
        raise InputError(Problem("report.sent_no_delete", None, {
            "heading": heading, "when": f"{first_sent.astimezone(zone):%Y-%m-%d %H:%M}"}))
    first = s.scalar(select(func.min(Report.id)).where(Report.incident_id == report.incident_id))
    if report.id == first:
        raise InputError(Problem("report.first_no_delete", None, {"heading": heading}))
    later = s.scalar(select(func.count()).select_from(Report).where(
        Report.incident_id == report.incident_id, Report.kind == report.kind, Report.seq > report.seq))
    if later:
        raise InputError(Problem("report.not_last", None, {"heading": heading}))


def _names(changes: list[str]) -> list[str]:
    return [element_name(c) for c in changes]


def _log(s: Session, ctx: Context, row: Incident, words: str) -> None:
    dutylog.note_in(s, ctx, LogKind.REPORT, f"{row.title}（编号{row.number}）：{words}",
                    at=ctx.clock.now(), incident_id=row.id)


def report_text(ctx: Context, number: str, kind: str | None = None, seq: int | None = None) -> str:
    """The plain text of a report (the latest of its kind unless ``seq`` is given)."""
    return documents.document(ctx, number, ReportKind(kind) if kind else None, seq).plain_text()


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
        row = load(s, number_or_id)
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
            raise NotFound(text("not_found.instruction", id=instruction_id))
        ins.done, ins.done_at = done.strip(), ctx.clock.now()
        if ins.deadline_id:
            d = s.get(Deadline, ins.deadline_id)
            if d is not None and d.outcome == DeadlineOutcome.OPEN.value:
                deadlines.meet_in(s, ctx, d.id, how="批示落实情况已反馈")
        audit.record(s, ctx, "update", "instruction", ins.id, after={"done": ins.done})
    deadlines.notify_changed()
