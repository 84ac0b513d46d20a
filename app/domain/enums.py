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
