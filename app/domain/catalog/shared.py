"""Messages of the shared office: clocks, workstations, the server connection, signing in on
the command line, and the server's health check."""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # durations
    "clock.hours_minutes": ("{hours} 小时 {minutes} 分", "{hours} h {minutes} min"),
    "clock.minutes_seconds": ("{minutes} 分 {seconds} 秒", "{minutes} min {seconds} s"),
    "clock.seconds": ("{seconds} 秒", "{seconds} s"),
    # clock jumps and skew
    "clock.jumped_back": (
        "系统时钟向后跳了 {amount}：本程序继续按连续的时间计时，时限判定不受影响。请核对系统时间。",
        "The system clock went back {amount}: DutyDesk keeps counting its own continuous time, "
        "so deadlines are judged as before. Check the system time.",
    ),
    "clock.jumped_forward": (
        "系统时钟向前跳了 {amount}：本程序继续按连续的时间计时，时限判定不受影响。请核对系统时间。",
        "The system clock jumped forward {amount}: DutyDesk keeps counting its own continuous "
        "time, so deadlines are judged as before. Check the system time.",
    ),
    "clock.behind_record": (
        "系统时钟比数据库中最后一条记录早 {amount}：本程序从最后记录的时间起计时。请核对系统时间。",
        "The system clock is {amount} behind the last record in the database: DutyDesk counts on "
        "from the time last recorded. Check the system time.",
    ),
    "clock.skew_ahead": (
        "本机时钟比服务器快 {amount}：记录一律使用服务器时间。请核对本机时间。",
        "This machine's clock is {amount} ahead of the server's: records carry the server's "
        "time. Check this machine's time.",
    ),
    "clock.skew_behind": (
        "本机时钟比服务器慢 {amount}：记录一律使用服务器时间。请核对本机时间。",
        "This machine's clock is {amount} behind the server's: records carry the server's "
        "time. Check this machine's time.",
    ),
    # the command line on a shared server
    "sign_in_required": ("需要先登录才能修改数据。", "Sign in first to change anything."),
    "cli.sign_in_needed": (
        "在共享服务器上写入数据需要登录：请在命令前加 --user 用户名（密码取自系统密钥环、终端提示或环境变量 DUTYDESK_PASSWORD）。",
        "Writing to a shared server needs a sign-in: put --user NAME before the command (the "
        "password comes from the system keyring, a prompt on a terminal, or DUTYDESK_PASSWORD).",
    ),
    "cli.no_password": (
        "没有用户“{user}”的密码：请设置环境变量 DUTYDESK_PASSWORD，或存入系统密钥环（服务 dutydesk，账户 {key}），或在终端中运行以输入密码。",
        "No password for user \"{user}\": set DUTYDESK_PASSWORD, store it in the system keyring "
        "(service dutydesk, account {key}), or run on a terminal to type it.",
    ),
    "cli.password_prompt": ("用户 {user} 的密码：", "Password of {user}: "),
    # the server connection
    "live.lost": (
        "与数据库服务器的连接已断开：报警仍在本机继续，正在输入的内容保留在本机。第 {attempt} 次重连将在 {seconds} 秒后进行。",
        "The connection to the database server is lost: alarms keep ringing here and what you "
        "type stays on this machine. Reconnecting (attempt {attempt}) in {seconds} s.",
    ),
    "live.back": (
        "已重新连接数据库服务器（中断 {seconds} 秒）。",
        "Connected to the database server again (away for {seconds} s).",
    ),
    # change events, as watch prints them
    "event.incident_recorded": ("事件已登记", "incident recorded"),
    "event.incident_changed": ("事件已更新", "incident changed"),
    "event.report_written": ("报告已生成", "report written"),
    "event.report_sent": ("报告已报送", "report sent"),
    "event.deadline_created": ("时限已设立", "deadline created"),
    "event.deadline_moved": ("时限已调整", "deadline moved"),
    "event.deadline_met": ("时限已完成", "deadline met"),
    "event.deadline_acknowledged": ("提醒已确认", "alarm acknowledged"),
    "event.deadline_closed": ("时限已关闭", "deadline closed"),
    "event.log_entry": ("值班日志新记录", "duty log entry"),
    "event.handover": ("已交接班", "shift handed over"),
    "event.duty_log_changed": ("值班记录变动", "duty records changed"),
    "event.roster_changed": ("值班安排变动", "roster changed"),
    "event.contacts_changed": ("通讯录变动", "contacts changed"),
    "event.settings_changed": ("设置变动", "settings changed"),
    "event.signed_in": ("用户登录", "signed in"),
    "event.signed_out": ("用户退出", "signed out"),
    "event.clock_jump": ("时钟异常", "clock jump"),
    "event.workstation_register": ("工作站上线", "workstation started"),
    "event.workstation_operator": ("工作站换人", "operator changed at a workstation"),
    "event.workstation_leave": ("工作站下线", "workstation closed"),
    "event.other": ("数据变动", "data changed"),
    "watch.line": ("{at}  {what}  {key}  操作员：{operator}{where}", "{at}  {what}  {key}  by {operator}{where}"),
    "watch.where": ("（工作站 {workstation}）", " (workstation {workstation})"),
    "watch.listening": (
        "正在监听数据库的变动（按 Ctrl+C 结束）……", "Listening for changes (Ctrl+C ends)…"),
    # check on a server
    "check.server": ("数据库服务器：{server}", "Database server: {server}"),
    "check.schema": ("数据库结构版本 {version}：正确。", "Schema version {version}: current."),
    "check.audit": ("审计记录链：{count} 条，完整。", "Audit trail chain: {count} entries, intact."),
    "check.dutylog": ("值班日志链：{count} 条，完整。", "Duty log chain: {count} entries, intact."),
    "check.foreign_keys": (
        "外键：{tables} 张表的 {count} 个外键约束均存在且已生效，无悬空引用。",
        "Foreign keys: the {count} constraints of {tables} tables are all in place and "
        "validated; no dangling reference.",
    ),
    "check.fk_missing": (
        "外键约束缺失：{table}.{column} → {target}。",
        "Foreign key missing: {table}.{column} → {target}.",
    ),
    "check.fk_invalid": (
        "外键约束未生效（NOT VALID）：{name}。",
        "Foreign key not validated (NOT VALID): {name}.",
    ),
    "check.fk_orphans": (
        "{table}.{column} 有 {count} 行指向不存在的 {target}。",
        "{table}.{column}: {count} rows point at a missing {target}.",
    ),
    "check.counters": (
        "编号计数器：{count} 个，均不落后于已用编号。",
        "Number counters: {count}, none behind the numbers in use.",
    ),
    "check.counter_behind": (
        "编号计数器 {name} 为 {value}，落后于已用的最大编号 {held}。",
        "Number counter {name} is at {value}, behind the highest number in use, {held}.",
    ),
    "check.clock": (
        "时钟：本机与服务器相差 {amount}。",
        "Clock: this machine and the server differ by {amount}.",
    ),
    "check.clock_off": (
        "时钟：本机与服务器相差 {amount}，超过 1 分钟，请校准本机时间。",
        "Clock: this machine and the server differ by {amount}, more than a minute; set this "
        "machine's time right.",
    ),
    "check.no_jumps": ("时钟异常：无记录。", "Clock jumps: none recorded."),
    "check.jumps": ("时钟异常：共记录 {count} 次，最近的：", "Clock jumps: {count} recorded; the latest:"),
    "check.jump_line": (
        "  {at}（{actor}）系统时钟偏差 {amount}{start}",
        "  {at} ({actor}) the system clock was off by {amount}{start}",
    ),
    "check.jump_at_start": ("，启动时发现", ", found at start"),
    "check.anchors": ("链锚：{detail}", "Chain anchors: {detail}"),
    "check.server_ok": ("服务器数据库检查通过。", "The server database passed the check."),
}
