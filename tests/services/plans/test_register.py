"""The plans register: recording plans, their clocks as deadlines, reviews, the strip's rule."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.domain.enums import DeadlineOutcome, ReportKind
from app.domain.errors import InputError, PermissionDenied
from app.domain.plan_input import PlanInput, ReviewInput
from app.domain.plans import LONG_RANGE_KINDS, Horizon, PlanStatus, PlanType, ReviewConclusion
from app.services import duties
from app.services.context import Context
from app.services.deadlines import lifecycle as deadlines
from app.services.deadlines import profiles as rule_profiles
from app.services.office import audit, users
from app.services.plans import activations, register, reviews
from tests.services.plans.fixtures import plan, units

TODAY = dt.date(2026, 11, 28)  # the tests' clock: 2026-11-28 09:30 in Shanghai


def plan_deadlines(ctx: Context) -> list[deadlines.DeadlineInfo]:
    return [d for d in deadlines.list_all(ctx)
            if d.report_kind in (ReportKind.PLAN_REVIEW, ReportKind.PLAN_DRILL)]


def test_a_plan_takes_its_type_s_cycles_and_an_unknown_unit_is_created(office_ctx: Context) -> None:
    made = units(office_ctx)
    info = plan(office_ctx, "江州市防汛应急预案", PlanType.SPECIAL, "江州市/江州市防汛抗旱指挥部办公室",
                dt.date(2025, 6, 1), number="江政办发〔2025〕12号")
    assert (info.review_years, info.drill_months) == (3, 36)
    assert (info.next_review, info.next_drill) == (dt.date(2028, 6, 1), dt.date(2028, 6, 1))
    assert info.unit == "江州市防汛抗旱指挥部办公室" and info.unit_id not in made.values()
    onsite = plan(office_ctx, "储罐区泄漏现场处置方案", PlanType.ONSITE, "江州华昌化工有限公司",
                  dt.date(2026, 9, 1))
    assert (onsite.drill_months, onsite.next_drill) == (6, dt.date(2027, 3, 1))
    assert plan_deadlines(office_ctx) == []  # nothing falls due within 30 days
    actions = [e.action + ":" + e.entity for e in audit.recent(office_ctx, 5)]
    assert actions[:3] == ["create:plan", "create:plan", "create:organization"]


def test_an_overdue_plan_gets_its_deadlines_at_once_and_a_review_meets_one(office_ctx: Context) -> None:
    units(office_ctx)
    info = plan(office_ctx, "江州市危险化学品事故应急预案", PlanType.SPECIAL, "江州市应急管理局",
                dt.date(2023, 10, 15))
    assert info.next_review == dt.date(2026, 10, 15) and info.overdue(TODAY)
    found = {d.report_kind: d for d in plan_deadlines(office_ctx)}
    review = found[ReportKind.PLAN_REVIEW]
    assert review.what == "江州市危险化学品事故应急预案 · 预案评估"
    assert review.due_at == dt.datetime(2026, 10, 15, 9, 30, tzinfo=dt.UTC)  # 17:30 in Shanghai
    assert review.is_open and found[ReportKind.PLAN_DRILL].is_open
    done = reviews.record_review(office_ctx, info.id, ReviewInput(dt.date(2026, 11, 20),
                                                                  ReviewConclusion.VALID, "继续适用"))
    assert done.conclusion is ReviewConclusion.VALID
    met = deadlines.get(office_ctx, review.id)
    assert met.outcome is DeadlineOutcome.LATE and met.met_how == "2026-11-20评估：继续有效"
    again = register.get_plan(office_ctx, info.id)
    assert (again.last_review, again.next_review) == (dt.date(2026, 11, 20), dt.date(2029, 11, 20))
    assert [d.report_kind for d in plan_deadlines(office_ctx) if d.is_open] == [ReportKind.PLAN_DRILL]


def test_a_review_that_asks_for_revision_puts_the_plan_under_revision(office_ctx: Context) -> None:
    units(office_ctx)
    info = plan(office_ctx, "城关街道综合应急预案", PlanType.TOWNSHIP, "城关街道", dt.date(2024, 1, 5))
    reviews.record_review(office_ctx, info.id, ReviewInput(dt.date(2026, 11, 1), ReviewConclusion.REVISE))
    assert register.get_plan(office_ctx, info.id).status is PlanStatus.UNDER_REVISION
    with pytest.raises(InputError) as bad:
        reviews.record_review(office_ctx, info.id, ReviewInput(dt.date(2026, 12, 1)))
    assert bad.value.message == "评估日期“2026-12-01”晚于今天。"
    with pytest.raises(InputError) as bad:
        reviews.record_review(office_ctx, info.id, ReviewInput(dt.date(2023, 12, 1)))
    assert bad.value.message == "评估日期不能早于批准日期。"


def test_the_notice_comes_30_days_ahead_and_the_strip_shows_the_last_7(office_ctx: Context, clock) -> None:  # type: ignore[no-untyped-def]
    units(office_ctx)
    plan(office_ctx, "江州市水利局水旱灾害防御预案", PlanType.DEPARTMENT, "江州市水利局",
         dt.date(2023, 12, 20))  # review and drill due 2026-12-20: 22 days ahead
    plan(office_ctx, "东湖区地震应急预案", PlanType.SPECIAL, "东湖区", dt.date(2024, 1, 20))  # 53 days
    assert {d.what for d in plan_deadlines(office_ctx)} == {
        "江州市水利局水旱灾害防御预案 · 预案评估", "江州市水利局水旱灾害防御预案 · 预案演练"}
    report = deadlines.create(office_ctx, what="县道塌方 · 首报（书面）", report_kind="initial",
                              due_at=clock.now() + dt.timedelta(days=20))
    assert [d.id for d in deadlines.list_on_strip(office_ctx)] == [report.id]
    clock.advance(dt.timedelta(days=16))  # 2026-12-14: six days before the plan is due
    duties.ensure(office_ctx)
    assert len(plan_deadlines(office_ctx)) == 2  # the earthquake plan is still 37 days away
    strip = deadlines.list_on_strip(office_ctx)
    kinds = [d.report_kind for d in strip]
    assert kinds[0] is ReportKind.INITIAL  # the reports first, the plan's clocks after them
    assert kinds[-2:] == [ReportKind.PLAN_REVIEW, ReportKind.PLAN_DRILL]
    clock.advance(dt.timedelta(days=8))  # 2026-12-22: 29 days before the earthquake plan
    duties.ensure(office_ctx)
    assert len(plan_deadlines(office_ctx)) == 4
    rule_profiles.set_horizon(office_ctx, Horizon(notice_days=30, strip_days=0))
    shown = [d for d in deadlines.list_on_strip(office_ctx) if d.report_kind in LONG_RANGE_KINDS]
    assert shown and all(d.due_at < clock.now() for d in shown)  # only the overdue ones now
    with pytest.raises(InputError):
        rule_profiles.set_horizon(office_ctx, Horizon(notice_days=5, strip_days=7))


def test_editing_the_cycles_moves_the_open_deadline_and_withdrawing_cancels_it(office_ctx: Context) -> None:
    units(office_ctx)
    info = plan(office_ctx, "华昌化工综合应急预案", PlanType.ENTERPRISE, "江州华昌化工有限公司",
                dt.date(2024, 3, 1))
    drill = next(d for d in plan_deadlines(office_ctx) if d.report_kind is ReportKind.PLAN_DRILL)
    assert drill.due_at.date() == dt.date(2025, 3, 1)  # yearly drill, long overdue
    data = PlanInput(info.name, info.type, info.unit_id, info.approved_on, drill_months=30)
    moved = register.update_plan(office_ctx, info.id, data, info.version)
    assert moved.next_drill == dt.date(2026, 9, 1)
    again = deadlines.get(office_ctx, drill.id)
    assert again.is_open and again.due_at.date() == dt.date(2026, 9, 1)
    gone = register.update_plan(office_ctx, info.id, dataclasses.replace(
        data, status=PlanStatus.WITHDRAWN), moved.version)
    assert gone.next_drill is None and gone.next_review is None
    closed = deadlines.get(office_ctx, drill.id)
    assert closed.outcome is DeadlineOutcome.CANCELLED and closed.closed_reason == "预案已废止，不再需要"
    duties.ensure(office_ctx)
    assert not any(d.is_open for d in plan_deadlines(office_ctx))


def test_bad_plans_are_refused_and_nothing_is_written(office_ctx: Context) -> None:
    units(office_ctx)
    plan(office_ctx, "江州市突发事件总体应急预案", PlanType.OVERALL, "江州市", dt.date(2024, 5, 1))
    before = audit.count(office_ctx)
    with pytest.raises(InputError) as bad:
        plan(office_ctx, "江州市突发事件总体应急预案", PlanType.OVERALL, "江州市", dt.date(2024, 5, 1))
    assert bad.value.message == "“江州市”已有名为“江州市突发事件总体应急预案”的预案。"
    with pytest.raises(InputError) as bad:
        plan(office_ctx, " ", PlanType.SPECIAL, "新单位", dt.date(2027, 1, 1),
             filed_on=dt.date(2026, 1, 1), review_years=0)
    assert bad.value.message.splitlines() == [
        "预案名称不能为空。", "批准日期“2027-01-01”晚于今天。", "备案日期不能早于批准日期。",
        "评估周期（年）须是 1 到 10 的整数。"]
    assert audit.count(office_ctx) == before
    assert [u for _, u in register.unit_names(office_ctx) if u == "新单位"] == []


def test_only_the_administrator_keeps_the_register(office_ctx: Context) -> None:
    units(office_ctx)
    users.create_user(office_ctx, username="duty", display_name="李值班", role="officer",
                      password="officer-pass")
    officer = office_ctx.acting_as(users.authenticate(office_ctx, "duty", "officer-pass"))
    with pytest.raises(PermissionDenied):
        plan(officer, "某预案", PlanType.SPECIAL, "江州市", dt.date(2024, 5, 1))
    assert register.list_plans(officer) == []  # but anyone may read it


def test_a_plan_lists_the_incidents_that_activated_it(office_ctx: Context) -> None:
    from sqlalchemy import update

    from app.models import Incident
    from tests.services.plans.test_drills import drill_incident

    units(office_ctx)
    info = plan(office_ctx, "江州市防汛应急预案", PlanType.SPECIAL, "江州市", dt.date(2024, 5, 1))
    number = drill_incident(office_ctx, drill=False)
    with office_ctx.db.write() as s:  # what intake will write once it names the plan
        s.execute(update(Incident).where(Incident.number == number)
                  .values(activated_plan_id=info.id, response_level="III"))
    found = activations.activations(office_ctx, info.id)
    assert [(a.number, a.response_level and a.response_level.zh) for a in found] == [(number, "较大")]
