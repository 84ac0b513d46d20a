"""The demo office holds together (issue 11): every deadline of its history belongs to an
incident that exists, with the report chain and sendings that met it; its duty log and
handovers follow the roster's officers."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from app.demo import build as demo
from app.demo.on_duty import officers_by_day
from app.domain.enums import DeadlineOutcome
from app.models import Deadline, DutyLogEntry, Handover, Incident, Report, Sending
from app.services.context import Context
from app.services.office import duty_chain
from tests.demo.test_demo import ctx  # noqa: F401  (the demo tests' database, clock at 2026-11-28)


def test_the_deadline_history_belongs_to_incidents_that_exist(ctx: Context) -> None:  # noqa: F811
    demo.create_demo(ctx)
    with ctx.db.read() as s:
        numbers = set(s.scalars(select(Incident.number)))
        owned = s.execute(select(Deadline.incident_id, Deadline.incident_number, Deadline.outcome)
                          .where(Deadline.recurring_key.is_(None))).all()
        assert owned and all(number in numbers for _i, number, _o in owned)
        ids = {i for i, _n, _o in owned}
        assert ids <= set(s.scalars(select(Incident.id)))
        met = sum(1 for *_x, o in owned if o in (DeadlineOutcome.ON_TIME.value, DeadlineOutcome.LATE.value))
        assert met > 150
        closed = s.scalar(select(func.count()).select_from(Incident).where(Incident.status == "closed"))
        finals = s.scalar(select(func.count()).select_from(Report).where(Report.kind == "final"))
        assert closed == finals > 100
        unsent = s.scalar(select(func.count()).select_from(Report).where(
            Report.id.not_in(select(Sending.report_id))))
        assert unsent == 1  # the newest case, still being reported
        phone_then_written = s.execute(select(Sending.report_id, func.count()).group_by(Sending.report_id)
                                       .having(func.count() == 2)).all()
        assert len(phone_then_written) >= 150  # first reports: by phone, then in writing


def test_the_log_and_the_handovers_follow_the_roster(ctx: Context) -> None:  # noqa: F811
    demo.create_demo(ctx)
    with ctx.db.read() as s:
        handovers = list(s.scalars(select(Handover).order_by(Handover.shift_date)))
        first, last = handovers[0].shift_date, handovers[-1].shift_date + dt.timedelta(days=1)
        rostered = officers_by_day(s, first, last)
        for h in handovers:
            assert h.outgoing_name == rostered[h.shift_date][0][1]
            assert h.incoming_name == rostered[h.shift_date + dt.timedelta(days=1)][0][1]
        intake = s.scalar(select(func.count()).select_from(DutyLogEntry).where(DutyLogEntry.kind == "intake"))
        reports = s.scalar(select(func.count()).select_from(DutyLogEntry).where(DutyLogEntry.kind == "report"))
        assert intake and reports
    assert duty_chain.verify(ctx).ok
