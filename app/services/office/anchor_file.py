"""The append-only anchors file beside an SQLite database, and the chain heads of a file.

One JSON object a line: when, why (handover, backup, close, restore, reset) and the heads of
both chains (sequence number and full hash). Lines are only ever appended (and flushed to
disk); nothing in the program rewrites or truncates the file. Kept apart from the backups and
the anchors' verification so that both can use it without importing each other.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.domain.anchor_code import GENESIS, Heads

log = logging.getLogger(__name__)

SUFFIX = ".anchors"
RESETS = ("restore", "reset")  # marks after which earlier anchors no longer apply


@dataclass(frozen=True)
class Line:
    """One line of the anchors file (``number`` as an editor counts)."""

    number: int
    at: dt.datetime
    why: str
    heads: Heads


def path_of(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + SUFFIX)


def append(db_path: Path, heads: Heads, why: str, at: dt.datetime, **extra: str) -> bool:
    """Append one anchor line (flushed to disk); False when the file cannot be written."""
    record: dict[str, Any] = {
        "at": at.astimezone(dt.UTC).isoformat(timespec="seconds"), "why": why,
        "audit": [heads.audit_seq, heads.audit_hash], "duty_log": [heads.log_seq, heads.log_hash],
        "code": heads.code, **extra}
    try:
        with path_of(db_path).open("a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
    except OSError as exc:  # a read-only folder: the printed code and the backups still anchor
        log.warning("cannot append to the anchors file of %s: %s", db_path, exc)
        return False
    return True


def read(db_path: Path) -> tuple[list[Line], int | None]:
    """The file's lines from the latest restore or reset mark on (that mark included), and the
    number of the first line that cannot be read (None when every line reads)."""
    lines: list[Line] = []
    path = path_of(db_path)
    if not path.exists():
        return lines, None
    with path.open(encoding="utf-8", errors="replace") as fh:
        for number, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            line = _parse(number, raw)
            if line is None:
                return lines, number
            if line.why in RESETS:
                lines = []
            lines.append(line)
    return lines, None


def _parse(number: int, raw: str) -> Line | None:
    try:
        data = json.loads(raw)
        (a_seq, a_hash), (l_seq, l_hash) = data["audit"], data["duty_log"]
        heads = Heads(int(a_seq), str(a_hash), int(l_seq), str(l_hash))
        return Line(number, dt.datetime.fromisoformat(data["at"]), str(data["why"]), heads)
    except (ValueError, KeyError, TypeError):
        return None


def heads_of_file(path: Path) -> Heads | None:
    """The chain heads an SQLite file holds (a backup), read-only; None if it holds none."""
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10)
        try:
            rows = dict(((chain, (seq, digest)) for chain, seq, digest in
                         conn.execute("SELECT chain, seq, hash FROM chain_head")))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        log.warning("no chain heads in %s: %s", path, exc)
        return None
    audit = rows.get("audit", (0, GENESIS))
    duty = rows.get("duty_log", (0, GENESIS))
    return Heads(int(audit[0]), str(audit[1]), int(duty[0]), str(duty[1]))


def record_file(db_path: Path, source: Path, why: str, at: dt.datetime, **extra: str) -> None:
    """Append the heads ``source`` (a backup, a restored file) holds, if it holds any."""
    heads = heads_of_file(source)
    if heads is not None:
        append(db_path, heads, why, at, **extra)
