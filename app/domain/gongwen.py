"""The 公文 page (RULES.md §4, GB/T 9704-2012 as offices apply it to 信息专报) and the document
that fills it. Pure data: the .docx writer (app/export) and the print preview (app/ui) both lay
out an ``OfficialDocument`` by this ``LAYOUT``, and so will the quarterly report and the annual
summary.

Fonts are named officially first (the .docx keeps these names, so WPS or Word on the office
machine renders them), then the fallbacks a renderer picks from when the machine lacks them.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field


class Style(enum.StrEnum):
    """What a piece of text is on the page; each has its font."""

    TITLE = "title"  # 小标宋 2号
    BODY = "body"  # 仿宋 3号
    HEADING1 = "heading1"  # 黑体 3号: 一、二、……
    HEADING2 = "heading2"  # 楷体 3号: （一）（二）……
    PAGE_NUMBER = "page_number"  # 宋体 4号: — 1 —


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
    fonts: dict[Style, FontRole] = field(default_factory=dict)

    def font(self, style: Style) -> FontRole:
        return self.fonts[style]

    @staticmethod
    def page_number(n: int) -> str:
        """— 1 —, with the em dashes the standard calls for (一字线)."""
        return f"— {n} —"


LAYOUT = Layout(fonts={
    Style.TITLE: FontRole(("方正小标宋简体", "方正小标宋_GBK", "华文中宋", "STZhongsong",
                           "Noto Serif CJK SC Black", "Noto Serif CJK SC"), 22),
    Style.BODY: FontRole(("仿宋_GB2312", "仿宋", "方正仿宋_GBK", "方正仿宋简体", "FangSong",
                          "STFangsong", "Noto Serif CJK SC"), 16),
    Style.HEADING1: FontRole(("黑体", "方正黑体_GBK", "SimHei", "STHeiti", "Noto Sans CJK SC"), 16),
    Style.HEADING2: FontRole(("楷体_GB2312", "楷体", "方正楷体_GBK", "KaiTi", "STKaiti",
                              "AR PL UKai CN", "AR PL KaitiM GB", "Noto Serif CJK SC"), 16),
    Style.PAGE_NUMBER: FontRole(("宋体", "SimSun", "STSong", "AR PL SungtiL GB",
                                 "Noto Serif CJK SC"), 14),
})


@dataclass(frozen=True)
class Run:
    """Text in one style within a paragraph."""

    text: str
    style: Style = Style.BODY


@dataclass(frozen=True)
class Paragraph:
    """One paragraph: its runs, its alignment, whether its first line is indented, and whether
    a blank line goes before it."""

    runs: tuple[Run, ...]
    align: Align = Align.JUSTIFY
    indent: bool = True
    gap_before: bool = False

    @classmethod
    def of(cls, text: str, *, style: Style = Style.BODY, align: Align = Align.JUSTIFY,
           indent: bool = True, gap_before: bool = False) -> Paragraph:
        return cls((Run(text, style),), align, indent, gap_before)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


@dataclass(frozen=True)
class OfficialDocument:
    """A title and the paragraphs under it (addressee, body, sign-off, date)."""

    title: str
    paragraphs: tuple[Paragraph, ...]

    def plain_text(self) -> str:
        """The same words as plain text, for the clipboard and the command line: the title,
        a blank line, then one line per paragraph (a blank line where the page leaves one)."""
        return "\n".join(_lines(self.title, self.paragraphs))


def _lines(title: str, paragraphs: Iterable[Paragraph]) -> Iterable[str]:
    yield title
    yield ""
    for p in paragraphs:
        if p.gap_before:
            yield ""
        yield p.text
