"""The report chain of one demo case, as a duty room would have worked it: the initial report
by phone and then in writing, numbered follow-ups each giving what changed, the final report;
every sending recorded, and the deadlines of the default profile with their outcomes (so the
deadline history points at incidents that exist)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import zoneinfo
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain.enums import Channel, DeadlineOutcome, Means, ReportKind
from app.domain.incident_facts import IncidentFacts
from app.domain.incident_text import Letterhead, changed_fields, compose_text
from app.models import Deadline, Incident, Report, Sending
from app.services.deadlines.records import label
from app.services.incidents.rows import facts_of, picture, rule_facts, write

OFFICE = "江州市应急管理局"
TO = "江州市人民政府总值班室"
DUTY_PHONE = "0576-88001234"
SIGNERS = ("王副局长", "陈副局长", "刘副局长")
_MEANS = (Means.FAX, Means.SYSTEM, Means.SYSTEM, Means.EMAIL)


@dataclass
class ChainWriter:
    """Writes a case's reports, sendings and deadlines in the demo's transaction."""

    session: Session
    rng: random.Random
    zone: zoneinfo.ZoneInfo
    profile: dr.RuleProfile
    operator: tuple[str, str]  # (label, name) of the officer who wrote it

    def _report(self, row: Incident, facts: IncidentFacts, kind: ReportKind, seq: int,
                at: dt.datetime, *, changes: list[str] | None = None) -> Report:
        report = Report(incident_id=row.id, kind=kind.value, seq=seq, created_at=at,
                        content=picture(facts, []), text="", recorded_by=self.operator[1],
                        as_of=at if kind is ReportKind.FOLLOW_UP else None, changes=changes,
                        contact_person=self.operator[1], contact_phone=DUTY_PHONE)
        self.session.add(report)
        self.session.flush()
        return report

    def _send(self, report: Report, channel: Channel, at: dt.datetime, signer: str) -> Sending:
        written = channel is Channel.WRITTEN
        x = Sending(report_id=report.id, channel=channel.value,
                    means=self.rng.choice(_MEANS).value if written else None, to=TO, at=at,
                    recorded_at=at + dt.timedelta(seconds=self.rng.randint(20, 240)),
                    operator=self.operator[0], operator_name=self.operator[1],
                    issued_by=signer if written else "")
        self.session.add(x)
        return x

    def _text(self, row: Incident, report: Report, facts: IncidentFacts,
              written: Sending | None) -> None:
        head = Letterhead(office=OFFICE, number=row.number, zone=self.zone, to=TO,
                          issued_by=written.issued_by if written else "",
                          sent_at=written.at if written else None,
                          contact_person=report.contact_person, contact_phone=report.contact_phone,
                          recorded_by=row.recorded_by, as_of=report.as_of)
        report.text = compose_text(facts, kind=ReportKind(report.kind), seq=report.seq, head=head,
                                   changes=report.changes)

    def _deadline(self, row: Incident, kind: ReportKind, channel: Channel, due: dt.datetime, *,
                  met: dt.datetime | None, how: str = "", slot: dt.datetime | None = None,
                  reason: str = "") -> Deadline:
        outcome = (DeadlineOutcome.CANCELLED if met is None else
                   DeadlineOutcome.ON_TIME if met <= due else DeadlineOutcome.LATE)
        d = Deadline(what=f"{row.title} · {label(kind, channel)}", report_kind=kind.value,
                     channel=channel.value, incident_id=row.id, incident_number=row.number,
                     rule_profile=self.profile.key, due_at=due, created_at=row.received_at,
                     outcome=outcome.value, met_at=met, met_how=how, met_by=self.operator[0] if met else "",
                     closed_reason=reason, acknowledged_by="", acknowledged_stage="",
                     acknowledge_reason="", slot=slot)
        self.session.add(d)
        return d

    def initial(self, row: Incident, *, sent: bool) -> tuple[Report, dt.datetime]:
        """The first report, by phone and then in writing when ``sent``; returns it and when
        the written sending went (the time received when nothing went)."""
        facts = facts_of(row)
        report = self._report(row, facts, ReportKind.INITIAL, 0, row.received_at)
        written = None
        last = row.received_at
        if sent:
            signer = self.rng.choice(SIGNERS)
            phone_at = row.received_at + dt.timedelta(minutes=self.rng.randint(6, 34))
            self._send(report, Channel.PHONE, phone_at, signer)
            last = phone_at + dt.timedelta(minutes=self.rng.randint(12, 50))
            written = self._send(report, Channel.WRITTEN, last, signer)
        self._text(row, report, facts, written)
        return report, last

    def history(self, row: Incident, last: dt.datetime, closed_at: dt.datetime | None, *,
                now: dt.datetime | None = None) -> None:
        """The after-clock deadlines of a case whose first report went (met by its sendings at
        ``last``), its follow-ups on their clock until the final report at ``closed_at``; a case
        still open (``closed_at`` None) has its follow-ups until ``now`` and the next slot open."""
        facts = facts_of(row)
        plans = dr.plan_incident(self.profile, rule_facts(facts), self.zone)
        for plan in plans:
            if self.profile.rules[plan.rule_index].kind != "after":
                continue
            kind, channel = ReportKind(plan.report_kind), Channel(plan.channel)
            met = last if channel is Channel.WRITTEN else last - dt.timedelta(minutes=self.rng.randint(12, 50))
            self._deadline(row, kind, channel, plan.due_at, met=met, how=f"{channel.zh}报送{TO}")
        clock = [p for p in plans if self.profile.rules[p.rule_index].kind == "time_of_day"]
        if closed_at is None:
            if now is not None:
                write(row, self._follow_ups(row, facts, clock[0] if clock else None, now, closing=False))
            return
        facts = self._follow_ups(row, facts, clock[0] if clock else None, closed_at)
        write(row, self._final(row, facts, closed_at))

    def _follow_ups(self, row: Incident, facts: IncidentFacts, first: dr.PlannedDeadline | None,
                    closed_at: dt.datetime, *, closing: bool = True) -> IncidentFacts:
        if first is None:
            return facts
        rule = self.profile.rules[first.rule_index]
        slot, seq = first.due_at, 0
        while slot < closed_at:
            sent = slot - dt.timedelta(minutes=self.rng.randint(15, 150))
            if sent >= closed_at or sent <= row.received_at:
                break
            seq += 1
            later = dataclasses.replace(facts, trend=_TRENDS[seq % len(_TRENDS)],
                                        measures=f"{facts.measures.split('；')[0]}；{_STEPS[seq % len(_STEPS)]}",
                                        injuries=(facts.injuries or 0) + self.rng.choice((0, 0, 1)))
            report = self._report(row, later, ReportKind.FOLLOW_UP, seq, sent,
                                  changes=changed_fields(facts, later))
            written = self._send(report, Channel.WRITTEN, sent, self.rng.choice(SIGNERS))
            self._text(row, report, later, written)
            self._deadline(row, ReportKind.FOLLOW_UP, Channel.WRITTEN, slot, met=sent,
                           how=f"书面报送{TO}", slot=slot)
            facts = later
            slot = dr.next_time_of_day(max(slot, sent), rule.times, self.zone)
        pending = self._deadline(row, ReportKind.FOLLOW_UP, Channel.WRITTEN, slot, met=None, slot=slot,
                                 reason="事件已终报办结，不再需要" if closing else "")
        if not closing:  # the case runs on: its next slot is still owed
            pending.outcome = DeadlineOutcome.OPEN.value
        return facts

    def _final(self, row: Incident, facts: IncidentFacts, closed_at: dt.datetime) -> IncidentFacts:
        facts = dataclasses.replace(facts, outcome=row.outcome or "处置完毕，现场恢复正常")
        report = self._report(row, facts, ReportKind.FINAL, 0, closed_at)
        written = self._send(report, Channel.WRITTEN, closed_at + dt.timedelta(minutes=self.rng.randint(5, 40)),
                             self.rng.choice(SIGNERS))
        self._text(row, report, facts, written)
        return facts


_TRENDS = ("事态已得到控制", "险情基本排除，现场持续监测", "仍在处置中，存在扩大风险")
_STEPS = ("现场清理基本完成", "受影响群众已妥善安置", "相关部门正在开展调查", "继续做好监测预警")
