"""The contact book's part of the demo office: numbers with their last check, search keys,
tags, an expert pool, the rescue teams and a few absence notices around today.

Runs inside the demo's transaction (``app.demo.office.EXTENSIONS``). The large scale's
100,000 people arrive by bulk insert, which skips the ORM's hooks, so their search keys and
contact points are written here in bulk, batch by batch.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from app.domain import pinyin
from app.domain.contacts import AbsenceKind, PersonTag, TeamKind, TeamStatus
from app.domain.enums import OrgKind
from app.domain.incident_types import Subtype
from app.models import Absence, ContactPoint, Expert, Organization, Person, RescueTeam
from app.services.office.zone import office_today

BATCH = 10_000

LEADER_TITLES = {
    "市长", "副市长", "党委书记、局长", "副局长", "局长", "支队长", "副支队长", "主任", "副主任",
    "区长", "副区长", "县长", "副县长", "应急管理局局长", "党委书记", "镇长", "乡长",
    "街道办事处主任", "大队长", "副大队长", "队长", "副队长", "安全总监", "总经理",
    "市政府总值班室主任", "应急指挥中心主任", "应急指挥中心副主任", "村党支部书记", "村委会主任",
    "社区党委书记", "社区主任",
}
TEAM_MEMBER_TITLES = {"队员", "技术员", "驾驶员", "值班员", "副队长"}

# (unit name ends with, specialties, sub-types) for the expert pool
_EXPERTS = (
    ("应急管理局", ("危险化学品", "安全生产"), (Subtype.INDUSTRIAL, Subtype.ENVIRONMENTAL)),
    ("应急管理局", ("防汛抗旱", "水文"), (Subtype.FLOOD_DROUGHT,)),
    ("应急管理局", ("应急指挥", "谈判"), (Subtype.MASS_INCIDENT, Subtype.MAJOR_CRIME)),
    ("公安局", ("谈判", "反恐处突"), (Subtype.TERRORISM, Subtype.MAJOR_CRIME, Subtype.MASS_INCIDENT)),
    ("公安局", ("网络安全", "舆情"), (Subtype.ECONOMIC_SECURITY, Subtype.MASS_INCIDENT)),
    ("消防救援支队", ("火灾扑救", "高层建筑救援"), (Subtype.INDUSTRIAL, Subtype.PUBLIC_FACILITIES)),
    ("自然资源和规划局", ("地质灾害", "滑坡泥石流"), (Subtype.GEOLOGICAL, Subtype.EARTHQUAKE)),
    ("自然资源和规划局", ("地震", "工程地质"), (Subtype.EARTHQUAKE, Subtype.GEOLOGICAL)),
    ("水利局", ("水利工程", "堤防抢险"), (Subtype.FLOOD_DROUGHT,)),
    ("气象局", ("气象预报", "台风"), (Subtype.METEOROLOGICAL, Subtype.FLOOD_DROUGHT)),
    ("卫生健康委员会", ("传染病防控", "流行病学"), (Subtype.INFECTIOUS_DISEASE, Subtype.CLUSTERED_ILLNESS)),
    ("卫生健康委员会", ("紧急医学救援", "创伤外科"), (Subtype.TRAFFIC, Subtype.INDUSTRIAL, Subtype.EARTHQUAKE)),
    ("卫生健康委员会", ("食品安全", "职业病"), (Subtype.FOOD_OCCUPATIONAL,)),
    ("交通运输局", ("道路运输", "桥梁隧道"), (Subtype.TRAFFIC, Subtype.PUBLIC_FACILITIES)),
    ("生态环境局", ("环境监测", "水污染处置"), (Subtype.ENVIRONMENTAL, Subtype.NUCLEAR_RADIATION)),
    ("住房和城乡建设局", ("建筑结构", "燃气安全"), (Subtype.PUBLIC_FACILITIES, Subtype.EARTHQUAKE)),
    ("农业农村局", ("动物疫病", "农作物病虫害"), (Subtype.ANIMAL_EPIDEMIC, Subtype.BIOLOGICAL)),
    ("林业局", ("森林防火", "林业有害生物"), (Subtype.FOREST_FIRE, Subtype.BIOLOGICAL)),
    ("化工有限公司", ("化工工艺", "危险化学品"), (Subtype.INDUSTRIAL, Subtype.ENVIRONMENTAL)),
    ("矿业有限公司", ("矿山救护", "通风安全"), (Subtype.INDUSTRIAL,)),
    ("燃气集团有限公司", ("燃气管网", "泄漏处置"), (Subtype.PUBLIC_FACILITIES, Subtype.INDUSTRIAL)),
)

# (unit name ends with, kind, equipment)
_TEAMS = (
    ("综合应急救援支队", TeamKind.COMPREHENSIVE, "抢险救援车 6 辆、破拆工具组 10 套、发电照明车 1 辆"),
    ("森林消防大队", TeamKind.FOREST_FIRE, "风力灭火机 40 台、水泵 12 台、运兵车 4 辆"),
    ("危险化学品应急救援队", TeamKind.HAZCHEM, "防化服 30 套、侦检仪 8 台、洗消车 1 辆、堵漏工具 6 套"),
    ("水上应急救援队", TeamKind.FLOOD, "冲锋舟 8 艘、救生衣 200 件、排涝泵车 2 辆"),
    ("矿山救护队", TeamKind.MINE, "正压氧气呼吸器 24 台、气体检测仪 10 台、救护车 2 辆"),
    ("紧急医学救援队", TeamKind.MEDICAL, "救护车 5 辆、移动手术单元 1 套、帐篷 10 顶"),
    ("蓝天救援队", TeamKind.VOLUNTEER, "橡皮艇 4 艘、无人机 3 架、生命探测仪 2 台"),
    ("公安局", TeamKind.POLICE, "特警车 6 辆、防暴装备 80 套、无人机 4 架"),
    ("消防救援支队", TeamKind.FIRE, "水罐消防车 12 辆、举高车 3 辆、抢险救援车 4 辆"),
    ("交通运输局", TeamKind.TRAFFIC, "清障车 4 辆、应急抢通机械 10 台"),
)


def extend(scope: Any) -> None:
    """The demo hook (``DemoScope``): everything below, in the demo's transaction."""
    session, rng = scope.session, scope.rng
    now = scope.ctx.clock.now()
    _keys_and_numbers(session, rng, now)
    _tags(session)
    session.expire_all()  # the bulk updates above bypassed the objects the demo holds
    _experts(session, rng)
    _teams(session, rng)
    _absences(session, rng, office_today(session, scope.ctx))


def _verified(rng: Any, now: dt.datetime) -> dt.datetime | None:
    """Most numbers checked within the last quarter, some long ago, a few never."""
    roll = rng.random()
    if roll < 0.04:
        return None
    days = rng.randint(100, 500) if roll < 0.12 else rng.randint(0, 80)
    return now - dt.timedelta(days=days, minutes=rng.randint(0, 600))


def _keys_and_numbers(session: Session, rng: Any, now: dt.datetime) -> None:
    points = ContactPoint.__table__
    # numbers the ORM hooks already wrote (hand-made people and every unit): when last checked
    stamps = [{"pid": pid, "at": _verified(rng, now)}
              for pid in session.scalars(select(ContactPoint.id).order_by(ContactPoint.id))]
    if stamps:
        session.execute(update(points).where(points.c.id == bindparam("pid"))
                        .values(last_verified_at=bindparam("at")), stamps)
    people = Person.__table__
    last = 0
    while True:  # bulk-inserted people: no keys, no contact points yet
        rows = session.execute(
            select(Person.id, Person.name, Person.mobile, Person.office_phone)
            .where(Person.pinyin_key == "", Person.id > last).order_by(Person.id).limit(BATCH)).all()
        if not rows:
            break
        last = rows[-1][0]
        keys, new_points = [], []
        for pid, name, mobile, office in rows:
            full, initials = pinyin.keys(name, is_name=True)
            keys.append({"pid": pid, "p": full, "i": initials,
                         "d": pinyin.digits(mobile, office)})
            for label, number in (("mobile", mobile), ("office", office)):
                if number:
                    new_points.append({
                        "person_id": pid, "organization_id": None, "label": label,
                        "number": number, "digits": pinyin.digits(number),
                        "digits_reversed": pinyin.digits(number)[::-1], "position": 0,
                        "last_verified_at": _verified(rng, now), "version": 1})
        session.execute(update(people).where(people.c.id == bindparam("pid"))
                        .values(pinyin_key=bindparam("p"), initials_key=bindparam("i"),
                                digits_key=bindparam("d")), keys)
        if new_points:
            session.execute(points.insert(), new_points)


def _tags(session: Session) -> None:
    people = Person.__table__
    session.execute(update(people).where(people.c.title.in_(LEADER_TITLES)).values(tags="leader"))
    session.execute(update(people).where(people.c.title == "值班员").values(tags="duty_officer"))
    teams = select(Organization.id).where(Organization.kind == OrgKind.TEAM.value)
    session.execute(update(people).where(people.c.organization_id.in_(teams),
                                         people.c.title.in_(TEAM_MEMBER_TITLES))
                    .values(tags="team_member"))


def _add_tag(person: Person, tag: PersonTag) -> None:
    tags = [t for t in person.tags.split(",") if t]
    if tag.value not in tags:
        person.tags = ",".join(t.value for t in PersonTag if t.value in {*tags, tag.value})


def _unit_people(session: Session, suffix: str) -> list[Person]:
    return list(session.scalars(
        select(Person).join(Organization, Organization.id == Person.organization_id)
        .where(Organization.name.endswith(suffix)).order_by(Person.id).limit(12)))


def _experts(session: Session, rng: Any) -> None:
    taken: set[int] = set()
    for suffix, specialties, subtypes in _EXPERTS:
        candidates = [p for p in _unit_people(session, suffix) if p.id not in taken]
        if not candidates:
            continue
        # engineers and section heads first, then deputies; never the one duty officer
        candidates.sort(key=lambda p: (p.title == "值班员", "leader" in p.tags
                                       and not p.title.startswith("副"), "leader" in p.tags, p.id))
        person = candidates[0]
        taken.add(person.id)
        _add_tag(person, PersonTag.EXPERT)
        session.add(Expert(person_id=person.id, specialties=list(specialties),
                           subtypes=[s.value for s in subtypes],
                           notes=rng.choice(("", "", "可 24 小时联系", "周末需提前预约"))))
    session.flush()


def _teams(session: Session, rng: Any) -> None:
    for i, (suffix, kind, equipment) in enumerate(_TEAMS):
        unit = session.scalar(select(Organization).where(Organization.name.endswith(suffix))
                              .order_by(Organization.id).limit(1))
        if unit is None:
            continue
        people = _unit_people(session, unit.name)
        leader = next((p for p in people if "leader" in p.tags), people[0] if people else None)
        status = TeamStatus.DEPLOYED if i == 3 else TeamStatus.READY
        session.add(RescueTeam(
            organization_id=unit.id, name=unit.name, kind=kind.value,
            leader_id=leader.id if leader else None, phone=unit.duty_phone,
            headcount=rng.choice((24, 30, 36, 45, 60, 80, 120)), equipment=equipment,
            status=status.value, base=unit.address, notes=""))
    session.flush()


def _absences(session: Session, rng: Any, today: dt.date) -> None:
    """A few notices around today: the bureau's deputies and some township heads."""
    leaders = list(session.scalars(select(Person).where(Person.tags.contains("leader"))
                                   .order_by(Person.id).limit(60)))
    if len(leaders) < 6:
        return
    picks = rng.sample(leaders[1:], 6)
    plans = ((-1, 2, AbsenceKind.TRIP, "省应急管理厅（参加培训）"), (0, 0, AbsenceKind.LEAVE, ""),
             (-3, -1, AbsenceKind.TRIP, "北京"), (1, 4, AbsenceKind.TRIP, "杭州（招商活动）"),
             (0, 6, AbsenceKind.LEAVE, "病假"), (5, 7, AbsenceKind.OTHER, "外出学习"))
    for person, (start, end, kind, place) in zip(picks, plans, strict=True):
        deputy = next((p for p in leaders if p.organization_id == person.organization_id
                       and p.id != person.id), None)
        session.add(Absence(person_id=person.id, starts_on=today + dt.timedelta(days=start),
                            ends_on=today + dt.timedelta(days=end), kind=kind.value, place=place,
                            deputy_id=deputy.id if deputy else None, note="", cancelled=False))
    session.flush()
