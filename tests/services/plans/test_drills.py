"""Drills with corrective actions, training, and the register's counts per period."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain.enums import DeadlineOutcome, ReportKind
from app.domain.errors import InputError
from app.domain.plan_input import ActionInput, DrillInput, TrainingInput
from app.domain.plans import DrillType, PlanType
from app.models import Incident
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.office import audit
from app.services.plans import drills, register, stats, training
from tests.services.plans.fixtures import plan, units


def drill_incident(ctx: Context, *, drill: bool = True) -> str:
    """An incident row as intake writes it (the plans register only reads incidents)."""
    number = f"2026-{9000 + drill_incident.count:04d}"
    drill_incident.count += 1
    received = ctx.clock.now() - dt.timedelta(days=2)
    with ctx.db.write() as s:
        s.add(Incident(number=number, kind="event", status="closed", title="化工园区储罐泄漏应急演练",
                       received_at=received, occurred_at=received, category="accident",
                       level="IV", is_drill=drill, missing_elements=[]))
    return number


drill_incident.count = 0  # type: ignore[attr-defined]


def test_a_drill_meets_the_drill_clock_and_its_actions_become_deadlines(office_ctx: Context) -> None:
    made = units(office_ctx)
    info = plan(office_ctx, "江州市危险化学品事故应急预案", PlanType.SPECIAL, "江州市应急管理局",
                dt.date(2023, 10, 15))
    drill_deadline = next(d for d in deadlines.list_open(office_ctx)
                          if d.report_kind is ReportKind.PLAN_DRILL)
    number = drill_incident(office_ctx)
    done = drills.add_drill(office_ctx, DrillInput(
        plan="江州市危险化学品事故应急预案", held_on=dt.date(2026, 11, 26), type=DrillType.COMBINED,
        place="东湖区化工园区", organizer="江州市应急管理局", units=("东湖区", made["江州市水利局"]),
        participant_count=160, scenario="储罐泄漏引发火灾", evaluation="响应迅速，通信不畅",
        problems="现场与指挥部通信中断 8 分钟", incident_number=number,
        actions=(ActionInput("配备卫星电话并开展使用培训", "东湖区", dt.date(2026, 12, 31)),
                 ActionInput("修订通信保障方案", "江州市应急管理局", dt.date(2026, 11, 27),
                             dt.date(2026, 11, 27)))))
    assert done.units == ("江州市水利局", "东湖区")  # in the contact book's order and done.incident_number == number
    assert deadlines.get(office_ctx, drill_deadline.id).outcome is DeadlineOutcome.LATE
    assert register.get_plan(office_ctx, info.id).next_drill == dt.date(2029, 11, 26)
    first, second = done.actions
    open_one = deadlines.get(office_ctx, first.deadline_id or 0)
    assert open_one.what == "配备卫星电话并开展使用培训 · 演练整改（东湖区）" and open_one.is_open
    assert deadlines.get(office_ctx, second.deadline_id or 0).outcome is DeadlineOutcome.ON_TIME
    late = drills.mark_done(office_ctx, first.id, dt.date(2026, 11, 28), first.version)
    assert late.done_on == dt.date(2026, 11, 28) and not late.late(dt.date(2026, 11, 28))
    assert deadlines.get(office_ctx, first.deadline_id or 0).outcome is DeadlineOutcome.ON_TIME
    assert [d.id for d in drills.list_drills(office_ctx, info.id)] == [done.id]
    assert drills.drill_incidents(office_ctx) == []  # linked now


def test_bad_drills_are_refused_naming_each_problem(office_ctx: Context) -> None:
    units(office_ctx)
    plan(office_ctx, "东湖区防汛应急预案", PlanType.SPECIAL, "东湖区", dt.date(2024, 5, 1))
    plan(office_ctx, "东湖区防汛应急预案", PlanType.DEPARTMENT, "江州市水利局", dt.date(2024, 5, 1))
    number = drill_incident(office_ctx, drill=False)
    before = audit.count(office_ctx)
    with pytest.raises(InputError) as bad:
        drills.add_drill(office_ctx, DrillInput(
            plan="东湖区防汛应急预案", held_on=dt.date(2026, 12, 1), type=DrillType.LIVE,
            units=("西湖区",), incident_number=number,
            actions=(ActionInput("补充沙袋", "不存在的单位", dt.date(2026, 11, 1)),)))
    assert bad.value.message.splitlines() == [
        "有 2 个预案名为“东湖区防汛应急预案”，请同时写出编制单位（plan_unit）。",
        "演练日期“2026-12-01”晚于今天。",
        "参演单位“西湖区”不在通讯录中。",
        "第 1 项整改：责任单位“不存在的单位”不在通讯录中。",
        "第 1 项整改：整改期限不能早于演练日期。",
        f"事件 {number} 没有标记为演练，不能关联。"]
    assert audit.count(office_ctx) == before
    ok = drills.add_drill(office_ctx, DrillInput(plan="东湖区防汛应急预案", plan_unit="东湖区",
                                                 held_on=dt.date(2026, 6, 1), type=DrillType.TABLETOP))
    assert ok.plan_unit == "东湖区"


def test_training_and_the_counts_of_a_period(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    from app.services.contacts import book
    from app.services.contacts.book import PersonInput

    made = units(office_ctx)
    people = [book.save_person(office_ctx, None, PersonInput(name=n, organization_id=made["东湖区"])).id
              for n in ("张伟", "李娜")]
    session = training.add_training(office_ctx, TrainingInput(
        "值班值守业务培训", dt.date(2026, 10, 20), 3.5, "江州市应急管理局", tuple(people)))
    assert session.participant_count == 2 and [n for _, n in session.people] == ["张伟", "李娜"]
    training.add_training(office_ctx, TrainingInput("防汛桌面推演培训", dt.date(2026, 11, 5), 2,
                                                    participant_count=40, counts_as_drill=True))
    training.add_training(office_ctx, TrainingInput("去年的培训", dt.date(2025, 11, 5), 8,
                                                    participant_count=10))
    with pytest.raises(InputError) as bad:
        training.add_training(office_ctx, TrainingInput("", dt.date(2026, 11, 5), 0))
    assert bad.value.message.splitlines() == ["培训课程不能为空。", "学时须大于 0 且不超过 1000。"]
    info = plan(office_ctx, "江州市危险化学品事故应急预案", PlanType.SPECIAL, "江州市应急管理局",
                dt.date(2023, 10, 15), filed_on=dt.date(2023, 11, 1))
    plan(office_ctx, "东湖区地震应急预案", PlanType.SPECIAL, "东湖区", dt.date(2026, 10, 9))
    drills.add_drill(office_ctx, DrillInput(
        plan=info.id, held_on=dt.date(2026, 11, 2), type=DrillType.LIVE, participant_count=80,
        actions=(ActionInput("修订疏散路线", "东湖区", dt.date(2026, 11, 20)),
                 ActionInput("补充器材", "东湖区", dt.date(2026, 12, 20)),
                 ActionInput("完善通讯录", "东湖区", dt.date(2026, 11, 10), dt.date(2026, 11, 12)))))
    q4 = stats.counts(office_ctx, dt.date(2026, 10, 1), dt.date(2026, 12, 31))
    assert (q4.plans_in_force, q4.plans_approved, q4.plans_filed) == (2, 1, 0)
    assert (q4.drills, q4.drills_by_type, q4.drill_participants) == (1, {"live": 1}, 80)
    assert q4.actions == stats.ActionCounts(due=3, done_on_time=0, done_late=1, overdue=1, open=1,
                                            raised=3)
    assert (q4.trainings, q4.training_hours, q4.training_participants, q4.trainings_as_drills) == \
        (2, 5.5, 42, 1)
    assert q4.reviews_due == stats.ClockCounts(total=1, open=1)  # due 2026-10-15, not reviewed
    assert q4.to_json()["start"] == "2026-10-01"
    q3 = stats.counts(office_ctx, dt.date(2023, 10, 1), dt.date(2023, 12, 31))
    assert (q3.plans_in_force, q3.plans_approved, q3.plans_filed, q3.drills) == (1, 1, 1, 0)
