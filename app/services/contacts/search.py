"""One search box for the whole contact book: names, pinyin, initials, numbers, units.

A query is read as what it looks like: Chinese characters search names (of people and units),
latin letters search full pinyin and initials (``zs`` → 张三, ``shanx`` → 单雄信), digits search
every number (the last four of a mobile find its owner). Results are ranked: exact, then prefix,
then substring, then the people of a unit the query names. Each rank is its own bounded query on
an index (or, for substrings, a scan that stops at the limit), so a keystroke costs a few
milliseconds at 100,000 people.

The one database-specific piece is ``_prefix``: SQLite compares strings byte-wise, so a prefix
is an index range; elsewhere (PostgreSQL with a language collation) it is ``LIKE 'q%'``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, false, or_, select
from sqlalchemy.orm import Session

from app.domain.contacts import PersonTag, stored_tags
from app.domain.pinyin import has_han, other_readings
from app.models import ContactPoint, Organization, Person
from app.models import search as search_index
from app.services.contacts.absences import away_ids
from app.services.contacts.numbers import Phone, phones_of
from app.services.context import Context
from app.services.office.zone import office_today

EXACT, PREFIX, SUBSTRING, MEMBER = 0, 1, 2, 3
DEFAULT_LIMIT = 20
MAX_LIMIT = 500
_UNIT_MEMBERS = 3  # units whose people follow them in the results
_PHONE_LIKE = re.compile(r"^[0-9+\-\s()]+$")
_KEY = re.compile(r"[^0-9a-z]+")


@dataclass(frozen=True)
class ContactHit:
    """One result: a person, or a unit (its duty phone is what the operator wants)."""

    kind: str  # "person" or "organization"
    id: int
    name: str
    organization: str  # the person's unit; for a unit, the unit above it
    organization_id: int | None
    title: str
    phones: tuple[Phone, ...]
    tags: tuple[PersonTag, ...]
    away: bool
    rank: int

    @property
    def main_phone(self) -> str:
        return self.phones[0].number if self.phones else ""


@dataclass(frozen=True)
class Query:
    """A typed query, normalised and classified."""

    mode: str  # "han", "letters", "digits" or "" (nothing to search)
    text: str

    @classmethod
    def parse(cls, raw: str) -> Query:
        raw = (raw or "").strip()
        if not raw:
            return cls("", "")
        if has_han(raw):
            return cls("han", "".join(raw.split()))
        if _PHONE_LIKE.match(raw) and any(ch.isdigit() for ch in raw):
            return cls("digits", "".join(ch for ch in raw if ch.isdigit()))
        key = _KEY.sub("", raw.lower())
        return cls("letters", key) if key else cls("", "")


def _prefix(session: Session, column: Any, value: str) -> ColumnElement[bool]:
    """``column`` starts with ``value``, in a form the database's index can serve."""
    if session.get_bind().dialect.name == "sqlite":
        upper = value[:-1] + chr(ord(value[-1]) + 1)
        return (column >= value) & (column < upper)
    return column.startswith(value, autoescape=True)


def _ids(session: Session, query: Any, limit: int) -> list[int]:
    # on the connection: ids need no ORM, and a keystroke runs up to a dozen of these
    return list(session.connection().execute(query.limit(limit)).scalars())


def _person_stages(session: Session, q: Query, limit: int) -> list[tuple[int, Any]]:
    """(rank, select of person ids) in order of rank."""
    text = q.text
    pid = select(Person.id)
    if q.mode == "han":
        return [(EXACT, pid.where(Person.name == text).order_by(Person.id)),
                (PREFIX, pid.where(_prefix(session, Person.name, text)).order_by(Person.name)),
                (SUBSTRING, pid.where(_person_within(text, name=Person.name)))]
    if q.mode == "letters":
        return [(EXACT, pid.where(Person.initials_key == text).order_by(Person.pinyin_key)),
                (EXACT, pid.where(Person.pinyin_key == text).order_by(Person.id)),
                (PREFIX, pid.where(_prefix(session, Person.initials_key, text))
                 .order_by(Person.initials_key)),
                (PREFIX, pid.where(_prefix(session, Person.pinyin_key, text))
                 .order_by(Person.pinyin_key)),
                # a surname read another way (覃 as tan) ranks a step below its own reading
                (PREFIX, pid.where(_read_otherwise(session, text, exact=True)).order_by(_AFTER_RANGES)),
                (SUBSTRING, pid.where(_read_otherwise(session, text, exact=False)).order_by(_AFTER_RANGES)),
                (SUBSTRING, pid.where(_person_within(text, pinyin_key=Person.pinyin_key)))]
    cp = select(ContactPoint.person_id).where(ContactPoint.person_id.is_not(None))
    return [(EXACT, cp.where(ContactPoint.digits == text)),
            (PREFIX, cp.where(_prefix(session, ContactPoint.digits, text))
             .order_by(ContactPoint.digits)),
            # the last digits of a number ("the last four of his mobile") before other fragments
            (SUBSTRING, cp.where(_prefix(session, ContactPoint.digits_reversed, text[::-1]))
             .order_by(ContactPoint.digits_reversed)),
            (SUBSTRING, cp.where(_digits_within(text)))]


def _person_within(text: str, **column: Any) -> ColumnElement[bool]:
    """People holding ``text`` anywhere in ``column``, through the people's trigram index."""
    return search_index.TextMatch("person", text, column, Person.id)


def _digits_within(text: str) -> ColumnElement[bool]:
    """Numbers holding ``text`` anywhere, through the numbers' trigram index."""
    return search_index.TextMatch("contact_point", text, {"digits": ContactPoint.digits}, ContactPoint.id)


# Sorting the few people the surname ranges find: an expression, not the column, so the
# planner walks the name ranges instead of the whole pinyin index (145 ms → 0.2 ms at 100,000
# people; bound parameters hide the ranges' sizes from SQLite's planner).
_AFTER_RANGES = Person.pinyin_key.concat("")


def _read_otherwise(session: Session, text: str, *, exact: bool) -> ColumnElement[bool]:
    """People whose surname, read another way, begins ``text`` (覃 found by tan as by qin)."""
    found = []
    for surname, key in other_readings(text):
        if exact:
            keyed = (Person.initials_key == key) | (Person.pinyin_key == key)
        else:
            keyed = _prefix(session, Person.initials_key, key) | _prefix(session, Person.pinyin_key, key)
        # the surname as an index range, so each reading is a short walk of the name index
        found.append(_prefix(session, Person.name, surname) & keyed)
    return or_(*found) if found else false()


def _unit_stages(session: Session, q: Query) -> list[tuple[int, Any]]:
    text = q.text
    oid = select(Organization.id)
    if q.mode == "han":
        return [(EXACT, oid.where(Organization.name == text)),
                (PREFIX, oid.where(_prefix(session, Organization.name, text))
                 .order_by(Organization.name)),
                (SUBSTRING, oid.where(Organization.name.contains(text, autoescape=True))
                 .order_by(Organization.sort_order, Organization.id))]
    if q.mode == "letters":
        return [(EXACT, oid.where((Organization.initials_key == text)
                                  | (Organization.pinyin_key == text))),
                (PREFIX, oid.where(_prefix(session, Organization.initials_key, text)
                                   | _prefix(session, Organization.pinyin_key, text))
                 .order_by(Organization.pinyin_key)),
                (SUBSTRING, oid.where(Organization.pinyin_key.contains(text, autoescape=True)))]
    cp = select(ContactPoint.organization_id).where(ContactPoint.organization_id.is_not(None))
    return [(EXACT, cp.where(ContactPoint.digits == text)),
            (PREFIX, cp.where(_prefix(session, ContactPoint.digits, text))),
            (SUBSTRING, cp.where(_prefix(session, ContactPoint.digits_reversed, text[::-1]))),
            (SUBSTRING, cp.where(_digits_within(text)))]


def ranked_ids(session: Session, raw: str, limit: int = DEFAULT_LIMIT) -> list[tuple[str, int, int]]:
    """(kind, id, rank) of the best ``limit`` matches, best first: the search without details."""
    q = Query.parse(raw)
    if not q.mode:
        return []
    limit = max(1, min(limit, MAX_LIMIT))
    found: dict[tuple[str, int], int] = {}
    units = _unit_stages(session, q)
    people = _person_stages(session, q, limit)
    # a Chinese query may name a unit: units first; letters and digits mostly mean a person
    order = ((("organization", units), ("person", people)) if q.mode == "han"
             else (("person", people), ("organization", units)))
    for rank in (EXACT, PREFIX, SUBSTRING):
        for kind, stages in order:
            for stage_rank, query in stages:
                if stage_rank != rank or len(found) >= limit:
                    continue
                for row_id in _ids(session, query, limit + len(found)):
                    if row_id is not None and (kind, row_id) not in found:
                        found[(kind, row_id)] = rank
                        if len(found) >= limit:
                            break
    if len(found) < limit and q.mode != "digits":
        named = [i for (kind, i), r in found.items() if kind == "organization" and r <= PREFIX]
        for unit_id in named[:_UNIT_MEMBERS]:
            members = select(Person.id).where(Person.organization_id == unit_id).order_by(Person.id)
            for row_id in _ids(session, members, limit - len(found)):
                found.setdefault(("person", row_id), MEMBER)
    ordered = sorted(found.items(), key=lambda item: item[1])  # stable: stage order kept
    return [(kind, row_id, rank) for (kind, row_id), rank in ordered[:limit]]


def search(ctx: Context, raw: str, *, limit: int = DEFAULT_LIMIT) -> list[ContactHit]:
    """The contact book's one search: ranked hits with their numbers, tags and away status."""
    with ctx.db.read() as session:
        ranked = ranked_ids(session, raw, limit)
        if not ranked:
            return []
        return _hits(session, ctx, ranked)


def _hits(session: Session, ctx: Context, ranked: Sequence[tuple[str, int, int]]) -> list[ContactHit]:
    person_ids = [i for kind, i, _ in ranked if kind == "person"]
    unit_ids = [i for kind, i, _ in ranked if kind == "organization"]
    conn = session.connection()  # plain rows: a keystroke shows up to 200 of them
    people = {r[0]: r for r in conn.execute(
        select(Person.id, Person.name, Person.organization_id, Person.title, Person.tags)
        .where(Person.id.in_(person_ids)))} if person_ids else {}
    units = {r[0]: r for r in conn.execute(
        select(Organization.id, Organization.name, Organization.parent_id)
        .where(Organization.id.in_(unit_ids)))} if unit_ids else {}
    parent_ids = {r[2] for r in people.values()} | {r[2] for r in units.values()}
    parent_ids.discard(None)
    # looked up by a possibly missing parent: None finds no name
    names: dict[int | None, str] = {r[0]: r[1] for r in conn.execute(
        select(Organization.id, Organization.name).where(Organization.id.in_(parent_ids)))}
    phones = phones_of(session, person_ids=person_ids, organization_ids=unit_ids)
    away = away_ids(session, person_ids, office_today(session, ctx))
    hits: list[ContactHit] = []
    for kind, row_id, rank in ranked:
        if kind == "person" and row_id in people:
            _, name, org_id, title, tags = people[row_id]
            hits.append(ContactHit("person", row_id, name, names.get(org_id, ""), org_id, title,
                                   tuple(phones.get(("person", row_id), ())),
                                   tuple(stored_tags(tags)), row_id in away, rank))
        elif kind == "organization" and row_id in units:
            _, name, parent_id = units[row_id]
            hits.append(ContactHit("organization", row_id, name, names.get(parent_id, ""),
                                   parent_id, "", tuple(phones.get(("organization", row_id), ())),
                                   (), False, rank))
    return hits
