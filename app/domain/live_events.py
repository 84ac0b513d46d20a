"""Change events between workstations (DESIGN.md "Several workstations").

Every change enters the audit trail in its own transaction; each audit entry becomes one
event, sent with the change (PostgreSQL ``NOTIFY`` on the channel ``dutydesk``) and printed by
``dutydesk watch``. An event names what happened (``incident_recorded``, ``deadline_acknowledged``
…), when (the trusted time of the change), on which workstation, by whom, and the entity's key;
``topics`` say which screens it touches.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

CHANNEL = "dutydesk"

# Topics: what a screen refreshes when an event touches it.
INCIDENTS, DEADLINES, DUTY_LOG, ROSTER, CONTACTS, SETTINGS, WORKSTATIONS, CLOCK = (
    "incidents", "deadlines", "duty_log", "roster", "contacts", "settings", "workstations", "clock")

_DEADLINE_ACTIONS = {"create": "deadline_created", "move": "deadline_moved", "meet": "deadline_met",
                     "acknowledge": "deadline_acknowledged"}
_ROSTER = {"roster", "roster_assignment", "roster_filing", "roster_rules", "shift", "pool",
           "calendar_day", "calendar_year", "sensitive_period", "swap_request", "days"}
_CONTACTS = {"person", "organization", "contact_point", "absence", "expert", "rescue_team"}
_DUTY_LOG = {"check_in", "carried_item", "presence_check", "daily_report"}
_SETTINGS = {"office", "user", "setting", "rule_profile"}


def name_of(entity: str, action: str) -> str:
    """The event an audit entry (``action`` on ``entity``) stands for."""
    named = _named(entity, action)
    if named:
        return named
    if entity in _ROSTER:
        return "roster_changed"
    if entity in _CONTACTS:
        return "contacts_changed"
    if entity in _DUTY_LOG:
        return "duty_log_changed"
    if entity in _SETTINGS:
        return "settings_changed"
    return f"{entity}_{action}"


def _named(entity: str, action: str) -> str | None:
    if entity == "incident":
        return "incident_recorded" if action == "create" else "incident_changed"
    if entity in ("report", "sending"):
        return "report_sent" if action == "send" or entity == "sending" else "report_written"
    if entity == "instruction":
        return "incident_changed"
    if entity == "deadline":
        return _DEADLINE_ACTIONS.get(action, "deadline_closed")
    if entity == "duty_log":
        return "log_entry"
    if entity == "handover":
        return "handover"
    if entity == "user" and action in ("sign_in", "sign_out"):
        return "signed_in" if action == "sign_in" else "signed_out"
    if entity == "clock":
        return "clock_jump"
    if entity == "workstation":
        return "workstation_" + action
    return None


_TOPICS: dict[str, frozenset[str]] = {
    "incident_recorded": frozenset({INCIDENTS, DEADLINES, DUTY_LOG}),
    "incident_changed": frozenset({INCIDENTS, DEADLINES, DUTY_LOG}),
    "report_written": frozenset({INCIDENTS}),
    "report_sent": frozenset({INCIDENTS, DEADLINES}),
    "deadline_created": frozenset({DEADLINES}),
    "deadline_moved": frozenset({DEADLINES}),
    "deadline_met": frozenset({DEADLINES, INCIDENTS}),
    "deadline_acknowledged": frozenset({DEADLINES}),
    "deadline_closed": frozenset({DEADLINES, INCIDENTS}),
    "log_entry": frozenset({DUTY_LOG}),
    "handover": frozenset({DUTY_LOG, WORKSTATIONS}),
    "duty_log_changed": frozenset({DUTY_LOG}),
    "roster_changed": frozenset({ROSTER}),
    "contacts_changed": frozenset({CONTACTS, ROSTER}),
    "settings_changed": frozenset({SETTINGS}),
    "signed_in": frozenset({WORKSTATIONS}),
    "signed_out": frozenset({WORKSTATIONS}),
    "clock_jump": frozenset({CLOCK}),
}


def _key(entity: str, entity_id: str | None, after: Any) -> dict[str, Any]:
    """The entity's key as ``watch --json`` prints it."""
    details = after if isinstance(after, dict) else {}
    if entity == "incident":
        return {"number": entity_id}
    key: dict[str, Any] = {"entity": entity}
    if entity_id is not None:
        key["id"] = int(entity_id) if entity_id.isdigit() else entity_id
    incident = details.get("incident") or details.get("incident_number")
    if incident:
        key["incident_number"] = str(incident)
    return key


@dataclass(frozen=True)
class ChangeEvent:
    """One change, as every workstation hears of it."""

    event: str
    at: dt.datetime
    workstation: str
    operator: str
    key: dict[str, Any] = field(default_factory=dict)
    seq: int = 0  # the audit entry's number: events are heard in this order, none twice

    @property
    def topics(self) -> frozenset[str]:
        if self.event.startswith("workstation_"):
            return frozenset({WORKSTATIONS})
        return _TOPICS.get(self.event, frozenset())

    @property
    def deadline_id(self) -> int | None:
        if self.event.startswith("deadline_") and isinstance(self.key.get("id"), int):
            return int(self.key["id"])
        return None

    def to_json(self) -> dict[str, Any]:
        """The object ``watch --json`` prints and ``NOTIFY`` carries."""
        return {"event": self.event, "at": self.at.astimezone(dt.UTC).isoformat(),
                "workstation": self.workstation, "operator": self.operator, **self.key,
                "seq": self.seq}

    def payload(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":"))


_FIXED = ("event", "at", "workstation", "operator", "seq")


def from_payload(payload: str) -> ChangeEvent:
    """Read an event back from a NOTIFY payload; ValueError when it is not one."""
    data = json.loads(payload)
    if not isinstance(data, dict) or "event" not in data:
        raise ValueError("not a change event")
    at = dt.datetime.fromisoformat(str(data["at"]))
    return ChangeEvent(str(data["event"]), at, str(data.get("workstation", "")),
                       str(data.get("operator", "")),
                       {k: v for k, v in data.items() if k not in _FIXED}, int(data.get("seq", 0)))


def from_audit(*, seq: int, at: dt.datetime, actor: str, action: str, entity: str,
               entity_id: str | None, after: Any, workstation: str = "") -> ChangeEvent:
    """The event an audit entry stands for."""
    return ChangeEvent(name_of(entity, action), at, workstation, actor,
                       _key(entity, entity_id, after), seq)
