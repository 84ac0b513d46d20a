"""The demo office: a fictional city emergency-management bureau with its units and people.

``dutydesk demo`` fills an empty database with 江州市 (a city that does not exist): the bureau
running the duty room, the city's departments, districts and counties with their townships and
villages, enterprises and rescue teams, about 300 people and four users to sign in with. The
``large`` scale adds generated people up to 100,000 for trying the program under load.
Everything is made from one seeded random generator, so the same seed gives the same office.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from app.domain.enums import OrgKind, UserRole
from app.domain.errors import InputError
from app.domain.messages import Problem
from app.models import Base, Office, Organization, Person, User
from app.services.context import Context
from app.services.office import audit
from app.services.office.users import add_user_in

SCALES = {"small": 0, "large": 100_000}  # people in total; 0: only the hand-made office
AREA = "0576"
CITY = "江州市"
BUREAU = "江州市应急管理局"
BATCH = 10_000
_KEEP_ON_RESET = {"audit_event", "chain_head", "chain_anchor"}  # append-only, insert-only

# Surnames by rough frequency; the polyphonic ones (单 Shàn, 解 Xiè, 仇 Qiú, 区 Ōu …) are rare.
_SURNAMES = (
    (60, "王李张刘陈"),
    (30, "杨黄赵吴周"),
    (16, "徐孙马朱胡郭何林高罗"),
    (9, "郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余"),
    (4, "于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪廖石金韦贾夏付方邹熊白孟秦邱侯江尹薛闫段雷"
        "龙黎史陶贺毛郝顾龚邵万钱戴严"),
    (1, "单解仇区朴查盖尉"),
)
_COMPOUND = ("欧阳", "上官", "司马", "诸葛")
_GIVEN = (  # characters of men's and of women's given names
    "伟刚勇毅俊峰强军平东文辉力明永健广志兴良海山波宁福龙全国胜学祥发武新利清飞彬富顺子杰涛"
    "昌成康光天达安岩中进林坚和博诚敬振思群豪承乐功松厚庆磊民友裕河哲江超浩亮政宏朋斌栋启"
    "伦翔旭鹏泽晨辰建家树德盛雄钧冠腾航",
    "秀娟英华慧美娜静淑惠玉萍红玲芬芳燕彩春兰凤洁梅琳云雪荣霞艳瑞佳嘉琼珍莉桂晶妍秋珊婷婉"
    "颖露瑶怡丹蓉君琴薇梦岚馨韵悦昭冰欣晓欢枫芸菲亚宜可舒丽",
)
_MOBILE_PREFIXES = tuple(
    f"{p}" for p in itertools.chain(range(130, 140), (150, 151, 152, 153, 155, 156, 157, 158, 159),
                                    range(180, 190), (191, 193, 195, 196, 197, 198, 199))
)
_ROADS = (
    "人民路", "解放路", "中山路", "建设路", "文化路", "新华路", "和平路", "江滨路", "府前街",
    "环城北路", "环城南路", "迎宾大道", "胜利路", "青年路", "学院路", "工业路", "长安街", "民主路",
)
_DEPARTMENTS = (  # (name under 江州市, its leader's title)
    ("公安局", "局长"), ("消防救援支队", "支队长"), ("自然资源和规划局", "局长"),
    ("水利局", "局长"), ("气象局", "局长"), ("卫生健康委员会", "主任"), ("交通运输局", "局长"),
    ("生态环境局", "局长"), ("住房和城乡建设局", "局长"), ("农业农村局", "局长"),
    ("林业局", "局长"), ("教育局", "局长"),
)
_BUREAU_STAFF = (
    "党委书记、局长", "副局长", "副局长", "副局长", "总工程师", "办公室主任", "应急指挥中心主任",
    "应急指挥中心副主任", "工程师", "风险监测和综合减灾科科长", "危险化学品安全监督管理科科长",
    "防汛抗旱科科长", "值班员", "值班员", "值班员", "值班员", "值班员", "值班员",
)
# Who signs in: (username, password, role, index into _BUREAU_STAFF)
_USERS = (
    ("admin", "admin-2026", UserRole.ADMIN, 8),
    ("leader", "leader-2026", UserRole.LEADER, 1),
    ("officer1", "duty-2026", UserRole.OFFICER, 12),
    ("officer2", "duty-2026", UserRole.OFFICER, 13),
)
_DISTRICTS = ("东湖区", "临江区", "南屏区", "北岭区", "西山县", "清溪县", "云台县", "石门县", "白鹭县")
_TOWNS = (
    "城关", "湖滨", "新桥", "白沙", "青石", "龙泉", "梅林", "柳溪", "石塘", "溪口", "枫林", "桃源",
    "高坪", "马鞍", "凤凰", "金山", "长乐", "双河", "三江", "清水", "杨柳", "松林", "竹园", "花园",
    "横山", "大洋", "上塘", "下沙", "古城", "南门", "北关", "东坝", "西渡", "黄坛", "岭头", "水口",
    "茶园", "官塘", "望江", "临湖", "沙埠", "九龙", "太平", "永安", "兴隆", "福田", "安仁", "大桥",
    "石桥", "河头", "坪山", "龙潭", "云峰", "宝山", "鹤林", "樟树", "芦浦", "桥头", "滨江", "文昌",
    "华阳", "汇川", "朝阳", "星湖", "百步", "五里", "七星", "十里", "蒲田", "柏树", "洪家", "双溪",
    "浦口", "南岙", "北洋", "白云",
)
_VILLAGES = (
    "张家", "李家", "王家", "陈家", "后山", "前湾", "下洋", "上蒋", "石门", "岙里", "东岸", "西岙",
    "南塘", "北坑", "新屋", "老屋", "大坪", "小溪", "枫树", "竹林", "田心", "岭脚", "塘下", "山后",
    "湾里", "庄头", "水碓", "井头", "沙坑", "桥下",
)
_COMMUNITIES = (
    "幸福", "和平", "阳光", "翠苑", "锦绣", "东园", "南苑", "学府", "春晖", "明珠", "金桥", "绿洲",
)
_ENTERPRISES = (  # (name, index into _DISTRICTS)
    ("江州华昌化工有限公司", 0), ("临江石化储运有限公司", 1), ("江州港务集团有限公司", 1),
    ("西山青峰煤业有限公司", 4), ("清溪永兴烟花爆竹有限公司", 5), ("云台金鼎矿业有限公司", 6),
    ("江州市燃气集团有限公司", 2),
)
_TEAMS = (
    ("江州市综合应急救援支队", "支队长"), ("江州市森林消防大队", "大队长"),
    ("江州市危险化学品应急救援队", "队长"), ("江州市水上应急救援队", "队长"),
    ("江州市矿山救护队", "队长"), ("江州市紧急医学救援队", "队长"), ("江州蓝天救援队", "队长"),
)
_EXTRA_TITLES = {  # titles of the generated people at the large scale, by kind of unit
    OrgKind.TEAM: ("队员", "队员", "队员", "副队长", "技术员", "驾驶员"),
    OrgKind.VILLAGE: ("网格员", "网格员", "信息员", "村委委员"),
    OrgKind.ENTERPRISE: ("安全员", "工程师", "班组长", "值班员"),
}
_EXTRA_DEFAULT = ("科员", "科员", "值班员", "工作人员", "联络员", "副科长")


class _Maker:
    """Names, numbers and units from one random generator; every mobile number unique."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.mobiles: set[str] = set()
        self.blocks: set[str] = set()
        surnames = [s for _, group in _SURNAMES for s in group] + list(_COMPOUND)
        weights = [w for w, group in _SURNAMES for _ in group] + [1] * len(_COMPOUND)
        self.surnames = surnames
        self.cum_weights = list(itertools.accumulate(weights))
        self.units: list[tuple[Organization, str, list[str]]] = []  # unit, exchange, titles

    def name(self) -> str:
        rng = self.rng
        surname = rng.choices(self.surnames, cum_weights=self.cum_weights)[0]
        chars = _GIVEN[rng.random() < 0.4]
        given = rng.choice(chars)
        if rng.random() < 0.7:
            given += rng.choice(chars)
        return surname + given

    def mobile(self) -> str:
        while True:
            number = f"{self.rng.choice(_MOBILE_PREFIXES)}{self.rng.randrange(10**8):08d}"
            if number not in self.mobiles:
                self.mobiles.add(number)
                return number

    def exchange(self) -> str:
        """The first four digits a unit's lines share (8xxx), different for every unit."""
        while True:
            block = f"8{self.rng.randrange(1000):03d}"
            if block not in self.blocks:
                self.blocks.add(block)
                return block

    def phone(self, block: str) -> str:
        return f"{AREA}-{block}{self.rng.randrange(10**4):04d}"

    def unit(self, parent: Organization | None, name: str, kind: OrgKind, place: str,
             titles: list[str], sort_order: int, *, fax: float = 0.85) -> Organization:
        rng = self.rng
        block = self.exchange()
        org = Organization(
            parent=parent, name=name, kind=kind.value, duty_phone=self.phone(block),
            fax=self.phone(block) if rng.random() < fax else "",
            address=f"{place}{rng.choice(_ROADS)}{rng.randint(1, 399)}号", sort_order=sort_order,
        )
        self.units.append((org, block, titles))
        return org

    def maybe(self, probability: float, title: str) -> list[str]:
        return [title] if self.rng.random() < probability else []


def _build_units(mk: _Maker) -> Organization:
    """The tree of units, in memory; the bureau is returned (the office's own unit)."""
    rng = mk.rng
    city = mk.unit(None, CITY, OrgKind.CITY, CITY, ["市长", "副市长", "市政府总值班室主任"], 0)
    bureau = mk.unit(city, BUREAU, OrgKind.DEPARTMENT, CITY, list(_BUREAU_STAFF), 10)
    for i, (dept, lead) in enumerate(_DEPARTMENTS):
        titles = [lead, "副" + lead, *mk.maybe(0.6, "办公室主任"), "值班员",
                  *mk.maybe(0.3, "值班员")]
        mk.unit(city, CITY + dept, OrgKind.DEPARTMENT, CITY, titles, 20 + 10 * i)
    town_names = iter(rng.sample(_TOWNS, len(_DISTRICTS) * 8))
    districts = []
    for i, dname in enumerate(_DISTRICTS):
        county = dname.endswith("县")
        head = "县长" if county else "区长"
        titles = [head, "副" + head, "应急管理局局长", "值班员", *mk.maybe(0.5, "值班员")]
        place = CITY + dname
        district = mk.unit(city, dname, OrgKind.DISTRICT, place, titles, 200 + 10 * i)
        districts.append(district)
        for j in range(rng.randint(4, 8)):
            if county:
                suffix = "镇" if rng.random() < 0.65 else "乡"
            else:
                suffix = "街道" if rng.random() < 0.6 else "镇"
            tname = next(town_names) + suffix
            lead = {"镇": "镇长", "乡": "乡长", "街道": "街道办事处主任"}[suffix]
            titles = [*mk.maybe(0.15, "党委书记"), lead, "值班员", *mk.maybe(0.3, "值班员")]
            town = mk.unit(district, tname, OrgKind.TOWNSHIP, place + tname, titles, 10 * (j + 1))
            if rng.random() < 0.2:
                street = suffix == "街道"
                pool, end = (_COMMUNITIES, "社区") if street else (_VILLAGES, "村")
                for k, root in enumerate(rng.sample(pool, rng.randint(2, 3))):
                    title = rng.choice(("社区党委书记", "社区主任") if street
                                       else ("村党支部书记", "村委会主任"))
                    mk.unit(town, root + end, OrgKind.VILLAGE, place + tname, [title],
                            10 * (k + 1), fax=0.1)
    for i, (ename, where) in enumerate(_ENTERPRISES):
        mk.unit(districts[where], ename, OrgKind.ENTERPRISE, CITY + _DISTRICTS[where],
                ["安全总监", "值班员", *mk.maybe(0.4, "总经理")], 900 + 10 * i)
    for i, (tname, lead) in enumerate(_TEAMS):
        mk.unit(city, tname, OrgKind.TEAM, CITY, [lead, "值班员", *mk.maybe(0.5, "副" + lead)],
                600 + 10 * i)
    return bureau


def _table_counts(session: Session) -> dict[str, int]:
    return {
        table: session.scalar(select(func.count()).select_from(model)) or 0
        for table, model in (("office", Office), ("organization", Organization),
                             ("person", Person), ("app_user", User))
    }


def _clear(session: Session) -> None:
    """Delete everything but the audit trail, children before parents.

    Walks every table the models know, so tables added by later features are cleared too.
    The audit trail is append-only and stays, and so do the chain anchors (insert-only).
    """
    for table in reversed(Base.metadata.sorted_tables):
        if table.name not in _KEEP_ON_RESET:
            session.execute(table.delete())


def _bulk_people(session: Session, mk: _Maker, units: list[tuple[int, str, str]], count: int) -> None:
    """``count`` generated people spread over ``units`` (id, kind, exchange), batch by batch."""
    rng = mk.rng
    batch: list[dict[str, Any]] = []
    for n in range(count):
        org_id, kind, block = rng.choice(units)
        batch.append({
            "organization_id": org_id, "name": mk.name(),
            "title": rng.choice(_EXTRA_TITLES.get(OrgKind(kind), _EXTRA_DEFAULT)),
            "mobile": mk.mobile(), "office_phone": mk.phone(block), "notes": "", "version": 1,
        })
        if len(batch) == BATCH or n == count - 1:
            session.execute(insert(Person), batch)
            batch = []


@dataclass(frozen=True)
class DemoUser:
    username: str
    password: str
    role: UserRole
    display_name: str


@dataclass(frozen=True)
class BuiltOffice:
    """What ``build_office`` made: the office row's id, counts and the users to sign in with."""

    office_id: int
    organizations: int
    people: int
    users: list[DemoUser]


def reset(session: Session, ctx: Context, *, force: bool) -> None:
    """Refuse a database that holds data, or (``force``) clear it; the audit trail records it."""
    counts = _table_counts(session)
    if any(counts.values()):
        if not force:
            raise InputError(Problem("demo.not_empty"))
        _clear(session)
        audit.record(session, ctx, "demo_reset", "office", before=counts)


def build_office(session: Session, ctx: Context, rng: random.Random, scale: str) -> BuiltOffice:
    """The office, its unit tree, its people (``scale``) and the demo users, in ``session``."""
    mk = _Maker(rng)
    bureau = _build_units(mk)
    session.add_all(org for org, _, _ in mk.units)
    session.flush()
    office = Office(name=BUREAU, duty_phone=bureau.duty_phone, fax=bureau.fax,
                    timezone="Asia/Shanghai", organization_id=bureau.id)
    session.add(office)
    staff: list[Person] = []
    for org, block, titles in mk.units:
        village = org.kind == OrgKind.VILLAGE.value  # village committees: mobiles only
        for title in titles:
            person = Person(organization_id=org.id, name=mk.name(), title=title,
                            mobile=mk.mobile(), notes="",
                            office_phone="" if village else mk.phone(block))
            session.add(person)
            if org is bureau:
                staff.append(person)
    session.flush()
    users = []
    for username, password, role, index in _USERS:
        person = staff[index]
        add_user_in(session, ctx, username=username, display_name=person.name, role=role,
                    password=password, person_id=person.id)
        users.append(DemoUser(username, password, role, person.name))
    people = sum(len(titles) for _, _, titles in mk.units)
    extra = max(0, SCALES[scale] - people)
    if extra:
        targets = [(org.id, org.kind, block) for org, block, _ in mk.units if org.parent]
        _bulk_people(session, mk, targets, extra)
    return BuiltOffice(office.id, len(mk.units), people + extra, users)
