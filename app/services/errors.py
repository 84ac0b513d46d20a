"""The database boundary's translation, for the callers above the services (the command line's
last resort and the UI's error path) that meet an exception the boundary did not see: a raw
SQLAlchemy or driver error is turned into the operator's sentence here, never shown as is."""

from __future__ import annotations

from app.domain.errors import DutyDeskError
from app.models.db import is_database_error, translate_error


def for_operator(exc: BaseException) -> BaseException:
    """``exc`` as the operator should meet it: a database error translated (StaleRecord,
    DatabaseUnavailable), anything else unchanged."""
    if isinstance(exc, DutyDeskError):
        return exc
    return translate_error(exc) or exc


def hides_its_text(exc: BaseException) -> bool:
    """True when the exception's own text must not be shown (SQLAlchemy's or a driver's)."""
    return is_database_error(exc)
