"""Intake drafts: what an officer is typing, kept as they type (not audited: scratch)."""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import select

from app.domain.incident_facts import CASUALTY_FIELDS, IncidentFacts, from_json, to_json
from app.models import IntakeDraft
from app.services.context import Context

log = logging.getLogger(__name__)

# What an officer types or counts: a draft without any of it is not worth bringing back.
_TYPED = ("title", "source", "source_person", "source_title", "source_phone", "location", "nature",
          "impact", "trend", "measures", "next_steps", "leaders_on_site", "notified")


@dataclass(frozen=True)
class Draft:
    id: int
    facts: IncidentFacts
    updated_at: dt.datetime


def save_draft(ctx: Context, facts: IncidentFacts, draft_id: int | None = None) -> int:
    """Keep what the officer has typed so far (not audited: scratch, not a record)."""
    operator = ctx.actor.label if ctx.actor else ""
    with ctx.db.write() as s:
        draft = s.get(IntakeDraft, draft_id) if draft_id else None
        if draft is None:
            draft = IntakeDraft(operator=operator, fields=to_json(facts), updated_at=ctx.clock.now())
            s.add(draft)
        else:
            draft.fields = to_json(facts)
            draft.updated_at = ctx.clock.now()
        s.flush()
        return draft.id


def drafts(ctx: Context) -> list[Draft]:
    """The signed-in operator's drafts, newest first (restored after a crash)."""
    operator = ctx.actor.label if ctx.actor else ""
    out = []
    with ctx.db.read() as s:
        for d in s.scalars(select(IntakeDraft).where(IntakeDraft.operator == operator)
                           .order_by(IntakeDraft.updated_at.desc())):
            try:
                out.append(Draft(d.id, from_json(d.fields), d.updated_at))
            except (ValueError, TypeError, OverflowError):
                # Scratch that cannot be read back is no reason to stop the intake form.
                log.warning("intake draft %s cannot be read; left out", d.id, exc_info=True)
    return out


def discard_draft(ctx: Context, draft_id: int) -> None:
    with ctx.db.write() as s:
        draft = s.get(IntakeDraft, draft_id)
        if draft is not None:
            s.delete(draft)


def has_content(facts: IncidentFacts) -> bool:
    """Whether the officer has typed or chosen anything worth bringing back."""
    return (any(getattr(facts, k).strip() for k in _TYPED)
            or any(facts.figure(k) for k in CASUALTY_FIELDS) or bool(facts.loss_cny)
            or facts.category is not None)
