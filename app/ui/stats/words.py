"""The statistics tables in the screen's language.

The tables (app.services.stats.tables) are written in the documents' Chinese, because the
workbook and the quarterly report are documents. On an English screen their captions, headers
and row names are shown in English; the numbers, months and units are the same.
"""

from __future__ import annotations

import dataclasses
import re

from app.domain import messages
from app.domain.enums import Category, Channel, Level, ReportKind
from app.domain.report_outline import Table
from app.domain.terms import ENGLISH

_WORDS: dict[str, str] = {
    # captions
    "概况": "Overview", "各月突发事件": "Incidents by month", "突发事件分类分级": "Incidents by category and level",
    "各单位（信息来源）突发事件": "Incidents by unit (information source)",
    "报送时限执行情况（按报送事项）": "Reporting deadlines by report", "各月报送时限执行情况": "Reporting deadlines by month",
    "查岗情况": "Presence checks", "各月接听来电": "Calls received by month",
    # headers
    "指标": "Measure", "数值": "Value", "月份": "Month", "合计": "Total", "类别": "Category", "未定级": "No level",
    "单位": "Unit", "起数": "Incidents", "报送事项": "Report", "报送方式": "Channel", "应报": "Due",
    "按时": "On time", "迟报": "Late", "漏报": "Missed", "未办结": "Open", "按时率": "On-time rate",
    "查岗": "Presence check", "次数": "Checks", "接听": "Answered", "及时接听率": "Answered in time",
    "来电（次）": "Calls", "未分类": "No category", "（未注明）": "(not given)",
    # overview rows
    "突发事件（起）": "Incidents", "预警信息（条）": "Warnings", "报送时限（项）": "Reporting deadlines",
    "其中按时": "of which on time", "其中迟报": "of which late", "其中漏报": "of which missed",
    "其中未办结": "of which open", "按时报送率": "On-time rate", "接听来电（次）": "Calls received",
    "查岗（次）": "Presence checks", "应急演练（次）": "Drills", "应急培训（次）": "Trainings",
    "上级查岗（本单位接听）": "Checks from above (answered here)", "对下级单位查岗": "Checks of units below",
}
_RINGS = re.compile(r"^(\d+)声内接听(（次）)?$")


def _enum_words() -> dict[str, str]:
    found = {}
    for kind in (Category, Level, Channel, ReportKind):
        for member in kind:
            found[member.zh] = ENGLISH[(kind.__name__, member.name)]
    return found


def word(text: str) -> str:
    """One Chinese word of a table in the screen's language."""
    if messages.language() == "zh_CN":
        return text
    rings = _RINGS.match(text)
    if rings:
        return f"Answered within {rings.group(1)} rings"
    return _WORDS.get(text) or _enum_words().get(text) or text


def on_screen(table: Table) -> Table:
    """``table`` with its caption, headers and row names in the screen's language."""
    if messages.language() == "zh_CN":
        return table
    rows = tuple(tuple(word(c) if isinstance(c, str) else c for c in row) for row in table.rows)
    total = (tuple(word(c) if isinstance(c, str) else c for c in table.total)
             if table.total is not None else None)
    return dataclasses.replace(table, title=word(table.title),
                               columns=tuple(word(c) for c in table.columns), rows=rows, total=total)
