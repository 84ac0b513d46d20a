"""Composition root: parse the arguments, set up logging and language, run a command or the GUI."""

from __future__ import annotations

import ctypes
import logging
import logging.handlers
import os
import sys

from app import options, paths
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


# Handles of the named mutexes, held (never closed) for the life of the process.
_INSTANCE_MUTEXES: list[int] = []


def hold_instance_mutex() -> list[int]:
    """Windows: hold the named mutex ``paths.INSTANCE_LOCK_NAME`` (in this session and, as
    ``Global\\…``, across sessions) so that setup and uninstall (the installer's AppMutex) see
    the program running and ask to close it first. Nothing to do elsewhere."""
    if sys.platform != "win32":
        return []
    if not _INSTANCE_MUTEXES:
        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.CreateMutexW.restype = ctypes.c_void_p  # a HANDLE: 64 bits, not the default int
        for name in (paths.INSTANCE_LOCK_NAME, "Global\\" + paths.INSTANCE_LOCK_NAME):
            handle = kernel32.CreateMutexW(None, False, name)
            if handle:
                _INSTANCE_MUTEXES.append(handle)
    return _INSTANCE_MUTEXES


def main(argv: list[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else argv
    args = options.gui_arguments(given)
    if args is None:  # a command: only now the command line (and all it loads: openpyxl …)
        from app import cli

        args = cli.build_parser().parse_args(given)
    if args.db is None:
        args.db = os.environ.get("DUTYDESK_DB") or None
    messages.set_language(args.lang)
    setup_logging()
    hold_instance_mutex()
    if args.command is None:
        from app.ui.launch import run_gui

        return run_gui(args)
    from app import cli  # loaded above already: a command was given

    return cli.run(args)


def main_gui(argv: list[str] | None = None) -> int:
    """Entry point of ``dutydesk-gui`` (no console window on Windows).

    A windowed Windows program has no standard streams (``sys.stdout`` is None there): what
    would be printed (argparse's usage, a library's warning) goes to the null device instead of
    ending the program with an AttributeError."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 (for the process's life)
    return main(argv)


if __name__ == "__main__":
    sys.exit(main())
