"""The options every invocation takes (before any command), shared by ``app.main`` (which reads
them without loading the command line, to start the window fast) and ``app.cli``."""

from __future__ import annotations

import argparse

from app import __version__


def add_global_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", help="database file or SQLAlchemy URL (default: DUTYDESK_DB, "
                                     "else dutydesk.db in the user data folder)")
    parser.add_argument("--lang", choices=["zh_CN", "en"], default="zh_CN",
                        help="language of the program and its messages (default zh_CN)")
    parser.add_argument("--user", help="sign in as this DutyDesk user (needed to write on a shared "
                                       "server; password from DUTYDESK_PASSWORD, the keyring or a prompt)")
    parser.add_argument("--version", action="version", version=f"dutydesk {__version__}",
                        help="print the version and exit")


def gui_arguments(argv: list[str]) -> argparse.Namespace | None:
    """The global options when ``argv`` starts the window (no command, no help), else None: the
    caller then loads the command line and parses ``argv`` in full."""
    parser = argparse.ArgumentParser(prog="dutydesk", add_help=False)
    add_global_options(parser)
    if any(a in ("-h", "--help", "--version") for a in argv):
        return None
    try:
        args, rest = parser.parse_known_args(argv)
    except SystemExit:  # a bad option value: the full parser says so
        return None
    if rest:
        return None
    args.command = None
    return args
