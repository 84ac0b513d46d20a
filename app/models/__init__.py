"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from app.models.audit import AuditEvent, ChainHead
from app.models.base import Base, TZDateTime
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
from app.models.user import User

__all__ = [
    "Absence", "AuditEvent", "Base", "CalendarDay", "ChainHead", "Office", "Organization", "Person",
    "PoolMember", "RosterAssignment", "RosterFiling", "RosterSettings", "SensitivePeriod",
    "ShiftRole", "ShiftTemplate", "SwapRequest", "TZDateTime", "User",
]
