"""The roster for filing as HTML for Qt's text documents (print preview and PDF).

The same content as the workbook (app.export.roster_workbook): title, filer line, header, one
row per day or shift, footer with the duty phone and fax. Real text, so a PDF stays selectable.
"""

from __future__ import annotations

import datetime as dt
from html import escape

from app.export.roster_workbook import DATE, FilingSheet


def _cell(value: object) -> str:
    if isinstance(value, dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return escape("" if value is None else str(value))


def filing_html(sheet: FilingSheet) -> str:
    date_col = sheet.columns.index(DATE)
    head = "".join(f"<th>{escape(c)}</th>" for c in sheet.columns)
    body = []
    for values in sheet.rows:
        cells = "".join(f'<td class="{"d" if i == date_col else ""}">{_cell(v)}</td>'
                        for i, v in enumerate(values))
        body.append(f"<tr>{cells}</tr>")
    footer = f"值班电话：{escape(sheet.duty_phone)}" + (
        f"&#12288;&#12288;传真：{escape(sheet.fax)}" if sheet.fax else "")
    footer += "".join(f"<br/>{escape(note)}" for note in sheet.notes)
    filer = (f"填报单位：{escape(sheet.unit)}&#12288;&#12288;填报人：{escape(sheet.filer)}"
             f"&#12288;&#12288;联系电话：{escape(sheet.filer_phone)}&#12288;&#12288;"
             f"填报日期：{_cell(sheet.filed_on)}")
    return f"""<html><head><meta charset="utf-8"><style>
body {{ font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimSun"; font-size: 9pt; }}
h1 {{ font-size: 15pt; text-align: center; margin: 0 0 6px 0; }}
p.filer {{ margin: 0 0 4px 0; }}
table {{ border-collapse: collapse; width: 100%; }}
th {{ background-color: #d9e1f2; font-weight: bold; }}
th, td {{ border: 1px solid #000; padding: 1px 3px; text-align: center; }}
td.d {{ white-space: nowrap; }}
p.footer {{ margin-top: 4px; }}
</style></head><body>
<h1>{escape(sheet.title)}</h1>
<p class="filer">{filer}</p>
<table border="1" cellspacing="0" cellpadding="3" width="100%">
<thead><tr>{head}</tr></thead>
<tbody>
{chr(10).join(body)}
</tbody></table>
<p class="footer">{footer}</p>
</body></html>"""
