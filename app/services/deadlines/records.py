"""Creating a deadline row inside the caller's transaction, and what a deadline asks for in
words: shared by the lifecycle, the follow-up clock and the recurring duties."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.domain.enums import Channel, DeadlineOutcome, ReportKind
from app.models import Deadline
from app.services.context import Context
from app.services.office import audit

# What the audit trail keeps of a deadline before and after each change.
FIELDS = ("what", "report_kind", "channel", "incident_number", "due_at", "outcome", "met_at",
          "met_how", "closed_reason", "acknowledged_at", "acknowledged_stage")


def label(report_kind: ReportKind, channel: Channel) -> str:
    """What a deadline asks for, in the documents' Chinese: 首报（电话）."""
    return f"{report_kind.zh}（{channel.zh}）"


def add_in(
    session: Session, ctx: Context, *, what: str, report_kind: ReportKind | str,
    channel: Channel | str, due_at: dt.datetime, incident_id: int | None = None,
    incident_number: str | None = None, rule_profile: str = "", recurring_key: str | None = None,
    slot: dt.datetime | None = None,
) -> Deadline:
    """Create a deadline inside the caller's transaction (intake, recurring duties). ``slot``
    marks a follow-up clock's set time: one deadline per incident, kind and slot."""
    row = Deadline(
        what=what.strip(), report_kind=ReportKind(report_kind).value, channel=Channel(channel).value,
        incident_id=incident_id, incident_number=incident_number, rule_profile=rule_profile,
        recurring_key=recurring_key, due_at=due_at, created_at=ctx.clock.now(),
        outcome=DeadlineOutcome.OPEN.value, met_how="", met_by="", closed_reason="",
        acknowledged_by="", acknowledged_stage="", acknowledge_reason="", slot=slot,
    )
    session.add(row)
    session.flush()
    audit.record(session, ctx, "create", "deadline", row.id, after=audit.snapshot(row, FIELDS))
    return row


def cancel_in(session: Session, ctx: Context, row: Deadline, reason: str) -> None:
    """Cancel an open deadline (the rules no longer ask for it), saying why."""
    before = audit.snapshot(row, FIELDS)
    row.outcome = DeadlineOutcome.CANCELLED.value
    row.closed_reason = reason
    session.flush()
    audit.record(session, ctx, "cancelled", "deadline", row.id, before=before,
                 after=audit.snapshot(row, FIELDS))
