"""Enumerations of the duty room (GLOSSARY.md), with their Chinese terms."""

from __future__ import annotations

import enum


class UserRole(enum.StrEnum):
    """Who a signed-in user is: officer / leader / admin (用户角色)."""

    OFFICER = "officer"
    LEADER = "leader"
    ADMIN = "admin"

    @property
    def rank(self) -> int:
        return {UserRole.OFFICER: 0, UserRole.LEADER: 1, UserRole.ADMIN: 2}[self]

    @property
    def zh(self) -> str:
        return {UserRole.OFFICER: "值班员", UserRole.LEADER: "领导", UserRole.ADMIN: "管理员"}[self]


class ActorKind(enum.StrEnum):
    """How a write reached the database: signed-in user, command line or the program itself."""

    USER = "user"
    CLI = "cli"
    SYSTEM = "system"


class OrgKind(enum.StrEnum):
    """Kinds of unit in the contact book's tree (单位)."""

    CITY = "city"
    DISTRICT = "district"
    TOWNSHIP = "township"
    VILLAGE = "village"
    DEPARTMENT = "department"
    ENTERPRISE = "enterprise"
    TEAM = "team"

    @property
    def zh(self) -> str:
        return {
            OrgKind.CITY: "市",
            OrgKind.DISTRICT: "区县",
            OrgKind.TOWNSHIP: "乡镇街道",
            OrgKind.VILLAGE: "村社区",
            OrgKind.DEPARTMENT: "部门",
            OrgKind.ENTERPRISE: "企业",
            OrgKind.TEAM: "队伍",
        }[self]


class Category(enum.StrEnum):
    """The four categories of incident (突发事件应对法 art. 2)."""

    NATURAL = "natural"
    ACCIDENT = "accident"
    HEALTH = "health"
    SOCIAL = "social"

    @property
    def zh(self) -> str:
        return {Category.NATURAL: "自然灾害", Category.ACCIDENT: "事故灾难",
                Category.HEALTH: "公共卫生事件", Category.SOCIAL: "社会安全事件"}[self]


class Level(enum.StrEnum):
    """Incident levels Ⅰ (most severe) to Ⅳ."""

    I = "I"  # noqa: E741 - the official name of the level
    II = "II"
    III = "III"
    IV = "IV"

    @property
    def zh(self) -> str:
        return {Level.I: "特别重大", Level.II: "重大", Level.III: "较大", Level.IV: "一般"}[self]


class IncidentKind(enum.StrEnum):
    """An incident that happened, or warning information about a possible one."""

    EVENT = "event"
    WARNING = "warning"

    @property
    def zh(self) -> str:
        return {IncidentKind.EVENT: "突发事件", IncidentKind.WARNING: "预警信息"}[self]


class ReportKind(enum.StrEnum):
    """What a deadline asks for: a report on an incident or a recurring duty."""

    WARNING = "warning"
    INITIAL = "initial"
    FOLLOW_UP = "follow-up"
    FINAL = "final"
    VERIFIED = "verified"
    INSTRUCTION_FEEDBACK = "instruction-feedback"
    QUARTERLY_REPORT = "quarterly-report"
    DAILY_REPORT = "daily-report"
    ROSTER_FILING = "roster-filing"
    PLAN_REVIEW = "plan-review"
    PLAN_DRILL = "plan-drill"
    CORRECTIVE_ACTION = "corrective-action"
    OTHER = "other"

    @property
    def zh(self) -> str:
        return {
            ReportKind.WARNING: "预警信息报送",
            ReportKind.INITIAL: "首报",
            ReportKind.FOLLOW_UP: "续报",
            ReportKind.FINAL: "终报",
            ReportKind.VERIFIED: "核报",
            ReportKind.INSTRUCTION_FEEDBACK: "领导批示反馈",
            ReportKind.QUARTERLY_REPORT: "季度工作报送",
            ReportKind.DAILY_REPORT: "节假日日报告",
            ReportKind.ROSTER_FILING: "值班表报备",
            ReportKind.PLAN_REVIEW: "预案评估",
            ReportKind.PLAN_DRILL: "预案演练",
            ReportKind.CORRECTIVE_ACTION: "演练整改",
            ReportKind.OTHER: "其他",
        }[self]


class Channel(enum.StrEnum):
    """How a report goes up: by phone first, then in writing."""

    PHONE = "phone"
    WRITTEN = "written"

    @property
    def zh(self) -> str:
        return {Channel.PHONE: "电话", Channel.WRITTEN: "书面"}[self]


class Means(enum.StrEnum):
    """How a written report travels (报送途径)."""

    FAX = "fax"
    SYSTEM = "system"
    EMAIL = "email"
    PAPER = "paper"
    SMS = "sms"

    @property
    def zh(self) -> str:
        return {Means.FAX: "传真", Means.SYSTEM: "信息报送系统", Means.EMAIL: "电子邮件",
                Means.PAPER: "纸质公文", Means.SMS: "短信"}[self]


class DeadlineStage(enum.StrEnum):
    """How close a deadline is: escalates notice → urgent → due → overdue."""

    PENDING = "pending"
    NOTICE = "notice"
    URGENT = "urgent"
    DUE = "due"
    OVERDUE = "overdue"

    @property
    def rank(self) -> int:
        return list(DeadlineStage).index(self)


class DeadlineOutcome(enum.StrEnum):
    """What became of a deadline; kept forever (按时 / 迟报 / 漏报)."""

    OPEN = "open"
    ON_TIME = "on_time"
    LATE = "late"
    MISSED = "missed"
    CANCELLED = "cancelled"

    @property
    def zh(self) -> str:
        return {DeadlineOutcome.OPEN: "未办结", DeadlineOutcome.ON_TIME: "按时",
                DeadlineOutcome.LATE: "迟报", DeadlineOutcome.MISSED: "漏报",
                DeadlineOutcome.CANCELLED: "已取消"}[self]


class DutyRole(enum.StrEnum):
    """A place on a shift (GLOSSARY.md): chief leader, leader, supervisor, officer, standby."""

    CHIEF_LEADER = "chief_leader"
    LEADER = "leader"
    SUPERVISOR = "supervisor"
    OFFICER = "officer"
    STANDBY = "standby"

    @property
    def zh(self) -> str:
        return {
            DutyRole.CHIEF_LEADER: "总带班领导",
            DutyRole.LEADER: "带班领导",
            DutyRole.SUPERVISOR: "值班长",
            DutyRole.OFFICER: "值班员",
            DutyRole.STANDBY: "备班",
        }[self]

    @property
    def order(self) -> int:
        return list(DutyRole).index(self)

    @property
    def leads(self) -> bool:
        """A leader's place: the tier rules of holidays and sensitive periods apply to it."""
        return self in (DutyRole.CHIEF_LEADER, DutyRole.LEADER)


class LeaderTier(enum.IntEnum):
    """How senior a leader in the pool is; holidays and sensitive periods require a tier."""

    MIDDLE = 1
    MEMBER = 2
    PRINCIPAL = 3

    @property
    def zh(self) -> str:
        return {LeaderTier.MIDDLE: "中层干部", LeaderTier.MEMBER: "班子成员",
                LeaderTier.PRINCIPAL: "主要负责人"}[self]


class CalendarKind(enum.StrEnum):
    """An entry of the official calendar: a public holiday or a make-up working day."""

    HOLIDAY = "holiday"
    MAKEUP_WORKDAY = "makeup_workday"

    @property
    def zh(self) -> str:
        return {CalendarKind.HOLIDAY: "法定节假日", CalendarKind.MAKEUP_WORKDAY: "调休上班"}[self]


class DutyKind(enum.StrEnum):
    """What kind of day a duty falls on; the generator keeps each kind fair on its own."""

    WEEKDAY = "weekday"
    WEEKEND = "weekend"
    HOLIDAY = "holiday"

    @property
    def zh(self) -> str:
        return {DutyKind.WEEKDAY: "工作日", DutyKind.WEEKEND: "周末", DutyKind.HOLIDAY: "节假日"}[self]


class SwapStatus(enum.StrEnum):
    """A shift swap (调班) request: asked, then applied or rejected by a leader, or withdrawn."""

    REQUESTED = "requested"
    APPLIED = "applied"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"

    @property
    def zh(self) -> str:
        return {SwapStatus.REQUESTED: "待审批", SwapStatus.APPLIED: "已批准", SwapStatus.REJECTED: "已驳回",
                SwapStatus.WITHDRAWN: "已撤回"}[self]
