"""Messages of data safety: one program per database, backups and restore, the start-up
checks, a server that cannot be reached, chain anchors and hostile files.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "field.db": ("数据库（--db）", "database (--db)"),
    "field.anchor": ("链锚码", "anchor code"),
    "field.file": ("文件", "file"),
    "field.limit": ("条数（--limit）", "count (--limit)"),
    "field.at": ("时间（--at）", "time (--at)"),
    "field.date": ("日期（--date）", "date (--date)"),
    "db.bad_url": (
        "{field}“{value}”不是可用的数据库地址（文件路径，或如 postgresql+psycopg://用户@主机/库名）。",
        "{field} \"{value}\" is not a usable database address (a file path, or e.g. postgresql+psycopg://user@host/db).",
    ),
    # one program per database
    "instance.cannot_lock": (
        "无法在 {path} 建立程序锁（文件夹只读或磁盘已满）。",
        "Cannot create the program lock {path} (the folder is read-only or the disk is full).",
    ),
    "instance.in_use": (
        "DutyDesk 正在使用此数据库（{path}），请先关闭程序再执行此操作。",
        "DutyDesk has this database open ({path}); close the program first.",
    ),
    # the database file
    "db.missing_file": (
        "数据库文件不存在：{path}。请检查 --db 是否写错；新建数据库请启动程序或运行 dutydesk --db \"{path}\" demo。",
        "The database file does not exist: {path}. Check --db for a typing mistake; to create a database, start the program or run dutydesk --db \"{path}\" demo.",
    ),
    "db.is_dir": (
        "{path} 是一个文件夹，不是数据库文件。",
        "{path} is a folder, not a database file.",
    ),
    "db.writes_stopped": (
        "数据库文件已损坏，已停止写入以免损坏扩大。请恢复最近的完好备份。",
        "The database file is damaged; writing has stopped so the damage spreads no further. Restore the latest good backup.",
    ),
    "db.cannot_open": (
        "无法打开数据库文件 {path}（权限不足、磁盘错误或路径无效）。",
        "Cannot open the database file {path} (no permission, a disk error or an invalid path).",
    ),
    "db.cannot_open_any": (
        "无法打开数据库文件（权限不足、磁盘错误或路径无效），请检查后重试。",
        "Cannot open the database file (no permission, a disk error or an invalid path); check it and try again.",
    ),
    "db.server_unreachable": (
        "无法连接数据库服务器 {host}:{port}：{reason}",
        "The database server {host}:{port} cannot be reached: {reason}",
    ),
    "db.restore_command": (
        "恢复命令：dutydesk --db \"{db}\" restore \"{path}\"",
        "To restore it: dutydesk --db \"{db}\" restore \"{path}\"",
    ),
    # backup and restore
    "output.is_database": (
        "{field}“{value}”是正在使用的数据库（或其附属文件），不能写入。",
        "{field} \"{value}\" is the database in use (or one of its files); it cannot be written.",
    ),
    "backup.self_target": (
        "{field}“{value}”就是正在使用的数据库（或其附属文件），不能作为备份目标。",
        "{field} \"{value}\" is the live database (or one of its files); it cannot be the backup target.",
    ),
    "backup.failed": (
        "无法写入备份 {path}（磁盘已满、只读或路径无效），未留下不完整的文件。",
        "Cannot write the backup {path} (disk full, read-only or an invalid path); no partial file was left.",
    ),
    "backup.before_demo": (
        "已先备份原有数据库：{path}",
        "The database was backed up first: {path}",
    ),
    "restore.no_file": ("备份文件不存在：{path}", "The backup file does not exist: {path}"),
    "restore.is_dir": ("{path} 是一个文件夹，请给出备份文件。", "{path} is a folder; give a backup file."),
    "restore.same_file": (
        "{path} 就是要被替换的数据库 {db}（同一文件、链接或附属文件），不能用它恢复自身。",
        "{path} is the database {db} itself (the same file, a link or one of its files); it cannot be restored onto itself.",
    ),
    "restore.failed": (
        "恢复 {path} 时出错（磁盘已满或只读）；原数据库保持不变。",
        "Restoring {path} failed (disk full or read-only); the database was left as it was.",
    ),
    # chain anchors
    "anchor.healthy": (
        "链锚 {count} 个均与记录链相符。",
        "All {count} chain anchors lie on the chains.",
    ),
    "anchor.none": (
        "尚无链锚（交接班、备份时自动记录）。",
        "No chain anchors yet (they are recorded at each handover and backup).",
    ),
    "anchor.broken": (
        "链锚不再相符：{source}（{when}，{why}）记录的{chain}第 {seq} 条{reason}。记录链在此之前已被改写或截断。",
        "A chain anchor no longer matches: {source} ({when}, {why}) recorded {chain} entry {seq}, which {reason}. The chain was rewritten or cut before that point.",
    ),
    "anchor.reason.missing": ("已不存在", "is gone"),
    "anchor.reason.changed": ("已被改写", "was rewritten"),
    "anchor.chain.audit": ("审计记录", "audit trail"),
    "anchor.chain.duty_log": ("值班日志", "duty log"),
    "anchor.source.file": ("链锚文件第 {line} 行", "line {line} of the anchors file"),
    "anchor.source.table": ("链锚表第 {id} 条", "entry {id} of the anchors table"),
    "anchor.source.backup": ("备份 {name}", "the backup {name}"),
    "anchor.source.code": ("链锚码 {anchor}", "the anchor code {anchor}"),
    "anchor.why.handover": ("交接班", "handover"),
    "anchor.why.backup": ("备份", "backup"),
    "anchor.why.close": ("程序关闭", "program closed"),
    "anchor.why.verified": ("全链校验通过", "chains verified whole"),
    "anchor.why.restore": ("恢复", "restore"),
    "anchor.why.reset": ("重建演示数据", "demo reset"),
    "anchor.why.code": ("打印的链锚码", "printed code"),
    "anchor.code_ok": (
        "链锚码 {anchor} 与记录链相符（审计记录第 {audit} 条、值班日志第 {log} 条）。",
        "The anchor code {anchor} lies on the chains (audit entry {audit}, duty log entry {log}).",
    ),
    "anchor.bad_code": (
        "{field}“{value}”格式不对，应如 1234-567-8F3KQ-M2X9P。",
        "{field} \"{value}\" is not an anchor code; it looks like 1234-567-8F3KQ-M2X9P.",
    ),
    "anchor.code_mismatch": (
        "链锚码 {anchor} 与记录链不符：审计记录第 {audit} 条或值班日志第 {log} 条已被改写或删除。",
        "The anchor code {anchor} does not lie on the chains: audit entry {audit} or duty log entry {log} was rewritten or deleted.",
    ),
    "anchor.unreadable_file": (
        "链锚文件 {path} 第 {line} 行无法读取（已被改动？）。",
        "Line {line} of the anchors file {path} cannot be read (was it altered?).",
    ),
    # hostile workbooks
    "workbook.no_file": ("{path} 不存在。", "{path} does not exist."),
    "workbook.is_dir": ("{path} 是一个文件夹，请给出 .xlsx 文件。", "{path} is a folder; give an .xlsx file."),
    "workbook.unreadable": (
        "无法读取 {path}：不是完好的 Excel 工作簿（.xlsx）。",
        "Cannot read {path}: it is not a sound Excel workbook (.xlsx).",
    ),
    "workbook.too_big": (
        "{path} 解压后超过 {mb} MB，不予读取。",
        "{path} unpacks to more than {mb} MB; it is not read.",
    ),
    "workbook.too_many_rows": (
        "{path} 的行数超过 {max} 行，不予读取。",
        "{path} has more than {max} rows; it is not read.",
    ),
    "workbook.bad_value": (
        "{path} 第 {row} 行附近有无法读取的值（如超出范围的日期）。",
        "{path} holds a value that cannot be read near row {row} (a date out of range, say).",
    ),
    "workbook.formula": (
        "第 {row} 行 {col} 列是公式，请改为填写数值或文字后再导入。",
        "Row {row}, column {col} holds a formula; enter the value or text itself and import again.",
    ),
    "workbook.error_value": (
        "第 {row} 行 {col} 列是错误值（{value}）。",
        "Row {row}, column {col} holds an error value ({value}).",
    ),
    "workbook.control_char": (
        "第 {row} 行 {col} 列含有不可见的控制字符。",
        "Row {row}, column {col} holds invisible control characters.",
    ),
    "workbook.more_problems": (
        "另有 {count} 处问题未列出。",
        "{count} more problems are not listed.",
    ),
    # input files
    "input.no_file": ("{field}“{value}”不存在。", "{field} \"{value}\" does not exist."),
    "input.is_dir": ("{field}“{value}”是一个文件夹。", "{field} \"{value}\" is a folder."),
    "input.unreadable": ("无法读取{field}“{value}”。", "{field} \"{value}\" cannot be read."),
    "input.date_range": (
        "{field}“{value}”超出可用范围（{first} 至 {last}）。",
        "{field} \"{value}\" is out of range ({first} to {last}).",
    ),
    "roster.import.date_range": (
        "第 {row} 行 {col} 列：日期 {value} 超出可用范围（{first} 至 {last}），请检查是否把数字填进了日期列。",
        "Row {row}, column {col}: the date {value} is out of range ({first} to {last}); is it a number in the date column?",
    ),
    "input.bad_number": ("{field}须为 {min} 到 {max} 之间的整数。", "{field} must be a whole number from {min} to {max}."),
}
