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
    "field.person.office_phone": ("办公电话", "office phone"),
    "field.person.duty_phone": ("值班电话", "duty phone"),
    "field.person.home_phone": ("住宅电话", "home phone"),
    "field.person.fax_phone": ("传真", "fax"),
    "field.person.organization": ("单位", "organization"),
    "field.person.notes": ("备注", "notes"),
    "field.person.tags": ("类别", "tags"),
    "field.organization.name": ("单位名称", "unit name"),
    "field.organization.parent": ("上级单位", "parent unit"),
    "field.organization.kind": ("单位类型", "kind of unit"),
    "field.organization.duty_phone": ("值班电话", "duty phone"),
    "field.organization.fax": ("传真", "fax"),
    "field.organization.address": ("地址", "address"),
    "field.absence": ("外出报备", "absence notice"),
    "field.absence.starts_on": ("外出日期", "first day away"),
    "field.absence.ends_on": ("返回日期", "last day away"),
    "field.absence.kind": ("外出类型", "kind of absence"),
    "field.absence.place": ("去向", "destination"),
    "field.absence.deputy": ("代理人", "deputy"),
    "field.expert.specialties": ("专长", "specialties"),
    "field.expert.subtypes": ("擅长的事件子类", "incident sub-types"),
    "field.team.name": ("队伍名称", "team name"),
    "field.team.kind": ("队伍类型", "kind of team"),
    "field.team.headcount": ("人数", "headcount"),
    "field.team.status": ("状态", "status"),
    "field.team.phone": ("联系电话", "phone"),
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
    "bad_choice": ("{field}“{value}”不是可选的值。", "{field} \"{value}\" is not one of the choices."),
    "bad_number": ("{field}必须是不小于 0 的整数。", "{field} must be a whole number, 0 or more."),
    # contact book
    "absence.ends_before_start": ("{field}不能早于外出日期。", "The {field} cannot be before the first day away."),
    "absence.too_long": ("一次外出报备不能超过 {max} 天。", "One absence notice cannot exceed {max} days."),
    "absence.self_deputy": ("代理人不能是本人。", "The deputy cannot be the person themselves."),
    "person.in_use": (
        "“{name}”仍被用户、外出报备或值班表引用，不能删除。",
        "\"{name}\" is still named by a user, an absence notice or the roster and cannot be deleted.",
    ),
    "unit.has_children": (
        "“{name}”下还有 {count} 个下级单位，不能删除；请先删除或移走下级单位。",
        "\"{name}\" still has {count} units below it and cannot be deleted; delete or move them first.",
    ),
    "unit.has_people": (
        "“{name}”还有 {count} 名联系人，不能删除；请先删除这些联系人或将其调到其他单位。",
        "\"{name}\" still has {count} people and cannot be deleted; delete them or move them to another unit first.",
    ),
    "unit.in_use": (
        "“{name}”仍被本单位设置、救援队伍、电话记录或事件引用，不能删除。",
        "\"{name}\" is still named by the office settings, a rescue team, a call record or an incident and cannot be deleted.",
    ),
    "unit.cycle": ("上级单位不能是本单位或其下级单位。", "The parent unit cannot be the unit itself or one below it."),
    "import.unreadable": ("无法读取 {path}：{detail}", "Cannot read {path}: {detail}"),
    "import.no_header": (
        "找不到表头行：前 {rows} 行中没有同时包含“姓名”和“单位”的行。",
        "No header row: none of the first {rows} rows names both 姓名 and 单位.",
    ),
    "import.missing_column": (
        "第 {row} 行（表头）缺少“{column}”列。",
        "The header (row {row}) has no \"{column}\" column.",
    ),
    "import.duplicate_column": (
        "第 {row} 行 {col} 列：表头“{column}”重复（已在 {first} 列）。",
        "Row {row}, column {col}: the header \"{column}\" repeats (already in column {first}).",
    ),
    "import.no_rows": ("文件中没有联系人数据。", "The file holds no contacts."),
    "import.cell_required": ("第 {row} 行 {col} 列：{column}不能为空。", "Row {row}, column {col}: {column} is required."),
    "import.cell_too_long": (
        "第 {row} 行 {col} 列：{column}不能超过 {max} 个字符。",
        "Row {row}, column {col}: {column} must be at most {max} characters.",
    ),
    "import.cell_bad_phone": (
        "第 {row} 行 {col} 列：{column}“{value}”不是有效的电话号码。",
        "Row {row}, column {col}: {column} \"{value}\" is not a phone number.",
    ),
    "import.cell_bad_tag": (
        "第 {row} 行 {col} 列：未知的类别“{value}”（可用：领导、值班员、专家、队员）。",
        "Row {row}, column {col}: unknown tag \"{value}\" (use 领导, 值班员, 专家 or 队员).",
    ),
    "import.cell_ambiguous_unit": (
        "第 {row} 行 {col} 列：有 {count} 个单位名为“{value}”，请写出上级单位，如“{example}”。",
        "Row {row}, column {col}: {count} units are named \"{value}\"; name the parent too, as in \"{example}\".",
    ),
    "import.duplicate_row": (
        "第 {row} 行：与第 {first} 行是同一单位的同一人。",
        "Row {row}: the same person of the same unit as row {first}.",
    ),
    "import.done": (
        "导入完成：新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人，新建单位 {units} 个。",
        "Imported: {added} added, {updated} updated, {unchanged} unchanged, {units} new units.",
    ),
    "import.dry_run": (
        "检查通过（未写入）：将新增 {added} 人，更新 {updated} 人，未变 {unchanged} 人，新建单位 {units} 个。",
        "The file is good (nothing written): {added} to add, {updated} to update, {unchanged} unchanged, {units} new units.",
    ),
    "contacts.exported": ("已导出 {count} 人到 {path}", "Exported {count} people to {path}"),
    "contacts.template": ("导入模板已写入 {path}", "Import template written to {path}"),
    "contacts.none": ("没有找到“{query}”。", "Nothing found for \"{query}\"."),
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
        "这条记录已被他人修改，请刷新后重试。",
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
    "db.busy": (
        "数据库正忙（另一个程序正在写入），请稍后重试。",
        "The database is busy (another program is writing); try again shortly.",
    ),
    "db.disk_full": (
        "磁盘已满，数据没有保存。请清理磁盘空间后重试。",
        "The disk is full; nothing was saved. Free some disk space and try again.",
    ),
    "db.read_only": (
        "数据库文件是只读的，无法保存。请检查文件权限后重试。",
        "The database file is read-only; nothing was saved. Check its permissions and try again.",
    ),
    "db.io_error": (
        "读写数据库时发生磁盘错误，数据没有保存。请稍后重试。",
        "A disk error occurred while using the database; nothing was saved. Try again shortly.",
    ),
    "db.server_gone": (
        "无法连接数据库服务器，请检查网络后重试。",
        "The database server cannot be reached; check the network and try again.",
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
    # roster: fields, roles, tiers
    "field.shift.name": ("班次名称", "shift name"),
    "field.shift.length": ("班次时长", "shift length"),
    "field.shift.roles": ("各岗位人数", "places per role"),
    "field.pool.tier": ("领导级别", "leader tier"),
    "field.pool.person": ("值班名单人员", "pool member"),
    "field.rules.min_rest_hours": ("两班之间最短休息（小时）", "minimum rest between shifts (hours)"),
    "field.rules.monthly_max": ("每人每月最多值班次数", "monthly maximum of duties"),
    "field.rules.holiday_leader_tier": ("节假日带班领导级别", "leader tier on holidays"),
    "field.rules.filing_days_before": ("节前报备提前天数", "days before a holiday to file"),
    "field.calendar.name": ("节日名称", "holiday name"),
    "field.calendar.date": ("日期", "date"),
    "field.period.name": ("敏感时期名称", "sensitive period name"),
    "field.period.note": ("备注", "note"),
    "field.period.ends_on": ("结束日期", "end date"),
    "field.period.leader_tier": ("带班领导级别", "leader tier"),
    "field.filing.first_day": ("节日首日", "first day of the holiday"),
    "field.filing.due_on": ("报备日期", "filing date"),
    "field.assignment": ("值班安排", "assignment"),
    "field.assignment.note": ("备注", "note"),
    "field.roster.from": ("开始日期", "start date"),
    "field.roster.to": ("结束日期", "end date"),
    "field.swap": ("调班申请", "swap request"),
    "field.swap.to_person": ("替班人员", "the colleague taking over"),
    "field.swap.reason": ("调班理由", "reason"),
    "role.chief_leader": ("总带班领导", "chief leader on duty"),
    "role.leader": ("带班领导", "leader on duty"),
    "role.supervisor": ("值班长", "shift supervisor"),
    "role.officer": ("值班员", "duty officer"),
    "role.standby": ("备班", "standby"),
    "tier.1": ("中层干部", "middle manager"),
    "tier.2": ("班子成员", "member of the leadership"),
    "tier.3": ("主要负责人", "head of the office"),
    # roster: validation
    "roster.bad_length": ("{field}须在 30 分钟到 24 小时之间（现为 {value} 分钟）。",
                          "{field} must be between 30 minutes and 24 hours (it is {value} minutes)."),
    "roster.bad_roles": ("{field}须在 0–20 之间，且至少有一个岗位。",
                         "{field} must be 0 to 20, with at least one place."),
    "roster.bad_tier": ("{field}“{value}”无效，应为 1、2 或 3。", "{field} \"{value}\" is not 1, 2 or 3."),
    "roster.bad_number": ("{field}“{value}”超出允许范围。", "{field} \"{value}\" is out of range."),
    "roster.bad_range": ("{field}早于开始日期。", "The {field} is before the start date."),
    "roster.range_too_long": ("一次最多排 {days} 天。", "At most {days} days at a time."),
    "roster.bad_date": ("“{value}”不是日期（格式 YYYY-MM-DD）。", "\"{value}\" is not a date (YYYY-MM-DD)."),
    "roster.bad_datetime": ("“{value}”不是时间（ISO 8601，如 2026-11-28T09:30）。",
                            "\"{value}\" is not a time (ISO 8601, e.g. 2026-11-28T09:30)."),
    "roster.no_shift": ("没有启用的班次，请先在设置中建立班次。", "No shift is active; set one up in the settings first."),
    "calendar.wrong_year": ("{field}“{value}”不在 {year} 年。", "{field} \"{value}\" is not in {year}."),
    "period.ends_before": ("{field}早于开始日期。", "The {field} is before the start date."),
    "filing.no_holiday": ("{value} 不是节假日的第一天。", "{value} is not the first day of a holiday."),
    "filing.after_holiday": ("{field} {value} 晚于节日首日。", "The {field} {value} is after the holiday begins."),
    # roster: the generator's report
    "roster.report.header": (
        "{start} 至 {end}：新排 {created} 人次，保留 {kept} 人次，删除 {removed} 人次。",
        "{start} to {end}: {created} duties assigned, {kept} kept, {removed} removed.",
    ),
    "roster.report.unknown_year": (
        "注意：{year} 年的法定节假日和调休安排尚未录入（国务院通知未公布或未录入），本次按普通周末排班，"
        "没有推测节假日。通知公布后请在“设置 → 节假日”中录入，再重新排班。",
        "Note: the public holidays and make-up working days of {year} are not known (the State "
        "Council notice is not out or not entered), so weekends only were used and no holiday was "
        "guessed. Enter the notice under Settings → Calendar once published, then generate again.",
    ),
    "roster.report.empty_header": ("空缺 {n} 处：", "{n} empty places:"),
    "roster.report.empty": ("  {date} {shift} {role}：无人可排（{reasons}）",
                            "  {date} {shift} {role}: nobody available ({reasons})"),
    "roster.report.no_empty": ("没有空缺。", "No empty places."),
    "roster.report.counts_header": ("各人值班次数（工作日 / 周末 / 节假日）：",
                                    "Duties per person (weekday / weekend / holiday):"),
    "roster.report.count": ("  {role} {name}：{weekday} / {weekend} / {holiday} 次",
                            "  {role} {name}: {weekday} / {weekend} / {holiday}"),
    "roster.report.violations_header": ("违反规则 {n} 处：", "{n} rules broken:"),
    "roster.report.no_violations": ("没有违反规则。", "No rule is broken."),
    "roster.reason.unavailable": ("外出报备 {n} 人", "{n} away"),
    "roster.reason.busy": ("同时段已排 {n} 人", "{n} already on this shift"),
    "roster.reason.rest": ("休息不足 {n} 人", "{n} without enough rest"),
    "roster.reason.monthly_max": ("本月已满 {n} 人", "{n} at the monthly maximum"),
    "roster.reason.no_pool": ("该岗位没有值班名单", "no pool for this role"),
    "roster.rule.empty": ("{date}{shift}：{role}缺 {missing} 人", "{date}{shift}: {missing} {role} missing"),
    "roster.rule.missing_leader": ("{date}{shift}：没有带班领导", "{date}{shift}: no leader on duty"),
    "roster.rule.leader_tier": ("{date}{shift}：须由{tier}带班，{name}级别不够",
                                "{date}{shift}: a {tier} must lead; {name} is not one"),
    "roster.rule.double_booking": ("{date}{shift}：{name}同一时间重复排班",
                                   "{date}{shift}: {name} is booked twice at once"),
    "roster.rule.rest": ("{date}{shift}：{name}两班之间只休息 {hours} 小时（至少 {min} 小时）",
                         "{date}{shift}: {name} rests only {hours} h between shifts (at least {min} h)"),
    "roster.rule.unavailable": ("{date}{shift}：{name}在外出报备期间", "{date}{shift}: {name} is away (absence notice)"),
    "roster.rule.monthly_max": ("{date}{shift}：{name}在 {month} 值班 {count} 次，超过上限 {max} 次",
                                "{date}{shift}: {name} has {count} duties in {month}, more than {max}"),
    "roster.rule.not_in_pool": ("{date}{shift}：{name}不在{role}名单中", "{date}{shift}: {name} is not in the {role} pool"),
    # roster: command line and documents
    "roster.show.current": ("当前值班（{date} {shift}，{starts} 至 {ends}）：",
                            "On duty now ({date} {shift}, {starts} to {ends}):"),
    "roster.show.next": ("下一班（{date} {shift}，{starts} 起）：", "Next shift ({date} {shift}, from {starts}):"),
    "roster.show.person": ("  {role}：{name}  电话 {phone}", "  {role}: {name}  {phone}"),
    "roster.show.nobody": ("  （未排班）", "  (nobody assigned)"),
    "roster.show.none": ("此时没有班次。", "No shift runs at that time."),
    "roster.export.done": ("值班安排表已写入 {path}（{rows} 行）。", "Roster written to {path} ({rows} rows)."),
    "roster.ics.done": ("日历文件已写入 {path}（{events} 个班次）。", "Calendar written to {path} ({events} shifts)."),
    "roster.import.done": ("已导入 {dates} 天、{people} 人次，替换原有 {replaced} 人次。",
                           "Imported {dates} days, {people} duties; {replaced} held duties replaced."),
    "roster.import.dry_run": ("检查通过：可导入 {dates} 天、{people} 人次，将替换原有 {replaced} 人次。未写入（--dry-run）。",
                              "The file is good: {dates} days, {people} duties, replacing {replaced} held duties. Nothing written (--dry-run)."),
    "roster.import.not_workbook": ("{path} 不是可读取的 Excel 工作簿（.xlsx）：{detail}",
                                   "{path} is not a readable Excel workbook (.xlsx): {detail}"),
    "roster.import.no_header": ("找不到表头行（须有“日期”“带班领导”“值班员”等列）。",
                                "No header row found (it needs columns such as 日期, 带班领导, 值班员)."),
    "roster.import.missing_column": ("第 {row} 行（表头）：缺少“{column}”列。",
                                     "Row {row} (header): the column \"{column}\" is missing."),
    "roster.import.bad_date": ("第 {row} 行 {col} 列：“{value}”不是日期。",
                               "Row {row}, column {col}: \"{value}\" is not a date."),
    "roster.import.duplicate_date": ("第 {row} 行 {col} 列：{value} 已在第 {first} 行出现。",
                                     "Row {row}, column {col}: {value} already appears in row {first}."),
    "roster.import.unknown_shift": ("第 {row} 行 {col} 列：没有名为“{value}”的班次。",
                                    "Row {row}, column {col}: there is no shift named \"{value}\"."),
    "roster.import.unknown_person": ("第 {row} 行 {col} 列：通讯录中没有“{value}”。",
                                     "Row {row}, column {col}: \"{value}\" is not in the contact book."),
    "roster.import.ambiguous_person": (
        "第 {row} 行 {col} 列：通讯录中有 {n} 人名为“{value}”，请在手机列按同样顺序写明其手机号。",
        "Row {row}, column {col}: {n} people are named \"{value}\"; give their mobile in the phone column, in the same order.",
    ),
    "roster.import.note_without_people": ("第 {row} 行 {col} 列：该行没有值班人员，备注无处保存。",
                                          "Row {row}, column {col}: the row has nobody on duty to keep the note with."),
    "swap.not_yours": ("值班员只能为自己的班次申请调班或撤回自己的申请。",
                       "An officer may ask for a swap only of their own duty, and withdraw only their own request."),
    "swap.same_person": ("{field}不能是原值班人本人。", "The {field} cannot be the person already on duty."),
    "swap.other_mismatch": ("互换的班次不是{field}的班次。", "The duty to trade is not the {field}'s."),
    "swap.not_pending": ("该调班申请已处理。", "This swap request has already been decided."),
    "swap.gone": ("相关班次已被改动或删除，无法执行此调班，请重新申请。",
                  "The duty has changed or is gone since the request; ask again."),
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
