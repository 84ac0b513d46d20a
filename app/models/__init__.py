"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from app.models.audit import AuditEvent, ChainHead
from app.models.base import Base, TZDateTime
from app.models.contacts import ContactPoint, Expert, NumberChange, RescueTeam
from app.models.deadlines import Deadline, RuleProfileRow, Setting
from app.models.duty_log import CarriedItem, CheckIn, DutyLogEntry, Handover, PresenceCheck
from app.models.incidents import Incident, Instruction, IntakeDraft, Report
from app.models.office import Absence, Office, Organization, Person
from app.models.roster import (
    CalendarDay,
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
    "Absence", "AuditEvent", "Base", "CalendarDay", "CarriedItem", "ChainHead", "CheckIn",
    "ContactPoint", "Counter", "Deadline", "DutyLogEntry", "Expert", "Handover", "Incident", "Instruction",
    "IntakeDraft", "NumberChange", "Office", "Organization", "Person", "PoolMember", "PresenceCheck",
    "Report", "RescueTeam", "RosterAssignment", "RosterFiling", "RosterSettings", "RuleProfileRow",
    "SensitivePeriod", "Setting", "ShiftRole", "ShiftTemplate", "SwapRequest", "TZDateTime", "User",
    "Workstation",
]
