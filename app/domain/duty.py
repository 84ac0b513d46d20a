"""The duty day and its log (RULES.md §1, §4, §5): shifts, kinds of entry, check-in times,
the daily holiday report's words. Pure Python.

A shift is a duty day: from the shift start (08:30 by default, office time) to the same time
the next day. An entry, a check-in or a handover belongs to the duty day that starts on its
date (``shift_date``).
"""

from __future__ import annotations

import datetime as dt
import enum
import re
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.chinese import numeral

DEFAULT_SHIFT_TIME = dt.time(8, 30)
DEFAULT_SHIFT_START = DEFAULT_SHIFT_TIME.strftime("%H:%M")  # "08:30", as settings hold it
DEFAULT_LATE_MINUTES = 30
DEFAULT_EARLY_MINUTES = 120  # a check-in this close before the next shift is for that shift
DEFAULT_MAX_RINGS = 3  # RULES.md §5: answered within three rings
_HHMM = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


class LogKind(enum.StrEnum):
    """What a duty log entry records."""

    INCOMING_CALL = "incoming_call"
    OUTGOING_CALL = "outgoing_call"
    INSTRUCTION = "instruction"
    NOTE = "note"
    CHECK_IN = "check_in"
    HANDOVER = "handover"
    PRESENCE_CHECK = "presence_check"
    REPORT = "report"
    INTAKE = "intake"

    @property
    def zh(self) -> str:
        return {
            LogKind.INCOMING_CALL: "来电", LogKind.OUTGOING_CALL: "去电",
            LogKind.INSTRUCTION: "领导指示", LogKind.NOTE: "记事", LogKind.CHECK_IN: "签到",
            LogKind.HANDOVER: "交接班", LogKind.PRESENCE_CHECK: "查岗", LogKind.REPORT: "报送",
            LogKind.INTAKE: "接报",
        }[self]

    @property
    def is_call(self) -> bool:
        return self in (LogKind.INCOMING_CALL, LogKind.OUTGOING_CALL, LogKind.INTAKE)


# What an operator may write by hand; the others are written by the program.
USER_KINDS = (LogKind.INCOMING_CALL, LogKind.OUTGOING_CALL, LogKind.INSTRUCTION, LogKind.NOTE)


# Short words the command line takes for a kind (``log add --kind call``).
_ALIASES = {"call": LogKind.INCOMING_CALL, "电话记录": LogKind.INCOMING_CALL}


def parse_kind(value: str) -> LogKind | None:
    """A kind from its identifier (``note``, ``incoming-call``, ``call``) or its Chinese term
    (记事, 电话记录)."""
    raw = (value or "").strip()
    key = raw.lower().replace("-", "_")
    if key in _ALIASES or raw in _ALIASES:
        return _ALIASES.get(key) or _ALIASES[raw]
    for kind in LogKind:
        if key == kind.value or raw == kind.zh:
            return kind
    return None


def parse_hhmm(value: object) -> dt.time | None:
    """``08:30`` → 08:30; None when it is not a time of day."""
    match = _HHMM.match(str(value or "").strip())
    if not match:
        return None
    return dt.time(int(match.group(1)), int(match.group(2)))


def shift_date_of(at: dt.datetime, zone: zoneinfo.ZoneInfo, start: dt.time) -> dt.date:
    """The duty day ``at`` falls in: before the shift start it is still yesterday's."""
    local = at.astimezone(zone)
    day = local.date()
    return day - dt.timedelta(days=1) if local.time() < start else day


def shift_bounds(day: dt.date, zone: zoneinfo.ZoneInfo, start: dt.time) -> tuple[dt.datetime, dt.datetime]:
    """When the duty day ``day`` begins and ends (UTC)."""
    begin = dt.datetime.combine(day, start, zone).astimezone(dt.UTC)
    end = dt.datetime.combine(day + dt.timedelta(days=1), start, zone).astimezone(dt.UTC)
    return begin, end


def check_in_shift(at: dt.datetime, zone: zoneinfo.ZoneInfo, start: dt.time,
                   early_minutes: int = DEFAULT_EARLY_MINUTES) -> dt.date:
    """The shift a sign-in at ``at`` is for: the current one, or the next when it comes
    less than ``early_minutes`` before that one starts (the incoming officer arrives early)."""
    day = shift_date_of(at, zone, start)
    _begin, end = shift_bounds(day, zone, start)
    if end - at <= dt.timedelta(minutes=early_minutes):
        return day + dt.timedelta(days=1)
    return day


def is_late(at: dt.datetime, shift_begin: dt.datetime, late_minutes: int) -> bool:
    """Signed in more than ``late_minutes`` after the shift began."""
    return at > shift_begin + dt.timedelta(minutes=late_minutes)


# --- the daily report on holidays ("有事报事，无事报平安") -------------------------------------


@dataclass(frozen=True)
class DayIncident:
    """One incident of the day, as the daily report names it."""

    number: str
    title: str
    level_zh: str
    status: str  # open | closed
    received_at: dt.datetime
    deaths: int | None  # None: not known yet
    injuries: int | None
    measures: str


def _cn_time(t: dt.datetime) -> str:
    return f"{t.month}月{t.day}日{t.hour}时" + (f"{t.minute}分" if t.minute else "")


def compose_daily_report(*, office: str, day: dt.date, since: dt.datetime, until: dt.datetime,
                         incidents: Sequence[DayIncident], zone: zoneinfo.ZoneInfo,
                         officer: str, holiday: str = "",
                         recipient: str = "上级应急管理部门值班室") -> str:
    """The daily holiday report: each incident of the period, or a nil report when none.

    The first line is the title (printing makes it the heading).
    """
    a, b = since.astimezone(zone), until.astimezone(zone)
    title = f"{office}{holiday or '节假日'}值班日报告"
    lines = [title, f"（{day.year}年{day.month}月{day.day}日）", "", f"{recipient}："]
    period = f"{a.year}年{_cn_time(a)}至{_cn_time(b)}"
    if not incidents:
        lines.append(f"　　{period}，我单位值班工作正常，值班人员在岗在位，"
                     "辖区内未发生需报告的突发事件，安全形势总体平稳。")
        lines.append("　　特此报告（零报告）。")
    else:
        lines.append(f"　　{period}，我单位值班工作正常，值班人员在岗在位。"
                     f"期间共接报突发事件{len(incidents)}起，情况如下：")
        for i, inc in enumerate(incidents, start=1):
            when = _cn_time(inc.received_at.astimezone(zone))
            state = "正在处置" if inc.status == "open" else "已处置完毕"
            harm = []
            if inc.deaths:
                harm.append(f"死亡{inc.deaths}人")
            if inc.injuries:
                harm.append(f"受伤{inc.injuries}人")
            level = f"（{inc.level_zh}）" if inc.level_zh else ""
            sentence = f"　　{numeral(i)}、{when}接报{inc.title}{level}"
            if harm:
                sentence += f"，造成{'、'.join(harm)}"
            elif inc.deaths is None and inc.injuries is None:
                sentence += "，人员伤亡情况正在核实"
            else:
                sentence += "，暂无人员伤亡报告"
            sentence += f"。{inc.measures.rstrip('。')}。" if inc.measures else "。"
            sentence += f"目前{state}。（编号{inc.number}）"
            lines.append(sentence)
        lines.append("　　其他时段未发生需报告的突发事件。特此报告。")
    lines += ["", f"值班员：{officer}", f"报告单位：{office}"]
    return "\n".join(lines)
