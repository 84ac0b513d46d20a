"""Starting the desktop program: Qt, language, the database, sign-in, the main window."""

from __future__ import annotations

import argparse
import functools
import logging
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from app import __version__
from app.domain import messages
from app.domain.clock import Clock, SystemClock
from app.domain.errors import DatabaseDamaged, DatabaseUnavailable, DutyDeskError
from app.domain.progress import Progress
from app.live.channel import LiveChannel
from app.live.listener import Fanout
from app.scheduler.runtime import DutyScheduler
from app.services.context import Actor, Context
from app.services.office import (
    anchors,
    health,
    instance,
    office,
    throttle,
    trusted_time,
    users,
    workstations,
)
from app.ui import errors, live_view, recovery, single_instance, workers
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines.alarm import AlarmSound
from app.ui.live_view import LiveBridge, SchedulerPoke
from app.ui.main_window import MainWindow
from app.ui.qt_app import (  # re-exported: the light start uses them too (issue 19)
    FirstWindowLog,
    app_settings,
    create_application,
    install_translators,
    office_name_key,
)
from app.ui.setup_dialog import SetupDialog
from app.ui.signin_dialog import SignInDialog

__all__ = ["FirstWindowLog", "app_settings", "claim", "create_application", "install_translators",
           "open_with_recovery", "run_gui", "sign_in"]

log = logging.getLogger(__name__)

def log_started(location: str) -> None:
    """The log's first line of a GUI session: which version runs on which database."""
    log.info("started v%s on %s", __version__, location)


def install_exception_hook(parent_getter: Callable[[], QWidget | None] = lambda: None,
                           watcher: recovery.DamageWatcher | None = None) -> None:
    """Log every unexpected exception and show it; never lose one silently.

    An error that carries the operator's sentence (a busy database, a concurrent edit, a
    refused input) gets that sentence through ``errors.explain``, never the bug dialog; a
    damaged file met on the way goes to the ``watcher`` (the backup is offered).
    """

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if isinstance(value, DatabaseDamaged) and watcher is not None:
            log.error("database damaged: %s", value.message)
            watcher.handle(value)
            return
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


def open_with_recovery(target: str | None, parent: QWidget | None = None,
                       lock: instance.InstanceLock | None = None) -> health.OpenResult | None:
    """Open the database; on damage offer the latest good backup (restored on a worker, the
    screen drawing and alarms ringing meanwhile, then opened again), on a server out of reach
    offer to try again."""
    restored = False
    while True:
        try:
            return health.open_database(target, SystemClock())
        except DatabaseDamaged as exc:
            log.error("database refused: %s", exc.message)
            if restored or not recovery.offer_backup(parent, exc) or exc.latest_backup is None:
                return None
            workers.run_and_wait(parent, QApplication.translate("Application", "Restore the backup"),
                                 functools.partial(_restore, target, exc.latest_backup.path, lock),
                                 cancellable=False)
            restored = True
        except DatabaseUnavailable as exc:
            log.error("database unavailable: %s", exc.message)
            if not recovery.retry_server(parent, exc):
                return None
        except DutyDeskError as exc:
            QMessageBox.critical(parent, QApplication.translate("Application", "DutyDesk"), exc.message)
            return None


def _restore(target: str | None, source: Path, lock: instance.InstanceLock | None,
             _progress: Progress) -> Path | None:
    return health.restore_backup(target, source, lock=lock)


def sign_in(ctx: Context, early: SignInDialog | None = None, remember: str = "",
            meanwhile: Callable[[], object] | None = None) -> Context | None:
    """First-run setup on an empty database, else the sign-in dialog (``early``: the one
    already on screen since start, which the operator may have typed into). The office's name
    is kept under the settings key ``remember`` for the next start's dialog. ``meanwhile`` runs
    while the operator types (when Sign in was not pressed yet): the main window is built."""
    if office.needs_setup(ctx):
        if early is not None:
            early.hide()
        dialog = SetupDialog(ctx)
        if not dialog.exec() or dialog.actor is None:
            return None
        return ctx.acting_as(dialog.actor)
    info = office.get_office(ctx)
    name = info.name if info else ""
    if remember:
        app_settings().setValue(remember, name)
    signin = early or SignInDialog(ctx, name)
    signin.set_context(ctx, name)  # signs in now if Sign in was pressed while it opened
    if signin.actor is None and meanwhile is not None:
        meanwhile()
    if signin.actor is None:
        signin.exec()
    if signin.actor is None:
        return None
    return ctx.acting_as(signin.actor)


def tell_signed_in(ctx: Context) -> None:
    """The workstation's row names who works there now (the status bars of all show it)."""
    try:
        workstations.signed_in(ctx)
    except DutyDeskError as exc:  # the server is away: the next sign-in or beat tells
        log.warning("could not record who is signed in here: %s", exc.message)


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


def shut_down(scheduler: DutyScheduler, ctx: Context, lock: instance.InstanceLock,
              watcher: recovery.DamageWatcher) -> None:
    """Stop everything that uses the database, anchor the chains of a healthy file, dispose of
    the database (checkpointing the WAL), and restore a backup if the operator chose one."""
    if not workers.cancel_all(wait_ms=15_000):
        log.warning("a background job did not stop in time")
    scheduler.shutdown(wait=True)
    _close(ctx, lock, watcher)
    log.info("database closed")


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


def run_gui(args: argparse.Namespace, app: QApplication | None = None,
            early: SignInDialog | None = None) -> int:
    """The desktop program; ``app`` and the ``early`` sign-in dialog when ``launch.run_gui``
    has put them on screen already."""
    if app is not None:
        return _run_gui(app, args, early)
    app = create_application(sys.argv[:1], args.lang)
    first_window = FirstWindowLog(app)
    app.installEventFilter(first_window)
    try:
        return _run_gui(app, args, early)
    finally:
        app.removeEventFilter(first_window)  # one program per process, but tests run many


def _run_gui(app: QApplication, args: argparse.Namespace, early: SignInDialog | None) -> int:
    window: list[MainWindow] = []
    watcher = recovery.DamageWatcher()
    install_exception_hook(lambda: window[0] if window else None, watcher)
    install_signal_handlers(app)
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
        code = _run_with_lock(app, args, lock, channel, watcher, window, early)
    finally:
        channel.close()
        lock.release()
    if watcher.restore_from is not None:
        relaunch()
    return code


def _run_with_lock(app: QApplication, args: argparse.Namespace, lock: instance.InstanceLock,
                   channel: single_instance.InstanceChannel, watcher: recovery.DamageWatcher,
                   window: list[MainWindow], early: SignInDialog | None) -> int:
    settings = app_settings()
    if settings.contains("workstation/duty_desk"):  # a server's workstation may be the desk
        throttle.THROTTLE.duty_desk = bool(settings.value("workstation/duty_desk", type=bool))
    opened = open_with_recovery(args.db, lock=lock)
    if opened is None:
        return 1
    db = opened.db
    log_started(db.display_location)
    ctx = Context(db, trusted_time.clock_for(db))
    bridge = SchedulerBridge()
    bridge.sig_database_damaged.connect(watcher.handle)
    scheduler = DutyScheduler(ctx, bridge)
    bridge.confirm = scheduler.alarm_shown
    watcher.recheck = scheduler.check_now
    live = LiveBridge()  # change events of every workstation (a server), or of this program
    live_channel = LiveChannel(ctx, Fanout(live, SchedulerPoke(scheduler.poke)))
    # Alarms run before anyone signs in: until the main window takes over, they sound (and
    # that counts as shown; the window shows them again when it takes over).
    early_sound = AlarmSound()

    def early_alarm(deadline_id: int, stage: str) -> None:
        early_sound.play()
        bridge.alarm_shown(deadline_id, stage)

    bridge.sig_alarm.connect(early_alarm)
    scheduler.start()  # the start-up check (quick_check, chains) runs in its thread now
    live_channel.start(wait=0)
    prepared: list[MainWindow] = []
    try:
        signed_in = sign_in(ctx, early, office_name_key(args.db),
                            lambda: prepared.append(prepare_main_window(ctx, settings, bridge, scheduler)))
        if signed_in is None or watcher.restore_from is not None:
            return 0
        if prepared:  # built while the password was typed: the operator's now
            main = prepared[0]
            main.take_over(signed_in, bridge)
        else:
            main = MainWindow(signed_in, settings, bridge)
        window.append(main)
        channel.window = main
        live_view.attach(main, live, bridge, scheduler.clock_said)
        tell_signed_in(signed_in)
        main.sig_operator_changed.connect(lambda: tell_signed_in(main.ctx))
        watcher.sig_writes_stopped.connect(main.show_health_problem)
        if db.stopped is not None:  # found damaged during sign-in, the backup declined
            main.show_health_problem(db.stopped)
        bridge.sig_alarm.disconnect(early_alarm)
        show_main_window(main, bridge, scheduler)
        return app.exec()
    finally:
        live_channel.stop()
        shut_down(scheduler, ctx, lock, watcher)


def prepare_main_window(ctx: Context, settings: QSettings, bridge: SchedulerBridge,
                        scheduler: DutyScheduler) -> MainWindow:
    """The main window built while the operator types the password: hidden, nobody signed in,
    its strip following the alarms quietly (``MainWindow.take_over`` makes it the operator's
    and the alarms loud), drawn once off screen so that its first paint on screen is quick."""
    started = time.perf_counter()
    longest = [0.0, started]

    def between() -> None:  # the dialog's keys and the alarms between the parts
        now = time.perf_counter()
        longest[0] = max(longest[0], now - longest[1])
        QApplication.processEvents()
        longest[1] = time.perf_counter()

    main = MainWindow(ctx, settings, between=between)
    between()
    main.alarms.listen(bridge, quiet=True)
    for deadline_id, stage in scheduler.ringing():  # what rang before it listened
        main.alarms.on_alarm(deadline_id, stage)
    main.grab()
    between()
    log.info("main window prepared in %.0f ms (the longest part %.0f ms)",
             (time.perf_counter() - started) * 1000, longest[0] * 1000)
    return main


def show_main_window(main: MainWindow, bridge: SchedulerBridge,
                     scheduler: DutyScheduler | None) -> MainWindow:
    """The signed-in operator's main window, wired to the scheduler and shown (the one way a
    start, a bench or a test shows it)."""
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
    main = MainWindow(ctx.acting_as(actor), settings if settings is not None else app_settings(),
                      bridge)
    window = show_main_window(main, bridge, duty_scheduler)
    window.scheduler = duty_scheduler
    return window


def close_signed_in(window: MainWindow) -> None:
    """Close a window from ``signed_in_window``: no questions, scheduler stopped, database closed."""
    window.quitting = True
    window.close()
    workers.cancel_all(wait_ms=15_000)
    if window.scheduler is not None:
        window.scheduler.shutdown(wait=True)
    window.ctx.db.dispose()
