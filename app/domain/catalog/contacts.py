"""Messages of the contact book: people, units, absence notices, experts and rescue teams,
and the contacts workbook.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # fields
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
    # the contact book
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
}
