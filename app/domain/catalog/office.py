"""Messages of the office: its settings, users and sign-in, the database, its backups and
the audit trail, and the demo office.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # fields
    "field.office.name": ("单位名称", "office name"),
    "field.office.duty_phone": ("值班电话", "duty phone"),
    "field.office.fax": ("传真", "fax"),
    "field.office.timezone": ("时区", "time zone"),
    "field.user.username": ("用户名", "user name"),
    "field.user.password": ("密码", "password"),
    "field.user.role": ("用户角色", "user role"),
    # the office and its users
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
    # the database, its backups and the audit trail
    "db.missing": ("数据库文件不存在：{path}", "The database file does not exist: {path}"),
    "db.not_sqlite": (
        "{path} 不是 SQLite 数据库文件（文件头不对）。",
        "{path} is not an SQLite database file (wrong header).",
    ),
    "db.damaged": (
        "数据库文件已损坏（完整性检查未通过）。",
        "The database file is damaged (its integrity check failed).",
    ),
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
        "最近的完好备份：{path}（{when}）。",
        "Latest good backup: {path} ({when}).",
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
    # the demo office
    "demo.not_empty": (
        "数据库中已有数据；如要覆盖，请加 --force。",
        "The database already holds data; add --force to replace it.",
    ),
    "demo.done": (
        "演示单位已生成：{orgs} 个单位，{people} 人。演示用户（用户名 / 密码 / 角色）：",
        "Demo office created: {orgs} units, {people} people. Demo users (user name / password / role):",
    ),
    # the database, its backups and the audit trail
    "office.not_set_up": (
        "尚未设置单位信息，请先启动程序完成首次设置，或运行 dutydesk demo。",
        "The office is not set up yet: start the program for the first-run setup, or run dutydesk demo.",
    ),
    "cli.postgres_no_file": (
        "该命令只适用于 SQLite 数据库文件；PostgreSQL 请用 pg_dump / pg_restore。",
        "This command works only on an SQLite database file; for PostgreSQL use pg_dump / pg_restore.",
    ),
}
