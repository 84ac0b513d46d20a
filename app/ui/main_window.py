"""The main window: sections on the left, who and when across the top, the database below."""

from __future__ import annotations

import zoneinfo

from PySide6.QtCore import QByteArray, QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain.enums import UserRole
from app.services import office
from app.services.context import Context
from app.services.housekeeping import office_zone
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines.controller import DeadlineAlarms
from app.ui.deadlines.page import DeadlinesPage
from app.ui.deadlines.strip import CountdownStrip
from app.ui.dutylog.page import DutyLogPage
from app.ui.intake.page import IntakePage
from app.ui.settings.page import SettingsPage
from app.ui.signin_dialog import SignInDialog


class MainWindow(QMainWindow):
    """The operator's one screen for the whole shift.

    Signals:
        sig_operator_changed(): another operator signed in ("switch operator").
    """

    sig_operator_changed = Signal()
    """The signed-in operator changed; pages refresh what they may show."""

    def __init__(self, ctx: Context, settings: QSettings, bridge: SchedulerBridge | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings
        self.zone: zoneinfo.ZoneInfo = office_zone(ctx)
        self.setWindowTitle(self.tr("DutyDesk"))
        self.setMinimumSize(1000, 640)

        # header: office, date and live clock, operator
        self.office_label = QLabel()
        self.office_label.setObjectName("officeName")
        self.date_label = QLabel()
        self.date_label.setObjectName("dateLabel")
        self.clock_label = QLabel()
        self.clock_label.setObjectName("clock")
        self.operator_label = QLabel()
        self.operator_label.setObjectName("operatorLabel")
        header = QFrame()
        header.setObjectName("header")
        hl = QHBoxLayout(header)
        hl.addWidget(self.office_label)
        hl.addStretch()
        hl.addWidget(self.operator_label)
        hl.addSpacing(24)
        hl.addWidget(self.date_label)
        hl.addSpacing(8)
        hl.addWidget(self.clock_label)

        self.health_banner = QLabel()
        self.health_banner.setObjectName("healthBanner")
        self.health_banner.setWordWrap(True)
        self.health_banner.hide()

        self.strip = CountdownStrip(ctx)

        # sections
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(170)
        self.pages = QStackedWidget()
        self.intake_page = IntakePage(ctx, self.zone)
        self.deadlines_page = DeadlinesPage(ctx, self.zone)
        self.settings_page = SettingsPage(ctx, self.zone)
        self.duty_log_page = DutyLogPage(ctx, self.zone)
        self._add_section(self.tr("Intake"), self.intake_page)
        self._add_section(self.tr("Deadlines"), self.deadlines_page)
        self._add_section(self.tr("Duty log"), self.duty_log_page)
        self._add_section(self.tr("Settings"), self.settings_page)
        self.navigation.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.navigation.setCurrentRow(0)
        self.settings_page.office_tab.sig_office_changed.connect(self.refresh_office)

        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(self.navigation)
        body.addWidget(self.pages, 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.strip)
        layout.addWidget(self.health_banner)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(self.tr("Database: %1").replace("%1", ctx.db.display_location))
        self.status_operator = QLabel()
        self.statusBar().addWidget(self.db_label, 1)
        self.statusBar().addPermanentWidget(self.status_operator)

        self.alarms = DeadlineAlarms(ctx, self.strip, self, bridge)
        self.alarms.sig_changed.connect(self.deadlines_page.reload)
        self.deadlines_page.sig_changed.connect(self.alarms.refresh)
        self.strip.sig_open_deadline.connect(self.open_deadline)
        self.intake_page.sig_changed.connect(self.alarms.refresh)
        self.duty_log_page.sig_changed.connect(self.alarms.refresh)
        self.strip.sig_show_all.connect(lambda: self.show_section(self.deadlines_page))
        self._build_menus()
        self.refresh_office()
        self.refresh_operator()

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self.tick)
        self._clock_timer.start()
        self.tick()
        self._restore_geometry()

    # --- construction -------------------------------------------------------------
    def _add_section(self, title: str, page: QWidget) -> None:
        self.navigation.addItem(title)
        self.pages.addWidget(page)
        number = self.navigation.count()
        if number <= 9:
            action = QAction(self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, row=number - 1: self.navigation.setCurrentRow(row))
            self.addAction(action)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.switch_action = QAction(self.tr("&Switch operator…"), self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+L"))
        self.switch_action.triggered.connect(self.switch_operator)
        file_menu.addAction(self.switch_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        duty_menu = self.menuBar().addMenu(self.tr("&Duty"))
        self.ack_action = QAction(self.tr("&Acknowledge the top alarm"), self)
        self.ack_action.setShortcut(QKeySequence("Ctrl+Shift+A"))
        self.ack_action.triggered.connect(self.alarms.acknowledge_top)
        duty_menu.addAction(self.ack_action)
        new_intake = QAction(self.tr("New &intake"), self)
        new_intake.setShortcut(QKeySequence("Ctrl+N"))
        new_intake.triggered.connect(self.new_intake)
        duty_menu.addAction(new_intake)
        duty_menu.addAction(self.duty_log_page.quick_entry_action)
        new_deadline = QAction(self.tr("&New deadline…"), self)
        new_deadline.triggered.connect(self.deadlines_page.new_deadline)
        duty_menu.addAction(new_deadline)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About DutyDesk"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        state = self.settings.value("main_window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 760)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    # --- live parts ---------------------------------------------------------------
    def new_intake(self) -> None:
        self.show_section(self.intake_page)
        self.intake_page.new_intake()

    def show_section(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(page))

    def open_deadline(self, deadline_id: int) -> None:
        self.deadlines_page.open_deadline(deadline_id)

    def tick(self) -> None:
        """Redraw the clock from the clock itself (never by counting ticks)."""
        self.deadlines_page.tick()
        now = self.ctx.clock.now().astimezone(self.zone)
        self.clock_label.setText(now.strftime("%H:%M:%S"))
        weekday = (self.tr("Monday"), self.tr("Tuesday"), self.tr("Wednesday"), self.tr("Thursday"),
                   self.tr("Friday"), self.tr("Saturday"), self.tr("Sunday"))[now.weekday()]
        self.date_label.setText(
            self.tr("%1-%2-%3 %4").replace("%1", f"{now.year}").replace("%2", f"{now.month:02d}")
            .replace("%3", f"{now.day:02d}").replace("%4", weekday)
        )

    def refresh_office(self) -> None:
        info = office.get_office(self.ctx)
        self.office_label.setText(info.name if info else "")
        self.zone = office_zone(self.ctx)
        self.setWindowTitle(self.tr("DutyDesk") + (f" — {info.name}" if info else ""))

    def refresh_operator(self) -> None:
        actor = self.ctx.actor
        if actor is None:
            text = self.tr("Nobody signed in")
        else:
            role = {UserRole.OFFICER: self.tr("Duty officer"), UserRole.LEADER: self.tr("Leader"),
                    UserRole.ADMIN: self.tr("Administrator")}[actor.role]
            text = self.tr("Operator: %1 (%2)").replace("%1", actor.display_name or actor.name).replace("%2", role)
        self.operator_label.setText(text)
        self.status_operator.setText(text)

    def show_health_problem(self, message: str) -> None:
        """A loud, lasting warning across the window; the duty room keeps working."""
        self.health_banner.setText(self.tr("Warning: %1").replace("%1", message))
        self.health_banner.show()

    # --- actions --------------------------------------------------------------------
    def switch_operator(self) -> None:
        info = office.get_office(self.ctx)
        dialog = SignInDialog(self.ctx, info.name if info else "", switching=True, parent=self)
        if dialog.exec() and dialog.actor is not None:
            self.set_context(self.ctx.acting_as(dialog.actor))

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        self.settings_page.set_context(ctx)
        self.deadlines_page.set_context(ctx)
        self.intake_page.set_context(ctx)
        self.duty_log_page.set_context(ctx)
        self.alarms.set_context(ctx)
        self.refresh_operator()
        self.sig_operator_changed.emit()

    def show_about(self) -> None:
        QMessageBox.about(
            self, self.tr("About DutyDesk"),
            self.tr("DutyDesk: the duty-room desk of an emergency-management office.\n"
                    "Database: %1").replace("%1", self.ctx.db.display_location),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
