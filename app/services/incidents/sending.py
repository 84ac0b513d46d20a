"""Sending a report up the chain (报送): by phone first, then in writing; each sending is a
record of its own and meets the open deadlines of its channel for that report.

Deadlines are judged on the trusted time the sending was recorded (ctx.clock for now; a shared
server's clock later), never on a time the operator types: a sending recorded after its
deadline is late whatever it claims.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain.duty import LogKind
from app.domain.enums import Channel, DeadlineOutcome, UserRole
from app.domain.errors import InputError, NotFound
from app.domain.messages import text
from app.domain.sendings import SendingInput, check_sending
from app.models import Deadline, Incident, Report, Sending
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.dutylog import entries as dutylog
from app.services.incidents import documents
from app.services.incidents.info import (
    ReportInfo,
    SendingInfo,
    report_info,
    sending_info,
    sendings_of,
)
from app.services.incidents.intake import name_of
from app.services.office import audit
from app.services.office.zone import office_zone


@dataclass(frozen=True)
class Met:
    """A deadline a sending met, and how."""

    deadline_id: int
    what: str
    outcome: DeadlineOutcome


@dataclass(frozen=True)
class SendingResult:
    report: ReportInfo
    sending: SendingInfo
    met: tuple[Met, ...]

    def summary(self) -> str:
        """已记录：首报书面（传真）报送至……，满足时限 1 项（按时）."""
        outcomes = "、".join(m.outcome.zh for m in self.met)
        met = (text("sending.met", count=len(self.met)) + f"（{outcomes}）") if self.met else text("sending.none_met")
        means = f"（{self.sending.means.zh}）" if self.sending.means else ""
        return text("sending.recorded", heading=self.report.heading, channel=self.sending.channel.zh,
                    means=means, to=self.sending.to, outcome=met)


def _owed(s: Session, row: Incident, report: Report) -> list[Deadline]:
    """The open deadlines a sending of ``report`` could meet, soonest first."""
    return list(s.scalars(select(Deadline).where(
        Deadline.incident_id == row.id, Deadline.outcome == DeadlineOutcome.OPEN.value,
        Deadline.report_kind == report.kind, Deadline.rule_profile != "flash")
        .order_by(Deadline.due_at, Deadline.id)))


def _load(s: Session, report_id: int) -> tuple[Report, Incident]:
    report = s.get(Report, report_id)
    if report is None:
        raise NotFound(text("not_found.report", id=report_id))
    row = s.get(Incident, report.incident_id)
    assert row is not None  # a foreign key
    return report, row


def owed_channels(ctx: Context, report_id: int) -> list[Channel]:
    """The channels whose deadlines a sending of this report would meet, the soonest due first:
    what the send dialog offers first."""
    with ctx.db.read() as s:
        report, row = _load(s, report_id)
        seen: list[Channel] = []
        for d in _owed(s, row, report):
            if Channel(d.channel) not in seen:
                seen.append(Channel(d.channel))
        return seen


def send(ctx: Context, report_id: int, given: SendingInput) -> SendingResult:
    """Record one sending of a report and meet that report's open deadlines of its channel,
    on time or late by the trusted time of the record. A report may go any number of times."""
    actor = ctx.require(UserRole.OFFICER)
    trusted = ctx.clock.now()
    zone = office_zone(ctx)
    with ctx.db.read() as s:
        _report, row = _load(s, report_id)
        problems = check_sending(given, received_at=row.received_at, now=trusted, zone=zone)
    if problems:
        raise InputError(problems)
    with ctx.db.write() as s:
        report, row = _load(s, report_id)
        x = Sending(report_id=report.id, channel=given.channel.value,
                    means=given.means.value if given.means else None, to=given.to.strip(),
                    at=given.at or trusted, recorded_at=trusted, operator=actor.label,
                    operator_name=name_of(actor)[:50], issued_by=given.issued_by.strip())
        s.add(x)
        s.flush()
        info = sending_info(x)
        audit.record(s, ctx, "send", "report", report.id, after={
            "incident": row.number, "kind": report.kind, "seq": report.seq, "channel": x.channel,
            "means": x.means, "to": x.to, "at": x.at.isoformat(), "issued_by": x.issued_by})
        met = _meet(s, ctx, row, report, info, trusted)
        if given.channel is Channel.WRITTEN:
            documents.refresh_text_in(s, ctx, row, report)
        result = SendingResult(report_info(report, sendings_of(s, [report.id])[report.id]), info, met)
        _log_sending(s, ctx, row, result)
    deadlines.notify_changed()
    return result


def _meet(s: Session, ctx: Context, row: Incident, report: Report, x: SendingInfo,
          trusted: dt.datetime) -> tuple[Met, ...]:
    how = f"{x.how}报送{x.to}"
    if abs((x.at - trusted).total_seconds()) > 60:
        how += f"（报送时间 {x.at.astimezone(office_zone(ctx)):%H:%M}）"
    met = []
    for d in _owed(s, row, report):
        if d.channel == x.channel.value:
            done = deadlines.meet_in(s, ctx, d.id, how=how[:100], at=trusted)
            met.append(Met(done.id, done.what, DeadlineOutcome(done.outcome)))
    return tuple(met)


def _log_sending(s: Session, ctx: Context, row: Incident, result: SendingResult) -> None:
    x = result.sending
    words = f"{result.report.heading}已{x.how}报送{x.to}（编号{row.number}，{row.title}）"
    if x.issued_by:
        words += f"，签发人：{x.issued_by}"
    if result.met:
        words += "；" + "、".join(f"{m.what}{m.outcome.zh}" for m in result.met)
    dutylog.note_in(s, ctx, LogKind.REPORT, words + "。", at=x.at, incident_id=row.id)

