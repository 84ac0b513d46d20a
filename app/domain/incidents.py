"""Incidents: sub-types, level suggestion, required elements, report numbering and text.

Pure Python (RULES.md §2–§4, GLOSSARY.md). The report text is the official wording the office
sends up the chain, in Simplified Chinese whatever the UI language.
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from app.domain.enums import Category, Level, ReportKind
from app.domain.incident_types import SUBTYPES as _TYPES

# (identifier, Chinese term) of each category's sub-types, from the one list in incident_types.
SUBTYPES: dict[str, tuple[tuple[str, str], ...]] = {
    category.value: tuple((sub.value, sub.zh) for sub in subs) for category, subs in _TYPES.items()
}
SUBTYPE_ZH = {key: zh for group in SUBTYPES.values() for key, zh in group}

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
CASUALTY_FIELDS = ("deaths", "serious_injuries", "injuries", "missing", "trapped")
CASUALTY_ZH = {"deaths": "死亡", "serious_injuries": "重伤", "injuries": "受伤", "missing": "失踪",
               "trapped": "被困"}


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def missing_elements(fields: Mapping[str, Any], kind: str,
                     required: Mapping[str, tuple[str, ...]] | None = None) -> list[str]:
    """The required elements of a ``kind`` report that ``fields`` lacks, in report order."""
    wanted = (required or DEFAULT_REQUIRED).get(kind, BASE_REQUIRED)
    out = []
    for element in wanted:
        if element == "level" and fields.get("category") == Category.SOCIAL.value:
            continue  # social-security events need not carry a level (2024 law)
        if element == "casualties":
            continue  # figures default to 0
        if _blank(fields.get(element)):
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


def suggest_level(deaths: int = 0, serious_injuries: int = 0, loss_cny: float = 0) -> LevelSuggestion:
    """The level an accident's figures reach; the highest any figure reaches wins."""
    for level, d, s, loss in _THRESHOLDS:
        reasons = []
        if deaths >= d:
            reasons.append(f"死亡 {deaths} 人（{d} 人以上）")
        if serious_injuries >= s:
            reasons.append(f"重伤 {serious_injuries} 人（{s} 人以上）")
        if loss_cny >= loss:
            reasons.append(f"直接经济损失 {loss_cny / 10000:g} 万元（{loss // 10000} 万元以上）")
        if reasons:
            return LevelSuggestion(level, tuple(reasons))
    return LevelSuggestion(Level.IV, ("未达到较大事故标准",))


# --- numbering and text -------------------------------------------------------------------

_DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (up to 99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def report_heading(kind: str, seq: int) -> str:
    """首报, 续报一, 续报二 … 终报, 核报."""
    if kind == ReportKind.FOLLOW_UP.value:
        return f"续报{chinese_number(seq)}"
    return ReportKind(kind).zh if kind != ReportKind.WARNING.value else "预警信息"


def changed_fields(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[str]:
    """The elements (and casualty figures) that differ between two snapshots."""
    keys = [*ELEMENTS, *CASUALTY_FIELDS]
    return [k for k in keys if before.get(k) != after.get(k)]


def _local(value: Any, zone: zoneinfo.ZoneInfo) -> str:
    if isinstance(value, str) and value:
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        v = value.astimezone(zone)
        return f"{v.year}年{v.month}月{v.day}日{v.hour}时{v.minute:02d}分"
    return ""


def _casualties(fields: Mapping[str, Any]) -> str:
    parts = [f"{CASUALTY_ZH[k]}{int(fields.get(k) or 0)}人" for k in CASUALTY_FIELDS if int(fields.get(k) or 0)]
    return "、".join(parts) if parts else "暂无人员伤亡"


def _loss(fields: Mapping[str, Any]) -> str:
    loss = fields.get("loss_cny")
    if loss in (None, "", 0):
        return "暂未统计"
    return f"约{float(loss) / 10000:g}万元"


def compose_text(
    fields: Mapping[str, Any], *, kind: str, seq: int, office: str, zone: zoneinfo.ZoneInfo,
    number: str, previous: Mapping[str, Any] | None = None, issued_by: str = "",
    sent_at: dt.datetime | None = None,
) -> str:
    """The official text of one report, every element in its place.

    A follow-up gives only what changed since ``previous`` (续报只报变化情况).
    """
    heading = report_heading(kind, seq)
    title = fields.get("title") or ""
    category = Category(fields["category"]).zh if fields.get("category") else ""
    subtype = SUBTYPE_ZH.get(fields.get("subtype") or "", "")
    level = Level(fields["level"]).zh if fields.get("level") else "未定级"
    drill = "【演练】" if fields.get("is_drill") else ""
    lines = [f"{drill}关于{title}的{heading}", "", f"编号：{number}", ""]
    body: list[tuple[str, str]] = [
        ("事发时间", _local(fields.get("occurred_at"), zone)),
        ("事发地点", fields.get("location") or ""),
        ("信息来源", "，".join(x for x in (
            fields.get("source") or "", fields.get("source_person") or "",
            fields.get("source_title") or "", fields.get("source_phone") or "") if x)),
        ("接报时间", _local(fields.get("received_at"), zone)),
        ("事件类别", "，".join(x for x in (category, subtype) if x)),
        ("事件级别", level + ("（敏感事件）" if fields.get("sensitive") else "")),
        ("事件性质", fields.get("nature") or ""),
        ("影响范围", fields.get("impact") or ""),
        ("人员伤亡", _casualties(fields)),
        ("直接经济损失", _loss(fields)),
        ("发展趋势", fields.get("trend") or ""),
        ("领导到场情况", fields.get("leaders_on_site") or ""),
        ("已采取的主要措施及效果", fields.get("measures") or ""),
        ("下一步处置思路和措施", fields.get("next_steps") or ""),
        ("已通报单位", fields.get("notified") or ""),
    ]
    if kind == ReportKind.FINAL.value:
        body += [("处置结果", fields.get("outcome") or ""), ("善后情况", fields.get("aftermath") or ""),
                 ("评估意见", fields.get("assessment") or "")]
    if kind == ReportKind.FOLLOW_UP.value and previous is not None:
        changed = set(changed_fields(previous, fields))
        names = {"人员伤亡": set(CASUALTY_FIELDS), "事发时间": {"occurred_at"}, "事发地点": {"location"},
                 "信息来源": {"source", "source_person", "source_title", "source_phone"},
                 "接报时间": {"received_at"}, "事件类别": {"category", "subtype"},
                 "事件级别": {"level", "sensitive"}, "事件性质": {"nature"}, "影响范围": {"impact"},
                 "直接经济损失": {"loss_cny"}, "发展趋势": {"trend"}, "领导到场情况": {"leaders_on_site"},
                 "已采取的主要措施及效果": {"measures"}, "下一步处置思路和措施": {"next_steps"},
                 "已通报单位": {"notified"}}
        body = [(k, v) for k, v in body if names.get(k, set()) & changed]
        if not body:
            body = [("情况", "与上次报告相比无新的变化")]
    optional = {"领导到场情况", "已通报单位", "善后情况", "评估意见"}
    n = 0
    for name, value in body:
        if not value and name in optional:
            continue  # nothing to say: the line is left out rather than shown empty
        n += 1
        lines.append(f"{chinese_number(n)}、{name}：{value or '（待补报）'}")
    missing = fields.get("missing_elements") or []
    if missing:
        lines += ["", "待补报要素：" + "、".join(ELEMENTS.get(m, m) for m in missing)]
    lines += ["", f"报送单位：{office}", f"签发人：{issued_by or '（未签发）'}",
              f"报送时间：{_local(sent_at, zone) if sent_at else '（未报送）'}"]
    return "\n".join(lines)


def parse_enum(value: Any, enum_type: type, field: str) -> str | None:
    """An enumeration from its identifier (``accident``, ``II``) or its Chinese term."""
    if value is None or value == "":
        return None
    text = str(value).strip()
    for member in enum_type:
        if text in (member.value, member.name, getattr(member, "zh", None)):
            return member.value
    if enum_type is Level:
        roman = {"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "1": "I", "2": "II", "3": "III", "4": "IV"}
        stripped = text.replace("级", "")
        if stripped in roman:
            return roman[stripped]
    raise ValueError(field)


def parse_subtype(value: Any) -> str | None:
    if value in (None, ""):
        return None
    text = str(value).strip()
    if text in SUBTYPE_ZH:
        return text
    for key, zh in SUBTYPE_ZH.items():
        if zh == text:
            return key
    raise ValueError("subtype")


