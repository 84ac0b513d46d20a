"""Demo incidents: a year of realistic cases of every category with their report chains;
``--scale large`` adds plain incidents up to a million for benchmarks."""

from __future__ import annotations

import datetime as dt
import random
import zoneinfo

from sqlalchemy import Table, insert
from sqlalchemy.orm import Session

from app.demo.scope import DemoScope
from app.domain import incidents as rules
from app.domain.enums import Channel, ReportKind
from app.domain.incident_text import Letterhead, compose_text
from app.models import Incident, Report
from app.services.deadlines import lifecycle as deadlines
from app.services.incidents.rows import facts_of, picture, rule_facts
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
    s, ctx, rng = scope.session, scope.ctx, scope.rng
    now = ctx.clock.now()
    times = sorted([now - dt.timedelta(days=rng.randint(2, 365), minutes=rng.randint(0, 1439))
                    for _ in range(155)] + [now - dt.timedelta(hours=rng.randint(3, 20)) for _ in range(4)]
                   + [now - dt.timedelta(minutes=25)])  # a call that came in during this shift
    per_year: dict[int, int] = {}
    for received in times:
        year = received.astimezone(_ZONE).year
        per_year[year] = per_year.get(year, 0) + 1
        row = _incident(rng, now, received, f"{year}-{per_year[year]:04d}")
        s.add(row)
        s.flush()
        _report_chain(scope, row, now)
        if now - received < dt.timedelta(days=1):
            _start_deadlines(scope, row, now)
    audit.record(s, ctx, "create", "incident", None, after={"demo_incidents": len(times)})
    if scope.scale == "large":
        _bulk(s, rng, now, LARGE_TOTAL - len(times))


def _incident(rng: random.Random, now: dt.datetime, received: dt.datetime, number: str) -> Incident:
    """One realistic case: open while it is recent, closed with its outcome otherwise."""
    category, subtype, what, nature, measures, _w = _pick(rng)
    place = f"{rng.choice(_PLACES)}{rng.choice(_TOWNS)}"
    recent = now - received < dt.timedelta(days=1)
    newest = now - received < dt.timedelta(hours=1)
    occurred = received - dt.timedelta(minutes=rng.randint(5, 90))
    deaths = 3 if newest else rng.choice((0, 0, 0, 0, 1, 1, 2, 3, 4))
    serious = rng.choice((0, 0, 1, 2, 3, 5))
    level = (rules.suggest_level(deaths, serious, 0).level.value
             if category != "social" else None)
    return Incident(
        number=number, kind="event",
        status="open" if recent else "closed", title=f"{place}{what}", received_at=received,
        occurred_at=occurred, source=f"{place.replace(rng.choice(_TOWNS), '')}人民政府值班室"[:40],
        source_person=rng.choice(_SURNAMES) + rng.choice(("建国", "海峰", "丽华", "志强", "秀英")),
        source_title=rng.choice(("值班员", "镇长", "副镇长", "安监站长")),
        source_phone=f"139{rng.randint(10000000, 99999999)}", location=f"{place}{rng.randint(1, 30)}号附近",
        category=category, subtype=subtype, level=level, nature=nature,
        impact=f"影响周边约{rng.randint(20, 800)}名群众", deaths=deaths, serious_injuries=serious,
        injuries=rng.randint(0, 8), missing=0, trapped=0, loss_cny=None,
        trend=rng.choice(("事态已得到控制", "仍在处置中，存在扩大风险", "险情基本排除")),
        measures=measures, next_steps="继续跟踪处置，及时续报", leaders_on_site=rng.choice(("", "县分管领导已到场")),
        notified="", outcome="" if recent else "处置完毕，现场恢复正常", aftermath="", assessment="",
        is_drill=False, sensitive=False, missing_elements=[], recorded_by="officer1",
    )


def _report_chain(scope: DemoScope, row: Incident, now: dt.datetime) -> None:
    """The reports a case went through; the newest case's first report is not sent yet."""
    rng = scope.rng
    recent = now - row.received_at < dt.timedelta(days=1)
    newest = now - row.received_at < dt.timedelta(hours=1)
    facts = facts_of(row)
    content = picture(facts, [])
    chain = [(ReportKind.INITIAL, 0)]
    if not recent:
        chain += [(ReportKind.FOLLOW_UP, i) for i in range(1, rng.randint(1, 3))]
        chain.append((ReportKind.FINAL, 0))
    last_sent = row.received_at
    for kind, seq in chain:
        last_sent = last_sent + dt.timedelta(minutes=rng.randint(15, 240) if kind is not ReportKind.INITIAL
                                             else rng.randint(10, 55))
        sent = None if newest or (recent and last_sent > now) else last_sent
        head = Letterhead(office="江州市应急管理局", number=row.number, zone=_ZONE,
                          issued_by="" if sent is None else "王副局长", sent_at=sent)
        text = compose_text(facts, kind=kind, seq=seq, head=head, previous=facts if seq else None)
        scope.session.add(Report(
            incident_id=row.id, kind=kind.value, seq=seq, created_at=row.received_at, content=content,
            text=text, sent_at=sent, channel=Channel.WRITTEN.value,
            sent_how="" if sent is None else "信息报送系统", sent_to="" if sent is None else "市应急管理局值班室",
            issued_by="" if sent is None else "王副局长", recorded_by="officer1"))
        if sent is None:
            break


def _start_deadlines(scope: DemoScope, row: Incident, now: dt.datetime) -> None:
    """A recent case's deadlines run; its initial report was met by phone, unless it is the
    newest, still being reported."""
    started = deadlines.start_for_incident(scope.session, scope.ctx, rule_facts(facts_of(row)),
                                           incident_id=row.id, incident_number=row.number,
                                           title=row.title)
    first_sent = row.received_at + dt.timedelta(minutes=scope.rng.randint(10, 28))
    if now - row.received_at < dt.timedelta(hours=1):
        return
    for d in started:
        if d.report_kind == ReportKind.INITIAL.value:
            deadlines.meet_in(scope.session, scope.ctx, d.id, how="电话、信息报送系统", at=first_sent)


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
                "missing_elements": [], "recorded_by": "demo", "version": 1,
            })
            n += 1
        s.execute(insert(table), rows)
