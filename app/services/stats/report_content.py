"""The content of the quarterly work report and the annual duty-work summary, assembled from
the records (DESIGN.md "Documents", the seed's outline).

``assemble`` reads the statistics and the further figures in one go and returns the typed
outline of app.domain.report_outline: every figure counted, every table numbered in order, and
a placeholder (【请填写：……】) wherever the office must write what no record says. The words are
Simplified Chinese whatever the UI language: documents always are.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select

from app.domain.errors import InputError
from app.domain.messages import Problem
from app.domain.progress import Progress, no_progress
from app.domain.report_outline import (
    DocumentContent,
    DocumentKind,
    Paragraph,
    Placeholder,
    heading,
)
from app.models import Office
from app.services import stats
from app.services.context import Context
from app.services.office.zone import zone_in
from app.services.roster.files import default_filer
from app.services.stats import report_figures, report_sections
from app.services.stats.period import quarter

QUARTER_WORDS = ("第一季度", "第二季度", "第三季度", "第四季度")
STEPS = 3


def period(kind: DocumentKind, year: int, number: int | None) -> tuple[dt.date, dt.date, str]:
    """The first and last day of the document's period and its words (2026年第一季度); an
    InputError naming the year or the quarter that is no such thing (asked before any work)."""
    if not 1900 <= year <= 2200:
        raise InputError(Problem("report.bad_year", "report.year", {"value": year}))
    if kind is DocumentKind.ANNUAL:
        return dt.date(year, 1, 1), dt.date(year, 12, 31), f"{year}年"
    if number not in (1, 2, 3, 4):
        raise InputError(Problem("report.bad_quarter", "report.quarter", {"value": number}))
    first, last = quarter(year, number)
    return first, last, f"{year}年{QUARTER_WORDS[number - 1]}"


def _title(kind: DocumentKind, office: str, words: str) -> str:
    if kind is DocumentKind.ANNUAL:
        return f"{office}{words}度应急值守工作总结"
    return f"{office}{words}应急值守工作情况报告"


def assemble(ctx: Context, kind: DocumentKind, year: int, number: int | None = None,
             progress: Progress = no_progress) -> DocumentContent:
    """The document of ``year`` (and quarter ``number`` for the quarterly report)."""
    first, last, words = period(kind, year, number)
    progress(0, STEPS)
    counted = stats.compute(ctx, first, last)
    progress(1, STEPS)
    with ctx.db.read() as s:
        office = s.scalar(select(Office).order_by(Office.id).limit(1))
        name, duty_phone = (office.name, office.duty_phone) if office else ("", "")
        today = ctx.clock.now().astimezone(zone_in(s)).date()
        span = counted.period
        figures = report_sections.Figures(
            counted, report_figures.duty(s, span), report_figures.late_items(s, span),
            report_figures.serious_incidents(s, span), report_figures.resources(s))
    progress(2, STEPS)
    contact = default_filer(ctx)
    numbers = report_sections.TableNumbers()
    sections = tuple(build(heading(i, title), figures, words, numbers)
                     for i, (title, build) in enumerate(report_sections.SECTIONS))
    opening = (f"现将{name}{words}度应急值守工作总结如下：" if kind is DocumentKind.ANNUAL
               else f"现将{name}{words}应急值守工作情况报告如下：")
    progress(3, STEPS)
    return DocumentContent(
        kind=kind, title=_title(kind, name, words),
        addressed_to=Placeholder("主送机关（如 市应急管理局）"), opening=Paragraph(opening),
        sections=sections, office=name, contact=contact or Placeholder("联系人"),
        contact_phone=duty_phone, dated=today, first_day=first, last_day=last)
