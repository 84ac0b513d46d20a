"""An incident as the services hand it out: its facts, its report chain with every sending,
its instructions (plain frozen data, never rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import incidents as rules
from app.domain.enums import Channel, Means, ReportKind
from app.domain.incident_facts import IncidentFacts
from app.models import Incident, Instruction, Report, Sending
from app.services.incidents import rows


@dataclass(frozen=True)
class SendingInfo:
    """One sending of a report: channel, means (written), to whom, when, by whom, 签发人."""

    id: int
    channel: Channel
    means: Means | None
    to: str
    at: dt.datetime
    recorded_at: dt.datetime
    operator: str
    operator_name: str
    issued_by: str

    @property
    def how(self) -> str:
        """电话, or 书面（传真）: the channel and means in words."""
        return self.channel.zh if self.means is None else f"{self.channel.zh}（{self.means.zh}）"


@dataclass(frozen=True)
class ReportInfo:
    id: int
    kind: ReportKind
    seq: int
    heading: str
    created_at: dt.datetime
    text: str
    as_of: dt.datetime | None
    changes: tuple[str, ...] | None
    recorded_by: str
    sendings: tuple[SendingInfo, ...] = ()

    @property
    def sent(self) -> bool:
        return bool(self.sendings)

    @property
    def sent_at(self) -> dt.datetime | None:
        """When it first went up, by any channel."""
        return min((x.at for x in self.sendings), default=None)

    def sent_by(self, channel: Channel) -> SendingInfo | None:
        """Its latest sending by ``channel``."""
        return next((x for x in reversed(self.sendings) if x.channel is channel), None)


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
    recorded_by: str = ""
    reports: list[ReportInfo] = field(default_factory=list)
    instructions: list[InstructionInfo] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.facts.title

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def sending_info(x: Sending) -> SendingInfo:
    return SendingInfo(x.id, Channel(x.channel), Means(x.means) if x.means else None, x.to, x.at,
                       x.recorded_at, x.operator, x.operator_name, x.issued_by)


def report_info(r: Report, sendings: list[Sending] | tuple[()] = ()) -> ReportInfo:
    return ReportInfo(r.id, ReportKind(r.kind), r.seq, rules.report_heading(r.kind, r.seq),
                      r.created_at, r.text, r.as_of,
                      tuple(r.changes) if r.changes is not None else None, r.recorded_by,
                      tuple(sending_info(x) for x in sendings))


def sendings_of(s: Session, report_ids: list[int]) -> dict[int, list[Sending]]:
    out: dict[int, list[Sending]] = {i: [] for i in report_ids}
    if report_ids:
        for x in s.scalars(select(Sending).where(Sending.report_id.in_(report_ids))
                           .order_by(Sending.at, Sending.id)):
            out[x.report_id].append(x)
    return out


def incident_info(s: Session, row: Incident, *, full: bool = True) -> IncidentInfo:
    reports: list[ReportInfo] = []
    instructions: list[InstructionInfo] = []
    if full:
        chain = list(s.scalars(select(Report).where(Report.incident_id == row.id).order_by(Report.id)))
        sent = sendings_of(s, [r.id for r in chain])
        reports = [report_info(r, sent[r.id]) for r in chain]
        instructions = [InstructionInfo(i.id, i.text, i.from_whom, i.given_at, i.deadline_id, i.done, i.done_at)
                        for i in s.scalars(select(Instruction).where(Instruction.incident_id == row.id)
                                           .order_by(Instruction.id))]
    return IncidentInfo(row.id, row.number, row.status, rows.facts_of(row),
                        list(row.missing_elements or []), row.version, row.recorded_by, reports,
                        instructions)
