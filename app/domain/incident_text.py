"""The report text: the official wording the office sends up the chain (RULES.md §4).

Always Simplified Chinese, whatever the UI language. A follow-up gives only what changed since
the previous report (续报只报变化情况).
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.enums import ReportKind
from app.domain.incident_facts import CASUALTY_FIELDS, IncidentFacts
from app.domain.incidents import CASUALTY_ZH, ELEMENTS, chinese_number, report_heading

# The facts a follow-up compares with the previous report (the elements and the figures).
COMPARED = tuple(k for k in (*ELEMENTS, *CASUALTY_FIELDS) if k != "casualties")

# Each line of the body and the facts it shows: a follow-up keeps the lines whose facts changed.
_LINE_FACTS: dict[str, frozenset[str]] = {
    "事发时间": frozenset({"occurred_at"}),
    "事发地点": frozenset({"location"}),
    "信息来源": frozenset({"source", "source_person", "source_title", "source_phone"}),
    "接报时间": frozenset({"received_at"}),
    "事件类别": frozenset({"category", "subtype"}),
    "事件级别": frozenset({"level", "sensitive"}),
    "事件性质": frozenset({"nature"}),
    "影响范围": frozenset({"impact"}),
    "人员伤亡": frozenset(CASUALTY_FIELDS),
    "直接经济损失": frozenset({"loss_cny"}),
    "发展趋势": frozenset({"trend"}),
    "领导到场情况": frozenset({"leaders_on_site"}),
    "已采取的主要措施及效果": frozenset({"measures"}),
    "下一步处置思路和措施": frozenset({"next_steps"}),
    "已通报单位": frozenset({"notified"}),
}
# Lines left out, rather than shown empty, when there is nothing to say.
_OPTIONAL = frozenset({"领导到场情况", "已通报单位", "善后情况", "评估意见"})

Line = tuple[str, str]


@dataclass(frozen=True)
class Letterhead:
    """Who reports, where and when: the parts of the text that are not the incident's facts."""

    office: str
    number: str
    zone: zoneinfo.ZoneInfo
    issued_by: str = ""
    sent_at: dt.datetime | None = None


def changed_fields(before: IncidentFacts, after: IncidentFacts) -> list[str]:
    """The elements (and casualty figures) that differ between two reports' facts."""
    return [k for k in COMPARED if getattr(before, k) != getattr(after, k)]


def compose_text(facts: IncidentFacts, *, kind: ReportKind, seq: int, head: Letterhead,
                 previous: IncidentFacts | None = None, missing: Sequence[str] = ()) -> str:
    """The official text of one report, every element in its place.

    A follow-up gives only what changed since ``previous``; ``missing`` names the elements a
    flash report still owes (先报已掌握的主要情况，随后补报).
    """
    body = _body(facts, head.zone)
    if kind is ReportKind.FINAL:
        body += _final_lines(facts)
    if kind is ReportKind.FOLLOW_UP and previous is not None:
        body = _only_changed(body, previous, facts)
    return "\n".join([*_title_lines(facts, kind, seq, head.number), *_numbered(body),
                      *_missing_lines(missing), *_sign_off(head)])


def local_time(value: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str:
    """2026年11月28日9时05分 in the office's zone; empty when unknown."""
    if value is None:
        return ""
    v = value.astimezone(zone)
    return f"{v.year}年{v.month}月{v.day}日{v.hour}时{v.minute:02d}分"


def _title_lines(facts: IncidentFacts, kind: ReportKind, seq: int, number: str) -> list[str]:
    drill = "【演练】" if facts.is_drill else ""
    return [f"{drill}关于{facts.title}的{report_heading(kind, seq)}", "", f"编号：{number}", ""]


def _body(facts: IncidentFacts, zone: zoneinfo.ZoneInfo) -> list[Line]:
    return [
        ("事发时间", local_time(facts.occurred_at, zone)),
        ("事发地点", facts.location),
        ("信息来源", _joined(facts.source, facts.source_person, facts.source_title, facts.source_phone)),
        ("接报时间", local_time(facts.received_at, zone)),
        ("事件类别", _joined(facts.category.zh if facts.category else "",
                         facts.subtype.zh if facts.subtype else "")),
        ("事件级别", _level(facts)),
        ("事件性质", facts.nature),
        ("影响范围", facts.impact),
        ("人员伤亡", _casualties(facts)),
        ("直接经济损失", _loss(facts.loss_cny)),
        ("发展趋势", facts.trend),
        ("领导到场情况", facts.leaders_on_site),
        ("已采取的主要措施及效果", facts.measures),
        ("下一步处置思路和措施", facts.next_steps),
        ("已通报单位", facts.notified),
    ]


def _final_lines(facts: IncidentFacts) -> list[Line]:
    return [("处置结果", facts.outcome), ("善后情况", facts.aftermath), ("评估意见", facts.assessment)]


def _only_changed(body: list[Line], previous: IncidentFacts, facts: IncidentFacts) -> list[Line]:
    changed = set(changed_fields(previous, facts))
    kept = [(name, value) for name, value in body if _LINE_FACTS.get(name, frozenset()) & changed]
    return kept or [("情况", "与上次报告相比无新的变化")]


def _numbered(body: list[Line]) -> list[str]:
    shown = [(name, value) for name, value in body if value or name not in _OPTIONAL]
    return [f"{chinese_number(n)}、{name}：{value or '（待补报）'}"
            for n, (name, value) in enumerate(shown, start=1)]


def _missing_lines(missing: Sequence[str]) -> list[str]:
    if not missing:
        return []
    return ["", "待补报要素：" + "、".join(ELEMENTS.get(m, m) for m in missing)]


def _sign_off(head: Letterhead) -> list[str]:
    sent = local_time(head.sent_at, head.zone) if head.sent_at else "（未报送）"
    return ["", f"报送单位：{head.office}", f"签发人：{head.issued_by or '（未签发）'}", f"报送时间：{sent}"]


def _joined(*parts: str) -> str:
    return "，".join(p for p in parts if p)


def _level(facts: IncidentFacts) -> str:
    level = facts.level.zh if facts.level else "未定级"
    return level + ("（敏感事件）" if facts.sensitive else "")


def _casualties(facts: IncidentFacts) -> str:
    # An unknown figure (None) says nothing here, as 0 does: the stored record cannot yet tell
    # them apart (its columns hold 0), so the text stays as it has always been.
    parts = [f"{CASUALTY_ZH[k]}{n}人" for k in CASUALTY_FIELDS if (n := facts.figure(k) or 0)]
    return "、".join(parts) if parts else "暂无人员伤亡"


def _loss(loss_cny: int | None) -> str:
    if not loss_cny:
        return "暂未统计"
    return f"约{loss_cny / 10000:g}万元"
