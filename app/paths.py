"""Where DutyDesk keeps its data and finds its resources.

A leaf module: any layer may import it. ``DUTYDESK_HOME`` overrides the data folder, which is
how the tests keep away from the user's real data.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "DutyDesk"
DB_FILENAME = "dutydesk.db"


def data_dir() -> Path:
    """The folder for the database, backups, logs and settings (created on demand)."""
    override = os.environ.get("DUTYDESK_HOME")
    path = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def settings_path() -> Path:
    """The INI file behind QSettings (kept in the data folder, never the system registry)."""
    return data_dir() / "settings.ini"


def resources_dir() -> Path:
    """The resources folder, from a source checkout, an installed wheel or a frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if (checkout / "translations").is_dir():
        return checkout
    import dutydesk_resources  # installed wheel: resources ship as this package

    return Path(dutydesk_resources.__file__).resolve().parent


def migrations_dir() -> Path:
    return Path(__file__).resolve().parent / "models" / "migrations"


# The name of the one-program-per-database lock: the Windows installer's AppMutex uses it to
# see a running program, and the lock files and the window's local server are named after it.
INSTANCE_LOCK_NAME = "DutyDesk.Instance"
