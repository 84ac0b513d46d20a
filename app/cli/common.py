"""What every command shares: exit codes, stderr lines, opening the database as the CLI.

On a single desk the command line acts as the operating-system account with administrator
rights (DESIGN.md "Command line"). On a shared server it signs in like anyone else
(``--user NAME``; the password from ``DUTYDESK_PASSWORD``, the system keyring or a prompt on
a terminal) and has that user's rights; without it, it may read but not write. Either way its
time is the trusted time (the server's clock, or this desk's guarded against jumps).
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
import sys
from pathlib import Path

import keyring
from keyring.errors import KeyringError

from app.domain import validation
from app.domain.clock import SystemClock
from app.domain.errors import InputError
from app.domain.messages import Problem, text
from app.export.files import check_target
from app.models.db import KEYRING_SERVICE, resolve_url, sqlite_path
from app.services.context import Actor, Context
from app.services.office import backup, health, trusted_time, users

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
PASSWORD_VARIABLE = "DUTYDESK_PASSWORD"


def stderr(line: str) -> None:
    print(line, file=sys.stderr)


def keyring_account(user: str, host: str) -> str:
    """The keyring account (service ``dutydesk``) holding a DutyDesk user's password."""
    return f"user:{user}@{host}"


def password_for(user: str, host: str) -> str:
    """The password of ``user``: DUTYDESK_PASSWORD, else the keyring, else a prompt on a
    terminal; InputError saying where to put it when there is none."""
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    try:
        stored = keyring.get_password(KEYRING_SERVICE, keyring_account(user, host))
    except KeyringError:  # no keyring on this machine: the other two ways remain
        stored = None
    if stored:
        return stored
    if sys.stdin is not None and sys.stdin.isatty():
        return getpass.getpass(text("cli.password_prompt", user=user))
    raise InputError(Problem("cli.no_password", None, {"user": user,
                                                       "key": keyring_account(user, host)}))


def _actor(ctx: Context, args: argparse.Namespace) -> Actor | None:
    user = getattr(args, "user", None)
    if user:
        return users.authenticate(ctx, user, password_for(user, ctx.db.url.host or "localhost"))
    return Actor.command_line() if ctx.db.is_sqlite else None


def open_context(args: argparse.Namespace, *, create: bool = False) -> Context:
    """Open (upgrading) the database, acting as the command line may: on a single desk as the
    operating-system account, on a shared server as the user it signs in (``--user``).

    A missing database file is refused (exit 2) and nothing is created, unless ``create``
    (``demo`` only: DESIGN.md lets no other command create a database)."""
    opened = health.open_database(args.db, SystemClock(), create=create)
    try:
        ctx = Context(opened.db, trusted_time.clock_for(opened.db, SystemClock()))
        ctx = ctx.acting_as(_actor(ctx, args))
        _say_clock(ctx)
    except BaseException:
        opened.db.dispose()
        raise
    return ctx


def _say_clock(ctx: Context) -> None:
    """A jump found at start is recorded and said; so is a clock off the server's."""
    news = trusted_time.watch(ctx)
    for jump in news.jumps:
        stderr(trusted_time.jump_sentence(jump))
    if not ctx.db.is_sqlite and news.skewed:
        stderr(trusted_time.skew_sentence(news.offset))


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
