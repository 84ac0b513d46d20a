"""Documents' contents the export tests share."""

from __future__ import annotations

import datetime as dt

from app.export import roster_workbook as rw
from app.export.roster_workbook import FilingSheet

D = dt.date


def national_day(columns: list[str] | None = None) -> FilingSheet:
    """Three days of the National Day holiday, one shift a day, leaders and officers."""
    columns = columns or rw.columns_for({"leader", "officer"}, several_shifts=False)
    rows = [
        [D(2026, 10, 1), "星期四", "张三", "局长", "13900001234", "李四、王五", "13600005555、13600006666",
         "0576-88001234", "国庆节"],
        [D(2026, 10, 2), "星期五", "赵德明", "副局长", "13900002222", "钱立新、孙小梅", "13600007777、13600008888",
         "0576-88001234", "国庆节；敏感时期"],
        [D(2026, 10, 3), "星期六", "张三", "局长", "13900001234", "李四", "13600005555", "0576-88001234", None],
    ]
    return FilingSheet(title="江州市应急管理局2026年国庆节值班安排表", unit="江州市应急管理局",
                       filer="王建国", filer_phone="0576-88001230", filed_on=D(2026, 9, 25),
                       columns=columns, rows=rows, duty_phone="0576-88001234", fax="0576-88001235")
