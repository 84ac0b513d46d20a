"""Messages of reporting deadlines, rule profiles and alarm stages.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # deadlines
    "field.deadline.what": ("事项", "what"),
    "field.deadline.due_at": ("截止时间", "due time"),
    "field.deadline.reason": ("原因", "reason"),
    "field.deadline.how": ("报送方式", "how it was sent"),
    "rule.invalid": ("第 {row} 条规则无效：{reason}", "Rule {row} is invalid: {reason}"),
    "rule.profile_builtin": (
        "内置规则方案“{name}”不能修改，请先复制一份。",
        "The built-in profile \"{name}\" cannot be edited; copy it first.",
    ),
    "rule.no_rules": ("规则方案至少要有一条规则。", "A profile needs at least one rule."),
    "stages.invalid": (
        "提醒阶段设置无效：须满足 0 < 紧急提醒 < 预先提醒 ≤ 1440 分钟，重复间隔 1–120 分钟。",
        "Invalid alarm stages: 0 < urgent < notice ≤ 1440 minutes, repeat every 1–120 minutes.",
    ),
    "deadline.closed": (
        "该时限已办结（{outcome}），不能再修改。",
        "This deadline is already closed ({outcome}) and cannot change.",
    ),
    "deadline.reason_needed": (
        "已超时的提醒须填写原因才能确认。",
        "An overdue alarm needs a reason to be acknowledged.",
    ),
    "deadline.due_in_past": (
        "{field}不能早于现在。", "{field} cannot be in the past.",
    ),
}
