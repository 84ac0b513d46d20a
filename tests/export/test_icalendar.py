"""iCalendar files of duty shifts, written by app.export.icalendar alone and read back by an
independent reader (vobject) as a phone's calendar would."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from pathlib import Path

import vobject

from app.export import icalendar
from app.export.icalendar import CalendarEvent

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
STAMP = dt.datetime(2026, 9, 30, 2, 0, tzinfo=dt.UTC)
LONG = "带班领导 张三（13900001234）；值班员 李四、王五；备班 赵六；" * 3  # folded: > 75 octets
EVENTS = [
    CalendarEvent("roster-1@dutydesk", dt.datetime(2026, 10, 1, 8, 30, tzinfo=SHANGHAI),
                  dt.datetime(2026, 10, 2, 8, 30, tzinfo=SHANGHAI), "值班：国庆节 全天",
                  LONG + "\n请提前 10 分钟到岗, 交接班; 注意\\备份", "江州市应急管理局值班室"),
    CalendarEvent("roster-2@dutydesk", dt.datetime(2026, 10, 2, 0, 30, tzinfo=dt.UTC),
                  dt.datetime(2026, 10, 3, 0, 30, tzinfo=dt.UTC), "值班：全天"),
]


def test_a_calendar_reader_finds_every_shift_with_its_times_and_words() -> None:
    text = icalendar.calendar_text(EVENTS, "江州市应急管理局值班表", STAMP)
    cal = vobject.readOne(text)
    assert cal.version.value == "2.0" and cal.prodid.value == icalendar.PRODID
    assert cal.method.value == "PUBLISH" and cal.x_wr_calname.value == "江州市应急管理局值班表"
    first, second = cal.vevent_list
    assert first.uid.value == "roster-1@dutydesk"
    # 08:30 in Shanghai is written as UTC, so every phone shows it at 08:30 local time
    assert first.dtstart.value == dt.datetime(2026, 10, 1, 0, 30, tzinfo=dt.UTC)
    assert first.dtend.value == dt.datetime(2026, 10, 2, 0, 30, tzinfo=dt.UTC)
    assert first.dtstamp.value == STAMP
    assert first.summary.value == "值班：国庆节 全天"
    assert first.description.value == LONG + "\n请提前 10 分钟到岗, 交接班; 注意\\备份"
    assert first.location.value == "江州市应急管理局值班室"
    assert second.dtstart.value == dt.datetime(2026, 10, 2, 0, 30, tzinfo=dt.UTC)
    assert not hasattr(second, "description") and not hasattr(second, "location")


def test_the_text_follows_rfc_5545_lines() -> None:
    text = icalendar.calendar_text(EVENTS, "值班表", STAMP)
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    lines = text.split("\r\n")[:-1]
    assert lines[:6] == ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{icalendar.PRODID}",
                         "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:值班表"]
    assert lines[-1] == "END:VCALENDAR"
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 2
    assert "DTSTART:20261001T003000Z" in lines and "DTSTAMP:20260930T020000Z" in lines
    assert all(len(line.encode("utf-8")) <= 75 for line in lines)  # 75 octets, not characters
    continued = [line for line in lines if line.startswith(" ")]
    assert len(continued) >= 3  # the long description was folded
    unfolded = text.replace("\r\n ", "")  # folding splits between characters, never inside one
    description = next(line for line in unfolded.split("\r\n") if line.startswith("DESCRIPTION:"))
    assert description == ("DESCRIPTION:" + LONG + "\\n请提前 10 分钟到岗\\, 交接班\\; 注意\\\\备份")


def test_an_empty_calendar_is_still_a_calendar(tmp_path: Path) -> None:
    path = tmp_path / "empty.ics"
    icalendar.write_calendar([], "没有班次", STAMP, path)
    cal = vobject.readOne(path.read_bytes().decode("utf-8"))
    assert cal.x_wr_calname.value == "没有班次" and not hasattr(cal, "vevent")


def test_the_file_is_utf8_bytes_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "shifts.ics"
    icalendar.write_calendar(EVENTS, "值班表", STAMP, path)
    assert path.read_bytes() == icalendar.calendar_text(EVENTS, "值班表", STAMP).encode("utf-8")
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")  # no byte-order mark
