"""Full-text indexes for searching incidents, the duty log and the numbers (issue 19).

SQLite: an FTS5 table with the trigram tokenizer beside each searched table (external content:
the index holds no second copy of the text), kept in step by triggers, so every writer (the
program, the command line, an older workstation) keeps it right inside its own transaction.
A trigram index matches only queries of three characters or more; shorter ones search the base
table. PostgreSQL: ``pg_trgm`` GIN indexes on the same columns, which serve ``ILIKE '%q%'``.

Neither is described by the models (SQLAlchemy has no word for them); ``is_search_object``
tells the schema comparison to leave them out.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Connection, literal_column, or_, select, text
from sqlalchemy import table as sql_table
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.types import NullType

# searched table -> (FTS table, the columns searched)
SEARCHED: dict[str, tuple[str, tuple[str, ...]]] = {
    "incident": ("incident_fts", ("title", "location", "number")),
    "duty_log_entry": ("duty_log_fts", ("text", "caller_unit", "caller_name", "place")),
    # the digits of every number: "the middle four of his mobile" at 100,000 people
    "contact_point": ("contact_point_fts", ("digits",)),
    # people by any part of the name or its pinyin
    "person": ("person_fts", ("name", "pinyin_key")),
}
# Columns the SQLite index also holds so that a search counts by them from the index alone
# (open and closed incidents), never reading a row: never matched by the words searched.
FACETS: dict[str, tuple[str, ...]] = {"incident": ("status",), "duty_log_entry": (), "contact_point": (),
                                      "person": ()}
MIN_TRIGRAM = 3  # the trigram index never matches a shorter query


def indexed(conn: Connection, words: str) -> bool:
    """Whether a search for ``words`` goes through the SQLite full-text index here."""
    return conn.dialect.name == "sqlite" and len(words.strip()) >= MIN_TRIGRAM


def count_by(conn: Connection, table: str, words: str, facet: str, value: str) -> int:
    """How many rows hold ``words`` and have ``value`` in ``facet``, from the index alone
    (SQLite, ``indexed`` words)."""
    fts = SEARCHED[table][0]
    query = fts_query(table, words, facets={facet: value} if value else {})
    return int(conn.execute(text(f"SELECT count(*) FROM {fts} WHERE {fts} MATCH :q"), {"q": query}).scalar() or 0)


def is_search_object(name: str | None) -> bool:
    """True for the FTS tables (and their shadow tables) and the trigram indexes."""
    if not name:
        return False
    return any(name.startswith(fts) for fts, _ in SEARCHED.values()) or name.endswith("_trgm")


def phrase(words: str) -> str:
    """``words`` as one FTS5 phrase (a substring under the trigram tokenizer)."""
    return '"' + words.replace('"', '""') + '"'


def fts_query(table: str, words: str, within: tuple[str, ...] = (),
              facets: dict[str, str] | None = None) -> str:
    """The FTS5 query: ``words`` in any searched column (or those ``within``), and each facet
    column holding its value."""
    searched = " ".join(within or SEARCHED[table][1])
    query = f"{{{searched}}} : {phrase(words)}"
    for name, value in (facets or {}).items():
        query += f" AND {name} : {phrase(value)}"
    return query


def _sqlite_statements(table: str) -> list[str]:
    fts, searched = SEARCHED[table]
    cols = searched + FACETS[table]
    names = ", ".join(cols)
    new = ", ".join(f"new.{c}" for c in cols)
    old = ", ".join(f"old.{c}" for c in cols)
    delete = f"INSERT INTO {fts}({fts}, rowid, {names}) VALUES ('delete', old.id, {old});"
    insert = f"INSERT INTO {fts}(rowid, {names}) VALUES (new.id, {new});"
    return [
        f"CREATE VIRTUAL TABLE {fts} USING fts5({names}, content='{table}', content_rowid='id',"
        " tokenize='trigram')",
        f"CREATE TRIGGER {fts}_ai AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {fts}_ad AFTER DELETE ON {table} BEGIN {delete} END",
        f"CREATE TRIGGER {fts}_au AFTER UPDATE OF {names} ON {table} BEGIN {delete} {insert} END",
        f"INSERT INTO {fts}({fts}) VALUES ('rebuild')",
    ]


def _postgres_statements(table: str) -> list[str]:
    _fts, cols = SEARCHED[table]
    return [f"CREATE INDEX IF NOT EXISTS ix_{table}_{c}_trgm ON {table} USING gin ({c} gin_trgm_ops)"
            for c in cols]


def create(conn: Connection, tables: tuple[str, ...]) -> None:
    """Build the indexes of ``tables`` over what they hold (the migration that adds them)."""
    sqlite = conn.dialect.name == "sqlite"
    if not sqlite:
        conn.execute(text("CREATE EXTENSION IF NOT EXISTS pg_trgm"))
    for table in tables:
        for statement in (_sqlite_statements if sqlite else _postgres_statements)(table):
            conn.execute(text(statement))


def drop(conn: Connection, tables: tuple[str, ...]) -> None:
    sqlite = conn.dialect.name == "sqlite"
    for table in tables:
        fts, cols = SEARCHED[table]
        if sqlite:
            for suffix in ("ai", "ad", "au"):
                conn.execute(text(f"DROP TRIGGER IF EXISTS {fts}_{suffix}"))
            conn.execute(text(f"DROP TABLE IF EXISTS {fts}"))
        else:
            for c in cols:
                conn.execute(text(f"DROP INDEX IF EXISTS ix_{table}_{c}_trgm"))


class TextMatch(ColumnElement[bool]):
    """``words`` found in any of a searched table's columns (a substring, ASCII letters in any
    case). SQLite: the FTS5 trigram index for three characters or more, the base table for
    fewer; PostgreSQL: ``ILIKE``, which the pg_trgm indexes serve."""

    type = NullType()  # type: ignore[assignment]  # a condition as written: never "= 1" on SQLite
    inherit_cache = False  # the words are part of the SQL text on SQLite's index path

    def __init__(self, table: str, words: str, columns: dict[str, Any], id_column: Any) -> None:
        self.searched_table, self.words, self.searched, self.id_column = table, words, columns, id_column

    def substring(self, insensitive: bool) -> ColumnElement[bool]:
        pattern = "%" + self.words.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        return or_(*((c.ilike(pattern, escape="\\") if insensitive else c.like(pattern, escape="\\"))
                     for c in self.searched.values()))


@compiles(TextMatch)
def _match_default(element: TextMatch, compiler: Any, **kw: Any) -> str:
    return "(" + str(compiler.process(element.substring(insensitive=True), **kw)) + ")"


@compiles(TextMatch, "sqlite")
def _match_sqlite(element: TextMatch, compiler: Any, **kw: Any) -> str:
    if len(element.words) < MIN_TRIGRAM:
        return "(" + str(compiler.process(element.substring(insensitive=False), **kw)) + ")"
    fts = SEARCHED[element.searched_table][0]
    hits: Any = (select(literal_column("rowid")).select_from(sql_table(fts))
            .where(literal_column(fts).op("MATCH")(
                fts_query(element.searched_table, element.words, tuple(element.searched)))))
    return "(" + str(compiler.process(element.id_column.in_(hits), **kw)) + ")"
