"""The content of the office's periodic documents (the quarterly work report, 季度工作报告, and
the annual duty-work summary, 年度值守工作总结) as typed data, before any layout.

The outline is the seed's own (an annual summary of a city's emergency work): duty and rosters
filed, information received and reported, incidents by category and level, warning
information, plans, drills and training, experts and teams, problems and next steps. Every
figure and every numbered table comes from the records; a paragraph that no record can write
is a ``Placeholder`` the office fills in, printed as 【请填写：……】 and never invented. The
公文 writer (app/export) lays this out as .docx and PDF; this module knows no layout.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass

PLACEHOLDER_OPEN, PLACEHOLDER_CLOSE = "【请填写：", "】"

Cell = str | int | float | None


class DocumentKind(enum.StrEnum):
    QUARTERLY = "quarterly"  # 季度工作报告
    ANNUAL = "annual"  # 年度值守工作总结


@dataclass(frozen=True)
class Paragraph:
    """Body text written from the records (its figures counted, never guessed)."""

    text: str


@dataclass(frozen=True)
class Placeholder:
    """A paragraph no record can write: what the office should say there."""

    prompt: str

    @property
    def text(self) -> str:
        return f"{PLACEHOLDER_OPEN}{self.prompt}{PLACEHOLDER_CLOSE}"


@dataclass(frozen=True)
class Table:
    """A numbered table (表1 …): its caption, header, rows and 合计 row; ``numeric`` says which
    columns hold numbers (right-aligned, summed in the total)."""

    number: int
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[bool, ...]
    total: tuple[Cell, ...] | None = None

    @property
    def caption(self) -> str:
        return f"表{self.number}　{self.title}"


Block = Paragraph | Placeholder | Table


@dataclass(frozen=True)
class Section:
    """一、…: a heading and what follows it, in order."""

    heading: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class DocumentContent:
    """A whole document: title, 主送机关, opening, sections, and the closing lines."""

    kind: DocumentKind
    title: str
    addressed_to: Placeholder | str
    opening: Paragraph
    sections: tuple[Section, ...]
    office: str
    contact: Placeholder | str
    contact_phone: str
    dated: dt.date
    first_day: dt.date
    last_day: dt.date

    def tables(self) -> list[Table]:
        return [b for s in self.sections for b in s.blocks if isinstance(b, Table)]

    def placeholders(self) -> list[Placeholder]:
        found = [b for s in self.sections for b in s.blocks if isinstance(b, Placeholder)]
        return [p for p in (self.addressed_to, self.contact) if isinstance(p, Placeholder)] + found


def total_row(rows: tuple[tuple[Cell, ...], ...], numeric: tuple[bool, ...],
              label: str = "合计") -> tuple[Cell, ...]:
    """The 合计 row: the label in the first column, the sums of the numeric columns."""
    out: list[Cell] = []
    for i, is_number in enumerate(numeric):
        if i == 0:
            out.append(label)
        elif is_number:
            out.append(sum(int(r[i] or 0) for r in rows if isinstance(r[i], int | float)))
        else:
            out.append(None)
    return tuple(out)


def percent(part: int, whole: int) -> str:
    """A rate as the documents write it (98.5%), or — when there is nothing to rate."""
    return f"{part / whole:.1%}" if whole else "—"


CHINESE_NUMBERS = ("一", "二", "三", "四", "五", "六", "七", "八", "九", "十")


def heading(index: int, words: str) -> str:
    """一、words (index from 0)."""
    return f"{CHINESE_NUMBERS[index]}、{words}"
