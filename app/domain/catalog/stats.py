"""Messages of the statistics and the office's periodic reports (the quarterly work report and
the annual duty-work summary): their command line and the words the services hand the screen.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    "field.stats.from": ("开始日期", "start date"),
    "field.stats.to": ("结束日期", "end date"),
    "stats.bad_date": ("{field}“{value}”不是日期（格式 YYYY-MM-DD）。", "{field} \"{value}\" is not a date (YYYY-MM-DD)."),
    "stats.bad_range": ("{field}早于开始日期。", "The {field} is before the start date."),
    "stats.no_unit": ("（未注明单位）", "(no unit given)"),
    "stats.no_level": ("未定级", "no level"),
    "stats.no_category": ("未分类", "no category"),
    "stats.category.natural": ("自然灾害", "natural disaster"),
    "stats.category.accident": ("事故灾难", "accident"),
    "stats.category.health": ("公共卫生事件", "public health"),
    "stats.category.social": ("社会安全事件", "social security"),
    "stats.level.I": ("特别重大（Ⅰ级）", "Level I"),
    "stats.level.II": ("重大（Ⅱ级）", "Level II"),
    "stats.level.III": ("较大（Ⅲ级）", "Level III"),
    "stats.level.IV": ("一般（Ⅳ级）", "Level IV"),
    # the periodic documents and filing the quarterly report
    "field.report.year": ("年份", "year"),
    "field.report.quarter": ("季度", "quarter"),
    "field.report.filed_at": ("报送时间", "time filed"),
    "report.bad_year": ("{field}“{value}”不是年份（如 2026）。", "{field} \"{value}\" is not a year (e.g. 2026)."),
    "report.bad_quarter": ("{field}“{value}”应为 1、2、3 或 4。", "{field} \"{value}\" must be 1, 2, 3 or 4."),
    "report.filed_in_future": ("{field} {value} 晚于现在。", "The {field} {value} is in the future."),
    "report.quarter_not_begun": ("{year} 年第 {quarter} 季度尚未开始，不能报送其工作报告。",
                                 "Quarter {quarter} of {year} has not begun; its report cannot be filed."),
    "report.already_filed": ("{year} 年第 {quarter} 季度工作报告已于 {at} 报送（{outcome}）。",
                             "The report of quarter {quarter} of {year} was filed at {at} ({outcome})."),
    "report.filed": ("已报送 {year} 年第 {quarter} 季度工作报告：{outcome}（时限 {due}）。",
                     "Filed the report of quarter {quarter} of {year}: {outcome} (due {due})."),
    # the command line's summary
    "stats.head": ("{start} 至 {end} 统计：", "Statistics {start} to {end}:"),
    "stats.incidents": ("突发事件 {total} 起，预警信息 {warnings} 条。",
                        "{total} incidents, {warnings} warnings."),
    "stats.line": ("  {name}：{n} 起", "  {name}: {n}"),
    "stats.months": ("  按月：{months}", "  By month: {months}"),
    "stats.deadlines": ("报送时限 {total} 项：按时 {on_time}，迟报 {late}，漏报 {missed}，未办结 {open}；按时率 {rate}。",
                        "{total} reporting deadlines: {on_time} on time, {late} late, {missed} missed, {open} open; on-time rate {rate}."),
    "stats.calls": ("接听来电 {n} 次。", "{n} calls received."),
    "stats.presence": ("查岗 {total} 次，{rings} 声内接听 {within} 次。",
                       "{total} presence checks, {within} answered within {rings} rings."),
    "stats.drills": ("演练 {drills} 次，培训 {trainings} 次。", "{drills} drills, {trainings} trainings."),
}
