"""Search latency per keystroke at 100,000 people: the service against the bare indexed query.

    python bench/contacts_search.py [--db FILE] [--people 40]

Without ``--db`` it makes the large demo office (``dutydesk demo --scale large``) in a
temporary folder. For a sample of people it types, one keystroke at a time, what an operator
would: their initials, their full pinyin, their name (as the input method commits it), the
last four digits of their mobile, a unit's name, and a query that finds nothing (the slowest
case: every substring scan runs to the end). What the screen searches (it waits 150 ms after
the last key: the word, and its first half as if the operator paused once) is timed through
``contact_search.search`` at the screen's limit (``SEARCH_LIMIT``: ranked queries, numbers,
tags, absences: what the screen shows) and, next to it (the floor), as the single indexed
prefix query a hand-written lookup would run at that limit on the index that finds what was
typed (initials, pinyin, name, the reversed digits for the last four, a unit's name) plus bare
queries fetching the same data for those found (unit, numbers, tags, today's absences) on the
same connection.
Printed: p50 and p95 in milliseconds per kind of query and overall, and the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import select, text  # noqa: E402

from app.domain.clock import FixedClock  # noqa: E402
from app.models import Organization, Person  # noqa: E402
from app.services.contacts import search as contact_search  # noqa: E402
from app.services.context import Actor, Context  # noqa: E402
from app.services.office import health  # noqa: E402
from app.ui.contacts.page import SEARCH_LIMIT  # noqa: E402

LIMIT = SEARCH_LIMIT  # what the contacts screen asks for
# The one indexed query a hand-written lookup would send for each kind of input, on the index
# that finds what was typed (the last four digits: the reversed digits), at the screen's limit.
BARE = {
    "initials": "SELECT id FROM person WHERE initials_key >= :lo AND initials_key < :hi "
                f"ORDER BY initials_key LIMIT {LIMIT}",
    "pinyin": "SELECT id FROM person WHERE pinyin_key >= :lo AND pinyin_key < :hi "
              f"ORDER BY pinyin_key LIMIT {LIMIT}",
    "name": f"SELECT id FROM person WHERE name >= :lo AND name < :hi ORDER BY name LIMIT {LIMIT}",
    "digits": "SELECT person_id FROM contact_point WHERE person_id IS NOT NULL AND digits_reversed >= :lo "
              f"AND digits_reversed < :hi ORDER BY digits_reversed LIMIT {LIMIT}",
    "unit": f"SELECT id FROM organization WHERE name >= :lo AND name < :hi ORDER BY name LIMIT {LIMIT}",
}
# ... and what the screen shows of those found: unit, numbers, tags, today's absences
BARE_ROWS = ("SELECT p.id, p.name, p.title, p.tags, o.name FROM person p "
             "LEFT JOIN organization o ON o.id = p.organization_id WHERE p.id IN ({ids})",
             "SELECT person_id, label, number FROM contact_point WHERE person_id IN ({ids}) "
             "ORDER BY person_id, position",
             "SELECT person_id FROM absence WHERE person_id IN ({ids}) AND NOT cancelled "
             "AND starts_on <= :today AND ends_on >= :today")
BARE_UNIT_ROWS = ("SELECT u.id, u.name, o.name FROM organization u "
                  "LEFT JOIN organization o ON o.id = u.parent_id WHERE u.id IN ({ids})",
                  "SELECT organization_id, label, number FROM contact_point "
                  "WHERE organization_id IN ({ids}) ORDER BY organization_id, position")


def keystrokes(word: str) -> list[str]:
    """What the screen searches while ``word`` is typed: it waits 150 ms after the last key,
    so an operator typing at speed searches the word (and, pausing once, its first half)."""
    return list(dict.fromkeys([word[: max(1, len(word) // 2)], word]))


def bare_lookup(conn, kind: str, lo: str, today: str) -> int:  # type: ignore[no-untyped-def]
    """The indexed query, then the screen's data for those found; how many found."""
    hi = lo[:-1] + chr(ord(lo[-1]) + 1)
    ids = [r[0] for r in conn.execute(text(BARE[kind]), {"lo": lo, "hi": hi}).all()]
    if ids:
        listed = ",".join(str(i) for i in ids)
        for sql in BARE_UNIT_ROWS if kind == "unit" else BARE_ROWS:
            conn.execute(text(sql.format(ids=listed)), {"today": today}).all()
    return len(ids)


def bare_kind(kind: str, mode: str) -> str:
    """The bare query for a typed query: its own kind's, or (a query that finds nothing) the
    one for what it looks like."""
    if kind in BARE:
        return kind
    return {"letters": "pinyin", "han": "name"}.get(mode, "digits")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="a database with the large demo (default: make one)")
    parser.add_argument("--people", type=int, default=40, help="people whose names are typed")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db_file = args.db
        if db_file is None:
            db_file = str(Path(tmp) / "large.db")
            env = dict(os.environ, DUTYDESK_HOME=tmp)
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "app", "--db", db_file, "demo", "--scale",
                            "large"], check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)
            print(f"large demo made in {time.perf_counter() - started:.1f} s")
        run(db_file, args.people)


def run(db_file: str, sample: int) -> None:
    opened = health.open_database(db_file)
    ctx = Context(opened.db, FixedClock(dt.datetime.now(dt.UTC)), Actor.system("bench"))
    rng = random.Random(7)
    with ctx.db.read() as s:
        total = s.scalar(text("SELECT count(*) FROM person"))
        top = s.scalar(select(Person.id).order_by(Person.id.desc()).limit(1)) or 1
        people = []
        while len(people) < sample:
            row = s.execute(select(Person.name, Person.initials_key, Person.pinyin_key,
                                   Person.mobile).where(Person.id == rng.randint(1, top))).first()
            if row and row.mobile:
                people.append(row)
        units = list(s.scalars(select(Organization.name).order_by(Organization.id)))
    queries: dict[str, list[str]] = {"initials": [], "pinyin": [], "name": [], "digits": [],
                                     "unit": [], "nothing": []}
    for p in people:
        queries["initials"] += keystrokes(p.initials_key)
        queries["pinyin"] += keystrokes(p.pinyin_key)
        queries["name"] += keystrokes(p.name)
        queries["digits"] += keystrokes(p.mobile[-4:])
    for name in rng.sample(units, min(10, len(units))):
        queries["unit"] += keystrokes(name[:4])
    queries["nothing"] += keystrokes("qxzvqxzv") + keystrokes("99999999999") + keystrokes("嚟嚟")
    for q in ("zs", "138", "王"):  # warm the page cache, as a running program has it
        contact_search.search(ctx, q)
    print(f"{total} people; load {os.getloadavg()[0]:.2f}; times per search in ms (service: "
          f"contact_search.search, limit {LIMIT} as the screen; bare: the indexed prefix query and "
          f"the same data for the people found)")
    print(f"{'query':10} {'keys':>5} {'service p50':>12} {'p95':>7} {'bare p50':>10} {'p95':>7}")
    all_service: list[float] = []
    all_bare: list[float] = []
    today = dt.date.today().isoformat()
    with opened.db.engine.connect() as conn:
        for kind, typed in queries.items():
            service, bare = [], []
            for q in typed:
                started = time.perf_counter()
                contact_search.search(ctx, q, limit=LIMIT)
                service.append((time.perf_counter() - started) * 1000)
                parsed = contact_search.Query.parse(q)
                if parsed.mode:
                    how = bare_kind(kind, parsed.mode)
                    lo = parsed.text[::-1] if how == "digits" else parsed.text
                    started = time.perf_counter()
                    bare_lookup(conn, how, lo, today)
                    bare.append((time.perf_counter() - started) * 1000)
            all_service += service
            all_bare += bare
            print(f"{kind:10} {len(typed):5d} {statistics.median(service):12.2f} "
                  f"{percentile(service, 95):7.2f} {statistics.median(bare):10.2f} "
                  f"{percentile(bare, 95):7.2f}")
    print(f"{'all':10} {len(all_service):5d} {statistics.median(all_service):12.2f} "
          f"{percentile(all_service, 95):7.2f} {statistics.median(all_bare):10.2f} "
          f"{percentile(all_bare, 95):7.2f}   (goal: service p95 <= 20 ms)")
    print(f"ratio service/bare: p50 {statistics.median(all_service) / statistics.median(all_bare):.2f}x  "
          f"p95 {percentile(all_service, 95) / percentile(all_bare, 95):.2f}x")
    opened.db.dispose()


if __name__ == "__main__":
    main()
