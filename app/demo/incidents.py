"""Demo incidents: a year of realistic cases of every category with their report chains and
deadline history (``report_chain``); ``--scale large`` adds plain incidents up to a million for
benchmarks."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

from sqlalchemy import Table, insert, select
from sqlalchemy.orm import Session

from app.demo.on_duty import officers_by_day
from app.demo.report_chain import ChainWriter
from app.demo.scope import DemoScope
from app.domain import deadline_rules as dr
from app.domain import duty
from app.domain import incidents as rules
from app.domain.enums import Category, UserRole
from app.domain.incident_facts import IncidentFacts
from app.domain.incident_types import Subtype
from app.models import Incident, User
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents.rows import columns, facts_of, rule_facts
from app.services.office import audit

LARGE_TOTAL = 1_000_000
BATCH = 20_000

_PLACES = ("东湖区", "西山县", "南湖县", "北岭区", "青石县", "江口区", "凤鸣县", "临江市", "白沙县")
_TOWNS = ("城关镇", "石门镇", "新桥街道", "柳溪乡", "双河镇", "桃源街道", "龙潭镇", "白云乡")
# (category, subtype, what happened, nature, measures, weight)
_CASES = (
    ("natural", "geological", "山体滑坡", "强降雨引发山体滑坡，掩埋部分民房", "转移受威胁群众，组织专业队伍搜救", 8),
    ("natural", "flood_drought", "暴雨内涝", "短时强降雨造成城区多处积水", "启动防汛应急响应，排涝车辆到场抽排", 10),
    ("natural", "forest_fire", "森林火情", "山林起火，明火沿山脊蔓延", "森林消防队伍、扑火队到场扑救", 6),
    ("natural", "meteorological", "大风冰雹", "强对流天气伴有冰雹，损毁大棚和农作物", "组织灾情核查，启动灾害救助", 4),
    ("accident", "traffic", "道路交通事故", "多车追尾，部分车辆起火", "交警、消防、医疗到场处置，实施交通管制", 14),
    ("accident", "industrial", "企业生产安全事故", "生产车间发生爆燃", "企业启动预案，消防救援到场，疏散周边人员", 8),
    ("accident", "public_facilities", "燃气泄漏", "居民小区燃气管道破损泄漏", "燃气公司关阀抢修，疏散居民", 7),
    ("accident", "environmental", "河道污染", "河道出现大面积死鱼，疑似污水排放", "生态环境部门采样监测，排查污染源", 4),
    ("health", "food_occupational", "疑似食物中毒", "学校食堂就餐后多名学生出现呕吐腹泻", "送医救治，封存留样，疾控流调", 5),
    ("health", "infectious_disease", "传染病聚集性疫情", "一养老机构出现发热病例聚集", "隔离观察，疾控开展流行病学调查", 3),
    ("social", "mass_incident", "群体性聚集", "部分群众因拖欠工资聚集", "属地政府、人社部门到场协调处置", 4),
    ("social", "major_crime", "重大刑事案件", "发生一起持刀伤人案件", "公安机关已控制嫌疑人，伤者送医", 2),
)
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林"
_ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")  # the demo office's zone


Case = tuple[str, str, str, str, str, int]


def _pick(rng: random.Random) -> Case:
    return rng.choices(_CASES, weights=[c[5] for c in _CASES])[0]


def extend(scope: DemoScope) -> None:
    """A year of cases: the closed ones with their whole chain and deadline history, the open
    ones of the last day with their clocks running, the newest not yet reported."""
    s, ctx, rng = scope.session, scope.ctx, scope.rng
    now = ctx.clock.now()
    times = sorted([now - dt.timedelta(days=rng.randint(2, 365), minutes=rng.randint(0, 1439))
                    for _ in range(155)] + [now - dt.timedelta(hours=rng.randint(3, 20)) for _ in range(4)]
                   + [now - dt.timedelta(minutes=25)])  # a call that came in during this shift
    per_year: dict[int, int] = {}
    start = duty.shift_date_of(times[0], _ZONE, duty.DEFAULT_SHIFT_TIME)
    on_duty = officers_by_day(s, start, duty.shift_date_of(now, _ZONE, duty.DEFAULT_SHIFT_TIME))
    profile = dr.built_in("default")
    # before the roster's months, the two officers who sign in take turns
    turns = [(u.username, u.display_name) for u in s.scalars(
        select(User).where(User.role == UserRole.OFFICER.value).order_by(User.username))]
    for received in times:
        year = received.astimezone(_ZONE).year
        per_year[year] = per_year.get(year, 0) + 1
        day = duty.shift_date_of(received, _ZONE, duty.DEFAULT_SHIFT_TIME)
        officer = (on_duty.get(day) or [turns[day.toordinal() % len(turns)]])[0]
        row = _incident(rng, now, received, f"{year}-{per_year[year]:04d}", officer[1])
        s.add(row)
        s.flush()
        writer = ChainWriter(s, rng, _ZONE, profile, officer)
        newest = now - received < dt.timedelta(hours=1)
        _report, last = writer.initial(row, sent=not newest)
        if newest:
            deadlines.start_for_incident(s, ctx, rule_facts(facts_of(row)), incident_id=row.id,
                                         incident_number=row.number, title=row.title)
        elif now - received < dt.timedelta(days=1):
            writer.history(row, last, None, now=now)  # open: its clock runs
        else:
            writer.history(row, last, _closed_at(rng, received, now))
    audit.record(s, ctx, "create", "incident", None, after={"demo_incidents": len(times)})
    if scope.scale == "large":
        _bulk(s, rng, now, LARGE_TOTAL - len(times))


def _closed_at(rng: random.Random, received: dt.datetime, now: dt.datetime) -> dt.datetime:
    return min(received + dt.timedelta(hours=rng.randint(5, 60)), now - dt.timedelta(hours=12))


def _incident(rng: random.Random, now: dt.datetime, received: dt.datetime, number: str,
              officer: str) -> Incident:
    """One realistic case: open while it is recent, closed with its outcome otherwise. The
    newest case's serious injuries are not known yet."""
    category, subtype, what, nature, measures, _w = _pick(rng)
    place = f"{rng.choice(_PLACES)}{rng.choice(_TOWNS)}"
    recent = now - received < dt.timedelta(days=1)
    newest = now - received < dt.timedelta(hours=1)
    deaths = 3 if newest else rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 4))
    serious = None if newest else rng.choice((0, 0, 1, 2, 3, 5))
    facts = IncidentFacts(
        received_at=received, occurred_at=received - dt.timedelta(minutes=rng.randint(5, 90)),
        title=f"{place}{what}", source=f"{place.replace(rng.choice(_TOWNS), '')}人民政府值班室"[:40],
        source_person=rng.choice(_SURNAMES) + rng.choice(("建国", "海峰", "丽华", "志强", "秀英")),
        source_title=rng.choice(("值班员", "镇长", "副镇长", "安监站长")),
        source_phone=f"139{rng.randint(10000000, 99999999)}", location=f"{place}{rng.randint(1, 30)}号附近",
        category=Category(category), subtype=Subtype(subtype),
        level=rules.suggest_level(deaths, serious, 0).level if category != "social" else None,
        nature=nature, impact=f"影响周边约{rng.randint(20, 800)}名群众", deaths=deaths,
        serious_injuries=serious, injuries=None if newest else rng.randint(0, 8), missing=0, trapped=0,
        trend=rng.choice(("事态已得到控制", "仍在处置中，存在扩大风险", "险情基本排除")),
        measures=measures, next_steps="继续跟踪处置，及时续报",
        leaders_on_site=rng.choice(("", "县分管领导已到场")),
        outcome="" if recent else "处置完毕，现场恢复正常", received_by=officer,
    )
    return Incident(number=number, status="open" if recent else "closed", missing_elements=[],
                    recorded_by=officer, **columns(facts))


def _bulk(s: Session, rng: random.Random, now: dt.datetime, total: int) -> None:
    """Plain closed incidents spread over ten years, inserted with Core executemany."""
    base = now.astimezone(dt.UTC)
    table = Incident.__table__
    assert isinstance(table, Table)
    n = 0
    while n < total:
        rows = []
        for _ in range(min(BATCH, total - n)):
            category, subtype, what, nature, _m, _w = _CASES[rng.randrange(len(_CASES))]
            received = base - dt.timedelta(minutes=rng.randrange(1, 10 * 365 * 24 * 60))
            rows.append({
                "number": f"H{n:07d}", "kind": "event", "status": "closed", "title": f"{_PLACES[n % 9]}{what}",
                "received_at": received, "occurred_at": received, "source": "", "source_person": "",
                "source_title": "", "source_phone": "", "location": _PLACES[n % 9], "category": category,
                "subtype": subtype, "level": "IV", "nature": nature, "impact": "", "deaths": 0,
                "serious_injuries": 0, "injuries": 0, "missing": 0, "trapped": 0, "loss_cny": None,
                "trend": "", "measures": "", "next_steps": "", "leaders_on_site": "", "notified": "",
                "outcome": "", "aftermath": "", "assessment": "", "is_drill": False, "sensitive": False,
                "missing_elements": [], "recorded_by": "demo", "level_reason": "", "received_by": "",
                "version": 1,
            })
            n += 1
        s.execute(insert(table), rows)
