"""Demo data for the plans register: a realistic city register with its history.

The city's overall plan, special plans led by the departments, department plans, township plans
and enterprise plans with on-site plans; some reviewed, some overdue for review, one withdrawn,
one under revision. Two years of drills (tabletop, live and combined) with corrective actions,
most done on time, some late, a few still open; training sessions. The history goes through the
services in the demo's transaction, in the order it happened, so each review and drill meets the
deadline its plan's clock had set then (on time or late) just as it would have in the program.
Demo incidents of the matching kinds name the plan they activated.
"""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo
from dataclasses import dataclass

from sqlalchemy import select, update

from app.demo.scope import DemoScope
from app.domain import plans as rules
from app.domain.enums import Channel, Level, ReportKind
from app.domain.incident_facts import PLAN_FIELDS, to_json
from app.domain.plan_input import ActionInput, DrillInput, PlanInput, ReviewInput, TrainingInput
from app.domain.plans import DrillType, PlanStatus, PlanType, ReviewConclusion
from app.models import Deadline, Incident, Organization, Person, Plan, Report
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents import documents
from app.services.incidents.rows import facts_of
from app.services.plans import clocks, drills, register, reviews, training

HISTORY_DAYS = 730  # drills and training over two years
_Z = zoneinfo.ZoneInfo("Asia/Shanghai")  # the demo office's zone

# (name, type, owner unit, approved: months before now, subtypes of incidents that activate it)
_PLANS: tuple[tuple[str, PlanType, str, int, tuple[str, ...]], ...] = (
    ("江州市突发事件总体应急预案", PlanType.OVERALL, "江州市", 20, ()),
    ("江州市防汛抗旱应急预案", PlanType.SPECIAL, "江州市水利局", 28, ("flood_drought",)),
    ("江州市地质灾害应急预案", PlanType.SPECIAL, "江州市自然资源和规划局", 41, ("geological",)),
    ("江州市森林火灾应急预案", PlanType.SPECIAL, "江州市林业局", 15, ("forest_fire",)),
    ("江州市危险化学品事故应急预案", PlanType.SPECIAL, "江州市应急管理局", 38, ("industrial",)),
    ("江州市地震应急预案", PlanType.SPECIAL, "江州市应急管理局", 52, ()),
    ("江州市突发公共卫生事件应急预案", PlanType.SPECIAL, "江州市卫生健康委员会", 22,
     ("infectious_disease", "food_occupational")),
    ("江州市突发环境事件应急预案", PlanType.SPECIAL, "江州市生态环境局", 35, ("environmental",)),
    ("江州市气象灾害应急预案", PlanType.SPECIAL, "江州市气象局", 9, ("meteorological",)),
    ("江州市道路交通突发事件应急预案", PlanType.DEPARTMENT, "江州市交通运输局", 30, ("traffic",)),
    ("江州市城镇燃气突发事件应急预案", PlanType.DEPARTMENT, "江州市住房和城乡建设局", 44,
     ("public_facilities",)),
    ("江州市公安机关处置群体性事件应急预案", PlanType.DEPARTMENT, "江州市公安局", 26,
     ("mass_incident", "major_crime")),
    ("江州市重大动物疫情应急预案", PlanType.DEPARTMENT, "江州市农业农村局", 33, ()),
    ("江州市教育系统突发事件应急预案", PlanType.DEPARTMENT, "江州市教育局", 18, ()),
    ("江州市消防救援支队灭火救援应急预案", PlanType.DEPARTMENT, "江州市消防救援支队", 12, ()),
)
_WITHDRAWN = ("江州市处置大面积停电事件应急预案", PlanType.SPECIAL, "江州市应急管理局", 110)
_ONSITE = {  # enterprise -> its on-site plan
    "江州华昌化工有限公司": "氯气储罐泄漏现场处置方案",
    "西山青峰煤业有限公司": "井下透水事故现场处置方案",
    "江州市燃气集团有限公司": "中压燃气管道泄漏现场处置方案",
}
_CITY_PLACES = ("市应急指挥中心", "东湖区化工园区", "临江区滨江公园", "江口水库",
                "江州市第一中学", "市疾控中心", "G320 国道江州段", "北岭区凤凰山林区")
_PROBLEMS = (
    ("现场指挥部与后方通信中断约 8 分钟", "配备卫星电话并开展使用培训"),
    ("疏散路线标识不清，部分群众走错方向", "重新设置疏散标识并更新疏散图"),
    ("物资储备清单与实物不符", "全面清点应急物资，更新储备台账"),
    ("信息报送超过规定时限 10 分钟", "修订信息报送流程，明确专人负责"),
    ("专业救援队伍到场时间偏长", "优化队伍集结点位，开展拉动演练"),
    ("预案中联系人电话已变更", "核实更新预案附件中的通讯录"),
    ("医疗救护力量衔接不畅", "与市紧急医学救援队签订联动协议"),
)
_COURSES = (
    ("值班值守业务培训", 3.0), ("突发事件信息报送培训", 2.5), ("应急预案编制与管理培训", 6.0),
    ("危险化学品事故应急处置培训", 8.0), ("防汛抢险技能培训", 4.0), ("森林防灭火业务培训", 4.0),
    ("应急救护（心肺复苏）培训", 3.0), ("地质灾害隐患排查培训", 3.5),
)


@dataclass
class _Demo:
    scope: DemoScope
    cs: clocks.ClockSettings
    units: dict[str, int]
    today: dt.date

    def ago(self, days: int) -> dt.date:
        return self.today - dt.timedelta(days=days)


def _unit_ids(scope: DemoScope) -> dict[str, int]:
    rows = scope.session.execute(select(Organization.name, Organization.id)
                                 .order_by(Organization.sort_order, Organization.id))
    out: dict[str, int] = {}
    for name, unit_id in rows:
        out.setdefault(name, unit_id)
    return out


def _add_plan(d: _Demo, name: str, kind: PlanType, unit: str, months: int,
              rng: random.Random, status: PlanStatus = PlanStatus.IN_FORCE) -> tuple[int, dt.date]:
    """A plan approved about ``months`` ago; its id and approval date."""
    approved = rules.add_months(d.today, -months) - dt.timedelta(days=rng.randint(0, 25))
    year = approved.year
    prefix = {PlanType.OVERALL: "江政发", PlanType.SPECIAL: "江政办发"}.get(kind, "")
    number = f"{prefix}〔{year}〕{rng.randint(2, 60)}号" if prefix else f"〔{year}〕{rng.randint(1, 30)}号"
    filed = approved + dt.timedelta(days=rng.randint(5, 40))
    data = PlanInput(name, kind, d.units[unit], approved, number,
                     filed if filed <= d.today else None,
                     "江州市应急管理局" if kind is not PlanType.OVERALL else "省应急管理厅",
                     status=status, document=f"应急管理局档案室 预案柜 {rng.randint(1, 9)} 号")
    row, _ = register.save_in(d.scope.session, d.scope.ctx, None, data, d.units[unit])
    return row.id, approved


def _owed(d: _Demo, plan_id: int, clock: str, when: dt.date) -> None:
    """The deadline the plan's clock had set by ``when`` for its coming review or drill, as
    the planner made it then (so recording the event meets it, on time or late)."""
    s, ctx = d.scope.session, d.scope.ctx
    c = clocks.clocks_in(s, [plan_id])[0]
    day = c.due(clock)
    if (day - when).days > d.cs.horizon.notice_days or (d.today - day).days > HISTORY_DAYS:
        return  # not asked for yet when it happened, or before the history the demo keeps
    kind = ReportKind.PLAN_REVIEW if clock == clocks.REVIEW else ReportKind.PLAN_DRILL
    key = (rules.review_key if clock == clocks.REVIEW else rules.drill_key)(plan_id, day)
    if s.scalar(select(Deadline.id).where(Deadline.recurring_key == key)) is not None:
        return  # planned already (the clock was near when the last record was made)
    row = deadlines.add_in(s, ctx, what=clocks.what(c.name, kind), report_kind=kind,
                           channel=Channel.WRITTEN, due_at=clocks.due_at(day, _Z),
                           rule_profile=d.cs.profile_key, recurring_key=key)
    row.created_at = min(ctx.clock.now(), row.due_at - dt.timedelta(days=d.cs.horizon.notice_days))


def _place(d: _Demo, plan_id: int, rng: random.Random) -> str:
    """Where a drill of the plan is held: the owner's own site, or somewhere in the city."""
    unit = d.scope.session.scalar(select(Organization.name).join(
        Plan, Plan.organization_id == Organization.id).where(Plan.id == plan_id)) or ""
    if unit.endswith(("公司", "集团")):
        return f"{unit}厂区"
    if unit.endswith(("镇", "乡", "街道")):
        return f"{unit}人民政府" if not unit.endswith("街道") else f"{unit}办事处"
    return rng.choice(_CITY_PLACES)


def _drill(d: _Demo, plan_id: int, held: dt.date, rng: random.Random, participants: list[int]) -> None:
    actions = []
    for problem, fix in rng.sample(_PROBLEMS, rng.randint(0, 3)):
        due = held + dt.timedelta(days=rng.choice((30, 45, 60, 90)))
        late = rng.random() < 0.25
        done: dt.date | None = due + dt.timedelta(days=rng.randint(3, 40)) if late else \
            held + dt.timedelta(days=rng.randint(7, (due - held).days))
        recent = (d.today - held).days < 150
        if (recent and rng.random() < 0.25) or (done is not None and done > d.today):
            done = None  # still open (a few of the recent ones overdue already)
        actions.append((problem, ActionInput(fix, rng.choice(participants), due, done)))
    _owed(d, plan_id, clocks.DRILL, held)
    kind = rng.choice((DrillType.TABLETOP, DrillType.LIVE, DrillType.COMBINED, DrillType.LIVE))
    drills.add_in(d.scope.session, d.scope.ctx, DrillInput(
        plan=plan_id, held_on=held, type=kind, place=_place(d, plan_id, rng),
        organizer="江州市应急管理局", units=tuple(rng.sample(participants, min(3, len(participants)))),
        participant_count=rng.choice((30, 45, 60, 80, 120, 160, 200)),
        scenario="模拟突发事件发生后的信息报告、先期处置、响应启动和现场救援",
        evaluation=rng.choice(("响应迅速，职责清楚，基本达到预期目标", "流程顺畅，但部门间衔接有待加强",
                               "指挥有序，暴露出通信保障方面的不足")),
        problems="；".join(p for p, _ in actions), actions=tuple(a for _, a in actions)), d.cs)


def _history(d: _Demo, plan_id: int, approved: dt.date, every: int, rng: random.Random,
             participants: list[int], *, skip_last: bool = False) -> None:
    """Drills about every ``every`` months over the last two years (offices drill more often
    than the cycle demands; some are held late, and with ``skip_last`` the last one is missed)."""
    day = rules.add_months(approved, every)
    held: list[dt.date] = []
    while day <= d.ago(10):
        when = day + dt.timedelta(days=rng.randint(-40, 25))
        if when >= d.ago(HISTORY_DAYS):
            held.append(when)
        day = rules.add_months(when, every)
    if skip_last and held:
        held.pop()
    for when in held:
        if approved < when <= d.today:
            _drill(d, plan_id, when, rng, participants)


def extend(scope: DemoScope) -> None:
    s, ctx, rng = scope.session, scope.ctx, random.Random(scope.rng.random())
    d = _Demo(scope, clocks.settings_of(ctx), _unit_ids(scope),
              ctx.clock.now().astimezone(_Z).date())
    d.units.setdefault("江州市", next(iter(d.units.values())))
    city_units = [d.units[n] for n in ("江州市应急管理局", "江州市公安局", "江州市消防救援支队",
                                       "江州市卫生健康委员会") if n in d.units]
    made: dict[str, int] = {}
    for n, (name, kind, unit, months, _subtypes) in enumerate(_PLANS):
        if unit not in d.units:
            continue
        plan_id, approved = _add_plan(d, name, kind, unit, months, rng)
        made[name] = plan_id
        if months > 36 and n % 2 == 0:  # reviewed on time once; the others are overdue
            when = rules.add_months(approved, 36) - dt.timedelta(days=rng.randint(-20, 25))
            _owed(d, plan_id, clocks.REVIEW, when)
            reviews.record_in(s, ctx, plan_id, ReviewInput(
                when, ReviewConclusion.VALID, "经评估，预案基本适用，继续有效。"), d.cs)
        _history(d, plan_id, approved, 12, rng, [*city_units, d.units[unit]], skip_last=n % 5 == 3)
    _add_plan(d, *_WITHDRAWN, rng, status=PlanStatus.WITHDRAWN)
    _townships(d, rng)
    _enterprises(d, rng)
    if "江州市森林火灾应急预案" in made:
        reviews.record_in(s, ctx, made["江州市森林火灾应急预案"], ReviewInput(
            d.ago(40), ReviewConclusion.REVISE, "机构改革后指挥部组成变化，需修订。"), d.cs)
    _training(d, rng)
    _activations(scope, made, rng)
    clocks.retime_in(s, ctx, list(s.scalars(select(Plan.id))), d.cs)


def _townships(d: _Demo, rng: random.Random) -> None:
    towns = [name for name, _ in d.scope.session.execute(
        select(Organization.name, Organization.id).where(Organization.kind == "township")
        .order_by(Organization.sort_order, Organization.id))][:24:3]
    for town, months in zip(towns, (14, 26, 40, 20, 33, 45, 30, 18), strict=False):
        # approved that many months ago: the 40 and the 45 are overdue for review
        plan_id, approved = _add_plan(d, f"{town}突发事件综合应急预案", PlanType.TOWNSHIP, town,
                                      months, rng)
        _history(d, plan_id, approved, 12, rng, [d.units[town]])


def _enterprises(d: _Demo, rng: random.Random) -> None:
    firms = [name for name, _ in d.scope.session.execute(
        select(Organization.name, Organization.id).where(Organization.kind == "enterprise")
        .order_by(Organization.sort_order, Organization.id))]
    for n, firm in enumerate(firms):
        plan_id, approved = _add_plan(d, f"{firm}生产安全事故综合应急预案", PlanType.ENTERPRISE,
                                      firm, rng.choice((10, 22, 30)), rng)
        _history(d, plan_id, approved, 12, rng, [d.units[firm]], skip_last=n == 2)
        if firm in _ONSITE:
            onsite, start = _add_plan(d, _ONSITE[firm], PlanType.ONSITE, firm, 20, rng)
            _history(d, onsite, start, 6, rng, [d.units[firm]])


def _training(d: _Demo, rng: random.Random) -> None:
    s = d.scope.session
    staff = list(s.scalars(select(Person.id).where(
        Person.organization_id == d.units.get("江州市应急管理局", 0)).order_by(Person.id)))
    for n in range(14):
        course, hours = _COURSES[n % len(_COURSES)]
        held = d.ago(rng.randint(5, HISTORY_DAYS - 5))
        people = tuple(rng.sample(staff, min(len(staff), rng.randint(6, 12)))) if n % 3 == 0 else ()
        training.save_in(s, d.scope.ctx, None, TrainingInput(
            course, held, hours, rng.choice(("江州市应急管理局", "省应急管理厅", "江州市红十字会")),
            people, 0 if people else rng.choice((25, 40, 60, 120)), counts_as_drill=n == 4,
            note="以桌面推演形式进行" if n == 4 else ""))


def _activations(scope: DemoScope, made: dict[str, int], rng: random.Random) -> None:
    """The demo's incidents of a plan's kinds name it as activated, at their level."""
    by_subtype = {sub: made[name] for name, _k, _u, _m, subs in _PLANS if name in made for sub in subs}
    rows = scope.session.execute(select(Incident.id, Incident.subtype, Incident.level)
                                 .where(Incident.subtype.in_(list(by_subtype)),
                                        Incident.level.is_not(None)))
    for incident_id, subtype, level in rows.all():
        if subtype is None or level is None:
            continue
        chance = {Level.III.value: 0.7, Level.IV.value: 0.1}.get(level, 1.0)
        if rng.random() >= chance:  # the larger the incident, the likelier a plan was activated
            continue
        scope.session.execute(update(Incident).where(Incident.id == incident_id).values(
            activated_plan_id=by_subtype[subtype], response_level=level))
        _reports_say_so(scope, incident_id)


def _reports_say_so(scope: DemoScope, incident_id: int) -> None:
    """The incident's reports were written knowing the plan activated: their content names it
    and their text says 已启动《……》级响应 (the plan was activated as the incident came in)."""
    s = scope.session
    row = s.get(Incident, incident_id)
    assert row is not None  # just updated
    s.refresh(row)
    named = to_json(facts_of(row))
    for report in s.scalars(select(Report).where(Report.incident_id == incident_id)):
        report.content = {**report.content, **{k: named[k] for k in PLAN_FIELDS}}
        documents.refresh_text_in(s, scope.ctx, row, report)
