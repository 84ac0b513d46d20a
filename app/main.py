"""Composition root: parse the arguments, set up logging and language, run a command or the GUI."""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys

from app import paths
from app.domain import messages


def setup_logging() -> None:
    """A rotating log file in the data folder (1 MiB × 5)."""
    root = logging.getLogger()
    if any(isinstance(h, logging.handlers.RotatingFileHandler) for h in root.handlers):
        return
    handler = logging.handlers.RotatingFileHandler(
        paths.log_dir() / "dutydesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    from app import cli

    args = cli.build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.db is None:
        args.db = os.environ.get("DUTYDESK_DB") or None
    messages.set_language(args.lang)
    setup_logging()
    if args.command is None:
        from app.ui.application import run_gui

        return run_gui(args)
    return cli.run(args)


def main_gui() -> int:
    """Entry point of ``dutydesk-gui`` (no console window on Windows)."""
    return main()


if __name__ == "__main__":
    sys.exit(main())
