"""Fresh screenshots of every section at 1366×768, in the light and the dark theme.

    .venv/bin/python tools/screenshots.py [--out docs/screenshots] [--scheme light|dark|both]
                                          [--lang zh_CN|en] [--size 1366x768] [--tabs]

Builds the demo office in a temporary folder (never your data folder or keyring), signs in
as its administrator through ``app.ui.application.signed_in_window`` (the way a start does)
with the clock fixed at a Saturday morning, on a virtual screen of the given size (offscreen,
where the window opens maximized as on a real one), and grabs the real window's pixels of each
section: ``NN-section-SCHEME.png``. The font list is set explicitly (app/ui/style.py),
so Han characters are drawn with a Simplified Chinese face; install one first on a bare Linux
(``apt-get install fonts-noto-cjk``). Rerun it after a change to the look; README.md shows the
light ones.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from typing import TYPE_CHECKING  # noqa: E402

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from app.ui.main_window import MainWindow

# Saturday 28 November 2026, 09:30 in the office's zone: reports running, a weekend shift.
WHEN = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)
SECTIONS = ["roster", "intake", "deadlines", "contacts", "dutylog", "plans", "stats", "settings"]


class _NoKeyring(KeyringBackend):
    """Secrets stay in memory: the script never touches the system keyring."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.store: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.store.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.store[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.store.pop((service, username), None)


def make_demo(folder: Path) -> Path:
    from app.demo import build as demo
    from app.domain.clock import FixedClock
    from app.services.context import Actor, Context
    from app.services.office import health

    path = folder / "demo.db"
    opened = health.open_database(path, FixedClock(WHEN))
    demo.create_demo(Context(opened.db, FixedClock(WHEN), Actor.command_line()))
    opened.db.dispose()
    return path


def settle(rounds: int = 6) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(rounds):
        QApplication.processEvents()


def shoot_tabs(window: MainWindow, row: int, key: str, out: Path, scheme: str) -> list[Path]:
    """Every tab of the section's first tab bar but the one already shot (``--tabs``)."""
    from PySide6.QtWidgets import QTabWidget

    page = window.pages.currentWidget()
    tabs = page.findChild(QTabWidget) if page is not None else None
    shots: list[Path] = []
    if tabs is None:
        return shots
    for index in range(1, tabs.count()):
        tabs.setCurrentIndex(index)
        settle()
        target = out / f"{row + 1:02d}-{key}-{index + 1}-{scheme}.png"
        window.grab().save(str(target))
        shots.append(target)
    tabs.setCurrentIndex(0)
    return shots


def shoot(db: Path, out: Path, scheme: str, language: str, size: tuple[int, int],
          tabs: bool = False) -> list[Path]:
    from PySide6.QtCore import QSettings

    from app.domain.clock import FixedClock
    from app.ui import application, style

    settings = QSettings(str(db.parent / f"settings-{scheme}.ini"), QSettings.Format.IniFormat)
    window = application.signed_in_window(db, "admin", "admin-2026", language,
                                          clock=FixedClock(WHEN), settings=settings)
    style.apply_scheme(scheme)
    settle()
    if (window.width(), window.height()) != size:  # maximized on the virtual screen
        raise SystemExit(f"the window is {window.width()}×{window.height()}, not {size}")
    saved: list[Path] = []
    try:
        for row, key in enumerate(SECTIONS):
            window.navigation.setCurrentRow(row)
            settle()
            window.tick()
            settle()
            target = out / f"{row + 1:02d}-{key}-{scheme}.png"
            window.grab().save(str(target))
            saved.append(target)
            if tabs:
                saved += shoot_tabs(window, row, key, out, scheme)
        saved += shoot_dialogs(window, out, scheme)
    finally:
        application.close_signed_in(window)
    return saved


def over_window(window: QWidget, dialog: QWidget, target: Path) -> Path:
    """The window with the dialog drawn where it opened (offscreen has no compositor)."""
    from PySide6.QtGui import QPainter

    settle()
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(dialog.geometry().topLeft() - window.geometry().topLeft(), dialog.grab())
    painter.end()
    picture.save(str(target))
    dialog.close()
    settle()
    return target


def shoot_dialogs(window: MainWindow, out: Path, scheme: str) -> list[Path]:
    """The shortcut page (F1) and About, each over the window where it opens."""
    from app.ui import help

    window.navigation.setCurrentRow(1)
    shots = [over_window(window, window.show_shortcuts(), out / f"09-shortcuts-{scheme}.png")]
    about = help.AboutDialog(window.ctx.db.display_location, window)
    about.open()
    shots.append(over_window(window, about, out / f"10-about-{scheme}.png"))
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--scheme", choices=["light", "dark", "both"], default="both")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--tabs", action="store_true",
                        help="every tab of each section too (to look at, not for the README)")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    keyring.set_keyring(_NoKeyring())
    with tempfile.TemporaryDirectory(prefix="dutydesk-shots-") as tmp:
        folder = Path(tmp)
        os.environ["DUTYDESK_HOME"] = str(folder / "home")  # never the real data folder
        screen = folder / "screen.json"  # a virtual screen of the asked size: the window maximizes
        screen.write_text(json.dumps({"windowFrameMargins": False, "screens": [{"name": "shots", "x": 0, "y": 0, "width": width,
                                                   "height": height, "logicalDpi": 96,
                                                   "logicalBaseDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={screen}"
        db = make_demo(folder)
        schemes = ["light", "dark"] if args.scheme == "both" else [args.scheme]
        for scheme in schemes:
            for path in shoot(db, args.out, scheme, args.lang, (width, height), args.tabs):
                print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
