"""Messages of the plans register: plans, reviews, drills and corrective actions, training,
the plans workbook and the ``plans`` / ``drills`` commands.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # fields (the glossary's terms; the workbook's column names where there is one)
    "field.plan": ("预案", "plan"),
    "field.plan.name": ("预案名称", "plan name"),
    "field.plan.type": ("预案类型", "plan type"),
    "field.plan.unit": ("编制单位", "owner unit"),
    "field.plan.approved_on": ("批准日期", "approval date"),
    "field.plan.number": ("文号", "document number"),
    "field.plan.filed_on": ("备案日期", "filing date"),
    "field.plan.filed_with": ("备案单位", "filed with"),
    "field.plan.review_years": ("评估周期（年）", "review cycle (years)"),
    "field.plan.drill_months": ("演练周期（月）", "drill cycle (months)"),
    "field.plan.status": ("状态", "status"),
    "field.plan.document": ("预案文本", "plan text"),
    "field.plan.note": ("备注", "note"),
    "field.plan.plan_unit": ("预案的编制单位", "the plan's owner unit"),
    "field.review.date": ("评估日期", "review date"),
    "field.review.conclusion": ("评估结论", "review conclusion"),
    "field.review.note": ("评估意见", "review notes"),
    "field.drill.date": ("演练日期", "drill date"),
    "field.drill.type": ("演练类型", "drill type"),
    "field.drill.place": ("演练地点", "place"),
    "field.drill.organizer": ("组织单位", "organizer"),
    "field.drill.participants": ("参演单位和人数", "participants"),
    "field.drill.units": ("参演单位", "participating units"),
    "field.drill.count": ("参演人数", "number of participants"),
    "field.drill.scenario": ("演练情景", "scenario"),
    "field.drill.evaluation": ("演练评估", "evaluation"),
    "field.drill.problems": ("发现的问题", "problems found"),
    "field.drill.incident": ("演练事件编号", "drill incident number"),
    "field.drill.actions": ("整改事项", "corrective actions"),
    "field.action.text": ("整改事项", "corrective action"),
    "field.action.owner": ("责任单位", "owner unit"),
    "field.action.due": ("整改期限", "due date"),
    "field.action.done": ("完成日期", "done date"),
    "field.training.course": ("培训课程", "course"),
    "field.training.date": ("培训日期", "training date"),
    "field.training.hours": ("学时", "hours"),
    "field.training.organizer": ("组织单位", "organizer"),
    "field.training.count": ("参训人数", "number of participants"),
    "field.training.people": ("参训人员", "participants"),
    # input
    "plan.not_json": (
        "输入不是有效的 JSON（第 {line} 行第 {col} 列附近）。",
        "The input is not valid JSON (near line {line}, column {col}).",
    ),
    "plan.not_object": ("输入须是一个 JSON 对象（{{…}}）。", "The input must be one JSON object ({{…}})."),
    "plan.unreadable_file": ("无法读取文件 {path}。", "Cannot read the file {path}."),
    "plan.unknown_field": ("不认识的字段“{name}”。", "Unknown field \"{name}\"."),
    "plan.bad_date": (
        "{field}“{value}”不是日期（格式 YYYY-MM-DD）。",
        "{field} \"{value}\" is not a date (YYYY-MM-DD).",
    ),
    "plan.future_date": ("{field}“{value}”晚于今天。", "{field} \"{value}\" is after today."),
    "plan.bad_choice": (
        "{field}“{value}”不是可选的值（可用：{allowed}）。",
        "{field} \"{value}\" is not one of the choices ({allowed}).",
    ),
    "plan.bad_cycle": ("{field}须是 1 到 {max} 的整数。", "{field} must be a whole number from 1 to {max}."),
    "plan.bad_count": ("{field}须是不小于 0 的整数。", "{field} must be a whole number, 0 or more."),
    "plan.bad_hours": ("{field}须大于 0 且不超过 {max}。", "{field} must be more than 0 and at most {max}."),
    "plan.bad_list": ("{field}须是一个列表。", "{field} must be a list."),
    "plan.filed_before_approved": ("备案日期不能早于批准日期。", "The filing date cannot be before the approval date."),
    "plan.bad_horizon": (
        "提前提醒天数须在 0 到 366 之间，且不小于倒计时条显示天数。",
        "Days of notice must be 0–366 and at least the days shown on the strip.",
    ),
    "plan.duplicate": ("“{unit}”已有名为“{name}”的预案。", "\"{unit}\" already has a plan named \"{name}\"."),
    "plan.unknown": ("找不到预案“{name}”。", "No plan is named \"{name}\"."),
    "plan.ambiguous": (
        "有 {count} 个预案名为“{name}”，请同时写出编制单位（plan_unit）。",
        "{count} plans are named \"{name}\"; give the owner unit too (plan_unit).",
    ),
    "plan.unknown_unit": ("{field}“{value}”不在通讯录中。", "{field} \"{value}\" is not in the contact book."),
    "plan.ambiguous_unit": (
        "{field}：有 {count} 个单位名为“{value}”，请写出上级单位，如“{example}”。",
        "{field}: {count} units are named \"{value}\"; name the parent too, as in \"{example}\".",
    ),
    "plan.withdrawn": (
        "预案“{name}”已废止，不能再登记评估或演练。",
        "The plan \"{name}\" is withdrawn: no review or drill can be recorded for it.",
    ),
    "review.before_approval": ("评估日期不能早于批准日期。", "The review date cannot be before the approval date."),
    "drill.incident_unknown": ("找不到事件“{value}”。", "No incident has the number \"{value}\"."),
    "drill.incident_not_drill": (
        "事件 {value} 没有标记为演练，不能关联。", "Incident {value} is not marked as a drill.",
    ),
    "drill.incident_linked": (
        "事件 {value} 已关联另一次演练。", "Incident {value} is already linked to another drill.",
    ),
    "action.due_before_drill": (
        "整改期限不能早于演练日期。", "The due date cannot be before the drill.",
    ),
    "action.done_before_drill": (
        "完成日期不能早于演练日期。", "The done date cannot be before the drill.",
    ),
    "action.problem": ("第 {n} 项整改：{detail}", "Corrective action {n}: {detail}"),
    "training.unknown_person": ("通讯录中没有“{name}”。", "Nobody named \"{name}\" is in the contact book."),
    "training.ambiguous_person": (
        "通讯录中有 {count} 人名为“{name}”，请写成“姓名（单位）”。",
        "{count} people are named \"{name}\"; write \"name (unit)\" instead.",
    ),
    # the plans workbook
    "plans_import.no_header": (
        "找不到表头行：前 {rows} 行中没有同时包含“预案名称”和“编制单位”的行。",
        "No header row: none of the first {rows} rows names both 预案名称 and 编制单位.",
    ),
    "plans_import.no_rows": ("文件中没有预案数据。", "The file holds no plans."),
    "plans_import.cell_bad_date": (
        "第 {row} 行 {col} 列：{column}“{value}”不是日期。",
        "Row {row}, column {col}: {column} \"{value}\" is not a date.",
    ),
    "plans_import.cell_future": (
        "第 {row} 行 {col} 列：{column}“{value}”晚于今天。",
        "Row {row}, column {col}: {column} \"{value}\" is after today.",
    ),
    "plans_import.cell_bad_choice": (
        "第 {row} 行 {col} 列：{column}“{value}”不是可选的值（可用：{allowed}）。",
        "Row {row}, column {col}: {column} \"{value}\" is not one of the choices ({allowed}).",
    ),
    "plans_import.cell_bad_number": (
        "第 {row} 行 {col} 列：{column}须是 1 到 {max} 的整数。",
        "Row {row}, column {col}: {column} must be a whole number from 1 to {max}.",
    ),
    "plans_import.cell_filed_early": (
        "第 {row} 行 {col} 列：备案日期早于批准日期。",
        "Row {row}, column {col}: the filing date is before the approval date.",
    ),
    "plans_import.duplicate_row": (
        "第 {row} 行：与第 {first} 行是同一编制单位的同一预案。",
        "Row {row}: the same plan of the same unit as row {first}.",
    ),
    # the command line and the screens' summaries
    "plans.imported": (
        "导入完成：新增预案 {added} 个，更新 {updated} 个，未变 {unchanged} 个，新建单位 {units} 个。",
        "Imported: {added} plans added, {updated} updated, {unchanged} unchanged, {units} new units.",
    ),
    "plans.checked": (
        "检查通过（未写入）：将新增预案 {added} 个，更新 {updated} 个，未变 {unchanged} 个，新建单位 {units} 个。",
        "The file is good (nothing written): {added} plans to add, {updated} to update, {unchanged} unchanged, {units} new units.",
    ),
    "plans.exported": ("已导出 {count} 个预案到 {path}", "Exported {count} plans to {path}"),
    "plans.added": ("已登记预案：{name}（{unit}）", "Plan recorded: {name} ({unit})"),
    "plans.none": ("还没有登记预案。", "No plans recorded yet."),
    "drills.added": ("已登记演练：{plan}，{date}", "Drill recorded: {plan}, {date}"),
    "drills.none": ("还没有登记演练。", "No drills recorded yet."),
}
