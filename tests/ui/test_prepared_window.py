"""The main window built while the operator types the password (issue 19): hidden, nobody
signed in, its strip following the alarms quietly; signing in makes it the operator's (their
draft, their name on the form, the alarms loud)."""

from __future__ import annotations

import datetime as dt

from app.domain.incident_facts import IncidentFacts
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import drafts
from app.ui import application
from app.ui.bridge import SchedulerBridge


class _Scheduler:
    """What the preparation asks the scheduler: the alarms ringing before the window listened."""

    def __init__(self, ringing: list[tuple[int, str]]) -> None:
        self._ringing = ringing

    def ringing(self) -> list[tuple[int, str]]:
        return self._ringing


def test_prepared_quietly_then_taken_over_by_the_operator(qtbot, office_ctx: Context, settings) -> None:  # type: ignore[no-untyped-def]
    now = office_ctx.clock.now()
    early = deadlines.create(office_ctx, what="山体滑坡 首报", due_at=now + dt.timedelta(minutes=1))
    later = deadlines.create(office_ctx, what="森林火情 首报", due_at=now + dt.timedelta(minutes=15))
    office_ctx.clock.advance(dt.timedelta(minutes=6))  # type: ignore[attr-defined]  # FixedClock
    now = office_ctx.clock.now()
    drafts.save_draft(office_ctx, IncidentFacts(received_at=now, title="石门镇山体滑坡"))
    bridge = SchedulerBridge()
    confirmed: list[tuple[int, str]] = []
    bridge.confirm = lambda deadline_id, stage: confirmed.append((deadline_id, stage))
    nobody = office_ctx.acting_as(None)

    window = application.prepare_main_window(nobody, settings, bridge,
                                             _Scheduler([(early.id, "overdue")]))  # type: ignore[arg-type]
    qtbot.addWidget(window)
    assert not window.isVisible()
    assert window.operator_label.text() == "尚无人登录"
    assert window.alarms.ringing == {early.id: "overdue"}  # rang before: the strip knows it
    assert window.strip.chips[0].info.id == early.id
    bridge.alarm(later.id, "urgent")  # rings while the password is typed
    assert later.id in window.alarms.ringing
    assert window.alarms.sounded == [] and confirmed == []  # nothing sounds, nothing confirmed
    form = window.intake_page.form
    assert form.fields.title.text() == ""  # nobody's draft is shown to nobody

    window.take_over(office_ctx, bridge)
    assert window.operator_label.text().startswith("操作员：王建国")
    assert form.fields.title.text() == "石门镇山体滑坡" and window.intake_page.restored
    bridge.alarm(later.id, "urgent")
    assert [s.deadline_id for s in window.alarms.sounded] == [later.id]
    assert confirmed == [(later.id, "urgent")]


def test_without_a_draft_the_form_names_the_operator(qtbot, office_ctx: Context, settings) -> None:  # type: ignore[no-untyped-def]
    bridge = SchedulerBridge()
    called: list[int] = []
    window = application.MainWindow(office_ctx.acting_as(None), settings,
                                    between=lambda: called.append(1))
    qtbot.addWidget(window)
    assert len(called) >= 4  # the build let the dialog and the alarms have their turn
    assert window.intake_page.form.facts().received_by == ""
    window.take_over(office_ctx, bridge)
    assert window.intake_page.form.facts().received_by == "王建国"
    assert not window.intake_page.restored
