"""Messages every feature uses: validation of any field, permissions, concurrency and
the command line's last resort.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "field.output": ("输出文件", "output file"),
    # output files
    "output.is_dir": (
        "{field}“{value}”是一个文件夹，请给出文件名。",
        "{field} “{value}” is a folder; give a file name.",
    ),
    "output.no_folder": (
        "{field}所在的文件夹“{value}”不存在。",
        "The folder “{value}” of the {field} does not exist.",
    ),
    "output.read_only": (
        "{field}“{value}”不可写入，请检查权限或换一个位置。",
        "{field} “{value}” cannot be written; check its permissions or choose another place.",
    ),
    # validation of any field
    "required": ("{field}不能为空。", "{field} is required."),
    "too_long": ("{field}不能超过 {max} 个字符。", "{field} must be at most {max} characters."),
    "bad_phone": (
        "{field}“{value}”不是有效的电话号码（只能包含数字、空格、“-”和“+”，至少 5 位数字）。",
        "{field} \"{value}\" is not a phone number (digits, spaces, '-' and '+' only, at least 5 digits).",
    ),
    "bad_choice": ("{field}“{value}”不是可选的值。", "{field} \"{value}\" is not one of the choices."),
    "bad_number": ("{field}必须是不小于 0 的整数。", "{field} must be a whole number, 0 or more."),
    # permissions and concurrency
    "forbidden": (
        "“{operator}”（{role}）无权执行此操作：需要{needed}角色。",
        "\"{operator}\" ({role}) may not do this: it needs the {needed} role.",
    ),
    "stale": (
        "这条记录已被他人修改，请刷新后重试。",
        "Someone else changed this record meanwhile. Reload it and try again.",
    ),
    "not_found": ("找不到{what}。", "{what} not found."),
    "not_found.user": ("找不到该用户（编号 {id}），可能已被删除。", "User {id} not found (it may have been deleted)."),
    "not_found.carried_item": ("找不到该交接事项（编号 {id}），可能已被删除。", "Handover item {id} not found (it may have been deleted)."),
    "not_found.deadline": ("找不到该时限（编号 {id}），可能已被删除。", "Deadline {id} not found (it may have been deleted)."),
    "not_found.plan": ("找不到该预案（编号 {id}），可能已被删除。", "Plan {id} not found (it may have been deleted)."),
    "not_found.drill": ("找不到该演练（编号 {id}），可能已被删除。", "Drill {id} not found (it may have been deleted)."),
    "not_found.corrective_action": ("找不到该整改措施（编号 {id}），可能已被删除。", "Corrective action {id} not found (it may have been deleted)."),
    "not_found.training": ("找不到该培训（编号 {id}），可能已被删除。", "Training {id} not found (it may have been deleted)."),
    "not_found.report": ("找不到该报告（编号 {id}），可能已被删除。", "Report {id} not found (it may have been deleted)."),
    "not_found.instruction": ("找不到该领导批示（编号 {id}），可能已被删除。", "Instruction {id} not found (it may have been deleted)."),
    "db.failed": ("数据库操作未能完成", "the database operation did not complete"),
    "housekeeping.failed": (
        "日常维护（备份与检查）未能完成，详情见日志；下次将自动重试。",
        "The daily housekeeping (backup and check) did not complete; see the log. It runs again later.",
    ),
    # the command line
    "cli.unexpected": (
        "意外错误：{detail}（详情见日志 {log}）",
        "Unexpected error: {detail} (details in the log {log})",
    ),
}
