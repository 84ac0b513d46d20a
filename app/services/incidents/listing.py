"""Finding incidents: the list (open cases first, filters, text) and the callers' sources."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import ColumnElement, Row, Select, func, select, tuple_

from app.models import Incident, Organization, Person, Plan, search
from app.services.context import Context

FEW = 5000  # found by a text search: below this, its rows are read by id (``_status_is``)


@dataclass(frozen=True)
class ListFilter:
    open_only: bool = False
    status: str | None = None
    category: str | None = None
    level: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    text: str = ""


@dataclass(frozen=True)
class IncidentRow:
    id: int
    number: str
    title: str
    kind: str
    category: str | None
    level: str | None
    status: str
    occurred_at: dt.datetime | None
    received_at: dt.datetime
    location: str
    plan_id: int | None = None  # the plan it activated (启动预案)
    plan: str = ""
    response_level: str | None = None


_ROW_COLUMNS = (Incident.id, Incident.number, Incident.title, Incident.kind, Incident.category, Incident.level,
                Incident.status, Incident.occurred_at, Incident.received_at, Incident.location,
                Incident.activated_plan_id, Plan.name.label("plan"), Incident.response_level)


def _with_plan() -> Select:
    """The list's columns, with the name of the plan the incident activated."""
    return select(*_ROW_COLUMNS).outerjoin(Plan, Plan.id == Incident.activated_plan_id)


def _row(r: Row[Any]) -> IncidentRow:
    return IncidentRow(r.id, r.number, r.title, r.kind, r.category, r.level, r.status, r.occurred_at,
                       r.received_at, r.location, r.activated_plan_id, r.plan or "", r.response_level)


def filtered(query: Select, f: ListFilter) -> Select:
    if f.open_only:
        query = query.where(Incident.status == "open")
    if f.status:
        query = query.where(Incident.status == f.status)
    if f.category:
        query = query.where(Incident.category == f.category)
    if f.level:
        query = query.where(Incident.level == f.level)
    if f.since:
        query = query.where(Incident.received_at >= f.since)
    if f.until:
        query = query.where(Incident.received_at < f.until)
    if f.text.strip():
        query = query.where(text_match(f.text))
    return query


def text_match(words: str) -> search.TextMatch:
    """The incidents whose title, place or number holds ``words`` (the full-text index)."""
    columns = {"title": Incident.title, "location": Incident.location, "number": Incident.number}
    return search.TextMatch("incident", words.strip(), columns, Incident.id)


def scans(f: ListFilter) -> bool:
    """Whether counting what ``f`` finds reads every incident: words too short for the
    full-text index (one or two characters). The list then shows its first page at once and
    counts the closed ones in the background (``status_counts(closed=False)``)."""
    return 0 < len(f.text.strip()) < search.MIN_TRIGRAM


def status_counts(ctx: Context, f: ListFilter, *, closed: bool = True) -> dict[str, int]:
    """How many incidents the filter finds, open and closed, which the list keeps while it
    pages (``list_page``'s ``counts``): from the full-text index alone for a text search, else
    one query. Without ``closed``, only the open ones (few, and off their index)."""
    if not closed:
        with ctx.db.read() as s:
            wanted = filtered(select(func.count()).select_from(Incident), f)
            return {"open": s.scalar(wanted.where(Incident.status == "open")) or 0}
    with ctx.db.read() as s:
        conn = s.connection()
        if search.indexed(conn, f.text) and not (f.category or f.level or f.since or f.until):
            every = search.count_by(conn, "incident", f.text.strip(), "", "")
            still_open = search.count_by(conn, "incident", f.text.strip(), "status", "open")
            statuses = {"open"} if f.open_only else {f.status} if f.status else {"open", "closed"}
            counts = {"open": still_open, "closed": every - still_open}
            return {k: v for k, v in counts.items() if k in statuses}
        rows = s.execute(filtered(select(Incident.status, func.count()).select_from(Incident), f)
                         .group_by(Incident.status))
        return dict(cast("list[tuple[str, int]]", list(rows)))


def list_page(ctx: Context, f: ListFilter, offset: int, limit: int,
              counts: dict[str, int] | None = None, after: IncidentRow | None = None) -> list[IncidentRow]:
    """One page of the list: open cases first, then closed ones, each newest first.

    Two index-ordered queries (status, received_at) rather than one sort on an expression,
    so a page comes straight off the index even with a million incidents. ``counts``: the
    filter's ``status_counts`` when the caller has them (else they are counted here); without
    a count of the closed ones, the closed part is read as far as the page goes. ``after``: the
    page that follows this row (``offset`` ignored), read from its place in the index rather
    than by counting the rows before it, so the next page costs the same at any depth.
    """
    if counts is None:
        counts = status_counts(ctx, f)
    newest = (Incident.received_at.desc(), Incident.id.desc())
    parts = [("open", f.open_only or f.status in (None, "open")),
             ("closed", not f.open_only and f.status in (None, "closed"))]
    if after is not None:
        offset = 0
        parts = parts[1:] if after.status == "closed" else parts
    out: list[IncidentRow] = []
    with ctx.db.read() as s:
        for status, wanted in parts:
            if not wanted or len(out) >= limit:
                continue
            n = counts.get(status, 0 if status == "open" else offset + limit)
            if offset >= n:
                offset -= n
                continue
            # the page's ids first, off the index alone, then their rows: skipping to a page
            # deep in the list (OFFSET) walks index entries, not rows and their plans
            ids = filtered(select(Incident.id), f).where(
                _status_is(status, sum(counts.values()) if "closed" in counts else FEW, f)
            ).order_by(*newest).offset(offset).limit(limit - len(out))
            if after is not None and after.status == status:
                ids = ids.where(tuple_(Incident.received_at, Incident.id)
                                < tuple_(after.received_at, after.id))
            rows = s.execute(_with_plan().where(Incident.id.in_(ids)).order_by(*newest))
            out.extend(_row(r) for r in rows)
            offset = 0
    return out


def rows_by_id(ctx: Context, ids: list[int]) -> list[IncidentRow]:
    """The list's rows of the incidents ``ids`` (in no order; an id no longer there is left
    out): a page of the list read again, at any depth, without walking to it."""
    with ctx.db.read() as s:
        rows = s.execute(_with_plan().where(Incident.id.in_(ids)))
        return [_row(r) for r in rows]


def _status_is(status: str, found: int, f: ListFilter) -> ColumnElement[bool]:
    """``status = …``; for a text search that found few (under ``FEW``), written so that the
    database takes the found rows by id and sorts them, rather than walking the whole
    (status, received_at) index in order testing each against the few found."""
    if len(f.text.strip()) >= search.MIN_TRIGRAM and found < FEW:
        return func.coalesce(Incident.status, "") == status
    return Incident.status == status


def count(ctx: Context, f: ListFilter) -> int:
    return sum(status_counts(ctx, f).values())


@dataclass(frozen=True)
class SourceSuggestion:
    """A unit or a person the caller may be, for completing the source fields by typing."""

    label: str
    unit: str
    person: str
    title: str
    phone: str


def source_suggestions(ctx: Context, limit: int = 5000) -> list[SourceSuggestion]:
    """Units (with their duty phones) and people (with title and mobile) from the contact book."""
    out: list[SourceSuggestion] = []
    with ctx.db.read() as s:
        for name, phone in s.execute(select(Organization.name, Organization.duty_phone)
                                     .order_by(Organization.sort_order, Organization.id).limit(limit)):
            out.append(SourceSuggestion(name, name, "", "", phone or ""))
        rows = s.execute(select(Person.name, Person.title, Person.mobile, Organization.name)
                         .join(Organization, Person.organization_id == Organization.id, isouter=True)
                         .order_by(Person.id).limit(limit))
        for name, title, mobile, unit in rows:
            out.append(SourceSuggestion(f"{name}（{unit or ''} {title or ''}）", unit or "", name,
                                        title or "", mobile or ""))
    return out
