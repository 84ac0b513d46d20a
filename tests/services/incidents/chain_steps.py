"""Steps of the report chain as the command line and the screen take them (test helpers)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from app.domain.enums import Channel, Means
from app.domain.sendings import SendingInput
from app.services.context import Context
from app.services.incidents import chain, sending
from app.services.incidents import intake as incidents
from app.services.incidents.info import ReportInfo

TO = "江州市人民政府总值班室"


def by_phone(ctx: Context, report: ReportInfo, **changes: Any) -> sending.SendingResult:
    return sending.send(ctx, report.id, replace(SendingInput(Channel.PHONE, TO), **changes))


def in_writing(ctx: Context, report: ReportInfo, means: Means = Means.FAX,
               **changes: Any) -> sending.SendingResult:
    return sending.send(ctx, report.id, replace(SendingInput(Channel.WRITTEN, TO, means, "张副局长"), **changes))


def follow_up(ctx: Context, number: str, **changes: Any) -> ReportInfo:
    facts = incidents.get(ctx, number).facts
    return chain.follow_up(ctx, number, replace(facts, **changes))


def final(ctx: Context, number: str, **changes: Any) -> ReportInfo:
    facts = incidents.get(ctx, number).facts
    return chain.final(ctx, number, replace(facts, **{"outcome": "险情排除，现场恢复", **changes}))
