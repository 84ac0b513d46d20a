"""Deadline rule profiles: the built-in ones with their sources, the office's own copies."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.domain import deadline_rules as dr
from app.domain.enums import UserRole
from app.domain.errors import InputError, NotFound, StaleRecord
from app.domain.messages import Problem, text
from app.domain.plans import Horizon
from app.models import RuleProfileRow
from app.services.context import Context
from app.services.office import audit, settings

ACTIVE_KEY = "deadlines.active_profile"
STAGES_KEY = "deadlines.stages"
HORIZON_KEY = "deadlines.long_range"


@dataclass(frozen=True)
class ProfileInfo:
    key: str
    name: str
    source: str
    builtin: bool
    rules: tuple[dr.DeadlineRule, ...]
    version: int

    def as_profile(self) -> dr.RuleProfile:
        return dr.RuleProfile(self.key, self.name, self.source, self.rules)


def _info(row: RuleProfileRow) -> ProfileInfo:
    return ProfileInfo(row.key, row.name, row.source, row.builtin,
                       tuple(dr.DeadlineRule.from_json(r) for r in row.rules), row.version)


def sync_builtins(session: Session) -> None:
    """Keep the table's built-in profiles equal to the code's (new ones added, old ones updated)."""
    rows = {r.key: r for r in session.scalars(select(RuleProfileRow).where(RuleProfileRow.builtin))}
    for profile in dr.BUILT_IN:
        rules = [r.to_json() for r in profile.rules]
        row = rows.get(profile.key)
        if row is None:
            session.add(RuleProfileRow(key=profile.key, name=profile.name, source=profile.source,
                                       builtin=True, rules=rules))
        elif row.rules != rules or row.name != profile.name or row.source != profile.source:
            row.name, row.source, row.rules = profile.name, profile.source, rules
    session.flush()


def list_profiles(ctx: Context) -> list[ProfileInfo]:
    with ctx.db.write() as s:
        sync_builtins(s)
        return [_info(r) for r in s.scalars(select(RuleProfileRow).order_by(RuleProfileRow.id))]


def active_key(ctx: Context) -> str:
    return settings.get(ctx, ACTIVE_KEY, "default")


def active_profile(ctx: Context) -> dr.RuleProfile:
    """The profile in force; a new office starts on the default one."""
    key = active_key(ctx)
    with ctx.db.read() as s:
        row = s.scalar(select(RuleProfileRow).where(RuleProfileRow.key == key))
        if row is not None:
            return _info(row).as_profile()
    return dr.built_in("default") if key not in {p.key for p in dr.BUILT_IN} else dr.built_in(key)


def set_active(ctx: Context, key: str) -> None:
    if key not in {p.key for p in list_profiles(ctx)}:
        raise NotFound(text("not_found", what=key))
    settings.put(ctx, ACTIVE_KEY, key)


def stage_settings(ctx: Context) -> dr.StageSettings:
    raw = settings.get(ctx, STAGES_KEY, None) or {}
    return dr.StageSettings(**{k: int(v) for k, v in raw.items()
                               if k in dr.StageSettings.__dataclass_fields__})


def set_stage_settings(ctx: Context, stages: dr.StageSettings) -> None:
    problems = stages.problems()
    if problems:
        raise InputError(problems)
    settings.put(ctx, STAGES_KEY, dataclasses.asdict(stages))


def horizon(ctx: Context) -> Horizon:
    """How far ahead long-range duties (plan reviews and drills, corrective actions) are
    planned, and how close they must be to reach the countdown strip (RULES.md §7)."""
    raw = settings.get(ctx, HORIZON_KEY, None) or {}
    return Horizon(**{k: int(v) for k, v in raw.items() if k in Horizon.__dataclass_fields__})


def set_horizon(ctx: Context, value: Horizon) -> None:
    problems = value.problems()
    if problems:
        raise InputError(problems)
    settings.put(ctx, HORIZON_KEY, dataclasses.asdict(value))


def copy_profile(ctx: Context, key: str, name: str) -> ProfileInfo:
    """Copy a profile (built-in or not) into an editable one of the office's."""
    ctx.require(UserRole.ADMIN)
    source = next((p for p in list_profiles(ctx) if p.key == key), None)
    if source is None:
        raise NotFound(text("not_found", what=key))
    if not name.strip():
        raise InputError(Problem("required", "deadline.what"))
    with ctx.db.write() as s:
        base = re.sub(r"[^a-z0-9]+", "-", source.key.lower()).strip("-")
        existing = set(s.scalars(select(RuleProfileRow.key)))
        n = 1
        while f"{base}-copy{n}" in existing:
            n += 1
        row = RuleProfileRow(key=f"{base}-copy{n}", name=name.strip(),
                             source=f"复制自“{source.name}”。{source.source}", builtin=False,
                             rules=[r.to_json() for r in source.rules])
        s.add(row)
        s.flush()
        audit.record(s, ctx, "create", "rule_profile", row.key, after={"name": row.name})
        return _info(row)


def save_rules(ctx: Context, key: str, rules: list[dr.DeadlineRule], expected_version: int) -> ProfileInfo:
    """Replace the rules of one of the office's own profiles; invalid rules are refused."""
    ctx.require(UserRole.ADMIN)
    problems: list[Problem] = []
    for row_no, rule in enumerate(rules, start=1):
        problems += dr.validate_rule(rule, row_no)
    if not rules:
        problems.append(Problem("rule.no_rules"))
    with ctx.db.write() as s:
        row = s.scalar(select(RuleProfileRow).where(RuleProfileRow.key == key))
        if row is None:
            raise NotFound(text("not_found", what=key))
        if row.builtin:
            problems.insert(0, Problem("rule.profile_builtin", None, {"name": row.name}))
        if problems:
            raise InputError(problems)
        if row.version != expected_version:
            raise StaleRecord()
        before = {"rules": row.rules}
        row.rules = [r.to_json() for r in rules]
        s.flush()
        audit.record(s, ctx, "update", "rule_profile", key, before=before, after={"rules": row.rules})
        return _info(row)
