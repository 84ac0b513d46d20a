"""The years behind a large office (``--scale large`` only): two closed deadlines and two
reports for each of the newest plain incidents, a long duty log and a long audit trail, so the
benches see what an office holds after some years (issue 19). Inserted with Core executemany;
both hash chains are extended entry by entry, so ``check`` still verifies them."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.demo.scope import DemoScope
from app.models import AuditEvent, Deadline, DutyLogEntry, Incident, Report
from app.services.office import audit, duty_chain

INCIDENTS_WITH_HISTORY = 100_000  # x2 deadlines, x2 reports
LOG_ENTRIES = 100_000
AUDIT_EVENTS = 200_000
BATCH = 20_000

_OUTCOMES = ("on_time",) * 16 + ("late", "late", "missed")  # most reports go on time
_LOG_TEXTS = ("接上级电话通知，已转告带班领导", "各乡镇街道值班在岗情况正常", "收到气象预警信息，已转发",
              "查岗：下级单位值班电话接通", "接群众来电咨询，已解答", "交接班前整理值班记录")


def _table(model: Any) -> Table:
    table = model.__table__
    assert isinstance(table, Table)
    return table


def _batches(rows: Iterator[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def extend(scope: DemoScope) -> None:
    """Nothing at the small scale; the years' volumes at the large one."""
    if scope.scale != "large":
        return
    s, rng = scope.session, scope.rng
    incidents = s.execute(select(Incident.id, Incident.number, Incident.title, Incident.received_at)
                          .where(Incident.number.startswith("H"))
                          .order_by(Incident.received_at.desc()).limit(INCIDENTS_WITH_HISTORY)).all()
    for batch in _batches(_deadlines(rng, incidents)):
        s.execute(insert(_table(Deadline)), batch)
    for batch in _batches(_reports(incidents)):
        s.execute(insert(_table(Report)), batch)
    now = scope.ctx.clock.now()
    for batch in _batches(_log(s, rng, now)):
        s.execute(insert(_table(DutyLogEntry)), batch)
    for batch in _batches(_audit(s, rng, now)):
        s.execute(insert(_table(AuditEvent)), batch)
    s.flush()


def _deadlines(rng: random.Random, incidents: Sequence[Any]) -> Iterator[dict[str, Any]]:
    for inc_id, number, title, received in incidents:
        for kind, channel, hours in (("initial", "phone", 1), ("initial", "written", 2)):
            due = received + dt.timedelta(hours=hours)
            outcome = _OUTCOMES[rng.randrange(len(_OUTCOMES))]
            met = None if outcome == "missed" else due + dt.timedelta(
                minutes=rng.randint(-50, -5) if outcome == "on_time" else rng.randint(5, 90))
            yield {"what": f"{title} · {'首报（电话）' if channel == 'phone' else '首报（书面）'}", "report_kind": kind, "channel": channel,
                   "incident_id": inc_id, "incident_number": number, "rule_profile": "default",
                   "recurring_key": None, "due_at": due, "created_at": received, "outcome": outcome,
                   "met_at": met, "met_how": "" if met is None else "已报送", "met_by": "demo",
                   "closed_reason": "值班员未及时报送" if outcome == "missed" else "",
                   "acknowledged_at": None, "acknowledged_by": "", "acknowledged_stage": "",
                   "acknowledge_reason": "", "slot": None, "version": 1}


def _reports(incidents: Sequence[Any]) -> Iterator[dict[str, Any]]:
    for inc_id, _number, title, received in incidents:
        for kind, seq, hours in (("initial", 0, 1), ("final", 0, 30)):
            text = f"{title}。{'首报' if kind == 'initial' else '终报'}：已按程序处置。"
            yield {"incident_id": inc_id, "kind": kind, "seq": seq,
                   "created_at": received + dt.timedelta(hours=hours), "content": {"title": title},
                   "text": text, "recorded_by": "demo", "as_of": received + dt.timedelta(hours=hours),
                   "changes": None, "contact_person": "", "contact_phone": "", "version": 1}


def _log(s: Session, rng: random.Random, now: dt.datetime) -> Iterator[dict[str, Any]]:
    """Ten years of entries before the demo's own, chained after the chain's head."""
    head = audit.lock_head(s, duty_chain.CHAIN)
    start = now - dt.timedelta(days=3650)
    step = dt.timedelta(days=3650) / (LOG_ENTRIES + 1)
    for n in range(LOG_ENTRIES):
        at = (start + step * n).astimezone(dt.UTC)
        fields: dict[str, Any] = {
            "seq": head.seq + 1, "shift_date": (at + dt.timedelta(hours=8)).date(), "at": at,
            "recorded_at": at, "operator": "demo", "operator_name": "值班员",
            "kind": "note", "text": _LOG_TEXTS[rng.randrange(len(_LOG_TEXTS))],
            **{name: "" for name in duty_chain.CALL_FIELDS}, "notified_at": None,
            "incident_id": None, "corrects_id": None, "prev_hash": head.hash,
        }
        digest = duty_chain.entry_hash(fields)
        head.seq, head.hash = fields["seq"], digest
        yield {**fields, "hash": digest}


def _audit(s: Session, rng: random.Random, now: dt.datetime) -> Iterator[dict[str, Any]]:
    """Years of edits by the demo operators, chained after the trail's head."""
    head = audit.lock_head(s, audit.CHAIN)
    start = now - dt.timedelta(days=3650)
    step = dt.timedelta(days=3650) / (AUDIT_EVENTS + 1)
    for n in range(AUDIT_EVENTS):
        fields: dict[str, Any] = {
            "seq": head.seq + 1, "at": (start + step * n).astimezone(dt.UTC), "actor": "demo",
            "actor_kind": "user", "action": "update", "entity": "incident",
            "entity_id": str(rng.randint(1, 1_000_000)), "before": {"trend": ""},
            "after": {"trend": "事态已得到控制"}, "prev_hash": head.hash,
        }
        digest = audit.entry_hash(**fields)
        head.seq, head.hash = fields["seq"], digest
        yield {**fields, "hash": digest}
