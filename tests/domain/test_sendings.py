"""A sending read at the edge and checked: channel and means by identifier or term, a written
one's means and 签发人, whom it went to, its time between the receipt and now."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from app.domain.enums import Channel, Means
from app.domain.sendings import SendingInput, check_sending, read_sending

SH = zoneinfo.ZoneInfo("Asia/Shanghai")
NOW = dt.datetime(2026, 11, 28, 2, 0, tzinfo=dt.UTC)
RECEIVED = NOW - dt.timedelta(hours=1)


def test_identifiers_or_chinese_terms() -> None:
    given, problems = read_sending(channel="书面", means="传真", to=" 市政府总值班室 ", issued_by="张副局长",
                                   at="2026-11-28T09:40", zone=SH)
    assert problems == [] and given == SendingInput(Channel.WRITTEN, "市政府总值班室", Means.FAX, "张副局长",
                                                    dt.datetime(2026, 11, 28, 1, 40, tzinfo=dt.UTC))
    phone, _ = read_sending(channel="phone", to="市政府总值班室", zone=SH)
    assert phone is not None and (phone.channel, phone.means, phone.at) == (Channel.PHONE, None, None)


def test_unreadable_words_are_named() -> None:
    given, problems = read_sending(channel="pigeon", means="smoke", to="x", at="soon", zone=SH)
    assert given is None and [p.values["field"] for p in problems] == ["channel", "means", "at"]


def test_what_a_sending_must_say() -> None:
    def fields(given: SendingInput) -> list[object]:
        return [p.values["field"] for p in check_sending(given, received_at=RECEIVED, now=NOW, zone=SH)]

    assert fields(SendingInput(Channel.WRITTEN, "市政府总值班室", Means.FAX, "张副局长")) == []
    assert fields(SendingInput(Channel.WRITTEN, "", None, "")) == ["means", "to", "issued_by"]
    assert fields(SendingInput(Channel.PHONE, "市政府总值班室", Means.FAX)) == ["means"]
    assert fields(SendingInput(Channel.PHONE, "市政府总值班室", at=NOW + dt.timedelta(hours=1))) == ["at"]
    assert fields(SendingInput(Channel.PHONE, "市政府总值班室", at=RECEIVED - dt.timedelta(hours=1))) == ["at"]
    assert fields(SendingInput(Channel.PHONE, "x" * 201)) == ["to"]
