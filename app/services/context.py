"""Who is acting, on which database, at what time: handed to every use case."""

from __future__ import annotations

import dataclasses
import getpass
from dataclasses import dataclass

from app.domain.clock import Clock, SystemClock
from app.domain.enums import ActorKind, UserRole
from app.domain.errors import PermissionDenied, SignInRequired
from app.domain.messages import language, text
from app.models.db import Database


@dataclass(frozen=True)
class Actor:
    """The operator behind a write: a signed-in user, the command line or the program."""

    name: str
    kind: ActorKind
    role: UserRole
    user_id: int | None = None
    display_name: str = ""

    @property
    def label(self) -> str:
        """How the audit trail names this actor."""
        if self.kind is ActorKind.CLI:
            return f"{self.name} (cli)"
        if self.kind is ActorKind.SYSTEM:
            return f"{self.name} (system)"
        return self.name

    @classmethod
    def command_line(cls) -> Actor:
        """The operating-system account at the machine that holds the database (DESIGN.md)."""
        try:
            account = getpass.getuser()
        except Exception:  # no login name in some service environments
            account = "unknown"
        return cls(name=account, kind=ActorKind.CLI, role=UserRole.ADMIN, display_name=account)

    @classmethod
    def system(cls, name: str = "dutydesk") -> Actor:
        return cls(name=name, kind=ActorKind.SYSTEM, role=UserRole.ADMIN, display_name=name)


@dataclass(frozen=True)
class Context:
    db: Database
    clock: Clock = dataclasses.field(default_factory=SystemClock)
    actor: Actor | None = None

    def acting_as(self, actor: Actor | None) -> Context:
        return dataclasses.replace(self, actor=actor)

    def require(self, role: UserRole) -> Actor:
        """The actor, if its role is at least ``role``; else PermissionDenied."""
        actor = self.actor
        if actor is None:
            raise SignInRequired()
        if actor.role.rank < role.rank:
            raise PermissionDenied(text("forbidden", operator=actor.display_name or actor.name,
                                        role=_role_name(actor.role), needed=_role_name(role)))
        return actor


def _role_name(role: UserRole) -> str:
    return role.zh if language() == "zh_CN" else role.value
