"""Starting the desktop program: Qt, language, the database, sign-in, the main window."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import __version__, paths
from app.domain.clock import SystemClock
from app.domain.errors import DatabaseDamaged, DutyDeskError
from app.live.channel import LiveChannel
from app.live.listener import Fanout
from app.scheduler.runtime import DutyScheduler
from app.services.context import Context
from app.services.office import health, office, trusted_time, workstations
from app.ui import live_view, style
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines.alarm import AlarmSound
from app.ui.live_view import LiveBridge, SchedulerPoke
from app.ui.main_window import MainWindow
from app.ui.setup_dialog import SetupDialog
from app.ui.signin_dialog import SignInDialog

log = logging.getLogger(__name__)

# Kept referenced for the life of the program: a collected QTranslator stops translating.
_TRANSLATORS: list[QTranslator] = []


def app_settings() -> QSettings:
    """QSettings in an INI file in the data folder (never the registry or ~/.config)."""
    return QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons) for ``language``."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    qm = paths.resources_dir() / "translations" / f"dutydesk_{language}.qm"
    if ours.load(str(qm)):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("translation %s could not be loaded", qm)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


def create_application(argv: list[str], language: str) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("DutyDesk")
    app.setOrganizationName("DutyDesk")
    icon = paths.resources_dir() / "icons" / "dutydesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style.apply(app)
    _TRANSLATORS[:] = install_translators(app, language)
    return app


class FirstWindowLog(QObject):
    """Writes "window shown: NAME" to the log when the first top-level window appears (the
    sign-in or setup dialog, or whatever comes first), then stops watching. Installers' smoke
    tests wait for that line to know the bundled program can draw its window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow()):
            log.info("window shown: %s", type(watched).__name__)
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        return False


def log_started(location: str) -> None:
    """The log's first line of a GUI session: which version runs on which database."""
    log.info("started v%s on %s", __version__, location)


def install_exception_hook(parent_getter: Callable[[], QWidget | None] = lambda: None) -> None:
    """Log every unexpected exception and show it; never lose one silently."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, DutyDeskError):
            # Not a bug: someone else changed the record (已被他人修改), the server is away, the
            # input was refused. Whatever screen let it through, the operator reads the sentence.
            log.warning("refused: %s", value.message)
            QMessageBox.warning(parent_getter(), QApplication.translate("Application", "DutyDesk"),
                                value.message)
            return
        log.critical("unexpected exception", exc_info=(kind, value, tb))
        if isinstance(value, KeyboardInterrupt):
            QApplication.quit()
            return
        detail = "".join(traceback.format_exception_only(kind, value)).strip()
        box = QMessageBox(parent_getter())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("Application", "Unexpected error"))
        box.setText(QApplication.translate(
            "Application",
            "Something went wrong in DutyDesk. What you had saved is safe. "
            "The details were written to the log:\n%1").replace(
                "%1", str(paths.log_dir() / "dutydesk.log")))
        box.setDetailedText(detail)
        box.exec()

    sys.excepthook = hook


def offer_backup(parent: QWidget | None, error: DatabaseDamaged) -> bool:
    """The file is damaged: say so and offer the latest good backup. True if restored."""
    good = error.latest_backup
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Critical)
    box.setWindowTitle(QApplication.translate("Application", "The database is damaged"))
    if good is None:
        box.setText(QApplication.translate(
            "Application", "DutyDesk cannot use this database:\n%1\n\nNo good backup was found."
        ).replace("%1", error.message))
        box.setStandardButtons(QMessageBox.StandardButton.Close)
        box.exec()
        return False
    when = good.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    box.setText(QApplication.translate(
        "Application",
        "DutyDesk cannot use this database:\n%1\n\nThe latest good backup is from %2:\n%3\n\n"
        "Restore it? The damaged file is kept beside the backups.",
    ).replace("%1", error.message).replace("%2", when).replace("%3", str(good.path)))
    restore = box.addButton(QApplication.translate("Application", "Restore the backup"),
                            QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QApplication.translate("Application", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def open_with_recovery(target: str | None, parent: QWidget | None = None) -> health.OpenResult | None:
    """Open the database; on damage offer the latest good backup and try again once."""
    for _attempt in range(2):
        try:
            return health.open_database(target, SystemClock())
        except DatabaseDamaged as exc:
            log.error("database refused: %s", exc.message)
            if not offer_backup(parent, exc):
                return None
            assert exc.latest_backup is not None  # offer_backup offers only an existing one
            health.restore_backup(target, exc.latest_backup.path)
        except DutyDeskError as exc:
            QMessageBox.critical(parent, QApplication.translate("Application", "DutyDesk"), exc.message)
            return None
    return None


def sign_in(ctx: Context) -> Context | None:
    """First-run setup on an empty database, else the sign-in dialog."""
    if office.needs_setup(ctx):
        dialog = SetupDialog(ctx)
        if not dialog.exec() or dialog.actor is None:
            return None
        return ctx.acting_as(dialog.actor)
    info = office.get_office(ctx)
    signin = SignInDialog(ctx, info.name if info else "")
    if not signin.exec() or signin.actor is None:
        return None
    return ctx.acting_as(signin.actor)


def tell_signed_in(ctx: Context) -> None:
    """The workstation's row names who works there now (the status bars of all show it)."""
    try:
        workstations.signed_in(ctx)
    except DutyDeskError as exc:  # the server is away: the next sign-in or beat tells
        log.warning("could not record who is signed in here: %s", exc.message)


def run_gui(args: argparse.Namespace) -> int:
    app = create_application(sys.argv[:1], args.lang)
    first_window = FirstWindowLog(app)
    app.installEventFilter(first_window)
    window: list[MainWindow] = []
    install_exception_hook(lambda: window[0] if window else None)
    opened = open_with_recovery(args.db)
    if opened is None:
        return 1
    db = opened.db
    log_started(db.display_location)
    health.mark_running(db.path)
    ctx = Context(db, trusted_time.clock_for(db))
    bridge = SchedulerBridge()
    scheduler = DutyScheduler(ctx, bridge)
    live = LiveBridge()
    channel = LiveChannel(ctx, Fanout(live, SchedulerPoke(scheduler.poke)))
    # Alarms run before anyone signs in: until the main window takes over, they sound.
    early_sound = AlarmSound()
    bridge.sig_alarm.connect(early_sound.play)
    scheduler.start()
    channel.start(wait=0)
    try:
        signed_in = sign_in(ctx)
        if signed_in is None:
            return 0
        main = MainWindow(signed_in, app_settings(), bridge)
        window.append(main)
        live_view.attach(main, live, bridge, scheduler.clock_said)
        tell_signed_in(signed_in)
        main.sig_operator_changed.connect(lambda: tell_signed_in(main.ctx))
        bridge.sig_health_problem.connect(main.show_health_problem)
        bridge.sig_alarm.disconnect(early_sound.play)
        scheduler.replay_alarms()  # what rang before sign-in rings on in the window
        main.show()
        log.info("window shown: main window")
        main.raise_()
        main.activateWindow()  # the sign-in dialog had the keyboard; hand it to the window
        return app.exec()
    finally:
        channel.stop()
        scheduler.shutdown()
        db.dispose()
        health.mark_closed(db.path)
