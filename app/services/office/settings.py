"""Office-wide settings kept in the database (shared by every workstation)."""

from __future__ import annotations

from typing import Any

from app.domain.enums import UserRole
from app.models import Setting
from app.services.context import Context
from app.services.office import audit


def get(ctx: Context, key: str, default: Any = None) -> Any:
    with ctx.db.read() as s:
        row = s.get(Setting, key)
        return default if row is None else row.value


def put(ctx: Context, key: str, value: Any) -> None:
    """An administrator changes a setting (audited)."""
    ctx.require(UserRole.ADMIN)
    with ctx.db.write() as s:
        row = s.get(Setting, key)
        before = None if row is None else {"value": row.value}
        if row is None:
            s.add(Setting(key=key, value=value))
        else:
            row.value = value
        audit.record(s, ctx, "update", "setting", key, before=before, after={"value": value})
