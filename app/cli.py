"""The headless commands of DESIGN.md's command-line contract.

Exit 0 on success, 2 on bad input (one line per problem on stderr, nothing written), 1 on any
other failure, and never a traceback for a user's mistake. The command line acts with
administrator rights under the operating-system account, marked as such in the audit trail.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable
from pathlib import Path

from app import paths
from app.domain.clock import SystemClock
from app.domain.errors import DatabaseDamaged, DutyDeskError, InputError
from app.domain.messages import text
from app.services import backup, health
from app.services.context import Actor, Context

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dutydesk",
        description="DutyDesk (应急值守台). Without a command, starts the desktop program.",
    )
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: DUTYDESK_DB, "
                                     "else dutydesk.db in the user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN",
                        help="language of the program and its messages (default zh_CN)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="fill the database with a realistic demo office")
    demo.add_argument("--force", action="store_true", help="replace what the database holds")
    demo.add_argument("--scale", choices=["small", "large"], default="small")

    sub.add_parser("check", help="schema version and integrity; exit 0 when healthy")

    bk = sub.add_parser("backup", help="copy the database (consistent while the program runs)")
    bk.add_argument("-o", "--output", type=Path, help="where to write the copy")

    rs = sub.add_parser("restore", help="replace the database with a backup (the old file is kept)")
    rs.add_argument("file", type=Path)
    return parser


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def _open(args: argparse.Namespace) -> Context:
    opened = health.open_database(args.db, SystemClock())
    return Context(opened.db, SystemClock(), Actor.command_line())


def cmd_check(args: argparse.Namespace) -> int:
    report = health.check(args.db)
    for line in report.lines:
        print(line) if report.ok else _stderr(line)
    return EXIT_OK if report.ok else EXIT_FAILURE


def _sqlite_file(args: argparse.Namespace) -> Path | None:
    from app.models.db import resolve_url, sqlite_path

    path = sqlite_path(resolve_url(args.db))
    if path is None:
        _stderr(text("cli.postgres_no_file"))
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    if path is None:
        return EXIT_BAD_INPUT
    clock = SystemClock()
    if args.output:
        dest = backup.backup_to(path, args.output.expanduser().resolve())
    else:
        dest = backup.auto_backup(path, "manual", clock.now())
    print(text("backup.done", path=dest))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    if path is None:
        return EXIT_BAD_INPUT
    marker = health.running_marker(path)
    if marker.exists():
        _stderr(text("restore.app_running", marker=marker))
        return EXIT_FAILURE
    kept = backup.restore(path, args.file.expanduser(), SystemClock().now())
    print(text("restore.done", source=args.file, kept=kept))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.services import demo

    ctx = _open(args)
    try:
        result = demo.create_demo(ctx, scale=args.scale, force=args.force)
    finally:
        ctx.db.dispose()
    print(text("demo.done", orgs=result.organizations, people=result.people))
    for user in result.users:
        print(f"  {user.username} / {user.password} / {user.role.zh if args.lang == 'zh_CN' else user.role.value}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "demo": cmd_demo,
}


def run(args: argparse.Namespace) -> int:
    """Run one command; the exit code of the contract."""
    try:
        return COMMANDS[args.command](args)
    except InputError as exc:
        for problem in exc.problems:
            _stderr(problem.message())
        return EXIT_BAD_INPUT
    except DatabaseDamaged as exc:
        _stderr(exc.message)
        good = getattr(exc, "latest_backup", None)
        if good is not None:
            _stderr(text("db.latest_backup", path=good.path,
                         when=good.taken_at.strftime("%Y-%m-%d %H:%M UTC")))
        else:
            _stderr(text("db.no_backup"))
        return EXIT_FAILURE
    except DutyDeskError as exc:
        _stderr(exc.message)
        return EXIT_FAILURE
    except Exception as exc:
        log.exception("command %s failed", args.command)
        _stderr(text("cli.unexpected", detail=exc, log=paths.log_dir() / "dutydesk.log"))
        return EXIT_FAILURE
