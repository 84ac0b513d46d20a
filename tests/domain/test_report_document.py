"""The periodic documents laid out as 公文: the outline's blocks in order, headings in 黑体 that
stay with what follows, placeholders marked, tables with their captions, aligned columns and
totals, the closing lines; and the table columns the layout computes."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import report_outline as outline
from app.domain.gongwen import LAYOUT, Align, Paragraph, Style, Table, column_shares, text_width
from app.domain.report_document import chinese_date, compose, table, title_lines

OFFICE = "江州市应急管理局"


def _content(*, contact: outline.Placeholder | str = "李文静", phone: str = "0576-88001234",
             office: str = OFFICE) -> outline.DocumentContent:
    t = outline.Table(1, "查岗情况", ("查岗", "次数", "说明"), (("上级查岗", 3, None), ("对下级查岗", 2, None)),
                      (False, True, False), ("合计", 5, None))
    return outline.DocumentContent(
        kind=outline.DocumentKind.QUARTERLY, title=f"{office}2026年第一季度应急值守工作情况报告",
        addressed_to=outline.Placeholder("主送机关"), opening=outline.Paragraph("现将……报告如下："),
        sections=(outline.Section("一、值班安排和值班表报备情况",
                                  (outline.Paragraph("共安排值班90天。"), t,
                                   outline.Placeholder("值班制度执行情况"))),),
        office=office, contact=contact, contact_phone=phone, dated=dt.date(2026, 4, 3),
        first_day=dt.date(2026, 1, 1), last_day=dt.date(2026, 3, 31))


def test_the_blocks_in_order_with_their_styles() -> None:
    doc = compose(_content())
    assert doc.title == f"{OFFICE}\n2026年第一季度应急值守工作情况报告"  # too long for one line
    addressee, opening, heading, words, grid, placeholder, contact, office, date = doc.paragraphs
    assert isinstance(addressee, Paragraph) and addressee.runs[0].marked
    assert addressee.text == "【请填写：主送机关】：" and not addressee.indent
    assert isinstance(opening, Paragraph) and opening.indent and opening.text == "现将……报告如下："
    assert isinstance(heading, Paragraph) and heading.runs[0].style is Style.HEADING1
    assert heading.keep_with_next and heading.indent  # 一、 indented two characters, as 公文 does
    assert isinstance(words, Paragraph) and not words.runs[0].marked
    assert isinstance(placeholder, Paragraph) and placeholder.runs[0].marked
    assert placeholder.text == "【请填写：值班制度执行情况】"
    assert isinstance(grid, Table) and grid.caption == "表1　查岗情况"
    assert isinstance(contact, Paragraph) and contact.text == "联系人：李文静　联系电话：0576-88001234"
    assert contact.gap_before and contact.align is Align.LEFT
    assert isinstance(office, Paragraph) and office.text == f"报送单位：{OFFICE}"
    assert office.align is Align.RIGHT and office.gap_before
    assert isinstance(date, Paragraph) and date.text == "2026年4月3日" and date.align is Align.RIGHT
    assert "【请填写：值班制度执行情况】" in doc.plain_text()
    assert doc.plain_text().startswith(f"{OFFICE}2026年第一季度应急值守工作情况报告\n\n")


def test_what_the_records_cannot_say_is_marked_in_the_closing_lines() -> None:
    doc = compose(_content(contact=outline.Placeholder("联系人"), phone="", office=""))
    contact, office = doc.paragraphs[-3], doc.paragraphs[-2]
    assert isinstance(contact, Paragraph) and isinstance(office, Paragraph)
    assert contact.text == "联系人：【请填写：联系人】　联系电话：【请填写：联系电话】"
    assert [r.marked for r in contact.runs] == [False, True, False, True]
    assert office.text == "报送单位：【请填写：报送单位】" and office.runs[1].marked


def test_a_table_keeps_its_figures_aligns_them_and_drops_a_column_nobody_wrote_in() -> None:
    t = outline.Table(3, "迟报、漏报事项", ("序号", "事项", "结果", "说明"),
                      ((1, "首报（书面）", "迟报", None), (2, "续报", "漏报", "")),
                      (True, False, False, False), None)
    laid = table(t)
    assert laid.header == ("序号", "事项", "结果") and laid.total is None
    assert laid.rows == (("1", "首报（书面）", "迟报"), ("2", "续报", "漏报"))
    assert laid.aligns == (Align.CENTER, Align.LEFT, Align.LEFT)
    rates = table(outline.Table(2, "比率", ("事项", "应报", "按时率"), (("首报", 48, "97.9%"),),
                                (False, True, True), ("合计", 48, 0.5)))
    assert rates.aligns == (Align.LEFT, Align.RIGHT, Align.RIGHT)
    assert rates.total == ("合计", "48", "0.5")
    empty = table(outline.Table(4, "空表", ("月份", "合计"), (), (False, True), ("合计", 0)))
    assert empty.header == ("月份", "合计")  # no rows: nothing to judge a column by


def test_titles_break_after_the_office_only_when_too_long() -> None:
    assert title_lines("江州市应急管理局2026年度值守工作总结", OFFICE) == \
        "江州市应急管理局2026年度值守工作总结"  # 18 characters fit one line (of 20)
    assert "\n" in title_lines("江州市应急管理局2026年度应急值守工作总结", OFFICE)  # 20.2 do not
    assert title_lines(f"{OFFICE}2026年第四季度应急值守工作情况报告", OFFICE).split("\n") == \
        [OFFICE, "2026年第四季度应急值守工作情况报告"]
    assert "\n" not in title_lines("某某某某某某某某某某某某某某某某某某某某某某某某", "")
    assert chinese_date(dt.date(2027, 1, 5)) == "2027年1月5日"


def test_columns_fit_the_line_without_breaking_figures() -> None:
    room = LAYOUT.type_width_mm / (LAYOUT.font(Style.TABLE).size_pt * 25.4 / 72)
    narrow = Table("表1　查岗情况", ("查岗", "次数"), (("上级查岗", "3"),), (Align.LEFT, Align.RIGHT))
    shares = column_shares(narrow)
    assert sum(shares) == pytest.approx(1) and shares[0] > shares[1]  # in proportion to the words
    long_words = "优化队伍集结点位，开展拉动演练 · 演练整改（江州华昌化工有限公司）"
    wide = Table("表3　迟报、漏报事项", ("序号", "事项", "时限", "完成时间", "结果"),
                 (("1", long_words, "2026-07-23 17:30", "2026-08-27 17:30", "迟报"),),
                 (Align.CENTER, Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT))
    widths = [s * room for s in column_shares(wide)]
    assert sum(widths) == pytest.approx(room)
    assert widths[1] == max(widths) and widths[1] < text_width(long_words)  # the words wrap
    assert min(widths[2], widths[3]) > text_width("2026-07-23")  # a date never breaks inside
    assert widths[0] > text_width("序号") and widths[4] > text_width("迟报")


def test_a_table_refuses_rows_of_the_wrong_width() -> None:
    with pytest.raises(ValueError, match="3 cells"):
        Table("表1", ("a", "b", "c"), (("1", "2"),), (Align.LEFT,) * 3)
