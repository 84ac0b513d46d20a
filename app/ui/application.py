"""Starting the desktop program: Qt, language, the database, sign-in, the main window."""

from __future__ import annotations

import argparse
import functools
import logging
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTimer, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app import __version__, paths
from app.domain import messages
from app.domain.clock import Clock, SystemClock
from app.domain.errors import DatabaseDamaged, DutyDeskError
from app.domain.progress import Progress
from app.scheduler.runtime import DutyScheduler
from app.services.context import Context
from app.services.office import health, office, users
from app.ui import errors, style, workers
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
    else:
        log.warning("Qt's own translation qtbase_%s could not be loaded", language)
    extra = QTranslator(app)  # installed last, so asked first: what Qt's leaves in English
    if extra.load(str(paths.resources_dir() / "translations" / f"qt_extra_{language}.qm")):
        app.installTranslator(extra)
        translators.append(extra)
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
    messages.set_audience("screen")  # no field identifiers in the windows' messages
    for old in _TRANSLATORS:  # another language asked for (tours and tests switch)
        app.removeTranslator(old)
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
    """Log every unexpected exception and show it; never lose one silently.

    An error that carries the operator's sentence (a busy database, a concurrent edit, a
    refused input) gets that sentence through ``errors.explain``, never the bug dialog.
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, KeyboardInterrupt):
            log.info("interrupted: quitting")
            QApplication.quit()
            return
        if errors.is_bug(value):
            log.critical("unexpected exception", exc_info=(kind, value, tb))
        else:
            log.warning("error shown to the operator", exc_info=(kind, value, tb))
        errors.explain(parent_getter(), value)

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
            workers.run_and_wait(parent, QApplication.translate("Application", "Restore the backup"),
                                 functools.partial(_restore, target, exc.latest_backup.path),
                                 cancellable=False)
        except DutyDeskError as exc:
            QMessageBox.critical(parent, QApplication.translate("Application", "DutyDesk"), exc.message)
            return None
    return None


def _restore(target: str | None, source: Path, _progress: Progress) -> Path:
    return health.restore_backup(target, source)


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


def install_signal_handlers(app: QApplication) -> QTimer:
    """Ctrl+C and SIGTERM in a terminal end the program cleanly: every window and dialog is
    closed without asking, the event loop ends, and ``run_gui``'s cleanup runs (scheduler
    stopped, jobs cancelled, engine disposed). Python runs signal handlers only between
    bytecodes, so a timer wakes the interpreter while Qt's loop waits (the returned timer)."""

    def stop(signum: int, _frame: object) -> None:
        log.info("signal %s: shutting down", signum)
        QTimer.singleShot(0, lambda: quit_now(app))

    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, stop)
    wake = QTimer(app)
    wake.setInterval(250)
    wake.timeout.connect(lambda: None)
    wake.start()
    return wake


def quit_now(app: QApplication) -> None:
    """Leave at once: modal dialogs rejected, windows closed without the "alarms open" question."""
    for widget in app.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
        if isinstance(widget, MainWindow):
            widget.quitting = True
    app.closeAllWindows()
    app.quit()


def shut_down(scheduler: DutyScheduler, ctx: Context) -> None:
    """Stop everything that uses the database, then dispose of it (checkpointing the WAL)."""
    if not workers.cancel_all(wait_ms=15_000):
        log.warning("a background job did not stop in time")
    scheduler.shutdown(wait=True)
    ctx.db.dispose()
    log.info("database closed")


def run_gui(args: argparse.Namespace) -> int:
    app = create_application(sys.argv[:1], args.lang)
    first_window = FirstWindowLog(app)
    app.installEventFilter(first_window)
    window: list[MainWindow] = []
    install_exception_hook(lambda: window[0] if window else None)
    install_signal_handlers(app)
    opened = open_with_recovery(args.db)
    if opened is None:
        return 1
    db = opened.db
    log_started(db.display_location)
    health.mark_running(db.path)
    ctx = Context(db, SystemClock())
    bridge = SchedulerBridge()
    scheduler = DutyScheduler(ctx, bridge)
    bridge.confirm = scheduler.alarm_shown
    # Alarms run before anyone signs in: until the main window takes over, they sound (and
    # that counts as shown; the window shows them again when it takes over).
    early_sound = AlarmSound()

    def early_alarm(deadline_id: int, stage: str) -> None:
        early_sound.play()
        bridge.alarm_shown(deadline_id, stage)

    bridge.sig_alarm.connect(early_alarm)
    scheduler.start()
    try:
        signed_in = sign_in(ctx)
        if signed_in is None:
            return 0
        bridge.sig_alarm.disconnect(early_alarm)
        window.append(show_main_window(signed_in, bridge, scheduler))
        return app.exec()
    finally:
        shut_down(scheduler, ctx)
        health.mark_closed(db.path)


def show_main_window(ctx: Context, bridge: SchedulerBridge, scheduler: DutyScheduler | None,
                     settings: QSettings | None = None) -> MainWindow:
    """The signed-in operator's main window, wired to the scheduler and shown (the one way a
    start, a bench or a test gets it)."""
    main = MainWindow(ctx, settings if settings is not None else app_settings(), bridge)
    bridge.sig_health_problem.connect(main.show_health_problem)
    if scheduler is not None:
        scheduler.replay_alarms()  # what rang before sign-in rings on in the window
    main.show()
    log.info("window shown: main window")
    if QApplication.platformName() != "offscreen":  # which cannot raise a window
        main.raise_()
    main.activateWindow()  # the sign-in dialog had the keyboard; hand it to the window
    return main


def signed_in_window(db: str | Path, user: str, password: str, language: str = "zh_CN", *,
                     clock: Clock | None = None, settings: QSettings | None = None,
                     scheduler: bool = False) -> MainWindow:
    """Open the database, sign ``user`` in and return the shown main window, as a start does.

    For tours, benches and tests. ``clock`` replaces the system clock; ``scheduler`` starts the
    real alarm scheduler (stop it with ``close_signed_in``). The window keeps its context in
    ``window.ctx`` and its scheduler (or None) in ``window.scheduler``.
    """
    messages.set_language(language)
    create_application([], language)
    opened = health.open_database(db, clock)
    ctx = Context(opened.db, clock or SystemClock())
    bridge = SchedulerBridge()
    duty_scheduler: DutyScheduler | None = None
    if scheduler:
        duty_scheduler = DutyScheduler(ctx, bridge)
        bridge.confirm = duty_scheduler.alarm_shown
        duty_scheduler.start()
    actor = users.authenticate(ctx, user, password)
    window = show_main_window(ctx.acting_as(actor), bridge, duty_scheduler, settings)
    window.scheduler = duty_scheduler
    return window


def close_signed_in(window: MainWindow) -> None:
    """Close a window from ``signed_in_window``: no questions, scheduler stopped, database closed."""
    window.quitting = True
    window.close()
    if window.scheduler is not None:
        shut_down(window.scheduler, window.ctx)
    else:
        workers.cancel_all(wait_ms=15_000)
        window.ctx.db.dispose()
