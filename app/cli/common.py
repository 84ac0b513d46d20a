"""What every command shares: exit codes, stderr lines, opening the database as the CLI."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from app.domain import validation
from app.domain.clock import SystemClock
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.export.files import check_target
from app.models.db import resolve_url, sqlite_path
from app.services.context import Actor, Context
from app.services.office import backup, health

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def stderr(line: str) -> None:
    print(line, file=sys.stderr)


def open_context(args: argparse.Namespace, *, create: bool = False) -> Context:
    """Open (upgrading) the database, acting as the operating-system account.

    A missing database file is refused (exit 2) and nothing is created, unless ``create``
    (``demo`` only: DESIGN.md lets no other command create a database)."""
    opened = health.open_database(args.db, SystemClock(), create=create)
    return Context(opened.db, SystemClock(), Actor.command_line())


def require_database(args: argparse.Namespace) -> None:
    """InputError (exit 2) when ``--db`` names a database file that is missing or a folder."""
    health.require_file(sqlite_path(resolve_url(args.db)), create=False)


# --- the command line's own input: dates, times, counts, output files ------------------------
def parse_date(value: str, field: str | None, code: str = "roster.bad_date") -> dt.date:
    """A date typed on the command line (YYYY-MM-DD) within the usable range; InputError."""
    try:
        day = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise InputError(Problem(code, field, {"value": value})) from None
    problems = validation.date_in_range(day, field, value)
    if problems:
        raise InputError(problems)
    return day


def parse_datetime(value: str, zone: dt.tzinfo, field: str | None = None) -> dt.datetime:
    """An ISO 8601 time typed on the command line (office time without an offset)."""
    try:
        at = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise InputError(Problem("roster.bad_datetime", field, {"value": value})) from None
    problems = validation.date_in_range(at.date(), field, value)
    if problems:
        raise InputError(problems)
    return at if at.tzinfo is not None else at.replace(tzinfo=zone)


def bounded(value: int, field: str, most: int) -> int:
    """A count typed on the command line (``--limit``): 1 to ``most``; InputError otherwise."""
    if not 1 <= value <= most:
        raise InputError(Problem("input.bad_number", field, {"min": 1, "max": most}))
    return value


def output_file(args: argparse.Namespace, path: Path) -> Path:
    """An ``-o`` path that can be written: not a folder, in a folder that exists, writable,
    and never the database itself (nor its WAL, lock or anchors)."""
    target = check_target(path, "output")
    db_path = sqlite_path(resolve_url(args.db))
    if db_path is not None and backup.is_part_of(db_path, target):
        raise InputError(Problem("output.is_database", "output", {"value": str(target)}))
    return target
