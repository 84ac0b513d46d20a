"""Messages of the duty log, the handover, presence checks and the daily report.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # duty log, handover, presence checks, daily report
    "field.log.text": ("内容", "text"),
    "field.log.at": ("时间", "time"),
    "field.log.notified_at": ("已通报时间", "time already told"),
    "field.log.caller_unit": ("来电单位", "caller's unit"),
    "field.log.caller_name": ("来电人", "caller's name"),
    "field.log.caller_title": ("职务", "caller's title"),
    "field.log.caller_phone": ("来电号码", "caller's phone"),
    "field.log.place": ("地点", "place"),
    "field.handover.reason": ("原因", "reason"),
    "field.carried.text": ("交办事项", "carried item"),
    "field.presence.unit": ("单位", "unit"),
    "field.presence.rings": ("响铃声数", "rings"),
    "dutylog.broken": (
        "值班日志链在第 {id} 条处断开：{reason}",
        "The duty log's chain breaks at entry {id}: {reason}",
    ),
    "dutylog.healthy": ("值班日志 {count} 条链路完整。", "{count} duty log entries chained correctly."),
    "dutylog.shift_locked": (
        "{day} 班的值班日志已于 {when} 交接锁定，不能再补记；如需更正，请在本班记录更正。",
        "The duty log of the {day} shift was locked at its handover at {when}: nothing more can be "
        "added to it. To correct an entry, record a correction in the current shift.",
    ),
    "dutylog.bad_kind": (
        "未知的日志类别“{value}”（可用：{choices}）。",
        "Unknown kind of entry \"{value}\" (use one of: {choices}).",
    ),
    "dutylog.bad_time": (
        "{field}“{value}”不是有效时间（ISO 8601，如 2026-11-28T09:30）。",
        "{field} \"{value}\" is not a time (ISO 8601, e.g. 2026-11-28T09:30).",
    ),
    "dutylog.bad_date": (
        "日期“{value}”无效，应为 YYYY-MM-DD。", "The date \"{value}\" is not valid; use YYYY-MM-DD.",
    ),
    "dutylog.future": ("{field}不能晚于现在。", "{field} cannot be in the future."),
    "dutylog.bad_phone": (
        "{field}“{value}”不是有效的电话号码（手机号，或带区号的固定电话，如 0576-88001234转801）。",
        "{field} \"{value}\" is not a phone number (a mobile, or a landline with its area code, "
        "e.g. 0576-88001234转801).",
    ),
    "dutylog.not_found": ("找不到值班日志第 {id} 条。", "Duty log entry {id} not found."),
    "dutylog.no_incident": ("找不到事件（id {value}）。", "No incident with id {value}."),
    "duty.bad_shift_start": (
        "交接班时间“{value}”无效，应为 HH:MM（如 08:30）。",
        "The shift start \"{value}\" is not valid; use HH:MM (e.g. 08:30).",
    ),
    "duty.bad_late_minutes": (
        "迟到判定时间“{value}”无效，应为 0–1440 分钟。",
        "The grace before a late sign-in \"{value}\" must be 0 to 1440 minutes.",
    ),
    "checkin.already": ("{name} 已于 {when} 签到。", "{name} already signed in at {when}."),
    "handover.done": (
        "{day} 班已于 {when} 交接。", "The {day} shift was already handed over at {when}.",
    ),
    "handover.future": (
        "{day} 班尚未开始，不能交接。", "The {day} shift has not begun; it cannot be handed over.",
    ),
    "handover.same_person": (
        "交班人和接班人不能是同一人。", "The outgoing and incoming officers must be two people.",
    ),
    "handover.outgoing_failed": ("交班人：{detail}", "Outgoing officer: {detail}"),
    "handover.incoming_failed": ("接班人：{detail}", "Incoming officer: {detail}"),
    "handover.reason_needed": (
        "接班人“{name}”不在下一班的值班表上，须填写原因。",
        "{name} is not on the roster for the next shift; give a reason.",
    ),
    "carried.cleared": (
        "该交办事项已于 {when} 办结。", "This carried item was already cleared at {when}.",
    ),
    "presence.bad_rings": (
        "{field}须为 0–{max} 之间的整数。", "{field} must be a whole number from 0 to {max}.",
    ),
    "presence.no_unit": ("找不到单位（id {value}）。", "No unit with id {value}."),
    "daily.sent": (
        "已报送 {day} 节假日日报告，时限{outcome}。",
        "The daily report of {day} was sent; deadline {outcome}.",
    ),
    "daily.no_deadline": (
        "已报送 {day} 日报告并记入值班日志（当天没有待办的日报告时限）。",
        "The daily report of {day} was sent and logged (no open daily-report deadline that day).",
    ),
}
