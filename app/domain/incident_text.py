"""The report as the office sends it (RULES.md §4): a 公文 document, and its plain text.

Always Simplified Chinese, whatever the UI language. A follow-up gives only what changed
(续报只报变化情况) and the time its figures hold (截至……); a figure nobody knows yet is
"正在核实", never 0. An activated plan opens the measures: 已启动《……》Ⅲ级响应。
"""

from __future__ import annotations

import datetime as dt
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.chinese import amount_cny, numeral
from app.domain.enums import ReportKind
from app.domain.gongwen import Align, OfficialDocument, Paragraph, Run, Style
from app.domain.incident_facts import CASUALTY_FIELDS, PLAN_FIELDS, IncidentFacts
from app.domain.incidents import CASUALTY_ZH, ELEMENTS, report_heading
from app.domain.plans import activation_text

# The facts a follow-up compares with the previous report (the elements and the figures).
COMPARED = (*(k for k in ELEMENTS if k != "casualties"), *CASUALTY_FIELDS, "level_reason",
            "sensitive", *PLAN_FIELDS)

# Each line of the body and the facts it shows: a follow-up keeps the lines whose facts changed.
_LINE_FACTS: dict[str, frozenset[str]] = {
    "事发时间": frozenset({"occurred_at"}),
    "事发地点": frozenset({"location"}),
    "信息来源": frozenset({"source", "source_person", "source_title", "source_phone"}),
    "接报时间": frozenset({"received_at"}),
    "事件类别": frozenset({"category", "subtype"}),
    "事件级别": frozenset({"level", "sensitive", "level_reason"}),
    "事件性质": frozenset({"nature"}),
    "影响范围": frozenset({"impact"}),
    "人员伤亡": frozenset(CASUALTY_FIELDS),
    "直接经济损失": frozenset({"loss_cny"}),
    "发展趋势": frozenset({"trend"}),
    "领导到场情况": frozenset({"leaders_on_site"}),
    "已采取的主要措施及效果": frozenset({"measures", *PLAN_FIELDS}),
    "下一步处置思路和措施": frozenset({"next_steps"}),
    "已通报单位": frozenset({"notified"}),
    "处置结果": frozenset({"outcome"}),
    "善后情况": frozenset({"aftermath"}),
    "评估意见": frozenset({"assessment"}),
}
# Lines left out, rather than shown empty, when there is nothing to say.
_OPTIONAL = frozenset({"领导到场情况", "已通报单位", "善后情况", "评估意见"})
UNKNOWN = "正在核实"
NOT_GIVEN = "（待补报）"

Line = tuple[str, str]


@dataclass(frozen=True)
class Letterhead:
    """What the document says besides the incident's facts: who reports, to whom, who signed
    it off and when it went, whom to call back, and (a follow-up) the time its figures hold."""

    office: str
    number: str
    zone: zoneinfo.ZoneInfo
    to: str = ""  # 主送机关
    issued_by: str = ""
    sent_at: dt.datetime | None = None
    contact_person: str = ""
    contact_phone: str = ""
    recorded_by: str = ""
    as_of: dt.datetime | None = None


def changed_fields(before: IncidentFacts, after: IncidentFacts) -> list[str]:
    """The elements (and casualty figures) that differ between two reports' facts."""
    return [k for k in COMPARED if getattr(before, k) != getattr(after, k)]


def compose_document(facts: IncidentFacts, *, kind: ReportKind, seq: int, head: Letterhead,
                     changes: Sequence[str] | None = None, previous: IncidentFacts | None = None,
                     missing: Sequence[str] = ()) -> OfficialDocument:
    """The 公文 document of one report, every element in its place.

    A follow-up gives only ``changes`` (or, for one stored before follow-ups kept their changes,
    what differs from ``previous``); ``missing`` names the elements a flash report still owes
    (先报已掌握的主要情况，随后补报).
    """
    if kind is ReportKind.FOLLOW_UP and changes is None and previous is not None:
        changes = changed_fields(previous, facts)
    shown = frozenset(changes or ()) if kind is ReportKind.FOLLOW_UP else frozenset()
    body = _body(facts, head.zone, shown)
    if kind is ReportKind.FINAL:
        body += _final_lines(facts)
    intro: list[Paragraph] = []
    if kind is ReportKind.FOLLOW_UP:
        if changes is not None:
            body = _only(body, set(changes))
        when = local_time(head.as_of, head.zone) or "（时间待定）"
        intro = [Paragraph.of(f"截至{when}，有关情况续报如下：")]
    drill = "【演练】" if facts.is_drill else ""
    paragraphs = [
        Paragraph.of(f"编号：{head.number}", align=Align.RIGHT, indent=False),
        Paragraph.of(f"{head.to or '（主送机关）'}：", align=Align.LEFT, indent=False),
        *intro, *_numbered(body), *_missing(missing), *_sign_off(head, facts, kind),
    ]
    return OfficialDocument(f"{drill}关于{facts.title}的{report_heading(kind, seq)}", tuple(paragraphs))


def compose_text(facts: IncidentFacts, *, kind: ReportKind, seq: int, head: Letterhead,
                 changes: Sequence[str] | None = None, previous: IncidentFacts | None = None,
                 missing: Sequence[str] = ()) -> str:
    """The plain text of ``compose_document`` (for the clipboard and the command line)."""
    return compose_document(facts, kind=kind, seq=seq, head=head, changes=changes,
                            previous=previous, missing=missing).plain_text()


def local_time(value: dt.datetime | None, zone: zoneinfo.ZoneInfo) -> str:
    """2026年11月28日9时05分 in the office's zone; empty when unknown."""
    if value is None:
        return ""
    v = value.astimezone(zone)
    return f"{v.year}年{v.month}月{v.day}日{v.hour}时{v.minute:02d}分"


def _body(facts: IncidentFacts, zone: zoneinfo.ZoneInfo, changed: frozenset[str]) -> list[Line]:
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
        ("人员伤亡", casualties(facts, changed)),
        ("直接经济损失", amount_cny(facts.loss_cny) if facts.loss_cny else
         ("无" if facts.loss_cny == 0 else UNKNOWN)),
        ("发展趋势", facts.trend),
        ("领导到场情况", facts.leaders_on_site),
        ("已采取的主要措施及效果", measures(facts)),
        ("下一步处置思路和措施", facts.next_steps),
        ("已通报单位", facts.notified),
    ]


def measures(facts: IncidentFacts) -> str:
    """The measures taken, opened by the plan the incident activated and its response level
    (已启动《……》Ⅲ级响应。)."""
    plan = facts.activated_plan
    activated = activation_text(plan.name if plan else "", facts.response_level)
    if not activated:
        return facts.measures
    return f"{activated}。{facts.measures}" if facts.measures else f"{activated}。"


def _final_lines(facts: IncidentFacts) -> list[Line]:
    return [("处置结果", facts.outcome), ("善后情况", facts.aftermath), ("评估意见", facts.assessment)]


def _only(body: list[Line], changes: set[str]) -> list[Line]:
    kept = [(name, value) for name, value in body if _LINE_FACTS.get(name, frozenset()) & changes]
    return kept or [("情况", "与上次报告相比无新的变化")]


def _numbered(body: list[Line]) -> list[Paragraph]:
    shown = [(name, value) for name, value in body if value or name not in _OPTIONAL]
    return [Paragraph((Run(f"{numeral(n)}、{name}：", Style.HEADING1), Run(value or NOT_GIVEN)))
            for n, (name, value) in enumerate(shown, start=1)]


def _missing(missing: Sequence[str]) -> list[Paragraph]:
    if not missing:
        return []
    return [Paragraph.of("待补报要素：" + "、".join(ELEMENTS.get(m, m) for m in missing), gap_before=True)]


def _sign_off(head: Letterhead, facts: IncidentFacts, kind: ReportKind) -> list[Paragraph]:
    sent = local_time(head.sent_at, head.zone) or "（未报送）"
    contact = f"联系人：{head.contact_person or '—'}　联系电话：{head.contact_phone or '—'}"
    lines = [
        Paragraph.of(f"签发人：{head.issued_by or '（未签发）'}", align=Align.LEFT, indent=False,
                     gap_before=True),
        Paragraph.of(contact, align=Align.LEFT, indent=False),
    ]
    if kind in (ReportKind.INITIAL, ReportKind.WARNING) and (facts.received_by or head.recorded_by):
        lines.append(Paragraph.of(f"接报人：{facts.received_by or '—'}　记录人：{head.recorded_by or '—'}",
                                  align=Align.LEFT, indent=False))
    lines += [Paragraph.of(f"报送单位：{head.office}", align=Align.RIGHT, indent=False, gap_before=True),
              Paragraph.of(f"报送时间：{sent}", align=Align.RIGHT, indent=False)]
    return lines


def _joined(*parts: str) -> str:
    return "，".join(p for p in parts if p)


def _level(facts: IncidentFacts) -> str:
    level = facts.level.zh if facts.level else "未定级"
    if facts.sensitive:
        level += "（敏感事件）"
    if facts.level_reason:
        level += f"（定级说明：{facts.level_reason}）"
    return level


def casualties(facts: IncidentFacts, changed: frozenset[str] = frozenset()) -> str:
    """死亡12人、受伤3人; the figures nobody knows yet named as being verified; 无人员伤亡 only
    when every figure is known to be 0. A figure in ``changed`` is given even when it is 0
    (a follow-up saying 被困0人: all rescued)."""
    figures = {k: facts.figure(k) for k in CASUALTY_FIELDS}
    if all(n is None for n in figures.values()):
        return f"人员伤亡情况{UNKNOWN}"
    known = "、".join(f"{CASUALTY_ZH[k]}{n}人" for k, n in figures.items()
                     if n or (n == 0 and k in changed))
    unknown = "、".join(CASUALTY_ZH[k] for k, n in figures.items() if n is None)
    if not unknown:
        return known or "无人员伤亡"
    return (known + "，" if known else "") + f"{unknown}人数{UNKNOWN}"
