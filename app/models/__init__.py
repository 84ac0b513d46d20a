"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from app.models.audit import AuditEvent, ChainHead
from app.models.base import Base, TZDateTime
from app.models.deadlines import Deadline, RuleProfileRow, Setting
from app.models.duty_log import CarriedItem, CheckIn, DutyLogEntry, Handover, PresenceCheck
from app.models.incidents import Incident, Instruction, IntakeDraft, Report
from app.models.office import Absence, Office, Organization, Person
from app.models.user import User

__all__ = ["Absence", "AuditEvent", "Base", "CarriedItem", "ChainHead", "CheckIn", "Deadline", "DutyLogEntry", "Handover", "Incident", "Instruction", "IntakeDraft", "Office", "Organization", "Person", "PresenceCheck", "Report", "RuleProfileRow", "Setting", "TZDateTime", "User"]
