"""The property of issue 11: whatever JSON object ``incidents add`` gets, built from the
fields' names and wrong types, it exits 0 (recorded) or 2 (refused, each problem on its own
line, the database unchanged), never 1 and never a traceback.

Few examples by default; ``DUTYDESK_HYPOTHESIS=thorough`` runs 2000."""

from __future__ import annotations

import json

import pytest
from hypothesis import event, given, settings
from hypothesis import strategies as st

from app.domain.incident_facts import FIELDS
from app.services.context import Context
from tests.cli.test_incidents import BLAST, cli_clock, digest  # noqa: F401  (cli_clock: the fixture)
from tests.conftest import PROPERTY
from tests.services.incidents.test_intake import cli

_wrong = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(10**30), max_value=10**30)
    | st.floats(allow_nan=True, allow_infinity=True) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=4), inner, max_size=2),
    max_leaves=5)
_words = st.sampled_from(["", "II", "重大", "一般", "预警信息", "accident", "地质灾害", "2026-11-28T09:10",
                          "2026-12-03T09:20", "2099-01-01T00:00", "true", "false", "是", "7", "-3", "1e20",
                          "0576-88001234转801", "88001234", "初步核定"])
_keys = st.sampled_from([*FIELDS, "flash", "number", "as_of", "unknown"])
# Three kinds of object: anything built from the names, a sound report with wrong values in it,
# and a sound report with a word or two changed (so that recording is tried as well).
objects = st.one_of(
    st.dictionaries(_keys, _wrong | _words, max_size=8),
    st.dictionaries(_keys, _wrong | _words, max_size=4).map(lambda d: {**BLAST, **d}),
    st.dictionaries(_keys, _words, max_size=2).map(lambda d: {**BLAST, **d}),
)


@settings(parent=PROPERTY)
@given(sent=objects)
def test_add_exits_0_or_2_and_writes_nothing_when_it_refuses(office_ctx: Context, db_path, sent: dict) -> None:  # type: ignore[no-untyped-def]
    before = digest(db_path)
    code, out, err = cli("--db", str(db_path), "incidents", "add", "-", stdin=json.dumps(sent, ensure_ascii=False))
    assert code in (0, 2), err
    event(f"exit {code}")
    assert "Traceback" not in err and "意外错误" not in err
    if code == 2:
        assert out == "" and err.strip() and all(line.strip() for line in err.splitlines())
        assert digest(db_path) == before
    else:
        assert out.strip().startswith("2026-") and err == ""


@pytest.mark.parametrize("raw", [
    '{"deaths": NaN}', '{"loss_cny": -Infinity}', '[1, 2]', '"a string"', "{", "[" * 5000 + "]" * 5000,
    '{"title": "\\ud800"}', '{"title": "a\\u0000b"}', '{"deaths": 1e400}',
])
def test_add_refuses_what_is_no_json_object_or_holds_no_number(office_ctx: Context, db_path, raw: str) -> None:  # type: ignore[no-untyped-def]
    before = digest(db_path)
    code, _, err = cli("--db", str(db_path), "incidents", "add", "-", stdin=raw)
    assert code == 2 and err.strip() and digest(db_path) == before
