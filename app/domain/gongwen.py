"""The 公文 page (RULES.md §4, GB/T 9704-2012 as offices apply it to 信息专报) and the document
that fills it. Pure data: the .docx writer (app/export) and the print preview (app/ui) both lay
out an ``OfficialDocument`` by this ``LAYOUT``: the incident reports, and the quarterly work
report and the annual summary with their numbered tables (caption above, header row repeated
on every page, numbers right-aligned, the 合计 row in 黑体) and the passages the office must
still write, marked so they cannot be missed.

Fonts are named officially first (the .docx keeps these names, so WPS or Word on the office
machine renders them), then the fallbacks a renderer picks from when the machine lacks them.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field


class Style(enum.StrEnum):
    """What a piece of text is on the page; each has its font."""

    TITLE = "title"  # 小标宋 2号
    BODY = "body"  # 仿宋 3号
    HEADING1 = "heading1"  # 黑体 3号: 一、二、……
    HEADING2 = "heading2"  # 楷体 3号: （一）（二）……
    PAGE_NUMBER = "page_number"  # 宋体 4号: — 1 —
    CAPTION = "caption"  # 黑体 4号: 表1　…, above its table
    TABLE = "table"  # 仿宋 小四: a table's cells
    TABLE_HEAD = "table_head"  # 黑体 小四: a table's header and its 合计 row


class Align(enum.StrEnum):
    LEFT = "left"
    CENTER = "center"
    RIGHT = "right"
    JUSTIFY = "justify"


@dataclass(frozen=True)
class FontRole:
    """A font by its official name, with the fallbacks in the order a renderer tries them."""

    families: tuple[str, ...]
    size_pt: float

    @property
    def official(self) -> str:
        return self.families[0]


@dataclass(frozen=True)
class Layout:
    """A4 and the official margins, type sizes and line pitch."""

    page_mm: tuple[float, float] = (210.0, 297.0)
    top_mm: float = 37.0
    bottom_mm: float = 35.0
    left_mm: float = 28.0
    right_mm: float = 26.0
    line_pitch_pt: float = 28.95  # 22 lines on the 225 mm type area
    page_number_gap_mm: float = 7.0  # from the type area's foot to the top of the page number
    indent_chars: int = 2  # the first line of a paragraph
    table_pitch_pt: float = 18.0  # a line inside a table cell (小四 on 1.5 lines)
    cell_padding_pt: float = 3.0  # left and right of a cell's text
    border_pt: float = 0.5  # every cell's rule
    fonts: dict[Style, FontRole] = field(default_factory=dict)

    def font(self, style: Style) -> FontRole:
        return self.fonts[style]

    @property
    def type_width_mm(self) -> float:
        """The width of the type area (156 mm on A4)."""
        return self.page_mm[0] - self.left_mm - self.right_mm

    def chars_per_line(self, style: Style) -> int:
        """How many characters of ``style`` a full line of the type area holds."""
        return int(self.type_width_mm / (self.font(style).size_pt * MM_PER_PT))

    @staticmethod
    def page_number(n: int) -> str:
        """— 1 —, with the em dashes the standard calls for (一字线)."""
        return f"— {n} —"


MM_PER_PT = 25.4 / 72
_BODY_FONTS = ("仿宋_GB2312", "仿宋", "方正仿宋_GBK", "方正仿宋简体", "FangSong", "STFangsong",
               "Noto Serif CJK SC")
_HEI_FONTS = ("黑体", "方正黑体_GBK", "SimHei", "STHeiti", "Noto Sans CJK SC")

LAYOUT = Layout(fonts={
    Style.TITLE: FontRole(("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong",
                           "Noto Serif CJK SC Black", "Noto Serif CJK SC"), 22),
    Style.BODY: FontRole(_BODY_FONTS, 16),
    Style.HEADING1: FontRole(_HEI_FONTS, 16),
    Style.HEADING2: FontRole(("楷体_GB2312", "楷体", "方正楷体_GBK", "KaiTi", "STKaiti",
                              "AR PL UKai CN", "AR PL KaitiM GB", "Noto Serif CJK SC"), 16),
    Style.PAGE_NUMBER: FontRole(("宋体", "SimSun", "STSong", "AR PL SungtiL GB",
                                 "Noto Serif CJK SC"), 14),
    Style.CAPTION: FontRole(_HEI_FONTS, 14),
    Style.TABLE: FontRole(_BODY_FONTS, 12),
    Style.TABLE_HEAD: FontRole(_HEI_FONTS, 12),
})


@dataclass(frozen=True)
class Run:
    """Text in one style within a paragraph; ``marked`` text is highlighted on the page (what
    the office must still write: 【请填写：……】)."""

    text: str
    style: Style = Style.BODY
    marked: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its runs, its alignment, whether its first line is indented, and whether
    a blank line goes before it."""

    runs: tuple[Run, ...]
    align: Align = Align.JUSTIFY
    indent: bool = True
    gap_before: bool = False
    keep_with_next: bool = False  # a heading: never the last line of a page

    @classmethod
    def of(cls, text: str, *, style: Style = Style.BODY, align: Align = Align.JUSTIFY,
           indent: bool = True, gap_before: bool = False, marked: bool = False,
           keep_with_next: bool = False) -> Paragraph:
        return cls((Run(text, style, marked),), align, indent, gap_before, keep_with_next)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class Table:
    """A numbered table in the body: its caption (表1　…) above it, the header row (repeated on
    every page it runs over, centred), the rows, and the 合计 row. Cells are the words printed;
    ``aligns`` places each column's (numbers to the right)."""

    caption: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    aligns: tuple[Align, ...]
    total: tuple[str, ...] | None = None

    def __post_init__(self) -> None:
        width = len(self.header)
        if len(self.aligns) != width or any(len(r) != width for r in (*self.rows, *self.totals)):
            raise ValueError(f"every row of table {self.caption!r} must have {width} cells")

    @property
    def totals(self) -> tuple[tuple[str, ...], ...]:
        return (self.total,) if self.total is not None else ()

    @property
    def text(self) -> str:
        """The caption and the rows, cells separated by tabs (the clipboard pastes a table)."""
        return "\n".join([self.caption, *("\t".join(r) for r in (self.header, *self.rows, *self.totals))])


Block = Paragraph | Table


@dataclass(frozen=True)
class OfficialDocument:
    """A title and what goes under it: paragraphs (addressee, body, sign-off, date) and, in
    the periodic reports, tables. A title that must break does so where ``\n`` says."""

    title: str
    paragraphs: tuple[Block, ...]

    def plain_text(self) -> str:
        """The same words as plain text, for the clipboard and the command line: the title,
        a blank line, then one line per paragraph (a blank line where the page leaves one)."""
        return "\n".join(_lines(self.title.replace("\n", ""), self.paragraphs))


def _lines(title: str, blocks: Iterable[Block]) -> Iterable[str]:
    yield title
    yield ""
    for p in blocks:
        if isinstance(p, Paragraph) and p.gap_before:
            yield ""
        yield p.text


# --- table columns ---------------------------------------------------------------------------

WIDE_MIN_CHARS = 4  # a column of Chinese words is never narrower than this many characters
_HALF_WIDTH = 0.55  # a digit or Latin letter, in characters of the table's font


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in ("W", "F", "A")


def text_width(words: str) -> float:
    """The width of ``words`` in characters: a Chinese character 1, a digit or letter about half."""
    return sum(1.0 if _wide(ch) else _HALF_WIDTH for ch in words)


def _least_width(words: str) -> float:
    """The narrowest a cell may get: its longest Latin word or figure (never broken), and up
    to ``WIDE_MIN_CHARS`` of its Chinese (which breaks between any two characters)."""
    latin = "".join(" " if _wide(ch) else ch for ch in words).split()
    return max(max((text_width(w) for w in latin), default=0.0), min(text_width(words), WIDE_MIN_CHARS))


def column_shares(table: Table, layout: Layout = LAYOUT) -> tuple[float, ...]:
    """Each column's part of the type area's width (they add up to 1): wide enough for its
    longest cell where the line allows, else for its longest unbreakable word, the room left
    shared in proportion to what each still lacks (as browsers lay out tables)."""
    padding = 2 * layout.cell_padding_pt / layout.font(Style.TABLE).size_pt + 0.3
    room = layout.type_width_mm / (layout.font(Style.TABLE).size_pt * MM_PER_PT)
    columns = list(zip(table.header, *table.rows, *table.totals, strict=True))
    most = [max(text_width(c) for c in col) + padding for col in columns]
    least = [max(_least_width(c) for c in col) + padding for col in columns]
    if sum(most) <= room:
        widths = most
    elif sum(least) >= room:
        widths = least
    else:
        spare, lacking = room - sum(least), sum(most) - sum(least)
        widths = [lo + (hi - lo) * spare / lacking for lo, hi in zip(least, most, strict=True)]
    whole = sum(widths)
    return tuple(w / whole for w in widths)
