"""Intake drafts: what an officer is typing, kept as they type (not audited: scratch)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import select

from app.models import IntakeDraft
from app.services.context import Context


def save_draft(ctx: Context, fields: Mapping[str, Any], draft_id: int | None = None) -> int:
    """Keep what the officer has typed so far (not audited: scratch, not a record)."""
    operator = ctx.actor.label if ctx.actor else ""
    with ctx.db.write() as s:
        draft = s.get(IntakeDraft, draft_id) if draft_id else None
        if draft is None:
            draft = IntakeDraft(operator=operator, fields=dict(fields), updated_at=ctx.clock.now())
            s.add(draft)
        else:
            draft.fields = dict(fields)
            draft.updated_at = ctx.clock.now()
        s.flush()
        return draft.id


def drafts(ctx: Context) -> list[tuple[int, dict[str, Any], dt.datetime]]:
    """The signed-in operator's drafts, newest first (restored after a crash)."""
    operator = ctx.actor.label if ctx.actor else ""
    with ctx.db.read() as s:
        return [(d.id, dict(d.fields), d.updated_at) for d in s.scalars(
            select(IntakeDraft).where(IntakeDraft.operator == operator).order_by(IntakeDraft.updated_at.desc()))]


def discard_draft(ctx: Context, draft_id: int) -> None:
    with ctx.db.write() as s:
        draft = s.get(IntakeDraft, draft_id)
        if draft is not None:
            s.delete(draft)


_TYPED = ("title", "source", "source_person", "source_title", "source_phone", "location", "nature",
          "impact", "trend", "measures", "next_steps", "leaders_on_site", "notified")
_COUNTED = ("deaths", "serious_injuries", "injuries", "missing", "trapped", "loss_cny")


def has_content(fields: Mapping[str, Any]) -> bool:
    """Whether the officer has typed or chosen anything worth bringing back."""
    return (any((fields.get(k) or "").strip() for k in _TYPED)
            or any(fields.get(k) for k in _COUNTED) or bool(fields.get("category")))
