"""The statistics section (统计): counts of a period as tables and charts, exported as .xlsx
and PNG; filing the quarterly work report."""
