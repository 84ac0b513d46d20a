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
