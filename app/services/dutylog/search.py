"""Searching the whole duty log (every duty day): the text, the caller's unit and name, the
place; newest first. Three characters or more go through the full-text index (and are counted
off it), fewer through the table (app/models/search.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from app.models import DutyLogEntry, search
from app.services.context import Context
from app.services.dutylog.entries import LogEntry, with_links

FEW = 5000  # found: below this, the entries are read by id and sorted, not off the seq index


def _match(words: str) -> search.TextMatch:
    columns = {"text": DutyLogEntry.text, "caller_unit": DutyLogEntry.caller_unit,
               "caller_name": DutyLogEntry.caller_name, "place": DutyLogEntry.place}
    return search.TextMatch("duty_log_entry", words.strip(), columns, DutyLogEntry.id)


def count(ctx: Context, words: str) -> int:
    """How many entries hold ``words`` (0 for no words)."""
    if not words.strip():
        return 0
    with ctx.db.read() as s:
        conn = s.connection()
        if search.indexed(conn, words):
            return search.count_by(conn, "duty_log_entry", words.strip(), "", "")
        return s.scalar(select(func.count()).select_from(DutyLogEntry).where(_match(words))) or 0


def search_page(ctx: Context, words: str, offset: int, limit: int, found: int | None = None) -> list[LogEntry]:
    """One page of the entries holding ``words``, the newest first. ``found``: their ``count``
    when the caller has it (few found are read by id rather than by walking the whole log)."""
    if not words.strip():
        return []
    newest = DutyLogEntry.seq.desc()
    if found is not None and found < FEW and len(words.strip()) >= search.MIN_TRIGRAM:
        newest = (DutyLogEntry.seq + 0).desc()  # an expression: no walk of the seq index
    with ctx.db.read() as s:
        rows = list(s.scalars(select(DutyLogEntry).where(_match(words)).order_by(newest)
                              .offset(offset).limit(limit)))
        return with_links(s, rows)


def entries_by_id(ctx: Context, ids: list[int]) -> list[LogEntry]:
    """The entries ``ids`` with their links (in no order): a page of a list of the log (a day's
    or a search's) read again, at any depth, without walking to it."""
    with ctx.db.read() as s:
        return with_links(s, list(s.scalars(select(DutyLogEntry).where(DutyLogEntry.id.in_(ids)))))
