"""The shared office on screen: another workstation's change shows within a second, an
acknowledgment elsewhere silences the alarm here, the status bar names who is online, and a
concurrent edit is a sentence (已被他人修改), never a bug dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from app.domain.enums import ReportKind
from app.live.channel import LiveChannel
from app.live.listener import Fanout
from app.models.db import Database
from app.scheduler.runtime import DutyScheduler
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import workstations
from app.ui import live_view
from app.ui.bridge import SchedulerBridge
from app.ui.live_view import LiveBridge, SchedulerPoke
from app.ui.main_window import MainWindow
from tests.services.incidents import inputs


class Office:
    """This workstation (window, scheduler, live channel) and another one on the same file."""

    def __init__(self, qtbot, ctx: Context, settings) -> None:  # type: ignore[no-untyped-def]
        self.ctx = ctx
        self.bridge = SchedulerBridge()
        self.scheduler = DutyScheduler(ctx, self.bridge)
        self.live = LiveBridge()
        self.channel = LiveChannel(ctx, Fanout(self.live, SchedulerPoke(self.scheduler.poke)))
        self.window = MainWindow(ctx, settings, self.bridge)
        qtbot.addWidget(self.window)
        self.refresher, self.status = live_view.attach(self.window, self.live, self.bridge)
        self.scheduler.start(housekeeping_delay=dt.timedelta(hours=1))
        self.channel.start()
        self.window.show()
        self.other_db = Database(ctx.db.url, workstation="领导办公室")
        self.other = Context(self.other_db, ctx.clock, ctx.actor)

    def close(self) -> None:
        self.channel.stop()
        self.scheduler.shutdown()
        self.other_db.dispose()


@pytest.fixture
def office(qtbot, office_ctx: Context, settings) -> Iterator[Office]:  # type: ignore[no-untyped-def]
    here = Office(qtbot, office_ctx, settings)
    yield here
    here.close()


def test_an_incident_recorded_elsewhere_shows_here_within_a_second(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    incidents = office.window.intake_page.list
    office.window.intake_page.tabs.setCurrentWidget(incidents)  # the list reads when first shown
    assert incidents.loaded
    before = incidents.model.rowCount()
    number = inputs.record(office.other).number
    qtbot.waitUntil(lambda: incidents.model.rowCount() == before + 1, timeout=1500)
    assert any(incidents.model.row_at(r).number == number
               for r in range(incidents.model.rowCount()))
    assert any("incidents" in burst for burst in office.refresher.refreshed)


def test_an_acknowledgment_elsewhere_silences_the_alarm_here(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    with office.other.db.write() as s:  # written on the other workstation: urgent at once
        deadline_id = deadlines.add_in(s, office.other, what="首报（书面）", report_kind=ReportKind.INITIAL,
                                       channel="written",
                                       due_at=office.ctx.clock.now() + dt.timedelta(minutes=5)).id
    alarms = office.window.alarms
    qtbot.waitUntil(lambda: deadline_id in alarms.ringing, timeout=2500)
    deadlines.acknowledge(office.other, deadline_id)
    qtbot.waitUntil(lambda: deadline_id not in alarms.ringing, timeout=1500)
    assert deadline_id not in office.window.strip.ringing


def test_the_status_bar_names_the_workstations_online(qtbot, office: Office) -> None:  # type: ignore[no-untyped-def]
    workstations.signed_in(office.other)
    qtbot.waitUntil(lambda: "领导办公室" in office.status.online.text(), timeout=2500)
    text = office.status.online.text()
    assert text.startswith("在线工作站：") and "领导办公室：王建国" in text
    assert f"{office.ctx.db.workstation}（本机）" in text


def test_the_connection_and_the_clock_are_said_in_the_status_bar(office: Office) -> None:
    office.live.connection_lost(3, 2.0)
    office.live.sig_connection_lost.emit(3, 2.0)
    assert "连接已断开" in office.status.connection.text() and "第 3 次" in office.status.connection.text()
    office.status.show_back(12.4)
    assert office.status.connection.text() == "已重新连接数据库服务器（中断 12 秒）。"
    office.status.show_clock("系统时钟向后跳了 1 小时 0 分")
    assert office.status.clock.isVisibleTo(office.window)
    office.status.show_clock("")
    assert not office.status.clock.isVisibleTo(office.window)


def test_an_edit_made_meanwhile_elsewhere_is_said_in_the_form(qtbot, office_ctx: Context, settings) -> None:  # type: ignore[no-untyped-def]
    from app.services.incidents import intake
    from app.services.office.zone import office_zone
    from app.ui.intake.form import IntakeForm

    info = inputs.record(office_ctx)
    form = IntakeForm(office_ctx, office_zone(office_ctx))
    qtbot.addWidget(form)
    form.editing = intake.get(office_ctx, info.number)
    form._show_facts(form.editing.facts)
    inputs.update(office_ctx, info.number, measures="已转移群众 120 人")  # the other workstation
    form.save_changes()
    assert form.message.text() == "这条记录已被他人修改，请刷新后重试。"
