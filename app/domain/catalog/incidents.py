"""Messages of incidents and their reports.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # incidents and their reports
    "incident.missing": ("缺少必报要素：{name}（{field}）", "Missing required element: {name} ({field})"),
    "incident.bad_value": (
        "{name}（{field}）的值“{value}”无效{hint}", "{name} ({field}): \"{value}\" is not valid{hint}",
    ),
    "incident.hint.level": ("（I/II/III/IV 或 特别重大/重大/较大/一般）",
                            " (I/II/III/IV or 特别重大/重大/较大/一般)"),
    "incident.hint.category": (
        "（natural/accident/health/social 或 自然灾害/事故灾难/公共卫生事件/社会安全事件）",
        " (natural/accident/health/social or 自然灾害/事故灾难/公共卫生事件/社会安全事件)",
    ),
    "incident.hint.time": ("（ISO 8601，如 2026-11-28T09:30）", " (ISO 8601, e.g. 2026-11-28T09:30)"),
    "incident.hint.subtype_category": ("（与事件类别不符）", " (not a sub-type of the category)"),
    "incident.unknown_field": ("未知字段“{field}”", "Unknown field \"{field}\""),
    "incident.not_json": ("不是有效的 JSON：{detail}", "Not valid JSON: {detail}"),
    "incident.closed": ("事件 {number} 已终报办结。", "Incident {number} is closed (final report sent)."),
    "incident.not_found": ("找不到事件 {number}。", "No incident {number}."),
    "report.not_found": ("事件 {number} 没有{kind}{seq}。", "Incident {number} has no {kind} report {seq}."),
    "report.already_sent": ("该报告已于 {when} 报送。", "This report was already sent at {when}."),
}
