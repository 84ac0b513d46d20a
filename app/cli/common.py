"""What every command shares: exit codes, stderr lines, opening the database as the CLI.

On a single desk the command line acts as the operating-system account with administrator
rights (DESIGN.md "Command line"). On a shared server it signs in like anyone else
(``--user NAME``; the password from ``DUTYDESK_PASSWORD``, the system keyring or a prompt on
a terminal) and has that user's rights; without it, it may read but not write. Either way its
time is the trusted time (the server's clock, or this desk's guarded against jumps).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

import keyring
from keyring.errors import KeyringError

from app.domain.clock import SystemClock
from app.domain.errors import InputError
from app.domain.messages import Problem, text
from app.models.db import KEYRING_SERVICE
from app.services.context import Actor, Context
from app.services.office import health, trusted_time, users

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


def open_context(args: argparse.Namespace) -> Context:
    """Open (creating or upgrading) the database, acting as the command line may (above)."""
    opened = health.open_database(args.db, SystemClock())
    try:
        ctx = Context(opened.db, trusted_time.clock_for(opened.db))
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
