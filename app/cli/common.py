"""What every command shares: exit codes, stderr lines, opening the database as the CLI."""

from __future__ import annotations

import argparse
import sys

from app.domain.clock import SystemClock
from app.services.context import Actor, Context
from app.services.office import health

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def stderr(line: str) -> None:
    print(line, file=sys.stderr)


def open_context(args: argparse.Namespace) -> Context:
    """Open (creating or upgrading) the database, acting as the operating-system account."""
    opened = health.open_database(args.db, SystemClock())
    return Context(opened.db, SystemClock(), Actor.command_line())
