"""Emergency plans, drills and training (RULES.md §7, GLOSSARY.md): the words and the clocks.

Pure Python. A plan (应急预案) has a type, an owner unit, an approval date, a review cycle in
years and a drill cycle in months (defaults by type, each office edits its own); its next review
falls one review cycle after its approval or its last review, its next drill one drill cycle
after its last drill (or its approval). Both are long-range duties: the deadline is created
``notice_days`` before it falls due, and the countdown strip shows it only within its last
``strip_days`` (a plan due in three years does not belong beside a report due in 30 minutes).
"""

from __future__ import annotations

import calendar
import datetime as dt
import enum
from dataclasses import dataclass
from typing import TypeVar

from app.domain.enums import Level, ReportKind
from app.domain.messages import Problem


class PlanType(enum.StrEnum):
    """应急预案：总体 / 专项 / 部门 / 乡镇(街道) / 企事业单位 / 现场处置方案."""

    OVERALL = "overall"
    SPECIAL = "special"
    DEPARTMENT = "department"
    TOWNSHIP = "township"
    ENTERPRISE = "enterprise"
    ONSITE = "onsite"

    @property
    def zh(self) -> str:
        return {PlanType.OVERALL: "总体应急预案", PlanType.SPECIAL: "专项应急预案",
                PlanType.DEPARTMENT: "部门应急预案", PlanType.TOWNSHIP: "乡镇（街道）应急预案",
                PlanType.ENTERPRISE: "企事业单位应急预案", PlanType.ONSITE: "现场处置方案"}[self]

    @property
    def short(self) -> str:
        """The glossary's short term, as tables and workbooks use it."""
        return {PlanType.OVERALL: "总体", PlanType.SPECIAL: "专项", PlanType.DEPARTMENT: "部门",
                PlanType.TOWNSHIP: "乡镇(街道)", PlanType.ENTERPRISE: "企事业单位",
                PlanType.ONSITE: "现场处置方案"}[self]


class PlanStatus(enum.StrEnum):
    """Whether a plan is in force, being revised, or withdrawn (no clocks run for it)."""

    IN_FORCE = "in_force"
    UNDER_REVISION = "under_revision"
    WITHDRAWN = "withdrawn"

    @property
    def zh(self) -> str:
        return {PlanStatus.IN_FORCE: "有效", PlanStatus.UNDER_REVISION: "修订中",
                PlanStatus.WITHDRAWN: "已废止"}[self]


class DrillType(enum.StrEnum):
    """演练：桌面推演 / 实战演练 / 综合演练."""

    TABLETOP = "tabletop"
    LIVE = "live"
    COMBINED = "combined"

    @property
    def zh(self) -> str:
        return {DrillType.TABLETOP: "桌面推演", DrillType.LIVE: "实战演练",
                DrillType.COMBINED: "综合演练"}[self]


class ReviewConclusion(enum.StrEnum):
    """What a plan review (预案评估) found: the plan stands, or it must be revised."""

    VALID = "valid"
    REVISE = "revise"

    @property
    def zh(self) -> str:
        return {ReviewConclusion.VALID: "继续有效", ReviewConclusion.REVISE: "需要修订"}[self]


# RULES.md §7: reviews about every 3 years; special and department plans drilled at least every
# 3 years, enterprise comprehensive or special plans yearly, on-site plans every half year.
DEFAULT_REVIEW_YEARS = 3
DEFAULT_DRILL_MONTHS: dict[PlanType, int] = {
    PlanType.OVERALL: 36, PlanType.SPECIAL: 36, PlanType.DEPARTMENT: 36, PlanType.TOWNSHIP: 36,
    PlanType.ENTERPRISE: 12, PlanType.ONSITE: 6,
}
MAX_REVIEW_YEARS = 10
MAX_DRILL_MONTHS = 120
DUE_TIME = "17:30"  # a plan's clock falls due at the end of that working day

# Spellings offices use besides the glossary's terms.
_ALIASES: dict[str, str] = {
    "总体": "overall", "总体预案": "overall", "专项": "special", "专项预案": "special",
    "部门": "department", "部门预案": "department", "乡镇": "township", "街道": "township",
    "乡镇(街道)": "township", "乡镇（街道）": "township", "乡镇预案": "township",
    "企业": "enterprise", "企事业单位": "enterprise", "企业预案": "enterprise",
    "现场处置": "onsite", "现场处置方案": "onsite", "现行有效": "in_force", "有效": "in_force",
    "在用": "in_force", "修订中": "under_revision", "废止": "withdrawn", "已废止": "withdrawn",
    "桌面": "tabletop", "桌面演练": "tabletop", "桌面推演": "tabletop", "实战": "live",
    "实战演练": "live", "综合": "combined", "综合演练": "combined", "继续有效": "valid",
    "修订": "revise", "需要修订": "revise",
}

E = TypeVar("E", PlanType, PlanStatus, DrillType, ReviewConclusion)


def parse_choice(kind: type[E], value: object) -> E | None:
    """``value`` as a member of ``kind``: by identifier, glossary term or a common spelling;
    None when it names none."""
    word = "".join(str(value or "").split())
    for member in kind:
        if word.lower() == member.value or word in (member.zh, getattr(member, "short", None)):
            return member
    alias = _ALIASES.get(word)
    return next((m for m in kind if m.value == alias), None)


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months; the 31st becomes the month's last day where it has none."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_review(approved_on: dt.date, last_review: dt.date | None, review_years: int) -> dt.date:
    """One review cycle after the approval or the last review, whichever is later."""
    base = max(approved_on, last_review) if last_review else approved_on
    return add_months(base, 12 * review_years)


def next_drill(approved_on: dt.date, last_drill: dt.date | None, drill_months: int) -> dt.date:
    """One drill cycle after the last drill (the approval while none was held)."""
    return add_months(last_drill or approved_on, drill_months)


def cycle_problems(review_years: int, drill_months: int) -> list[Problem]:
    out = []
    if not 1 <= review_years <= MAX_REVIEW_YEARS:
        out.append(Problem("plan.bad_cycle", "plan.review_years", {"max": MAX_REVIEW_YEARS}))
    if not 1 <= drill_months <= MAX_DRILL_MONTHS:
        out.append(Problem("plan.bad_cycle", "plan.drill_months", {"max": MAX_DRILL_MONTHS}))
    return out


# --- long-range duties: when they are planned and when the strip shows them ---------------


@dataclass(frozen=True)
class Horizon:
    """How far ahead a long-range duty is planned and how close it must be to reach the strip."""

    notice_days: int = 30
    strip_days: int = 7

    def problems(self) -> list[Problem]:
        if not 0 <= self.strip_days <= self.notice_days <= 366:
            return [Problem("plan.bad_horizon")]
        return []

    def planned(self, due_at: dt.datetime, now: dt.datetime) -> bool:
        """Whether a duty due at ``due_at`` should exist as a deadline by ``now``."""
        return due_at - now <= dt.timedelta(days=self.notice_days)

    def on_strip(self, due_at: dt.datetime, now: dt.datetime) -> bool:
        """Whether the countdown strip shows it (overdue ones always)."""
        return due_at - now <= dt.timedelta(days=self.strip_days)


LONG_RANGE_KINDS = frozenset({ReportKind.PLAN_REVIEW, ReportKind.PLAN_DRILL,
                              ReportKind.CORRECTIVE_ACTION})


def on_strip(report_kind: ReportKind, due_at: dt.datetime, now: dt.datetime,
             horizon: Horizon) -> bool:
    """The countdown strip's rule: every deadline, except long-range duties until their last
    ``horizon.strip_days``."""
    return report_kind not in LONG_RANGE_KINDS or horizon.on_strip(due_at, now)


def review_key(plan_id: int, due: dt.date) -> str:
    return f"plan:{plan_id}:review:{due.isoformat()}"


def drill_key(plan_id: int, due: dt.date) -> str:
    return f"plan:{plan_id}:drill:{due.isoformat()}"


def plan_key_prefix(plan_id: int, clock: str) -> str:
    """The recurring keys of one plan's clock (``review`` or ``drill``) start with this."""
    return f"plan:{plan_id}:{clock}:"


def action_key(action_id: int) -> str:
    return f"action:{action_id}"


_ROMAN = {"I": "Ⅰ", "II": "Ⅱ", "III": "Ⅲ", "IV": "Ⅳ"}


def response_text(response_level: Level) -> str:
    """Ⅲ级响应: a response level (响应级别) as documents and screens write it."""
    return f"{_ROMAN[response_level.value]}级响应"


def activation_text(plan_name: str, response_level: Level | None) -> str:
    """The report text's sentence for an activated plan (启动预案 / 响应级别, GLOSSARY.md):
    已启动《江州市防汛抗旱应急预案》Ⅲ级响应; without a plan named, 已启动Ⅲ级应急响应."""
    if not plan_name:
        return f"已启动{_ROMAN[response_level.value]}级应急响应" if response_level is not None else ""
    level = response_text(response_level) if response_level is not None else ""
    return f"已启动《{plan_name}》{level}"
