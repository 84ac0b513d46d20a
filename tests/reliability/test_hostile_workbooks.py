"""200 generated hostile workbooks through both imports: exit 0 or 2, never anything else.

Each file goes through ``contacts import`` and ``roster import`` as the command line runs
them. A refusal (exit 2) must say why on stderr and change nothing: the same rows in the
tables an import writes, the same audit trail, no new file. No traceback, ever. The figures
(files, exit codes by kind) are printed; run with -s to see them.
"""

from __future__ import annotations

import collections
import random
import sqlite3
import time
from pathlib import Path

import pytest

from app.services.context import Context
from tests.reliability import hostile
from tests.services.office.test_health import cli
from tests.services.roster.fixtures import staff_office

TABLES = ("person", "organization", "contact_point", "expert", "roster_assignment", "audit_event",
          "chain_head")


def fingerprint(db_path: Path) -> tuple[object, ...]:
    """What an import may change: the rows of the tables it writes, the chains' heads."""
    conn = sqlite3.connect(db_path)  # read only; closing it as a writer leaves no WAL behind
    try:
        counts = tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
        heads = tuple(conn.execute("SELECT chain, seq, hash FROM chain_head ORDER BY chain"))
        people = conn.execute("SELECT group_concat(name || version, ',') FROM person").fetchone()
    finally:
        conn.close()
    return counts, heads, people


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")  # openpyxl's own note
def test_hostile_workbooks_exit_0_or_2_and_a_refusal_changes_nothing(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    staff_office(office_ctx)
    office_ctx.db.dispose()
    started = time.monotonic()
    files = hostile.generate(tmp_path / "hostile", random.Random(2026))
    made = time.monotonic() - started
    assert len(files) == 200
    codes: dict[str, collections.Counter[int]] = collections.defaultdict(collections.Counter)
    folder_before = sorted(p.name for p in db_path.parent.iterdir())
    for kind, path in files:
        for command in ("contacts", "roster"):
            before = fingerprint(db_path)
            code, out, err = cli("--db", str(db_path), command, "import", str(path))
            codes[kind][code] += 1
            assert code in (0, 2), (path.name, command, code, err)
            assert "Traceback" not in err and "意外错误" not in err, (path.name, err)
            if code == 2:
                assert err.strip() and out == "", (path.name, command)
                assert fingerprint(db_path) == before, (path.name, command)
        assert sorted(p.name for p in db_path.parent.iterdir()) == folder_before, path.name
    took = time.monotonic() - started - made
    total = collections.Counter[int]()
    for counter in codes.values():
        total.update(counter)
    print(f"\n{len(files)} hostile workbooks ({made:.0f} s to make), {sum(total.values())} imports "
          f"in {took:.0f} s; exit codes: {dict(sorted(total.items()))}")
    for kind, counter in sorted(codes.items()):
        print(f"  {kind:<30} {dict(sorted(counter.items()))}")
    assert set(total) <= {0, 2} and total[0] > 0 and total[2] > 0
    # the ones that must be refused by both imports
    for kind in ("formula", "error-value", "control-chars", "malformed-xml", "zip-bomb",
                 "many-members", "million-rows", "million-rows-lying-dimension", "last-row",
                 "entity-expansion", "not-a-workbook"):
        assert set(codes[kind]) == {2}, (kind, codes[kind])


@pytest.mark.filterwarnings("ignore:Cell .* is marked as a date:UserWarning")
def test_plans_and_calendar_imports_refuse_the_same_files_plainly(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    """The other two workbook imports read through the same guarded reader: one file of each
    hostile kind goes through ``plans import`` and ``calendar import``."""
    office_ctx.db.dispose()
    files = hostile.generate(tmp_path / "hostile", random.Random(7))
    one_each = list({kind: (kind, path) for kind, path in reversed(files)}.values())
    for kind, path in one_each:
        for command in ("plans", "calendar"):
            before = fingerprint(db_path)
            code, out, err = cli("--db", str(db_path), command, "import", str(path))
            assert code in (0, 2), (kind, command, code, err)
            assert "Traceback" not in err and "意外错误" not in err, (kind, command, err)
            if code == 2:
                assert err.strip() and out == "", (kind, command)
                assert fingerprint(db_path) == before, (kind, command)
            if kind in ("formula", "zip-bomb", "malformed-xml", "not-a-workbook"):
                assert code == 2, (kind, command, out)
