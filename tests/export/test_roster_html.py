"""The roster for filing as HTML (print preview and PDF), made by app.export.roster_html alone
and read back with the standard library's HTML parser."""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

from app.export import roster_html
from app.export.roster_workbook import FilingSheet
from tests.export.samples import national_day


class Page(HTMLParser):
    """The text of the title, the filer and footer paragraphs, and the table's cells by row."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.h1 = ""
        self.paragraphs: dict[str, str] = {}
        self.head: list[str] = []
        self.rows: list[list[tuple[str, str]]] = []  # (class, text) per cell
        self.style = ""
        self._in: list[tuple[str, str]] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        cls = dict(attrs).get("class") or ""
        self._in.append((tag, cls))
        if tag == "tr" and any(t == "tbody" for t, _ in self._in):
            self.rows.append([])
        elif tag == "td":
            self.rows[-1].append((cls, ""))

    def handle_endtag(self, tag: str) -> None:
        while self._in and self._in.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        if not self._in:
            return
        tag, cls = self._in[-1]
        if tag == "h1":
            self.h1 += data
        elif tag == "p":
            self.paragraphs[cls] = self.paragraphs.get(cls, "") + data
        elif tag == "th":
            self.head.append(data)
        elif tag == "td":
            kind, text = self.rows[-1][-1]
            self.rows[-1][-1] = (kind, text + data)
        elif tag == "style":
            self.style += data


def test_the_page_shows_what_the_workbook_shows() -> None:
    sheet = national_day()
    page = Page(roster_html.filing_html(sheet))
    assert page.h1 == "江州市应急管理局2026年国庆节值班安排表"
    assert page.paragraphs["filer"] == ("填报单位：江州市应急管理局\u3000\u3000填报人：王建国\u3000\u3000"
                                        "联系电话：0576-88001230\u3000\u3000填报日期：2026年9月25日")
    assert page.head == sheet.columns
    assert len(page.rows) == 3 and all(len(r) == len(sheet.columns) for r in page.rows)
    first = page.rows[0]
    assert first[0] == ("d", "2026年10月1日")  # the date column does not wrap (class d)
    assert [text for _, text in first[1:]] == sheet.rows[0][1:]
    assert all(kind == "" for kind, _ in first[1:])
    assert page.rows[2][-1] == ("", "")  # an empty remark is an empty cell, not "None"
    assert page.paragraphs["footer"] == "值班电话：0576-88001234\u3000\u3000传真：0576-88001235"


def test_a_chinese_font_and_borders_are_asked_for() -> None:
    page = Page(roster_html.filing_html(national_day()))
    assert "Noto Sans CJK SC" in page.style and "SimSun" in page.style
    assert "border: 1px solid #000" in page.style and "td.d { white-space: nowrap; }" in page.style
    assert 'border="1"' in roster_html.filing_html(national_day())  # Qt's rich text draws these


def test_text_is_escaped_and_a_missing_fax_leaves_only_the_duty_phone() -> None:
    sheet = national_day()
    rows = [[sheet.rows[0][0], "星期四", "张<三>", "局长&书记", "139", "李四", "136", "0576", 'a"b']]
    odd = FilingSheet("<值班表>", "某局&某办", "王", "1", dt.date(2026, 9, 25), sheet.columns, rows,
                      "0576-1", "")
    html = roster_html.filing_html(odd)
    assert "<值班表>" not in html and "张<三>" not in html
    page = Page(html)
    assert page.h1 == "<值班表>" and page.paragraphs["filer"].startswith("填报单位：某局&某办")
    assert [text for _, text in page.rows[0][2:4]] == ["张<三>", "局长&书记"]
    assert page.paragraphs["footer"] == "值班电话：0576-1"
