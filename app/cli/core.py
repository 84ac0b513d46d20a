"""demo, check, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.engine import URL

from app.cli.common import (
    EXIT_BAD_INPUT,
    EXIT_FAILURE,
    EXIT_OK,
    open_context,
    require_database,
    stderr,
)
from app.domain import anchor_code
from app.domain.clock import SystemClock
from app.domain.errors import EnvironmentProblem, InputError, SignInRequired
from app.domain.messages import Problem, text
from app.export.files import check_target
from app.models.db import Database, resolve_url, sqlite_path
from app.services.context import Actor, Context
from app.services.office import anchors, backup, health, instance, server_check, users


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="fill the database with a realistic demo office")
    demo.add_argument("--force", action="store_true",
                      help="replace what the database holds (a backup is taken first)")
    demo.add_argument("--scale", choices=["small", "large"], default="small")
    demo.set_defaults(handler=cmd_demo)

    check = sub.add_parser("check", help="schema version, integrity, chains and their anchors; "
                                         "exit 0 when healthy")
    check.add_argument("--anchor", action="append", default=[], metavar="CODE",
                       help="also verify a chain anchor code read off a printed handover sheet")
    check.set_defaults(handler=cmd_check)

    bk = sub.add_parser("backup", help="copy the database (consistent while the program runs)")
    bk.add_argument("-o", "--output", type=Path, help="where to write the copy")
    bk.set_defaults(handler=cmd_backup)

    rs = sub.add_parser("restore", help="replace the database with a backup (the old file is kept)")
    rs.add_argument("file", type=Path)
    rs.set_defaults(handler=cmd_restore)


def cmd_check(args: argparse.Namespace) -> int:
    codes = tuple(args.anchor)
    bad = [Problem("anchor.bad_code", "anchor", {"value": c}) for c in codes
           if anchor_code.parse(c) is None]
    if bad:
        raise InputError(bad)
    url = resolve_url(args.db)
    if url.get_backend_name() != "sqlite":  # a server: what can be checked there, each said
        db = health.connect(url)
        try:
            checked = server_check.check_server(db, codes)
        finally:
            db.dispose()
        ok, lines = checked.ok, checked.lines
    else:
        require_database(args)
        report = health.check(args.db, codes)
        ok, lines = report.ok, list(report.lines)
        if ok:
            lines += _desk_clock_jumps(url)
    for line in lines:
        print(line) if ok else stderr(line)
    return EXIT_OK if ok else EXIT_FAILURE


def _desk_clock_jumps(url: URL) -> list[str]:
    db = Database(url)
    try:
        return server_check.jump_lines(Context(db))
    finally:
        db.dispose()


def _sqlite_file(args: argparse.Namespace) -> Path | None:
    path = sqlite_path(resolve_url(args.db))
    if path is None:
        stderr(text("cli.postgres_no_file"))
    return path


def cmd_backup(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    if path is None:
        return EXIT_BAD_INPUT
    require_database(args)
    if args.output:
        dest = backup.backup_to(path, check_target(args.output, "output"), SystemClock().now())
    else:
        dest = backup.auto_backup(path, "manual", SystemClock().now())
    print(text("backup.done", path=dest))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    if path is None:
        return EXIT_BAD_INPUT
    kept = health.restore_backup(path, args.file)
    print(text("restore.done", source=args.file.expanduser().resolve(), kept=kept or "—"))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import build as demo

    url = resolve_url(args.db)
    lock = instance.InstanceLock(url)
    if args.force and not lock.acquire():
        raise EnvironmentProblem(text("instance.in_use", path=sqlite_path(url) or url))
    try:
        if args.force:
            _backup_before_demo(sqlite_path(url))
        ctx = open_context(args, create=True)
        if ctx.actor is None:  # a server without --user: only an empty database needs no sign-in
            if users.any_user(ctx):
                ctx.db.dispose()
                raise SignInRequired()
            ctx = ctx.acting_as(Actor.command_line())
        try:
            result = demo.create_demo(ctx, scale=args.scale, force=args.force)
            anchors.record(ctx, "reset")
        finally:
            ctx.db.dispose()
    finally:
        lock.release()
    print(text("demo.done", orgs=result.organizations, people=result.people))
    for user in result.users:
        role = user.role.zh if args.lang == "zh_CN" else user.role.value
        print(f"  {user.username} / {user.password} / {role}")
    return EXIT_OK


def _backup_before_demo(path: Path | None) -> None:
    """``demo --force`` replaces what the database holds: keep a copy first."""
    if path is None or not path.exists() or not path.stat().st_size:
        return
    taken = backup.auto_backup(path, "manual", SystemClock().now())
    print(text("backup.before_demo", path=taken))
