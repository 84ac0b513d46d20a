"""The audit trail in words: actions, records and fields by their glossary terms, each change
as "field: before → after" (issue 14: no identifier or raw JSON on screen).

The trail stores identifiers (``create``, ``deadline``, ``due_at``); this module turns them
into the screen's language. tests/domain/test_audit_terms.py finds every action, record and
field the services write and fails on one without a term here.
"""

from __future__ import annotations

import datetime as dt
import enum
import zoneinfo
from collections.abc import Mapping
from typing import Any

from app.domain import messages, terms
from app.domain.contacts import AbsenceKind, ContactLabel, PersonTag, TeamKind, TeamStatus
from app.domain.duty import LogKind
from app.domain.enums import (
    CalendarKind,
    Category,
    Channel,
    DeadlineOutcome,
    DutyRole,
    IncidentKind,
    LeaderTier,
    Level,
    Means,
    OrgKind,
    ReportKind,
    SwapStatus,
    UserRole,
)
from app.domain.incident_types import Subtype
from app.domain.plans import DrillType, PlanStatus, PlanType, ReviewConclusion

ACTIONS: dict[str, tuple[str, str]] = {
    "acknowledge": ("确认提醒", "acknowledged"), "approve": ("批准", "approved"),
    "cancel": ("撤销", "withdrew"), "cancelled": ("取消", "cancelled"), "check_in": ("签到", "checked in"),
    "clear": ("办结", "cleared"), "close": ("结案", "closed"), "copy": ("复制", "copied"),
    "create": ("新建", "created"), "delete": ("删除", "deleted"), "done": ("完成", "done"),
    "filed": ("报备", "filed"), "generate": ("排班", "generated"), "handover": ("交接班", "handed over"),
    "import": ("导入", "imported"), "meet": ("办结", "met"), "move": ("调整时限", "moved"),
    "reject": ("驳回", "rejected"), "reopen": ("重新打开", "reopened"), "replace": ("替换", "replaced"),
    "request": ("申请", "requested"), "send": ("报送", "sent"), "set_password": ("设置密码", "set the password"),
    "sign_in": ("登录", "signed in"), "sign_in_failed": ("登录失败", "failed to sign in"),
    "swap": ("调班", "swapped"), "update": ("修改", "changed"), "verify": ("核实", "verified"),
    "withdraw": ("撤回", "withdrew"), "demo": ("生成演示数据", "made the demo office"),
    "demo_reset": ("清除演示数据", "cleared the demo office"), "on_time": ("按时办结", "met on time"),
    "late": ("迟报", "met late"), "missed": ("记为漏报", "recorded as missed"),
    "sign_out": ("退出登录", "signed out"), "restore": ("恢复备份", "restored a backup"),
    "backup": ("备份", "backed up"),
    "register": ("登记工作站", "registered"), "operator": ("更换操作员", "changed the operator"),
    "leave": ("退出工作站", "left"), "clock_jump": ("系统时钟跳变", "found the clock jumped"),
}

ENTITIES: dict[str, tuple[str, str]] = {
    "workstation": ("工作站", "workstation"), "clock": ("系统时钟", "system clock"),
    "absence": ("外出报备", "absence notice"), "calendar_day": ("节假日安排", "calendar day"),
    "calendar_year": ("全年节假日安排", "year's holiday notice"), "carried_item": ("交办事项", "carried item"),
    "check_in": ("接班签到", "check-in"), "contact_point": ("联系号码", "phone number"),
    "corrective_action": ("整改事项", "corrective action"), "deadline": ("报送时限", "reporting deadline"),
    "drill": ("演练", "drill"), "duty_log": ("值班日志", "duty log"), "expert": ("专家", "expert"),
    "handover": ("交接班", "shift handover"), "incident": ("突发事件", "incident"),
    "instruction": ("领导批示", "leader's instruction"), "office": ("本单位", "office"),
    "organization": ("单位", "organization"), "person": ("联系人", "person"), "plan": ("应急预案", "emergency plan"),
    "plan_review": ("预案评估", "plan review"), "pool": ("值班名单", "duty pool"),
    "presence_check": ("查岗", "presence check"), "report": ("报告", "report"),
    "rescue_team": ("救援队伍", "rescue team"), "roster": ("值班安排", "duty roster"),
    "roster_assignment": ("值班安排", "roster assignment"), "roster_filing": ("值班表报备", "roster filing"),
    "roster_rules": ("排班规则", "roster rules"), "rule_profile": ("时限规则方案", "deadline rule profile"),
    "sensitive_period": ("敏感时期", "sensitive period"), "setting": ("设置", "setting"),
    "shift": ("班次", "shift"), "swap_request": ("调班申请", "swap request"), "training": ("培训", "training"),
    "user": ("用户", "user"), "sending": ("报送", "sending"),
}

FIELDS: dict[str, tuple[str, str]] = {
    "acknowledged_at": ("确认时间", "acknowledged at"), "acknowledged_stage": ("确认时的阶段", "stage acknowledged"),
    "active": ("启用", "in use"), "added": ("新增", "added"), "address": ("地址", "address"),
    "aftermath": ("善后情况", "aftermath"), "answered": ("应答", "answered"),
    "approved_on": ("批准日期", "approved on"), "assessment": ("评估意见", "assessment"),
    "assignment_id": ("值班安排", "assignment"), "at": ("时间", "time"), "base": ("依据方案", "based on"),
    "caller_name": ("来电人", "caller"), "caller_phone": ("来电电话", "caller's phone"),
    "caller_title": ("来电人职务", "caller's title"), "caller_unit": ("来电单位", "caller's unit"),
    "cancelled": ("已取消", "cancelled"), "carried": ("交办事项", "carried items"),
    "category": ("事件类别", "category"), "changes": ("变更", "changes"), "channel": ("报送方式", "channel"),
    "closed_reason": ("办结原因", "why closed"), "conclusion": ("评估结论", "conclusion"),
    "content": ("内容", "content"), "counts_as_drill": ("计为演练", "counts as a drill"),
    "course": ("培训课程", "course"), "created": ("新建", "created"), "date": ("日期", "date"),
    "dates": ("日期", "dates"), "days": ("天数", "days"), "deadline_id": ("报送时限", "deadline"),
    "deaths": ("死亡", "deaths"), "decided_by": ("审批人", "decided by"), "deputy_id": ("代理人", "deputy"),
    "direction": ("方向", "direction"), "display_name": ("姓名", "full name"), "document": ("文件", "document"),
    "done": ("已完成", "done"), "done_on": ("完成日期", "done on"), "drill_id": ("演练", "drill"),
    "drill_months": ("演练周期（月）", "drill every (months)"), "due_at": ("截止时间", "due"),
    "due_on": ("期限", "due on"), "duty_phone": ("值班电话", "duty phone"), "empty": ("空", "empty"),
    "ends_on": ("结束日期", "ends on"), "equipment": ("装备", "equipment"),
    "evaluation": ("演练评估", "evaluation"), "failed_attempts": ("失败次数", "failed attempts"),
    "fax": ("传真", "fax"), "file": ("文件", "file"), "filed_at": ("报备时间", "filed at"),
    "filed_by": ("报备人", "filed by"), "filed_on": ("备案日期", "filed on"), "filed_with": ("备案单位", "filed with"),
    "filing_days_before": ("提前报备天数", "filing days before"), "final_report": ("终报", "final report"),
    "first_day": ("首日", "first day"), "from": ("从", "from"), "from_person_id": ("申请人", "from"),
    "headcount": ("人数", "headcount"), "held_on": ("日期", "held on"),
    "holiday_leader_tier": ("节假日带班领导级别", "holiday leader tier"),
    "holiday_name": ("节日", "holiday"), "hours": ("学时", "hours"), "ids": ("编号", "numbers"),
    "impact": ("影响范围", "scope of impact"), "incident": ("突发事件", "incident"),
    "incident_id": ("突发事件", "incident"), "incident_number": ("事件编号", "incident number"),
    "incoming": ("接班人", "incoming officer"), "injuries": ("受伤", "injured"),
    "is_drill": ("演练", "drill"), "issued_by": ("签发人", "signed off by"), "kept": ("保留", "kept"),
    "kind": ("类型", "kind"), "late": ("迟报", "late"), "leader_id": ("带班领导", "leader"),
    "leader_tier": ("带班领导级别", "leader tier"), "leaders_on_site": ("领导到场情况", "leaders on site"),
    "length_minutes": ("时长（分钟）", "length (minutes)"), "level": ("事件级别", "level"),
    "level_reason": ("定级说明", "reason for the level"), "location": ("事发地点", "location"),
    "activated_plan": ("启动预案", "plan activated"), "response_level": ("响应级别", "response level"),
    "at_start": ("启动时发现", "found at start"), "offset_seconds": ("偏差（秒）", "off by (seconds)"),
    "trusted": ("可信时间", "trusted time"), "wall": ("本机时间", "computer's time"),
    "operator": ("操作员", "operator"), "os_account": ("系统账户", "system account"),
    "version": ("程序版本", "program version"), "rehashed": ("密码重新加密", "password re-hashed"),
    "locked": ("锁定", "locked"), "loss_cny": ("直接经济损失（元）", "direct loss (CNY)"),
    "means": ("报送途径", "means"), "measures": ("已采取的主要措施及效果", "measures taken and their effect"),
    "met_at": ("办结时间", "met at"), "met_how": ("办结方式", "met how"),
    "min_rest_hours": ("最少休息（小时）", "minimum rest (hours)"), "missing": ("失踪", "missing"),
    "missing_elements": ("待补要素", "elements still missing"), "mobile": ("手机", "mobile"),
    "monthly_max": ("每月最多", "monthly maximum"), "name": ("名称", "name"), "nature": ("事件性质", "nature"),
    "next_steps": ("下一步处置思路和措施", "next steps"), "note": ("备注", "note"), "notes": ("备注", "notes"),
    "notified": ("已通报单位", "already told"), "number": ("编号", "number"), "numbers": ("号码", "numbers"),
    "occurred_at": ("事发时间", "time of occurrence"), "office_phone": ("办公电话", "office phone"),
    "organization_id": ("单位", "organization"), "organizer": ("组织单位", "organizer"),
    "other_assignment_id": ("对方值班安排", "other assignment"), "other_date": ("对方日期", "other date"),
    "outcome": ("结果", "outcome"), "outgoing": ("交班人", "outgoing officer"), "parent_id": ("上级单位", "parent unit"),
    "participant_count": ("参加人数", "participants"), "people": ("人员", "people"), "person_id": ("人员", "person"),
    "phone": ("电话", "phone"), "place": ("地点", "place"), "plan_id": ("应急预案", "plan"),
    "position": ("顺序", "position"), "problems": ("发现的问题", "problems found"), "reason": ("理由", "reason"),
    "received_at": ("接报时间", "time received"), "received_by": ("接报人", "received by"),
    "recorded_by": ("记录人", "recorded by"), "removed": ("移出", "removed"), "replace": ("替换", "replace"),
    "report_kind": ("报送要求", "report kind"), "requested_by": ("申请人", "requested by"),
    "review_years": ("评估周期（年）", "review every (years)"), "reviewed_on": ("评估日期", "reviewed on"),
    "rings": ("响铃次数", "rings"), "role": ("角色", "role"), "rules": ("规则", "rules"),
    "scenario": ("演练情景", "scenario"), "sensitive": ("敏感事件", "sensitive"), "seq": ("序号", "sequence"),
    "serious_injuries": ("重伤", "seriously injured"), "shift": ("班次", "shift"), "shift_id": ("班次", "shift"),
    "sort_order": ("排序", "order"), "source": ("信息来源", "information source"),
    "source_person": ("报告人姓名", "source's person"), "source_phone": ("报告人电话", "source's phone"),
    "source_title": ("报告人职务", "source's title"), "specialties": ("专长", "specialties"),
    "start_time": ("开始时间", "starts at"), "starts_on": ("开始日期", "starts on"), "status": ("状态", "status"),
    "subtype": ("事件子类", "sub-type"), "subtypes": ("事件类型", "incident types"), "swap": ("调班", "swap"),
    "tags": ("标签", "tags"), "text": ("内容", "text"), "tier": ("级别", "tier"), "timezone": ("时区", "time zone"),
    "title": ("标题", "title"), "to": ("主送机关", "to"), "to_person_id": ("被申请人", "to"),
    "trapped": ("被困", "trapped"), "trend": ("发展趋势", "expected development"), "type": ("类型", "type"),
    "unit": ("单位", "unit"), "units": ("单位", "units"), "units_created": ("新建单位", "units created"),
    "unknown_years": ("未知年份", "unknown years"), "updated": ("更新", "updated"), "username": ("用户名", "user name"),
    "value": ("值", "value"), "what": ("事项", "what"), "organizations": ("单位数", "organizations"),
    "scale": ("规模", "scale"), "demo_entries": ("演示日志条数", "demo log entries"),
    "demo_incidents": ("演示事件数", "demo incidents"), "presence_checks": ("查岗次数", "presence checks"),
    "kind_of_incident": ("事件种类", "kind"), "as_of": ("数据截至", "as of"), "sequence": ("序号", "number"),
    "instruction_id": ("领导批示", "instruction"), "report_id": ("报告", "report"), "sent_at": ("报送时间", "sent at"),
}

# Settings by key (the record of an "update setting" entry).
SETTINGS: dict[str, tuple[str, str]] = {
    "incidents.addressee": ("报告主送机关", "addressee of reports"),
    "incidents.required": ("必报要素", "required elements"),
    "incidents.graded_by_figures": ("按伤亡数字定级", "grading by the figures"),
    "roster.swap_approvers": ("调班审批人", "swap approvers"),
    "duty.max_rings": ("查岗应答响铃次数", "rings to answer a presence check"),
    "duty.shift_start": ("交接班时间", "shift start"),
    "duty.late_minutes": ("签到迟到分钟数", "minutes before a check-in is late"),
    "deadlines.active_profile": ("采用的时限规则方案", "deadline rule profile in force"),
    "deadlines.stages": ("提醒阶段", "alarm stages"),
    "deadlines.long_range": ("提醒设置", "reminders"),
}

# Stored words that are neither an enumeration's value nor free text.
_WORDS: dict[str, dict[str, tuple[str, str]]] = {
    "scale": {"small": ("小型", "small"), "large": ("大型", "large")},
    "direction": {"incoming": ("来电", "incoming"), "outgoing": ("去电", "outgoing")},
}

# Fields whose stored value is an enumeration member's value: shown as its term.
_ENUMS: tuple[type[enum.Enum], ...] = (
    ReportKind, Channel, Means, DeadlineOutcome, Category, Level, IncidentKind, UserRole, DutyRole,
    LeaderTier, CalendarKind, SwapStatus, OrgKind, PlanType, PlanStatus, DrillType, ReviewConclusion,
    Subtype, PersonTag, ContactLabel, TeamKind, TeamStatus, AbsenceKind, LogKind)
_FIELD_ENUMS: dict[str, tuple[type[enum.Enum], ...]] = {
    "report_kind": (ReportKind,), "channel": (Channel,), "means": (Means,), "outcome": (DeadlineOutcome,),
    "category": (Category,), "level": (Level,), "kind": (IncidentKind, CalendarKind, AbsenceKind, LogKind,
                                                          OrgKind, ContactLabel, TeamKind),
    "role": (UserRole, DutyRole), "status": (SwapStatus, PlanStatus, TeamStatus), "type": (PlanType, DrillType),
    "conclusion": (ReviewConclusion,), "subtype": (Subtype,), "leader_tier": (LeaderTier,),
    "holiday_leader_tier": (LeaderTier,), "tier": (LeaderTier,), "tags": (PersonTag,), "subtypes": (Subtype,),
}


def _pick(table: Mapping[str, tuple[str, str]], key: str, fallback: tuple[str, str]) -> str:
    zh, en = table.get(key, fallback)
    return zh if messages.language() == "zh_CN" else en


def action(name: str) -> str:
    return _pick(ACTIONS, name, ("其他操作", "other action"))


def entity(name: str) -> str:
    return _pick(ENTITIES, name, ("其他记录", "other record"))


def field(name: str) -> str:
    return _pick(FIELDS, name, ("其他内容", "other detail"))


def record(name: str, entity_id: str | None) -> str:
    """The record an entry is about: "报送时限 #354"."""
    if name == "setting" and entity_id:
        return f"{entity(name)}：{_pick(SETTINGS, entity_id, ('其他设置', 'other setting'))}"
    return f"{entity(name)} #{entity_id}" if entity_id else entity(name)


def value(name: str, raw: Any, zone: zoneinfo.ZoneInfo) -> str:
    """A stored value as the screen shows it."""
    if raw is None or raw == "" or raw == []:
        return _pick({}, "", ("空", "empty"))
    if isinstance(raw, bool):
        return _pick({}, "", ("是", "yes") if raw else ("否", "no"))
    if isinstance(raw, list):
        return "、".join(value(name, item, zone) for item in raw)
    if isinstance(raw, dict):
        return "；".join(f"{field(k)}{_colon()}{value(k, v, zone)}" for k, v in raw.items())
    if isinstance(raw, str):
        if raw in _WORDS.get(name, {}):
            return _pick(_WORDS[name], raw, ("", ""))
        return _enum_term(name, raw) or _when(raw, zone) or raw
    return str(raw)


def _enum_term(name: str, raw: str) -> str | None:
    for kind in _FIELD_ENUMS.get(name, ()):
        member = next((m for m in kind if str(m.value) == raw), None)
        if member is not None:
            return terms.term(member)
    return None


def _when(raw: str, zone: zoneinfo.ZoneInfo) -> str | None:
    """An ISO date or time stored by the trail, in the office's zone, to the minute."""
    if len(raw) < 10 or raw[4:5] != "-" or raw[7:8] != "-":
        return None
    try:
        parsed = dt.datetime.fromisoformat(raw)
    except ValueError:
        return None
    if len(raw) == 10:
        return raw
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(zone)
    return parsed.strftime("%Y-%m-%d %H:%M")


def _colon() -> str:
    return "：" if messages.language() == "zh_CN" else ": "


def changes(before: Any, after: Any, zone: zoneinfo.ZoneInfo) -> list[str]:
    """One line per field: "field: before → after" (only what changed), or "field: value"."""
    c = _colon()
    old = before if isinstance(before, dict) else {}
    new = after if isinstance(after, dict) else {}
    lines = []
    for key in dict.fromkeys([*old, *new]):
        if key in old and key in new:
            if old[key] != new[key]:
                lines.append(f"{field(key)}{c}{value(key, old[key], zone)} → {value(key, new[key], zone)}")
        elif key in new:
            lines.append(f"{field(key)}{c}{value(key, new[key], zone)}")
        else:
            lines.append(f"{field(key)}{c}{value(key, old[key], zone)} → {value(key, None, zone)}")
    for side in (before, after):
        if side is not None and not isinstance(side, dict):
            lines.append(value("", side, zone))
    return lines


def actor(label: str) -> str:
    """Who wrote an entry: a user's name, or an account at the command line or the program."""
    for suffix, words in ((" (cli)", ("（命令行）", " (command line)")),
                          (" (system)", ("（程序）", " (the program)"))):
        if label.endswith(suffix):
            return label[: -len(suffix)] + _pick({}, "", words)
    return label
