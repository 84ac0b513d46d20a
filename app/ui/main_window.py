"""The main window: sections on the left, who and when across the top, the database below."""

from __future__ import annotations

import zoneinfo
from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import QByteArray, QEvent, QSettings, QSize, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.domain import live_events as topics
from app.domain.enums import UserRole
from app.domain.incident_facts import IncidentFacts
from app.services.context import Context
from app.services.office import office
from app.services.office.zone import office_zone
from app.ui import closing, help, menus, palette, screen_fit, style, workers
from app.ui.bridge import SchedulerBridge
from app.ui.deadlines.controller import DeadlineAlarms
from app.ui.deadlines.strip import CountdownStrip
from app.ui.dutylog.page import DutyLogPage
from app.ui.export_notice import ExportNotice
from app.ui.header import WindowHeader
from app.ui.intake.page import IntakePage
from app.ui.signin_dialog import SignInDialog
from app.ui.widgets import long_date

if TYPE_CHECKING:
    from app.scheduler.runtime import DutyScheduler
    from app.ui.contacts.page import ContactsPage
    from app.ui.deadlines.page import DeadlinesPage
    from app.ui.plans.page import PlansPage
    from app.ui.settings.page import SettingsPage
    from app.ui.stats.page import StatsPage

_Page = TypeVar("_Page", bound=QWidget)


@runtime_checkable
class TakesContext(Protocol):
    """What every section's page does besides being a QWidget: take a new operator."""

    def set_context(self, ctx: Context) -> None: ...


class MainWindow(QMainWindow):
    """The operator's one screen for the whole shift.

    Signals:
        sig_operator_changed(): another operator signed in ("switch operator").
    """

    sig_operator_changed = Signal()
    """The signed-in operator changed; pages refresh what they may show."""

    switch_action: QAction  # the menus' actions (app/ui/menus.py)
    ack_action: QAction
    shortcuts_action: QAction

    def __init__(self, ctx: Context, settings: QSettings, bridge: SchedulerBridge | None = None,
                 parent: QWidget | None = None, *, between: Callable[[], object] = lambda: None) -> None:
        """``between`` runs between the costly parts of the build (a window built while the
        operator types lets the sign-in dialog and the alarms have their turn)."""
        super().__init__(parent)
        self._icon_colours: tuple[str, str] = ("", "")  # the sections' icons drawn in (none yet)
        self.ctx = ctx
        self.settings = settings
        self.zone: zoneinfo.ZoneInfo = office_zone(ctx)
        self.setWindowTitle(self.tr("DutyDesk"))
        self.setMinimumSize(1000, 640)

        header = WindowHeader(ctx, self.zone)
        self.office_label, self.date_label, self.clock_label = (
            header.office_label, header.date_label, header.clock_label)
        self.operator_label, self.on_duty = header.operator_label, header.on_duty

        self.health_banner = QLabel()
        self.health_banner.setObjectName("healthBanner")
        self.health_banner.setWordWrap(True)
        self.health_banner.hide()

        self.strip = CountdownStrip(ctx, self.zone)

        # sections
        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(176)
        self.navigation.setIconSize(QSize(20, 20))
        self.pages = QStackedWidget()
        self._built: dict[str, QWidget] = {}
        self._sections: list[tuple[str, Callable[[], QWidget]]] = []
        between()
        self.intake_page = IntakePage(ctx, self.zone, between=between)
        between()
        self.duty_log_page = DutyLogPage(ctx, self.zone)  # built now: its quick entry works anywhere
        between()
        self._add_section("roster", self.tr("Roster"), self._make_roster_page)
        self._add_section("intake", self.tr("Intake"), lambda: self.intake_page)
        self._add_section("deadlines", self.tr("Deadlines"), self._make_deadlines_page)
        self._add_section("contacts", self.tr("Contacts"), self._make_contacts_page)
        self._add_section("dutylog", self.tr("Duty log"), lambda: self.duty_log_page)
        self._add_section("plans", self.tr("Plans and drills"), self._make_plans_page)
        self._add_section("stats", self.tr("Statistics"), self._make_stats_page)
        self._add_section("settings", self.tr("Settings"), self._make_settings_page)
        self._build("intake")
        self._build("dutylog")
        between()
        self.navigation.currentRowChanged.connect(self._show_row)
        self.navigation.setCurrentRow(1)  # intake: the officer's most important minute

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
        self.export_notice = ExportNotice()
        self.statusBar().addWidget(self.db_label)
        self.statusBar().addWidget(self.export_notice, 1)
        self.statusBar().addPermanentWidget(self.status_operator)
        workers.set_announcer(self.export_notice.show_written)

        self.scheduler: DutyScheduler | None = None  # the DutyScheduler a start wired to this window
        self.quitting = False  # set when the program is told to stop (tray Quit, a signal)
        between()
        self.alarms = DeadlineAlarms(ctx, self.strip, self, bridge)
        between()
        self.alarms.tray.sig_quit_requested.connect(self.quit_from_tray)
        self.alarms.sig_changed.connect(lambda: self._if_built("deadlines", "reload"))
        self.alarms.sig_row_changed.connect(lambda info: self._if_built("deadlines", "refresh_row", info))
        self.strip.sig_open_deadline.connect(self.open_deadline)
        self.intake_page.sig_changed.connect(self.alarms.refresh)
        self.duty_log_page.sig_changed.connect(self.alarms.refresh)
        self.duty_log_page.sig_record_as_incident.connect(self.record_call)
        self.duty_log_page.sig_show.connect(lambda: self.show_section(self.duty_log_page))
        self.strip.sig_show_all.connect(lambda: self.show_section(self.deadlines_page))
        menus.build(self)
        self.tint_icons()
        self.refresh_office()
        self.refresh_operator()

        self._clock_timer = QTimer(self)
        self._clock_timer.setInterval(1000)
        self._clock_timer.timeout.connect(self.tick)
        self._clock_timer.start()
        self.tick()
        self._restore_geometry()
        self.dialog_placer = screen_fit.keep_strip_visible(self, self.strip)

    # --- construction -------------------------------------------------------------
    def _add_section(self, key: str, title: str, factory: Callable[[], QWidget]) -> None:
        """A section whose page is built the first time it is shown (start-up stays fast);
        Ctrl+<its number> shows it. Its icon is resources/icons/<key>.svg."""
        self._sections.append((key, factory))
        self.navigation.addItem(title)
        self.pages.addWidget(QWidget())
        number = self.navigation.count()
        if number <= 9:
            action = QAction(self.tr("Go to %1").replace("%1", title), self)
            action.setShortcut(QKeySequence(f"Ctrl+{number}"))
            action.triggered.connect(lambda _c=False, row=number - 1: self.navigation.setCurrentRow(row))
            self.addAction(action)

    def _build(self, key: str) -> QWidget:
        page = self._built.get(key)
        if page is None:
            index = [k for k, _ in self._sections].index(key)
            page = self._sections[index][1]()
            placeholder = self.pages.widget(index)
            self.pages.insertWidget(index, page)
            if placeholder is not None:  # the empty QWidget _add_section put there
                self.pages.removeWidget(placeholder)
                placeholder.deleteLater()
            self._built[key] = page
        return page

    def _page(self, key: str, kind: type[_Page]) -> _Page:
        """The section's page, built if need be, as the class its factory makes."""
        page = self._build(key)
        if not isinstance(page, kind):
            raise TypeError(f"section {key} holds {type(page).__name__}, not {kind.__name__}")
        return page

    def _if_built(self, key: str, method: str, *args: object) -> None:
        page = self._built.get(key)
        if page is not None:
            getattr(page, method)(*args)

    def _show_row(self, row: int) -> None:
        self._build(self._sections[row][0])
        self.pages.setCurrentIndex(row)

    def _make_deadlines_page(self) -> QWidget:
        from app.ui.deadlines import page as deadlines_module  # imported when first shown

        page = deadlines_module.DeadlinesPage(self.ctx, self.zone)
        page.sig_changed.connect(self.alarms.refresh)
        return page

    def _make_roster_page(self) -> QWidget:
        from app.ui.roster import page as roster_module  # imported when first shown

        page = roster_module.RosterPage(self.ctx, self.zone)
        page.sig_roster_changed.connect(self.on_duty.refresh)
        return page

    @property
    def roster_page(self) -> QWidget:
        return self._build("roster")

    def _make_contacts_page(self) -> QWidget:
        from app.ui.contacts import page as contacts_module  # imported when first shown

        return contacts_module.ContactsPage(self.ctx, self.zone)

    @property
    def contacts_page(self) -> ContactsPage:
        from app.ui.contacts.page import ContactsPage  # imported when first shown

        return self._page("contacts", ContactsPage)

    def _make_plans_page(self) -> QWidget:
        from app.ui.plans import page as plans_module  # imported when first shown

        page = plans_module.PlansPage(self.ctx, self.zone)
        page.sig_changed.connect(self.alarms.refresh)
        return page

    @property
    def plans_page(self) -> PlansPage:
        from app.ui.plans.page import PlansPage  # imported when first shown

        return self._page("plans", PlansPage)

    def _make_stats_page(self) -> QWidget:
        from app.ui.stats import page as stats_module  # imported when first shown (QtCharts)

        return stats_module.StatsPage(self.ctx, self.zone)

    @property
    def stats_page(self) -> StatsPage:
        from app.ui.stats.page import StatsPage  # imported when first shown

        return self._page("stats", StatsPage)

    def _make_settings_page(self) -> QWidget:
        from app.ui.settings import page as settings_module  # imported when first shown

        page = settings_module.SettingsPage(self.ctx, self.zone)
        page.office_tab.sig_office_changed.connect(self.refresh_office)
        return page

    @property
    def deadlines_page(self) -> DeadlinesPage:
        from app.ui.deadlines.page import DeadlinesPage  # imported when first shown

        return self._page("deadlines", DeadlinesPage)

    @property
    def settings_page(self) -> SettingsPage:
        from app.ui.settings.page import SettingsPage  # imported when first shown

        return self._page("settings", SettingsPage)

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("main_window/geometry")
        state = self.settings.value("main_window/state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        else:
            screen_fit.fit_main_window(self)
        if isinstance(state, QByteArray):
            self.restoreState(state)

    # --- live parts ---------------------------------------------------------------
    @property
    def quick_entry_action(self) -> QAction:
        """The duty log's quick entry, in the 值守 menu."""
        return self.duty_log_page.quick_entry_action

    @property
    def handover_action(self) -> QAction:  # 值守 menu, Ctrl+H
        return self.duty_log_page.handover_action

    def acknowledge_top(self) -> bool:
        return self.alarms.acknowledge_top()

    def new_deadline(self) -> None:
        self.deadlines_page.new_deadline()

    def new_intake(self) -> None:
        self.show_section(self.intake_page)
        self.intake_page.new_intake()

    def record_call(self, facts: IncidentFacts) -> None:
        """A call on the quick entry reports an incident: the intake form, filled in."""
        self.show_section(self.intake_page)
        self.intake_page.record_call(facts)

    def show_section(self, page: QWidget) -> None:
        self.navigation.setCurrentRow(self.pages.indexOf(page))

    def open_deadline(self, deadline_id: int) -> None:
        from app.ui.deadlines.dialogs import DeadlineDialog

        if DeadlineDialog(self.ctx, deadline_id, self.zone, self).exec():
            self.alarms.refresh()

    def tick(self) -> None:
        """Redraw the clock from the clock itself (never by counting ticks)."""
        self._if_built("deadlines", "tick")
        now = self.ctx.clock.now().astimezone(self.zone)
        self.clock_label.setText(now.strftime("%H:%M:%S"))
        self.date_label.setText(long_date(now.date()))

    def refresh_office(self) -> None:
        info = office.get_office(self.ctx)
        self.office_label.setText(info.name if info else "")
        self.zone = office_zone(self.ctx)
        self.strip.set_zone(self.zone)
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

    def live_targets(self) -> dict[str, list[Callable[[], object]]]:
        """What to refresh when a change event touches a topic (sections not built yet are
        built fresh when first shown, so they are left alone)."""
        return {
            topics.DEADLINES: [self.alarms.refresh, lambda: self._if_built("deadlines", "reload")],
            topics.INCIDENTS: [self.intake_page.list.refresh],
            topics.DUTY_LOG: [self.duty_log_page.log_tab.refresh, self.duty_log_page.handover_tab.refresh],
            topics.ROSTER: [self.on_duty.refresh, lambda: self._if_built("roster", "reload")],
            topics.CONTACTS: [lambda: self._if_built("contacts", "reload")],
            topics.SETTINGS: [self.refresh_office],
        }

    def show_health_problem(self, message: str) -> None:
        """A loud, lasting warning across the window; the duty room keeps working."""
        self.health_banner.setText(self.tr("Warning: %1").replace("%1", message))
        self.health_banner.show()

    # --- closing --------------------------------------------------------------------------
    def quit_from_tray(self) -> None:
        """The tray's Quit: the operator chose to leave with the alarms open."""
        self.quitting = True
        self.close()

    # --- actions --------------------------------------------------------------------
    def switch_operator(self) -> None:
        info = office.get_office(self.ctx)
        dialog = SignInDialog(self.ctx, info.name if info else "", switching=True, parent=self)
        if dialog.exec() and dialog.actor is not None:
            self.set_context(self.ctx.acting_as(dialog.actor))

    def find_contact(self) -> None:
        """Ctrl+F: the contacts section, its search box ready for typing."""
        self.navigation.setCurrentRow(self.pages.indexOf(self.contacts_page))
        self.contacts_page.focus_search()

    def take_over(self, ctx: Context, bridge: SchedulerBridge) -> None:
        """The window built while the operator typed the password (without a bridge, hidden,
        nobody signed in) becomes the signed-in operator's: their context, the alarms."""
        self.set_context(ctx)
        self.intake_page.signed_in(ctx)
        self.alarms.listen(bridge)  # loud now (it listened quietly while hidden)

    def set_context(self, ctx: Context) -> None:
        self.ctx = ctx
        for page in self._built.values():
            if not isinstance(page, TakesContext):
                raise TypeError(f"{type(page).__name__} cannot take a new operator")
            page.set_context(ctx)
        self.alarms.set_context(ctx)
        self.refresh_operator()
        self.sig_operator_changed.emit()

    def show_about(self) -> None:
        help.AboutDialog(self.ctx.db.display_location, self).exec()

    def sections(self) -> list[tuple[str, QWidget]]:
        """Every section's name and page (each built: the shortcut page reads them all)."""
        return [(self.navigation.item(row).text(), self._build(key))
                for row, (key, _factory) in enumerate(self._sections)]

    def show_shortcuts(self) -> help.ShortcutsDialog:
        """F1: every key the window answers, read from its actions (never a list kept by hand)."""
        rows = help.collect(self, self.sections(), self.tr("Everywhere"))
        dialog = help.ShortcutsDialog(rows, self)
        dialog.open()
        return dialog

    def tint_icons(self) -> None:
        """The sections' icons in the colours of the scheme in force (again only when those
        colours changed: showing the window sends palette changes of the same palette)."""
        colours = (palette.hex_of("on_nav"), palette.hex_of("on_nav_selected"))
        if colours == self._icon_colours or not self._sections:  # (none yet: mid-build)
            return
        self._icon_colours = colours
        for row, (key, _factory) in enumerate(self._sections):
            self.navigation.item(row).setIcon(style.icon(key, "on_nav", "on_nav_selected"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self.tint_icons()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Closing with alarms ringing goes to the tray where there is one, else asks first;
        closing over a running job asks too (it is cancelled, nothing of it kept)."""
        if not self.quitting and not closing.may_close(self, self.alarms):
            event.ignore()
            return
        workers.cancel_all(wait_ms=0)
        self.settings.setValue("main_window/geometry", self.saveGeometry())
        self.settings.setValue("main_window/state", self.saveState())
        self.settings.sync()
        super().closeEvent(event)
