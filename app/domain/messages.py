"""The catalog of messages made below the UI, in Simplified Chinese and English.

Validation errors, import problems and command-line sentences come from here, so the command
line and the windows say the same thing in the same words. Each message has a code; its
wording takes ``str.format`` fields. Chinese is the default language.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

_LANGUAGE = "zh_CN"

SUPPORTED_LANGUAGES = ("zh_CN", "en")

# code -> (Simplified Chinese, English)
CATALOG: dict[str, tuple[str, str]] = {
    # fields
    "field.office.name": ("单位名称", "office name"),
    "field.office.duty_phone": ("值班电话", "duty phone"),
    "field.office.fax": ("传真", "fax"),
    "field.office.timezone": ("时区", "time zone"),
    "field.user.username": ("用户名", "user name"),
    "field.user.password": ("密码", "password"),
    "field.user.role": ("用户角色", "user role"),
    "field.person.name": ("姓名", "name"),
    "field.person.title": ("职务", "title"),
    "field.person.mobile": ("手机", "mobile"),
    # validation
    "required": ("{field}不能为空。", "{field} is required."),
    "too_long": ("{field}不能超过 {max} 个字符。", "{field} must be at most {max} characters."),
    "bad_phone": (
        "{field}“{value}”不是有效的电话号码（只能包含数字、空格、“-”和“+”，至少 5 位数字）。",
        "{field} \"{value}\" is not a phone number (digits, spaces, '-' and '+' only, at least 5 digits).",
    ),
    "bad_timezone": ("{field}“{value}”不是已知的时区。", "{field} \"{value}\" is not a known time zone."),
    "bad_username": (
        "{field}只能包含字母、数字、“.”“_”“-”，长度 2–32。",
        "{field} may hold only letters, digits, '.', '_' and '-', 2 to 32 characters.",
    ),
    "username_taken": ("用户名“{value}”已被使用。", "The user name \"{value}\" is already taken."),
    "weak_password": ("密码至少 {min} 个字符。", "The password needs at least {min} characters."),
    "bad_role": ("未知的用户角色“{value}”。", "Unknown user role \"{value}\"."),
    "password_mismatch": ("两次输入的密码不一致。", "The two passwords differ."),
    # sign-in
    "signin_failed": ("用户名或密码不正确。", "Wrong user name or password."),
    "signin_throttled": (
        "密码错误次数过多，请在 {seconds} 秒后再试。",
        "Too many wrong passwords. Try again in {seconds} seconds.",
    ),
    "user_inactive": ("该用户已停用。", "This user has been deactivated."),
    "last_admin": (
        "不能停用或降级最后一名管理员。",
        "The last administrator cannot be deactivated or demoted.",
    ),
    # permissions and concurrency
    "forbidden": (
        "“{operator}”（{role}）无权执行此操作：需要{needed}角色。",
        "\"{operator}\" ({role}) may not do this: it needs the {needed} role.",
    ),
    "stale": (
        "这条记录已被其他人修改，请刷新后重试。",
        "Someone else changed this record meanwhile. Reload it and try again.",
    ),
    "not_found": ("找不到{what}。", "{what} not found."),
    # database health
    "db.missing": ("数据库文件不存在：{path}", "The database file does not exist: {path}"),
    "db.not_sqlite": (
        "{path} 不是 SQLite 数据库文件（文件头不对）。",
        "{path} is not an SQLite database file (wrong header).",
    ),
    "db.damaged": (
        "数据库文件已损坏：{detail}",
        "The database file is damaged: {detail}",
    ),
    "db.unreadable": ("无法读取数据库：{detail}", "The database cannot be read: {detail}"),
    "db.no_schema": (
        "数据库中没有 DutyDesk 的表结构版本。",
        "The database holds no DutyDesk schema version.",
    ),
    "db.schema_old": (
        "数据库结构版本为 {current}，程序需要 {head}；启动程序时会自动备份并升级。",
        "The schema is at version {current}, the program needs {head}; starting the program backs it up and upgrades it.",
    ),
    "db.schema_unknown": (
        "数据库结构版本 {current} 比本程序新或未知，请升级 DutyDesk。",
        "The schema version {current} is newer than this program or unknown; upgrade DutyDesk.",
    ),
    "db.healthy": (
        "数据库完好：结构版本 {version}，完整性检查通过，审计记录 {audit} 条链路完整。",
        "The database is healthy: schema {version}, integrity check passed, {audit} audit entries chained correctly.",
    ),
    "db.latest_backup": (
        "最近的完好备份：{path}（{when}）。恢复命令：dutydesk restore \"{path}\"",
        "Latest good backup: {path} ({when}). To restore it: dutydesk restore \"{path}\"",
    ),
    "db.no_backup": ("没有可用的完好备份。", "No good backup is available."),
    "audit.broken": (
        "审计记录链在第 {id} 条处断开：{reason}",
        "The audit trail's chain breaks at entry {id}: {reason}",
    ),
    "audit.reason.hash": ("内容与哈希不符（记录被改动）", "its content does not match its hash (the entry was altered)"),
    "audit.reason.prev": (
        "前一条哈希不符（前面的记录被删除或改动）",
        "the previous hash does not match (an earlier entry was deleted or altered)",
    ),
    "audit.reason.head": (
        "链头与最后一条记录不符（末尾的记录被删除）",
        "the chain head does not match the last entry (entries at the end were deleted)",
    ),
    "backup.done": ("备份已写入 {path}", "Backup written to {path}"),
    "backup.refused": (
        "数据库未通过完整性检查，不做备份：{detail}",
        "The database failed its integrity check, so no backup was taken: {detail}",
    ),
    "restore.done": (
        "已从 {source} 恢复数据库；被替换的文件保存在 {kept}",
        "Restored the database from {source}; the replaced file is kept at {kept}",
    ),
    "restore.bad_file": ("不能用 {path} 恢复：{detail}", "Cannot restore from {path}: {detail}"),
    "restore.not_sqlite_target": (
        "restore 只适用于 SQLite 数据库文件。",
        "restore works only on an SQLite database file.",
    ),
    "db.locked": (
        "数据库正被其他程序占用，请稍后再试：{detail}",
        "The database is in use by another program; try again shortly: {detail}",
    ),
    "demo.not_empty": (
        "数据库中已有数据；如要覆盖，请加 --force。",
        "The database already holds data; add --force to replace it.",
    ),
    "demo.done": (
        "演示单位已生成：{orgs} 个单位，{people} 人。演示用户（用户名 / 密码 / 角色）：",
        "Demo office created: {orgs} units, {people} people. Demo users (user name / password / role):",
    ),
    "office.not_set_up": (
        "尚未设置单位信息，请先启动程序完成首次设置，或运行 dutydesk demo。",
        "The office is not set up yet: start the program for the first-run setup, or run dutydesk demo.",
    ),
    "restore.app_running": (
        "DutyDesk 正在使用该数据库（{marker}），请先关闭程序再恢复。",
        "DutyDesk has this database open ({marker}); close the program before restoring.",
    ),
    "cli.postgres_no_file": (
        "该命令只适用于 SQLite 数据库文件；PostgreSQL 请用 pg_dump / pg_restore。",
        "This command works only on an SQLite database file; for PostgreSQL use pg_dump / pg_restore.",
    ),
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
    # incidents
    "incident.missing": ("缺少必报要素：{name}（{field}）", "Missing required element: {name} ({field})"),
    "incident.bad_value": (
        "{name}（{field}）的值“{value}”无效{hint}", "{name} ({field}): \"{value}\" is not valid{hint}",
    ),
    "incident.unknown_field": ("未知字段“{field}”", "Unknown field \"{field}\""),
    "incident.not_json": ("不是有效的 JSON：{detail}", "Not valid JSON: {detail}"),
    "incident.closed": ("事件 {number} 已终报办结。", "Incident {number} is closed (final report sent)."),
    "incident.not_found": ("找不到事件 {number}。", "No incident {number}."),
    "report.not_found": ("事件 {number} 没有{kind}{seq}。", "Incident {number} has no {kind} report {seq}."),
    "report.already_sent": ("该报告已于 {when} 报送。", "This report was already sent at {when}."),
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
    "cli.unexpected": (
        "意外错误：{detail}（详情见日志 {log}）",
        "Unexpected error: {detail} (details in the log {log})",
    ),
}


def set_language(language: str) -> None:
    """Choose the language of every message made below the UI."""
    global _LANGUAGE
    if language not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {language!r}")
    _LANGUAGE = language


def language() -> str:
    return _LANGUAGE


def text(code: str, **fields: object) -> str:
    """The message ``code`` in the current language, with ``fields`` filled in."""
    zh, en = CATALOG[code]
    template = zh if _LANGUAGE == "zh_CN" else en
    return template.format(**fields)


def field_name(code: str) -> str:
    """A field's glossary term in the current language."""
    return text(f"field.{code}")


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a user's input: a message code, the field it names and its values."""

    code: str
    field: str | None = None
    values: dict[str, object] = dataclasses.field(default_factory=dict)

    def message(self) -> str:
        values = dict(self.values)
        if self.field is not None:
            values.setdefault("field", field_name(self.field))
        return text(self.code, **values)
