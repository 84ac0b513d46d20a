"""demo, check, backup, restore."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy.engine import URL

from app.cli.common import EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, open_context, stderr
from app.domain.clock import SystemClock
from app.domain.errors import SignInRequired
from app.domain.messages import text
from app.models.db import Database, resolve_url, sqlite_path
from app.services.context import Actor, Context
from app.services.office import backup, health, server_check, users


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo", help="fill the database with a realistic demo office")
    demo.add_argument("--force", action="store_true", help="replace what the database holds")
    demo.add_argument("--scale", choices=["small", "large"], default="small")
    demo.set_defaults(handler=cmd_demo)

    sub.add_parser("check", help="schema version and integrity; exit 0 when healthy").set_defaults(
        handler=cmd_check)

    bk = sub.add_parser("backup", help="copy the database (consistent while the program runs)")
    bk.add_argument("-o", "--output", type=Path, help="where to write the copy")
    bk.set_defaults(handler=cmd_backup)

    rs = sub.add_parser("restore", help="replace the database with a backup (the old file is kept)")
    rs.add_argument("file", type=Path)
    rs.set_defaults(handler=cmd_restore)


def cmd_check(args: argparse.Namespace) -> int:
    url = resolve_url(args.db)
    if url.get_backend_name() != "sqlite":  # a server: what can be checked there, each said
        db = Database(url)
        try:
            checked = server_check.check_server(db)
        finally:
            db.dispose()
        ok, lines = checked.ok, checked.lines
    else:
        report = health.check(args.db)
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
    if args.output:
        dest = backup.backup_to(path, args.output.expanduser().resolve())
    else:
        dest = backup.auto_backup(path, "manual", SystemClock().now())
    print(text("backup.done", path=dest))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    path = _sqlite_file(args)
    if path is None:
        return EXIT_BAD_INPUT
    marker = health.running_marker(path)
    if marker.exists():
        stderr(text("restore.app_running", marker=marker))
        return EXIT_FAILURE
    kept = backup.restore(path, args.file.expanduser(), SystemClock().now())
    print(text("restore.done", source=args.file, kept=kept))
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import build as demo

    ctx = open_context(args)
    if ctx.actor is None:  # a server without --user: only an empty database needs no sign-in
        if users.any_user(ctx):
            ctx.db.dispose()
            raise SignInRequired()
        ctx = ctx.acting_as(Actor.command_line())
    try:
        result = demo.create_demo(ctx, scale=args.scale, force=args.force)
    finally:
        ctx.db.dispose()
    print(text("demo.done", orgs=result.organizations, people=result.people))
    for user in result.users:
        role = user.role.zh if args.lang == "zh_CN" else user.role.value
        print(f"  {user.username} / {user.password} / {role}")
    return EXIT_OK
