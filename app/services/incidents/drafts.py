"""Intake drafts: what an officer is typing, kept as they type (not audited: scratch)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import logging
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from app import paths
from app.domain.errors import DatabaseUnavailable
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


def _local_file(ctx: Context) -> Path:
    """Where a draft waits on this machine while the server is away (one per operator and
    database, in the data folder)."""
    operator = ctx.actor.label if ctx.actor else ""
    key = hashlib.sha256(f"{ctx.db.display_location}\n{operator}".encode()).hexdigest()[:20]
    return paths.data_dir() / "drafts" / f"intake-{key}.json"


def _keep_locally(ctx: Context, facts: IncidentFacts, draft_id: int | None) -> None:
    path = _local_file(ctx)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(json.dumps({"fields": to_json(facts), "draft_id": draft_id,
                                     "updated_at": ctx.clock.now().isoformat()}, ensure_ascii=False),
                         encoding="utf-8")
    os.replace(temporary, path)


def _local_draft(ctx: Context) -> Draft | None:
    path = _local_file(ctx)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return Draft(int(data.get("draft_id") or 0), from_json(data["fields"]),
                     dt.datetime.fromisoformat(data["updated_at"]))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, TypeError, KeyError):
        log.warning("the local intake draft %s cannot be read; left out", path, exc_info=True)
        return None


def save_draft(ctx: Context, facts: IncidentFacts, draft_id: int | None = None) -> int:
    """Keep what the officer has typed so far (not audited: scratch, not a record).

    While the database cannot be reached the draft waits in a file on this machine (nothing
    typed is lost) and goes to the database with the next save that gets through. Returns the
    draft's id (0 while it is only on this machine).
    """
    try:
        draft_id = _save_in_database(ctx, facts, draft_id or None)
    except DatabaseUnavailable:
        _keep_locally(ctx, facts, draft_id)
        return draft_id or 0
    with contextlib.suppress(FileNotFoundError):
        _local_file(ctx).unlink()
    return draft_id


def _save_in_database(ctx: Context, facts: IncidentFacts, draft_id: int | None) -> int:
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
    """The signed-in operator's drafts, newest first (restored after a crash); a draft kept
    on this machine while the server was away comes first when it is newer."""
    try:
        found = _database_drafts(ctx)
    except DatabaseUnavailable:
        found = []
    local = _local_draft(ctx)
    if local is not None:  # it was typed after the database's copy of the same draft
        found = [d for d in found if not local.id or d.id != local.id] + [local]
    return sorted(found, key=lambda d: d.updated_at, reverse=True)


def _database_drafts(ctx: Context) -> list[Draft]:
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
    with contextlib.suppress(FileNotFoundError):
        _local_file(ctx).unlink()
    if not draft_id:
        return
    try:
        with ctx.db.write() as s:
            draft = s.get(IntakeDraft, draft_id)
            if draft is not None:
                s.delete(draft)
    except DatabaseUnavailable:  # scratch: the next clear of the form removes it
        log.warning("intake draft %s stays until the database answers", draft_id)


def has_content(facts: IncidentFacts) -> bool:
    """Whether the officer has typed or chosen anything worth bringing back."""
    return (any(getattr(facts, k).strip() for k in _TYPED)
            or any(facts.figure(k) for k in CASUALTY_FIELDS) or bool(facts.loss_cny)
            or facts.category is not None)
