"""Messages of the holiday calendar: a year's notice entered or imported, the unknown year,
and the ``calendar`` commands.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # reading and checking a notice (row and column as Excel numbers them)
    "notice.not_text": ("{path} 不是可读的文本文件（.csv 应以 UTF-8 或 GBK 保存）。",
                        "{path} is not readable text (save the .csv as UTF-8 or GBK)."),
    "notice.too_big": ("{path} 太大，不像一年的节假日安排（应为 .xlsx 或 .csv，约数十行）。",
                       "{path} is too large for a year's holiday notice (an .xlsx or .csv of a few dozen rows)."),
    "notice.too_long": ("文件超过 {max} 行，不像一年的节假日安排。",
                        "The file has more than {max} rows: not a year's holiday notice."),
    "notice.no_header": ("前 {rows} 行中找不到表头（须有“日期”“类型”“名称”三列）。",
                         "No header row in the first {rows} rows (it needs the columns 日期, 类型, 名称)."),
    "notice.missing_column": ("第 {row} 行（表头）：缺少“{column}”列。",
                              "Row {row} (header): the column \"{column}\" is missing."),
    "notice.empty": ("文件中没有任何日期。", "The file holds no date."),
    "notice.bad_date": ("第 {row} 行 {col} 列：“{value}”不是日期（如 2027-10-01）。",
                        "Row {row}, column {col}: \"{value}\" is not a date (e.g. 2027-10-01)."),
    "notice.bad_kind": ("第 {row} 行 {col} 列：类型“{value}”应为“节假日”或“调休上班”。",
                        "Row {row}, column {col}: the type \"{value}\" must be 节假日 or 调休上班."),
    "notice.no_name": ("第 {row} 行 {col} 列：节假日须写明名称（如 春节）。",
                       "Row {row}, column {col}: a holiday needs its name (e.g. 春节)."),
    "notice.name_too_long": ("第 {row} 行 {col} 列：名称不能超过 {max} 个字符。",
                             "Row {row}, column {col}: the name must be at most {max} characters."),
    "notice.wrong_year": ("第 {row} 行 {col} 列：{value} 不在 {year} 年。",
                          "Row {row}, column {col}: {value} is not in {year}."),
    "notice.twice": ("第 {row} 行 {col} 列：{value} 已在第 {first} 行出现。",
                     "Row {row}, column {col}: {value} already appears in row {first}."),
    "notice.makeup_on_holiday": ("第 {row} 行 {col} 列：{value} 在第 {first} 行已是节假日，不能又是调休上班日。",
                                 "Row {row}, column {col}: {value} is a holiday in row {first}; it cannot also be a make-up working day."),
    "notice.makeup_on_weekday": ("第 {row} 行 {col} 列：调休上班日 {value} 不是周六或周日。",
                                 "Row {row}, column {col}: the make-up working day {value} is not a Saturday or Sunday."),
    "notice.no_holiday": ("{year} 年没有任何节假日：一年的安排至少有一个节假日。",
                          "{year} has no holiday: a year's notice has at least one."),
    # the unknown year, wherever it is touched
    "calendar.unknown_year": (
        "注意：{year} 年的节假日安排尚未完整录入，备注中不标节假日，也不生成节前报备和节假日日报告时限。"
        "国务院通知公布后请在“设置 → 节假日”中录入全年安排，或用 dutydesk calendar import 导入。",
        "Note: the holiday notice of {year} is not entered as a whole: 备注 names no holiday and no "
        "filing or holiday daily-report deadline is made. Once the State Council publishes it, enter "
        "the year under Settings → Calendar or with dutydesk calendar import.",
    ),
    "calendar.unknown_year_sheet": ("{years} 年节假日安排尚未录入，备注未标注节假日。",
                                    "{years}: holiday notice not entered; 备注 names no holiday."),
    # the calendar commands
    "calendar.show.head": ("{year} 年节假日安排（{source}）：", "Holidays of {year} ({source}):"),
    "calendar.show.source.table": ("本单位录入", "entered by the office"),
    "calendar.show.source.chinesecalendar": ("国务院通知，chinesecalendar 收录", "State Council notice, from chinesecalendar"),
    "calendar.show.day": ("  {date}（{weekday}）{kind}，名称：{name}", "  {date} ({weekday}) {kind}: {name}"),
    "calendar.show.period": ("  {start} 至 {end}  敏感时期  {name}", "  {start} to {end}  sensitive period  {name}"),
    "calendar.show.unknown": (
        "{year} 年的节假日安排尚未录入（国务院通知未公布或未录入）：排班只按周末处理，不推测节假日。",
        "The holiday notice of {year} is not entered (not published yet, or not entered): the roster "
        "uses weekends only and guesses no holiday.",
    ),
    "calendar.show.partial": ("已录入的 {n} 天不构成全年安排：", "The {n} days entered are not a whole notice:"),
    "calendar.import.done": ("{year} 年：已录入节假日 {holidays} 天、调休上班 {makeups} 天，替换原有 {replaced} 天。",
                             "{year}: {holidays} holidays and {makeups} make-up working days entered, replacing {replaced} days held."),
    "calendar.import.deadlines": ("已生成时限 {n} 项（节前报备、节假日日报告）。",
                                  "{n} deadlines created (holiday roster filings, daily holiday reports)."),
    "field.calendar.year": ("年份", "year"),
    "calendar.bad_year": ("{field}“{value}”不是年份（如 2027）。", "{field} \"{value}\" is not a year (e.g. 2027)."),
}
