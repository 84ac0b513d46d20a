"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from app.models.audit import AuditEvent, ChainAnchor, ChainHead
from app.models.base import Base, TZDateTime
from app.models.contacts import ContactPoint, Expert, NumberChange, RescueTeam
from app.models.deadlines import Deadline, RuleProfileRow, Setting
from app.models.duty_log import CarriedItem, CheckIn, DutyLogEntry, Handover, PresenceCheck
from app.models.incidents import Incident, Instruction, IntakeDraft, Report, Sending
from app.models.office import Absence, Office, Organization, Person
from app.models.plans import (
    CorrectiveAction,
    Drill,
    DrillUnit,
    Plan,
    PlanReview,
    Training,
    TrainingParticipant,
)
from app.models.roster import (
    CalendarDay,
    CalendarYear,
    PoolMember,
    RosterAssignment,
    RosterFiling,
    RosterSettings,
    SensitivePeriod,
    ShiftRole,
    ShiftTemplate,
    SwapRequest,
)
from app.models.shared import Counter, Workstation
from app.models.user import User

__all__ = [
    "Absence",
    "AuditEvent",
    "Base",
    "CalendarDay",
    "CalendarYear",
    "CarriedItem",
    "ChainAnchor",
    "ChainHead",
    "CheckIn",
    "ContactPoint",
    "CorrectiveAction",
    "Counter",
    "Deadline",
    "Drill",
    "DrillUnit",
    "DutyLogEntry",
    "Expert",
    "Handover",
    "Incident",
    "Instruction",
    "IntakeDraft",
    "NumberChange",
    "Office",
    "Organization",
    "Person",
    "Plan",
    "PlanReview",
    "PoolMember",
    "PresenceCheck",
    "Report",
    "RescueTeam",
    "RosterAssignment",
    "RosterFiling",
    "RosterSettings",
    "RuleProfileRow",
    "Sending",
    "SensitivePeriod",
    "Setting",
    "ShiftRole",
    "ShiftTemplate",
    "SwapRequest",
    "TZDateTime",
    "Training",
    "TrainingParticipant",
    "User",
    "Workstation",
]
