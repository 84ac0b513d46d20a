"""Starting the desktop program: Qt, language, the database, sign-in, the main window."""

from __future__ import annotations

import argparse
import logging
import subprocess
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from app import paths
from app.domain.clock import SystemClock
from app.domain.errors import DatabaseDamaged, DatabaseUnavailable, DutyDeskError
from app.scheduler.runtime import DutyScheduler
from app.services.context import Actor, Context
from app.services.office import anchors, health, instance, office, throttle
from app.ui import recovery, single_instance, style
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines.alarm import AlarmSound
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


def install_exception_hook(parent_getter: Callable[[], QWidget | None] = lambda: None,
                           watcher: recovery.DamageWatcher | None = None) -> None:
    """Log every unexpected exception and show it; never lose one silently. A damaged file met
    on the way goes to the ``watcher`` (the backup is offered), never to a bug dialog."""

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, DatabaseDamaged) and watcher is not None:
            log.error("database damaged: %s", value.message)
            watcher.handle(value)
            return
        log.critical("unexpected exception", exc_info=(kind, value, tb))
        if isinstance(value, KeyboardInterrupt):
            QApplication.quit()
            return
        detail = "".join(traceback.format_exception_only(kind, value)).strip()
        box = QMessageBox(parent_getter())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QApplication.translate("Application", "Unexpected error"))
        if isinstance(value, DutyDeskError):
            box.setText(value.message)
        else:
            box.setText(QApplication.translate(
                "Application",
                "Something went wrong in DutyDesk. What you had saved is safe. "
                "The details were written to the log:\n%1").replace(
                    "%1", str(paths.log_dir() / "dutydesk.log")))
        box.setDetailedText(detail)
        box.exec()

    sys.excepthook = hook


def open_with_recovery(target: str | None, parent: QWidget | None = None,
                       lock: instance.InstanceLock | None = None) -> health.OpenResult | None:
    """Open the database; on damage offer the latest good backup (and try again once it is
    restored), on a server out of reach offer to try again."""
    restored = False
    while True:
        try:
            return health.open_database(target, SystemClock())
        except DatabaseDamaged as exc:
            log.error("database refused: %s", exc.message)
            if restored or not recovery.offer_backup(parent, exc) or exc.latest_backup is None:
                return None
            health.restore_backup(target, exc.latest_backup.path, lock=lock)
            restored = True
        except DatabaseUnavailable as exc:
            log.error("database unavailable: %s", exc.message)
            if not recovery.retry_server(parent, exc):
                return None
        except DutyDeskError as exc:
            QMessageBox.critical(parent, QApplication.translate("Application", "DutyDesk"), exc.message)
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


def relaunch() -> None:
    """Start the program again (after a restore), as it was started."""
    if getattr(sys, "frozen", False):
        command = [sys.executable, *sys.argv[1:]]
    else:
        command = [sys.executable, "-m", "app", *sys.argv[1:]]
    subprocess.Popen(command, close_fds=True, start_new_session=True)


def claim(args: argparse.Namespace) -> tuple[instance.InstanceLock, str] | None:
    """Take this database's instance lock; None when another program holds it (that one is
    asked to come forward, or the operator is told)."""
    lock, name = instance.for_target(args.db)
    if lock.acquire():
        return lock, name
    if not single_instance.knock(name):
        QMessageBox.information(None, QApplication.translate("Application", "DutyDesk"),
                                QApplication.translate(
                                    "Application", "DutyDesk is already running on this database "
                                    "(or it is being restored). Wait a moment and try again."))
    return None


def run_gui(args: argparse.Namespace) -> int:
    app = create_application(sys.argv[:1], args.lang)
    window: list[MainWindow] = []
    watcher = recovery.DamageWatcher()
    install_exception_hook(lambda: window[0] if window else None, watcher)
    try:
        claimed = claim(args)
    except DutyDeskError as exc:
        QMessageBox.critical(None, QApplication.translate("Application", "DutyDesk"), exc.message)
        return 1
    if claimed is None:
        return 0
    lock, channel_name = claimed
    channel = single_instance.InstanceChannel(channel_name)
    try:
        code = _run_with_lock(app, args, lock, channel, watcher, window)
    finally:
        channel.close()
        lock.release()
    if watcher.restore_from is not None:
        relaunch()
    return code


def _run_with_lock(app: QApplication, args: argparse.Namespace, lock: instance.InstanceLock,
                   channel: single_instance.InstanceChannel, watcher: recovery.DamageWatcher,
                   window: list[MainWindow]) -> int:
    settings = app_settings()
    if settings.contains("workstation/duty_desk"):  # a server's workstation may be the desk
        throttle.THROTTLE.duty_desk = bool(settings.value("workstation/duty_desk", type=bool))
    opened = open_with_recovery(args.db, lock=lock)
    if opened is None:
        return 1
    db = opened.db
    ctx = Context(db, SystemClock())
    bridge = SchedulerBridge()
    bridge.sig_database_damaged.connect(watcher.handle)
    scheduler = DutyScheduler(ctx, bridge)
    watcher.recheck = scheduler.check_now
    # Alarms run before anyone signs in: until the main window takes over, they sound.
    early_sound = AlarmSound()
    bridge.sig_alarm.connect(early_sound.play)
    scheduler.start()  # the start-up check (quick_check, chains) runs in its thread now
    try:
        signed_in = sign_in(ctx)
        if signed_in is None or watcher.restore_from is not None:
            return 0
        main = MainWindow(signed_in, settings, bridge)
        window.append(main)
        channel.window = main
        bridge.sig_health_problem.connect(main.show_health_problem)
        watcher.sig_writes_stopped.connect(main.show_health_problem)
        if db.stopped is not None:  # found damaged during sign-in, the backup declined
            main.show_health_problem(db.stopped)
        bridge.sig_alarm.disconnect(early_sound.play)
        scheduler.replay_alarms()  # what rang before sign-in rings on in the window
        main.show()
        main.raise_()
        main.activateWindow()  # the sign-in dialog had the keyboard; hand it to the window
        return app.exec()
    finally:
        scheduler.shutdown()
        _close(ctx, lock, watcher)


def _close(ctx: Context, lock: instance.InstanceLock, watcher: recovery.DamageWatcher) -> None:
    """Anchor the chains (a healthy file), close the database, restore a backup if asked."""
    if ctx.db.stopped is None:
        try:
            anchors.record(ctx.acting_as(Actor.system()), "close")
        except DutyDeskError as exc:
            log.warning("no anchor at close: %s", exc.message)
    ctx.db.dispose()
    chosen = watcher.restore_from
    if chosen is not None and chosen.latest_backup is not None:
        try:
            health.restore_backup(ctx.db.path, chosen.latest_backup.path, lock=lock)
        except DutyDeskError as exc:
            watcher.restore_from = None
            QMessageBox.critical(None, QApplication.translate("Application", "DutyDesk"),
                                 exc.message)
