"""Incidents: the elements of a report and which are required, level suggestion, numbering.

Pure Python (RULES.md §2–§4, GLOSSARY.md). The facts themselves are ``incident_facts``; the
report text is ``incident_text``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from app.domain import messages
from app.domain.chinese import amount_cny, numeral
from app.domain.enums import Category, Level, ReportKind
from app.domain.incident_facts import CASUALTY_FIELDS, IncidentFacts

__all__ = [
    "BASE_REQUIRED",
    "CASUALTY_FIELDS",
    "CASUALTY_ZH",
    "DEFAULT_REQUIRED",
    "ELEMENTS",
    "ELEMENTS_EN",
    "LevelSuggestion",
    "element_name",
    "element_term",
    "missing_elements",
    "report_heading",
    "severity",
    "suggest_level",
]

# The elements (GLOSSARY identifiers) and their Chinese names, in the order of the report.
ELEMENTS: dict[str, str] = {
    "title": "事件标题",
    "category": "事件类别",
    "subtype": "事件子类",
    "level": "事件级别",
    "received_at": "接报时间",
    "occurred_at": "事发时间",
    "location": "事发地点",
    "source": "信息来源",
    "source_person": "报告人姓名",
    "source_title": "报告人职务",
    "source_phone": "报告人电话",
    "nature": "事件性质",
    "impact": "影响范围",
    "casualties": "伤亡情况",
    "loss_cny": "直接经济损失",
    "trend": "发展趋势",
    "measures": "已采取的主要措施及效果",
    "next_steps": "下一步处置思路和措施",
    "leaders_on_site": "领导到场情况",
    "notified": "已通报单位",
    "outcome": "处置结果",
    "aftermath": "善后情况",
    "assessment": "评估意见",
}

# The seed's list, required for every report (RULES.md §4); level not for social events.
BASE_REQUIRED = ("title", "category", "level", "occurred_at", "location", "source", "nature",
                 "impact", "trend", "measures", "next_steps")
DEFAULT_REQUIRED: dict[str, tuple[str, ...]] = {
    ReportKind.WARNING.value: ("title", "category", "occurred_at", "location", "source", "nature",
                               "impact", "trend", "measures", "next_steps"),
    ReportKind.INITIAL.value: (*BASE_REQUIRED, "received_at", "source_person", "source_phone"),
    ReportKind.FOLLOW_UP.value: BASE_REQUIRED,
    ReportKind.FINAL.value: (*BASE_REQUIRED, "outcome"),
    ReportKind.VERIFIED.value: BASE_REQUIRED,
}
CASUALTY_ZH = {"deaths": "死亡", "serious_injuries": "重伤", "injuries": "受伤", "missing": "失踪",
               "trapped": "被困"}
# Names of the fields that are no report element, for messages about them.
_OTHER_NAMES = {"kind": "信息类型", "is_drill": "演练", "sensitive": "敏感事件",
                "organization_id": "事发单位", "flash": "先报", "level_reason": "定级说明",
                "received_by": "接报人", "as_of": "截至时间", "activated_plan": "启动预案",
                "response_level": "响应级别"}


# The glossary's English labels of the elements and fields above, for an English screen.
ELEMENTS_EN: dict[str, str] = {
    "title": "title", "category": "category", "subtype": "sub-type", "level": "level",
    "received_at": "time received", "occurred_at": "time of occurrence", "location": "location",
    "source": "information source", "source_person": "source's person", "source_title": "source's title",
    "source_phone": "source's phone", "nature": "nature of the incident", "impact": "scope of impact",
    "casualties": "casualties", "loss_cny": "direct economic loss", "trend": "expected development",
    "measures": "measures taken and their effect", "next_steps": "next steps",
    "leaders_on_site": "leaders on site", "notified": "already told", "outcome": "outcome",
    "aftermath": "aftermath", "assessment": "assessment", "deaths": "deaths",
    "serious_injuries": "seriously injured", "injuries": "injured", "missing": "missing",
    "trapped": "trapped", "kind": "kind of information", "is_drill": "drill", "sensitive": "sensitive",
    "organization_id": "unit where it happened", "flash": "flash report",
    "level_reason": "reason for the level", "received_by": "received by", "as_of": "as of",
}


def element_term(field_id: str) -> str:
    """An element's or field's term in the language of messages (documents use element_name)."""
    if messages.language() == "zh_CN":
        return element_name(field_id)
    return ELEMENTS_EN.get(field_id, element_name(field_id))


def element_name(field_id: str) -> str:
    """The Chinese term of an element or field (GLOSSARY.md), the identifier if it has none."""
    return ELEMENTS.get(field_id) or CASUALTY_ZH.get(field_id) or _OTHER_NAMES.get(field_id, field_id)


def missing_elements(facts: IncidentFacts, kind: str,
                     required: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
    """The required elements of a ``kind`` report that ``facts`` lacks, in report order."""
    wanted = (required or DEFAULT_REQUIRED).get(kind, BASE_REQUIRED)
    out = []
    for element in wanted:
        if element == "level" and facts.category is Category.SOCIAL:
            continue  # social-security events need not carry a level (2024 law)
        if element == "casualties":
            continue  # figures are never required: an unknown one is reported as such
        value = getattr(facts, element, None)
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(element)
    return out


# --- level suggestion (国务院令第493号 art. 3: "以上" includes, "以下" excludes) -------------

_THRESHOLDS = (  # level, deaths, seriously injured, loss in CNY: the lower bound of each level
    (Level.I, 30, 100, 100_000_000),
    (Level.II, 10, 50, 50_000_000),
    (Level.III, 3, 10, 10_000_000),
)


@dataclass(frozen=True)
class LevelSuggestion:
    level: Level
    reasons: tuple[str, ...]


def suggest_level(deaths: int | None = 0, serious_injuries: int | None = 0,
                  loss_cny: float | None = 0) -> LevelSuggestion:
    """The level an accident's figures reach; the highest any figure reaches wins. An unknown
    figure (None) reaches nothing yet."""
    deaths, serious_injuries, loss_cny = deaths or 0, serious_injuries or 0, loss_cny or 0
    for level, d, s, loss in _THRESHOLDS:
        reasons = []
        if deaths >= d:
            reasons.append(f"死亡 {deaths} 人（{d} 人以上）")
        if serious_injuries >= s:
            reasons.append(f"重伤 {serious_injuries} 人（{s} 人以上）")
        if loss_cny >= loss:
            reasons.append(f"直接经济损失{amount_cny(round(loss_cny))}（{loss // 10000} 万元以上）")
        if reasons:
            return LevelSuggestion(level, tuple(reasons))
    return LevelSuggestion(Level.IV, ("未达到较大事故标准",))


def severity(level: Level) -> int:
    """4 for 特别重大 down to 1 for 一般: a higher number is a more serious level."""
    return {Level.I: 4, Level.II: 3, Level.III: 2, Level.IV: 1}[level]


# --- numbering ---------------------------------------------------------------------------


def report_heading(kind: str, seq: int) -> str:
    """首报, 续报一, 续报二 … 续报二十三, 终报, 核报."""
    if kind == ReportKind.FOLLOW_UP.value:
        return f"续报{numeral(seq)}"
    return ReportKind(kind).zh if kind != ReportKind.WARNING.value else "预警信息"
