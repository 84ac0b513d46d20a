"""The quarterly work report and the annual duty-work summary laid out as 公文 (RULES.md §4):
the outline of ``report_outline`` turned into the ``OfficialDocument`` that the .docx writer,
LibreOffice's PDF and the window's print preview all draw by the one ``gongwen.LAYOUT``.

Title in 小标宋 (broken after the office's name when it does not fit one line), 主送机关,
the opening, 一、二、… headings in 黑体, paragraphs in 仿宋, each table under its caption
(表N　…) with its 合计 row, every 【请填写：……】 highlighted so the office sees what it must
still write, then 联系人 and 联系电话, 报送单位 and the date, as the incident reports end.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from app.domain import report_outline as outline
from app.domain.gongwen import (
    LAYOUT,
    Align,
    Block,
    Layout,
    OfficialDocument,
    Paragraph,
    Run,
    Style,
    Table,
    text_width,
)


def compose(content: outline.DocumentContent, layout: Layout = LAYOUT) -> OfficialDocument:
    """The 公文 of a periodic document, every block in the outline's order."""
    blocks: list[Block] = [_words_line(content.addressed_to, "：", gap=False),
                           Paragraph.of(content.opening.text)]
    for section in content.sections:
        blocks.append(Paragraph.of(section.heading, style=Style.HEADING1, keep_with_next=True))
        blocks += [_block(b) for b in section.blocks]
    if isinstance(blocks[-1], Paragraph):  # the closing never stands on a page alone
        blocks[-1] = dataclasses.replace(blocks[-1], keep_with_next=True)
    blocks += _closing(content)
    return OfficialDocument(title_lines(content.title, content.office, layout), tuple(blocks))


def title_lines(title: str, office: str, layout: Layout = LAYOUT) -> str:
    """The title, broken after the office's name when the whole does not fit one line (公文
    titles break where the sense does, not where the line runs out)."""
    fits = layout.chars_per_line(Style.TITLE)
    if text_width(title) <= fits or not office or not title.startswith(office) or title == office:
        return title
    return f"{office}\n{title[len(office):]}"


def cell(value: outline.Cell) -> str:
    """A table cell as printed: whole numbers plainly, other numbers without trailing zeros,
    nothing for an empty cell."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


SERIAL = "序号"  # a column of row numbers: centred


def table(t: outline.Table) -> Table:
    """An outline table as the page prints it: numbers to the right, row numbers centred,
    words to the left; a column nothing was written in (an explanation no row gives) is
    left out."""
    rows = [tuple(cell(v) for v in row) for row in t.rows]
    total = tuple(cell(v) for v in t.total) if t.total is not None else None
    kept = [i for i in range(len(t.columns)) if _written(i, rows, total)]
    return Table(t.caption, tuple(t.columns[i] for i in kept),
                 tuple(tuple(r[i] for i in kept) for r in rows),
                 tuple(_align(t.columns[i], t.numeric[i]) for i in kept),
                 tuple(total[i] for i in kept) if total is not None else None)


def _written(column: int, rows: list[tuple[str, ...]], total: tuple[str, ...] | None) -> bool:
    """Whether a column says anything (a table without rows keeps every column)."""
    return not rows or any(r[column] for r in rows) or bool(total and total[column])


def _align(heading: str, numeric: bool) -> Align:
    if heading == SERIAL:
        return Align.CENTER
    return Align.RIGHT if numeric else Align.LEFT


def _block(b: outline.Block) -> Block:
    if isinstance(b, outline.Table):
        return table(b)
    if isinstance(b, outline.Placeholder):
        return Paragraph.of(b.text, marked=True)
    return Paragraph.of(b.text)


def _words_line(value: outline.Placeholder | str, end: str, *, gap: bool) -> Paragraph:
    """A line that is either the office's words or a placeholder for them (主送机关)."""
    if isinstance(value, outline.Placeholder):
        return Paragraph((Run(value.text, marked=True), Run(end)), Align.LEFT, indent=False,
                         gap_before=gap)
    return Paragraph.of(f"{value}{end}", align=Align.LEFT, indent=False, gap_before=gap)


def chinese_date(day: dt.date) -> str:
    """2026年1月5日, as a 公文 dates itself (Arabic numerals, no leading zeros)."""
    return f"{day.year}年{day.month}月{day.day}日"


def _closing(content: outline.DocumentContent) -> list[Block]:
    """Whom to call back (as the incident reports give it: short enough for one line, so a
    phone number is never broken), then 报送单位 and the date at the right; kept together,
    and with the last paragraph before them."""
    contact = content.contact
    phone = content.contact_phone
    line = [Run("联系人："),
            Run(contact.text, marked=True) if isinstance(contact, outline.Placeholder) else Run(contact),
            Run("　联系电话："),
            Run(phone) if phone else Run(outline.Placeholder("联系电话").text, marked=True)]
    office = content.office or outline.Placeholder("报送单位").text
    return [
        Paragraph(tuple(line), Align.LEFT, indent=False, gap_before=True, keep_with_next=True),
        Paragraph((Run("报送单位："), Run(office, marked=not content.office)), Align.RIGHT,
                  indent=False, gap_before=True, keep_with_next=True),
        Paragraph.of(chinese_date(content.dated), align=Align.RIGHT, indent=False),
    ]
