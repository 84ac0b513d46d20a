"""What every command shares: exit codes, stderr lines, opening the database as the CLI."""

from __future__ import annotations

import argparse
import sys

from app.domain.clock import SystemClock
from app.models.db import resolve_url, sqlite_path
from app.services.context import Actor, Context
from app.services.office import health

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
