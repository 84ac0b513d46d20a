"""Messages of incidents, their reports and their sendings.
"""

from __future__ import annotations

# code -> (Simplified Chinese, English)
MESSAGES: dict[str, tuple[str, str]] = {
    # incidents and their facts
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
    "incident.hint.kind": ("（event/warning 或 突发事件/预警信息）", " (event/warning or 突发事件/预警信息)"),
    "incident.hint.subtype": ("（子类的标识或中文名称，如 geological 或 地质灾害）",
                              " (a sub-type's identifier or Chinese term, e.g. geological or 地质灾害)"),
    "incident.hint.time": ("（ISO 8601，如 2026-11-28T09:30）", " (ISO 8601, e.g. 2026-11-28T09:30)"),
    "incident.hint.subtype_category": ("（与事件类别不符）", " (not a sub-type of the category)"),
    "incident.hint.text": ("（应为文字）", " (must be text)"),
    "incident.hint.figure": ("（应为 0 至 1000000 之间的整数；不详时不填或填 null）",
                             " (a whole number from 0 to 1000000; leave it out or null when unknown)"),
    "incident.hint.loss": ("（应为 0 至 10000000000000 元之间的数；不详时不填或填 null）",
                           " (a number of CNY from 0 to 10000000000000; leave it out or null when unknown)"),
    "incident.hint.flag": ("（应为 true 或 false）", " (must be true or false)"),
    "incident.hint.unit": ("（通讯录中没有这个单位）", " (no such unit in the contact book)"),
    "incident.hint.response_level": ("（I/II/III/IV，或 Ⅰ级响应/Ⅱ级响应/Ⅲ级响应/Ⅳ级响应）",
                                     " (I/II/III/IV, or Ⅰ级响应/Ⅱ级响应/Ⅲ级响应/Ⅳ级响应)"),
    "incident.hint.plan": (
        '（预案名称；重名时写 {{"name": 预案名称, "unit": 编制单位}}；或预案编号）',
        ' (the plan\'s name; {{"name": name, "unit": owner unit}} where names repeat; or its id)',
    ),
    "incident.hint.plan_unknown": ("（预案登记册中没有这个预案）", " (no such plan in the register)"),
    "incident.hint.plan_ambiguous": (
        '（有几个预案同名：请写 {{"name": 预案名称, "unit": 编制单位}}）',
        ' (several plans have this name: write {{"name": name, "unit": owner unit}})',
    ),
    "incident.plan_withdrawn": ("{name}（{field}）“{value}”已废止，不能再启动。",
                                "{name} ({field}): the plan \"{value}\" is withdrawn; it cannot be activated."),
    "incident.unknown_field": ("未知字段“{field}”", "Unknown field \"{field}\""),
    "incident.not_json": ("不是有效的 JSON：{detail}", "Not valid JSON: {detail}"),
    "incident.closed": ("事件 {number} 已终报办结。", "Incident {number} is closed (final report made)."),
    "incident.not_found": ("找不到事件 {number}。", "No incident {number}."),
    "incident.future": ("{name}（{field}）不能晚于现在。", "{name} ({field}) cannot be in the future."),
    "incident.occurred_after_received": (
        "事发时间（occurred_at）不能晚于接报时间（received_at）。",
        "The time of occurrence (occurred_at) cannot be after the time received (received_at).",
    ),
    "incident.level_below": (
        "事件级别（level）“{level}”低于伤亡和损失数字达到的“{reached}”（{reasons}）：请改定级别，"
        "或在定级说明（level_reason）中写明理由（如初步核定、待上级认定）。",
        "The level (level) {level} is below the {reached} the figures reach ({reasons}): change "
        "the level, or say why in level_reason (e.g. 初步核定, 待上级认定).",
    ),
    "incident.bad_phone": (
        "{name}（{field}）“{value}”不是有效的电话号码（手机号，或带区号的固定电话，如 0576-88001234转801）。",
        "{name} ({field}) \"{value}\" is not a phone number (a mobile, or a landline with its area "
        "code, e.g. 0576-88001234转801).",
    ),
    "incident.too_long": ("{name}（{field}）不能超过 {max} 个字。",
                          "{name} ({field}) must be at most {max} characters."),
    # reports
    "report.not_found": ("事件 {number} 没有{kind}{seq}。", "Incident {number} has no {kind} report {seq}."),
    "report.no_change": (
        "续报须写明变化：与上次报送的报告相比，事实没有任何变化。",
        "A follow-up gives what changed: nothing differs from the last report sent.",
    ),
    "report.final_exists": ("事件 {number} 已有终报。", "Incident {number} already has its final report."),
    "report.sent_no_delete": ("{heading}已于 {when} 报送，不能删除。",
                              "The {heading} was sent at {when}; it cannot be deleted."),
    "report.first_no_delete": ("{heading}是事件的第一份报告，不能删除。",
                               "The {heading} is the incident's first report; it cannot be deleted."),
    "report.not_last": ("请先删除{heading}之后的报告。", "Delete the reports after the {heading} first."),
    "report.bad_output": (
        "输出文件（-o）“{value}”须以 .docx 或 .pdf 结尾。",
        "The output file (-o) \"{value}\" must end in .docx or .pdf.",
    ),
    "report.no_pdf_converter": (
        "生成 PDF 需要 LibreOffice，本机未找到（soffice）：请改用 -o 文件.docx，或在程序窗口中打印预览后另存为 PDF。",
        "Making a PDF needs LibreOffice, which this machine lacks (soffice): write -o FILE.docx "
        "instead, or save the PDF from the print preview in the window.",
    ),
    "report.pdf_failed": ("LibreOffice 未能生成 PDF：{detail}", "LibreOffice did not make the PDF: {detail}"),
    "report.saved": ("已保存：{path}", "Saved: {path}"),
    # sendings
    "sending.bad_channel": (
        "报送方式（channel）“{value}”无效（phone/written 或 电话/书面）。",
        "The channel (channel) \"{value}\" is not valid (phone/written or 电话/书面).",
    ),
    "sending.bad_means": (
        "报送途径（means）“{value}”无效（fax/system/email/paper/sms 或 传真/信息报送系统/电子邮件/纸质公文/短信）。",
        "The means (means) \"{value}\" is not valid (fax/system/email/paper/sms or "
        "传真/信息报送系统/电子邮件/纸质公文/短信).",
    ),
    "sending.means_needed": ("书面报送须写明报送途径（means）。",
                             "A written sending needs its means (means)."),
    "sending.means_phone": ("电话报送没有报送途径（means），请去掉。",
                            "A sending by phone has no means (means); leave it out."),
    "sending.to_needed": ("须写明主送机关（to）。", "Say to whom it went (to)."),
    "sending.issued_by_needed": ("书面报送须写明签发人（issued_by）。",
                                 "A written sending needs who signed it off (issued_by)."),
    "sending.too_long": ("{name}（{field}）不能超过 {max} 个字。",
                         "{name} ({field}) must be at most {max} characters."),
    "sending.bad_time": ("报送时间（at）“{value}”无效（ISO 8601，如 2026-11-28T09:30）。",
                         "The time sent (at) \"{value}\" is not valid (ISO 8601, e.g. 2026-11-28T09:30)."),
    "sending.future": ("报送时间（at）不能晚于现在。", "The time sent (at) cannot be in the future."),
    "sending.before_received": ("报送时间（at）不能早于接报时间 {when}。",
                                "The time sent (at) cannot be before the time received, {when}."),
    "sending.recorded": ("已记录：{heading}经{channel}{means}报送至{to}，{outcome}。",
                         "Recorded: {heading} sent by {channel}{means} to {to}; {outcome}."),
    "sending.met": ("满足时限 {count} 项", "{count} deadline(s) met"),
    "sending.none_met": ("无待办时限", "no open deadline"),
}
