"""The headless commands of DESIGN.md's command-line contract.

Exit 0 on success, 2 on bad input (one line per problem on stderr, nothing written), 1 on any
other failure, and never a traceback for a user's mistake. The command line acts with
administrator rights under the operating-system account, marked as such in the audit trail.
Each feature keeps its commands in a module of this package with a ``register(sub)`` function
that adds its parsers and sets ``handler``.
"""

from __future__ import annotations

import argparse
import logging

from app import paths
from app.cli import (
    calendar,
    contacts,
    core,
    deadlines,
    dutylog,
    incidents,
    live,
    plans,
    report,
    roster,
    stats,
)
from app.cli.common import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, stderr
from app.domain.errors import (
    DatabaseDamaged,
    DutyDeskError,
    InputError,
    NotFound,
    SignInFailed,
    SignInRequired,
)
from app.domain.messages import text
from app.models.db import resolve_url, sqlite_path
from app.options import add_global_options
from app.services import errors
from app.services.office import health

log = logging.getLogger(__name__)

FEATURES = [contacts, core, deadlines, dutylog, incidents, live, plans, roster, calendar, stats,
            report]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dutydesk",
        description="DutyDesk (应急值守台). Without a command, starts the desktop program.",
    )
    add_global_options(parser)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for feature in FEATURES:
        feature.register(sub)
    return parser


def run(args: argparse.Namespace) -> int:
    """Run one command; the exit code of the contract."""
    try:
        return args.handler(args)
    except BrokenPipeError:  # the reader went away (dutydesk … | head): nothing to report
        return EXIT_OK
    except InputError as exc:
        for problem in exc.problems:
            stderr(problem.message())
        return EXIT_BAD_INPUT
    except SignInRequired:  # a write on a shared server without --user: say how
        stderr(text("cli.sign_in_needed"))
        return EXIT_BAD_INPUT
    except (NotFound, SignInFailed) as exc:  # what the user typed: a number the records do not
        # hold, a wrong password
        stderr(exc.message)
        return EXIT_BAD_INPUT
    except DatabaseDamaged as exc:
        stderr(exc.message)
        for line in health.backup_hint(sqlite_path(resolve_url(args.db))):
            stderr(line)
        return EXIT_FAILURE
    except DutyDeskError as exc:
        stderr(exc.message)
        return EXIT_FAILURE
    except Exception as exc:
        log.exception("command %s failed", args.command)
        translated = errors.for_operator(exc)
        if isinstance(translated, DutyDeskError):  # a database error that escaped the boundary
            stderr(translated.message)
            return EXIT_FAILURE
        if errors.hides_its_text(exc):
            detail = text("db.failed")
        else:
            detail = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        stderr(text("cli.unexpected", detail=detail, log=paths.log_dir() / "dutydesk.log"))
        return EXIT_FAILURE
