"""SQLAlchemy tables. Importing this package registers every table on ``Base.metadata``."""

from app.models.audit import AuditEvent, ChainHead
from app.models.base import Base, TZDateTime
from app.models.contacts import ContactPoint, Expert, NumberChange, RescueTeam
from app.models.office import Absence, Office, Organization, Person
from app.models.user import User

__all__ = [
    "Absence", "AuditEvent", "Base", "ChainHead", "ContactPoint", "Expert", "NumberChange", "Office",
    "Organization", "Person", "RescueTeam", "TZDateTime", "User",
]
