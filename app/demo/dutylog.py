"""Demo duty log: three weeks of shifts kept by the officers the roster puts on duty, with
check-ins, calls and notes chained properly, the 接报 and 报送 lines of the demo's incidents,
handovers to the next day's rostered officer with their sheets, items carried forward, spot
checks and rounds of outgoing checks."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import dataclass, field

from sqlalchemy import func, select

from app.demo.on_duty import Officer, officers_by_day
from app.demo.scope import DemoScope
from app.domain import duty
from app.domain.duty import LogKind
from app.domain.enums import Channel, Level, Means, ReportKind
from app.domain.incidents import report_heading
from app.models import (
    CarriedItem,
    ChainHead,
    CheckIn,
    DutyLogEntry,
    Handover,
    Incident,
    Organization,
    Report,
    Sending,
)
from app.models import PresenceCheck as Check
from app.services.dutylog.presence import TARGET_KINDS
from app.services.office import audit, duty_chain

DAYS = 21
ZONE = zoneinfo.ZoneInfo("Asia/Shanghai")
START = duty.DEFAULT_SHIFT_TIME
_NOTES = (
    "巡查值班室通信设备、应急广播，运行正常。",
    "收到市气象台大风蓝色预警信号，已转发各区县应急管理局和市防指成员单位。",
    "参加全市防汛视频调度会，会议要求已记录，转带班领导。",
    "检查卫星电话、对讲机电量，均正常。",
    "市森林防火指挥部通报：本周森林火险等级较高，已提醒各区县加强巡查。",
    "整理本班接报信息，录入信息报送系统。",
    "抽查各区县值班电话，均正常接听。",
)
_CALLS_IN = (
    ("报告辖区内一处工地围挡被大风刮倒，无人员伤亡，已组织清理。", "路面无积水，交通正常"),
    ("报告一辆货车侧翻，驾驶员轻伤送医，交警已到场处置。", "道路已恢复通行"),
    ("询问明日防汛值班安排，已告知按既定方案执行。", ""),
    ("报告一处民房失火，已扑灭，无人员伤亡。", "火因正在调查"),
    ("报告河道水位上涨，已安排人员24小时巡查。", "水位仍在上涨"),
    ("报送本日安全生产检查情况：检查企业12家，整改隐患5处。", ""),
)
_CALLS_OUT = (
    "电话通知各区县应急管理局落实大风防御措施，均已收到。",
    "向市政府总值班室报告今日值班情况，无异常。",
    "电话联系市消防救援支队核实火情处置进展。",
    "电话督促西山县报送灾情核查结果。",
)
_INSTRUCTIONS = (
    "带班领导指示：密切关注天气变化，有情况及时报告。",
    "带班领导指示：做好节前安全检查情况汇总，明日上午报局办公室。",
    "带班领导指示：督促各区县严格落实领导带班和24小时值班制度。",
)
_CARRIED = (
    "督促西山县报送山体滑坡灾情核查结果",
    "市防指通知：下周一前报送防汛物资储备情况",
    "东湖区化工园区隐患整改情况需跟踪",
    "值班室备用电源维修，厂家预计周五来人",
)
_CALLERS = ("王建华", "李志强", "陈丽", "赵海峰", "周敏", "刘洋", "孙涛", "吴静")
_SUPERIORS = ("省应急管理厅", "市政府总值班室", "省应急管理厅", "市委总值班室")


def _iso(value: dt.datetime) -> str:
    return value.astimezone(ZONE).isoformat(timespec="seconds")


@dataclass
class _Office:
    """What the shifts draw on: the roster, the units to check, the callers, the time."""

    now: dt.datetime
    officers: dict[dt.date, list[Officer]]
    units: list[tuple[int, str, str]]
    callers: list[tuple[str, str]]
    carried: list[tuple[CarriedItem, dt.date, dt.date | None]] = field(default_factory=list)
    checked_in: set[dt.date] = field(default_factory=set)
    checks: int = 0

    def on(self, day: dt.date) -> list[Officer]:
        return self.officers.get(day) or [("officer1", "值班员")]


class _Writer:
    """Appends chained entries as the demo's people, in the demo's transaction."""

    def __init__(self, scope: DemoScope) -> None:
        self.s, self.ctx, self.rng = scope.session, scope.ctx, scope.rng
        self.entries: dict[dt.date, list[DutyLogEntry]] = {}

    def add(self, day: dt.date, at: dt.datetime, who: Officer, kind: LogKind, text: str, *,
            incident_id: int | None = None, corrects_id: int | None = None,
            **call: str) -> DutyLogEntry:
        row = duty_chain.append_in(self.s, self.ctx, shift_date=day, at=at, kind=kind.value, text=text,
                                   recorded_at=at + dt.timedelta(minutes=self.rng.randint(0, 6)),
                                   operator=who[0], operator_name=who[1], incident_id=incident_id,
                                   corrects_id=corrects_id, call=call)
        self.entries.setdefault(day, []).append(row)
        return row


def extend(scope: DemoScope) -> None:
    s, ctx = scope.session, scope.ctx
    now = ctx.clock.now()
    head = s.get(ChainHead, duty_chain.CHAIN)
    if head is not None and not s.scalar(select(func.count()).select_from(DutyLogEntry)):
        head.seq, head.hash = 0, audit.GENESIS  # a reset demo deleted the old log with its office
    current = duty.shift_date_of(now, ZONE, START)
    first = current - dt.timedelta(days=DAYS)
    office = _Office(
        now, officers_by_day(s, first, current + dt.timedelta(days=1)),
        [(o.id, o.name, o.duty_phone) for o in s.scalars(
            select(Organization).where(Organization.kind.in_(TARGET_KINDS)).order_by(Organization.sort_order))],
        [(name, phone) for name, phone in s.execute(
            select(Organization.name, Organization.duty_phone).where(Organization.parent_id.is_not(None))).all()])
    w = _Writer(scope)
    for n in range((current - first).days + 1):
        _shift(w, office, n, first + dt.timedelta(days=n), current)
    s.flush()
    audit.record(s, ctx, "create", "duty_log", None, after={
        "demo_entries": sum(len(v) for v in w.entries.values()), "presence_checks": office.checks})


def _shift(w: _Writer, office: _Office, n: int, day: dt.date, current: dt.date) -> None:
    """One duty day: its officers sign in, write the log, and hand over to the next day's."""
    begin, end = duty.shift_bounds(day, ZONE, START)
    officer = office.on(day)[0]
    if day not in office.checked_in and begin - dt.timedelta(minutes=20) < office.now:
        for who in office.on(day):
            _check_in(w, day, who, begin - dt.timedelta(minutes=w.rng.randint(5, 25)))
    times = sorted(begin + dt.timedelta(minutes=w.rng.randint(15, 23 * 60))
                   for _ in range(w.rng.randint(4, 8)))
    for at in (t for t in times if t < office.now):
        _entry(w, day, at, officer, office.callers)
    _incidents(w, day, begin, min(end, office.now), officer)
    if n % 3 == 1 and begin + dt.timedelta(hours=14) < office.now:
        _spot_check(w, office, day, begin, officer)
    if n % 7 == 3 and begin + dt.timedelta(hours=11) < office.now:
        _round_of_checks(w, office, day, begin, officer)
    if n < len(_CARRIED) * 4 and n % 4 == 2 and begin + dt.timedelta(hours=3) < office.now:
        _carry(w, office, n, day, begin, officer)
    if day < current and end + dt.timedelta(minutes=10) < office.now:
        _hand_over(w, office, day, end, officer)


def _incidents(w: _Writer, day: dt.date, begin: dt.datetime, end: dt.datetime, officer: Officer) -> None:
    """The 接报 line of each incident received in the shift and the 报送 line of each sending,
    as the services write them."""
    for inc in w.s.scalars(select(Incident).where(Incident.received_at >= begin, Incident.received_at < end)):
        level = f"（{Level(inc.level).zh}）" if inc.level else ""
        w.add(day, inc.received_at, officer, LogKind.INTAKE,
              f"接报突发事件（编号{inc.number}）：{inc.title}。{inc.nature}。已登记{level}，报送时限开始计时。",
              caller_unit=inc.source, caller_name=inc.source_person, caller_title=inc.source_title,
              caller_phone=inc.source_phone, place=inc.location, notified=inc.notified, incident_id=inc.id)
    sent = w.s.execute(select(Sending, Report.kind, Report.seq, Incident.id, Incident.number, Incident.title)
                       .join(Report, Report.id == Sending.report_id).join(Incident, Incident.id == Report.incident_id)
                       .where(Sending.at >= begin, Sending.at < end).order_by(Sending.at))
    for x, kind, seq, incident_id, number, title in sent:
        how = Channel(x.channel).zh + (f"（{Means(x.means).zh}）" if x.means else "")
        words = f"{report_heading(ReportKind(kind).value, seq)}已{how}报送{x.to}（编号{number}，{title}）"
        w.add(day, x.at, (x.operator, x.operator_name), LogKind.REPORT,
              words + (f"，签发人：{x.issued_by}。" if x.issued_by else "。"), incident_id=incident_id)


def _spot_check(w: _Writer, office: _Office, day: dt.date, begin: dt.datetime, officer: Officer) -> None:
    """A superior calls the duty phone (查岗)."""
    rng = w.rng
    at = begin + dt.timedelta(hours=rng.randint(3, 14), minutes=rng.randint(0, 59))
    rings = rng.choice((1, 1, 2, 2, 3, 4))
    unit = rng.choice(_SUPERIORS)
    w.s.add(Check(direction="incoming", at=at, unit=unit, phone="", answered=True, rings=rings,
                  answered_by=officer[1], checked_by=officer[0], note=""))
    w.add(day, at, officer, LogKind.PRESENCE_CHECK, f"{unit}查岗，响铃{rings}声接听（接听人：{officer[1]}）"
          + ("，超过3声" if rings > 3 else ""))
    office.checks += 1


def _round_of_checks(w: _Writer, office: _Office, day: dt.date, begin: dt.datetime, officer: Officer) -> None:
    """We call every district's and township's duty phone."""
    rng = w.rng
    at = begin + dt.timedelta(hours=rng.choice((2, 13)))
    for org_id, name, phone in office.units:
        answered = rng.random() < 0.92
        w.s.add(Check(direction="outgoing", at=at, organization_id=org_id, unit=name, phone=phone,
                      answered=answered, rings=rng.choice((1, 2, 2, 3, 3, 4, 5)) if answered else None,
                      answered_by=rng.choice(_CALLERS) if answered else "", checked_by=officer[0], note=""))
        at += dt.timedelta(seconds=rng.randint(40, 120))
        office.checks += 1
    w.add(day, at, officer, LogKind.PRESENCE_CHECK, f"对{len(office.units)}个区县、乡镇街道值班电话进行查岗。")


def _carry(w: _Writer, office: _Office, n: int, day: dt.date, begin: dt.datetime, officer: Officer) -> None:
    """An item the next shifts must see until someone clears it."""
    rng = w.rng
    cleared = day + dt.timedelta(days=rng.randint(2, 5)) if n // 4 % 2 == 0 else None
    item = CarriedItem(text=_CARRIED[n // 4], flagged_by=officer[1],
                       flagged_at=begin + dt.timedelta(hours=rng.randint(1, 3)), cleared_by="", cleared_note="")
    if cleared is not None:
        at = duty.shift_bounds(cleared, ZONE, START)[0] + dt.timedelta(hours=2)
        if at < office.now:
            item.cleared_at, item.cleared_by, item.cleared_note = at, office.on(cleared)[0][1], "已办结"
    w.s.add(item)
    office.carried.append((item, day, cleared))


def _hand_over(w: _Writer, office: _Office, day: dt.date, end: dt.datetime, officer: Officer) -> None:
    """Face to face, after the next day's rostered officers signed in."""
    rng = w.rng
    following = day + dt.timedelta(days=1)
    arrive = end - dt.timedelta(minutes=rng.randint(5, 25))
    if rng.random() < 0.1:
        arrive = end + dt.timedelta(minutes=rng.randint(35, 50))  # a late one now and then
    for who in office.on(following):
        _check_in(w, following, who, arrive)
        arrive += dt.timedelta(minutes=rng.randint(1, 4))
    office.checked_in.add(following)
    items = [c for c, on, off in office.carried if on <= day and (off is None or off > day)]
    _handover(w, day, officer, office.on(following)[0], max(arrive, end - dt.timedelta(minutes=10))
              + dt.timedelta(minutes=5), items)


def _check_in(w: _Writer, day: dt.date, who: Officer, at: dt.datetime) -> None:
    begin, _end = duty.shift_bounds(day, ZONE, START)
    late = duty.is_late(at, begin, duty.DEFAULT_LATE_MINUTES)
    w.s.add(CheckIn(shift_date=day, username=who[0], display_name=who[1], at=at, late=late))
    minutes = int((at - begin).total_seconds() // 60)
    w.add(day, at, who, LogKind.CHECK_IN, f"{who[1]}签到" + (f"（迟到，晚于接班时间 {minutes} 分钟）" if late else ""))


def _entry(w: _Writer, day: dt.date, at: dt.datetime, who: Officer, callers: list[tuple[str, str]]) -> None:
    rng = w.rng
    roll = rng.random()
    if roll < 0.4:
        unit, phone = rng.choice(callers)
        words, trend = rng.choice(_CALLS_IN)
        row = w.add(day, at, who, LogKind.INCOMING_CALL, words + (f"目前{trend}。" if trend else ""),
                    caller_unit=unit, caller_name=rng.choice(_CALLERS), caller_title="值班员", caller_phone=phone,
                    notified="已报属地政府值班室" if rng.random() < 0.5 else "")
        if rng.random() < 0.08:  # a wrong figure corrected a little later
            fixed = (row.text.replace("无人员伤亡", "1人轻微擦伤，已自行就医") if "无人员伤亡" in row.text
                     else row.text.replace("。", "，现场已处置完毕。", 1))
            w.add(day, at + dt.timedelta(minutes=rng.randint(10, 40)), who, LogKind.INCOMING_CALL,
                  fixed, corrects_id=row.id,
                  caller_unit=unit, caller_name=row.caller_name, caller_title="值班员", caller_phone=phone)
    elif roll < 0.6:
        w.add(day, at, who, LogKind.OUTGOING_CALL, rng.choice(_CALLS_OUT))
    elif roll < 0.72:
        w.add(day, at, who, LogKind.INSTRUCTION, rng.choice(_INSTRUCTIONS))
    else:
        w.add(day, at, who, LogKind.NOTE, rng.choice(_NOTES))


def _handover(w: _Writer, day: dt.date, out: Officer, inc: Officer, at: dt.datetime,
              carried: list[CarriedItem]) -> None:
    w.s.flush()
    begin, end = duty.shift_bounds(day, ZONE, START)
    w.add(day, at, out, LogKind.HANDOVER, f"{out[1]}交班，{inc[1]}接班")
    log = [{"id": e.id, "at": _iso(e.at), "operator": e.operator, "operator_name": e.operator_name,
            "kind": e.kind, "text": e.text,
            "corrects": e.corrects_id, "caller": " ".join(p for p in (e.caller_unit, e.caller_name, e.caller_phone) if p),
            "incident_number": None} for e in sorted(w.entries.get(day, []), key=lambda e: (e.at, e.seq))]
    notes = w.rng.choice(("", "", "值班车钥匙在值班柜内。", "卫星电话已充电。", "明日上午局长带班。"))
    sheet = {
        "shift": {"date": day.isoformat(), "starts_at": _iso(begin), "ends_at": _iso(end), "handed_over": {
            "outgoing": out[0], "outgoing_name": out[1], "outgoing_confirmed_at": _iso(at),
            "incoming": inc[0], "incoming_name": inc[1], "incoming_confirmed_at": _iso(at),
            "locked_at": _iso(at), "reason": ""}},
        "log": log, "open_incidents": [], "deadlines": [], "instructions": [],
        "carried": [{"id": c.id, "text": c.text, "flagged_by": c.flagged_by, "flagged_at": _iso(c.flagged_at),
                     "incident_number": None} for c in carried],
        "notes": notes,
    }
    w.s.add(Handover(shift_date=day, outgoing=out[0], outgoing_name=out[1], outgoing_confirmed_at=at,
                     incoming=inc[0], incoming_name=inc[1], incoming_confirmed_at=at, notes=notes,
                     off_roster_reason="", sheet=sheet, locked_at=at))
