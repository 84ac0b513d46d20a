"""Where DutyDesk keeps its data and finds its resources.

A leaf module: any layer may import it. The data folder is, first match wins:

1. ``DUTYDESK_HOME`` (the tests use it to keep away from the user's real data);
2. ``home`` in the ``[paths]`` section of ``dutydesk.ini`` beside the executable of an installed
   (frozen) program: the Windows installer writes it when the administrator chooses one
   machine-wide database for a shared duty PC (``%ProgramData%\\DutyDesk``); environment
   variables in it are expanded;
3. the user's data folder (platformdirs).
"""

from __future__ import annotations

import configparser
import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "DutyDesk"
DB_FILENAME = "dutydesk.db"
INSTALL_CONFIG = "dutydesk.ini"

# The one name of "DutyDesk is running": the Windows named mutex the program holds for its life
# (app.main.hold_instance_mutex) and the AppMutex of installer/windows/dutydesk.iss, so setup
# and uninstall ask to close a running copy; the one-program-per-database lock names the
# window's local channel after it too (services/office/instance.py).
INSTANCE_LOCK_NAME = "DutyDesk.Running"


def installed_home() -> Path | None:
    """The data folder set by the installer in ``dutydesk.ini`` beside a frozen executable."""
    if not getattr(sys, "frozen", False):
        return None
    config = configparser.ConfigParser(interpolation=None)
    try:
        config.read(Path(sys.executable).resolve().parent / INSTALL_CONFIG, encoding="utf-8")
    except (OSError, configparser.Error, UnicodeDecodeError):
        return None  # an unreadable file must not stop the duty room: fall back to the user's folder
    home = config.get("paths", "home", fallback="").strip()
    return Path(os.path.expandvars(home)).expanduser() if home else None


def data_dir() -> Path:
    """The folder for the database, backups, logs and settings (created on demand)."""
    override = os.environ.get("DUTYDESK_HOME")
    if override:
        path = Path(override)
    else:
        path = installed_home() or Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
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

