"""Reporting-deadline rules (RULES.md §3): three kinds, profiles with sources, the stages.

Pure Python. A rule is one of:
- ``after``: a limit in minutes after a clock (the time received or the time of occurrence);
- ``time_of_day``: follow-ups before set times of day while the incident is open;
- ``calendar``: a date on the calendar (the quarterly report, the daily report on holidays).
Each applies to a category (or all), to levels (or all, "none" meaning no level yet), to any
sensitive incident when ``sensitive`` is set, to an incident kind (event or warning), and asks
for a report kind by a channel.
"""

from __future__ import annotations

import datetime as dt
import re
import zoneinfo
from dataclasses import asdict, dataclass, field
from typing import Any

from app.domain.enums import Category, Channel, DeadlineStage, IncidentKind, Level, ReportKind
from app.domain.messages import Problem, language

RULE_KINDS = ("after", "time_of_day", "calendar")
CLOCKS = ("received", "occurred")
CALENDAR_EVENTS = ("quarter_end", "holiday_day")
NO_LEVEL = "none"
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass(frozen=True)
class DeadlineRule:
    """One rule of a profile."""

    kind: str
    report_kind: str
    channel: str = Channel.WRITTEN.value
    incident_kind: str = IncidentKind.EVENT.value
    categories: tuple[str, ...] = ()  # empty: every category
    levels: tuple[str, ...] = ()  # empty: every level; "none": no level yet
    sensitive: bool = False  # also applies to any sensitive incident, whatever its level
    minutes: int = 0  # after
    clock: str = "received"  # after
    times: tuple[str, ...] = ()  # time_of_day, calendar ("HH:MM")
    event: str = ""  # calendar: quarter_end | holiday_day
    day: int = 0  # calendar quarter_end: day of the month after the quarter ends
    label: str = ""

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> DeadlineRule:
        known = {f: data[f] for f in cls.__dataclass_fields__ if f in data}
        for key in ("categories", "levels", "times"):
            if key in known:
                known[key] = tuple(known[key])
        return cls(**known)

    def applies_to(self, incident_kind: str, category: str | None, level: str | None,
                   sensitive: bool) -> bool:
        if self.kind == "calendar" or self.incident_kind != incident_kind:
            return False
        if self.categories and category not in self.categories:
            return False
        if self.sensitive and sensitive:
            return True
        if not self.levels:
            return True
        return (level or NO_LEVEL) in self.levels


@dataclass(frozen=True)
class RuleProfile:
    key: str
    name: str
    source: str
    rules: tuple[DeadlineRule, ...] = field(default_factory=tuple)


def validate_rule(rule: DeadlineRule, row: int) -> list[Problem]:
    """Problems with one rule; ``row`` (1-based) names it in the message."""
    reasons = _value_problems(rule) + _kind_problems(rule)
    return [Problem("rule.invalid", None, {"row": row, "reason": reason}) for reason in reasons]


def _value_problems(rule: DeadlineRule) -> list[str]:
    """Values outside their enumerations, and times that are not HH:MM."""
    reasons: list[str] = []
    allowed = (("kind", RULE_KINDS), ("report_kind", {k.value for k in ReportKind}),
               ("channel", {c.value for c in Channel}),
               ("incident_kind", {k.value for k in IncidentKind}))
    for name, values in allowed:
        if getattr(rule, name) not in values:
            reasons.append(f"{name}={getattr(rule, name)!r}")
    reasons += [f"category={c!r}" for c in rule.categories if c not in {x.value for x in Category}]
    levels = {x.value for x in Level} | {NO_LEVEL}
    reasons += [f"level={lv!r}" for lv in rule.levels if lv not in levels]
    reasons += [f"time={t!r}" for t in rule.times if not _HHMM.match(t)]
    return reasons


def _kind_problems(rule: DeadlineRule) -> list[str]:
    """What each kind of rule needs: a limit and a clock, times of day, or a calendar event."""
    reasons: list[str] = []
    if rule.kind == "after":
        if not 1 <= rule.minutes <= 60 * 24 * 31:
            reasons.append(f"minutes={rule.minutes}")
        if rule.clock not in CLOCKS:
            reasons.append(f"clock={rule.clock!r}")
    elif rule.kind == "time_of_day" and not rule.times:
        reasons.append("times=()")
    elif rule.kind == "calendar":
        if rule.event not in CALENDAR_EVENTS:
            reasons.append(f"event={rule.event!r}")
        if rule.event == "quarter_end" and not 1 <= rule.day <= 28:
            reasons.append(f"day={rule.day}")
        if rule.event == "holiday_day" and len(rule.times) != 1:
            reasons.append("times")
    return reasons


# --- the built-in profiles ---------------------------------------------------------------

_I_II = (Level.I.value, Level.II.value)


def _after(report: ReportKind, channel: Channel, minutes: int, levels: tuple[str, ...] = (),
           *, sensitive: bool = False, kind: IncidentKind = IncidentKind.EVENT,
           categories: tuple[str, ...] = (), clock: str = "received", label: str = "") -> DeadlineRule:
    return DeadlineRule("after", report.value, channel.value, kind.value, categories, levels,
                        sensitive, minutes, clock, label=label)


def _follow_ups(levels: tuple[str, ...], times: tuple[str, ...]) -> DeadlineRule:
    return DeadlineRule("time_of_day", ReportKind.FOLLOW_UP.value, Channel.WRITTEN.value,
                        IncidentKind.EVENT.value, (), levels, False, times=times)


_QUARTERLY = DeadlineRule("calendar", ReportKind.QUARTERLY_REPORT.value, Channel.WRITTEN.value,
                          IncidentKind.EVENT.value, event="quarter_end", day=10, times=("17:30",))
_DAILY = DeadlineRule("calendar", ReportKind.DAILY_REPORT.value, Channel.WRITTEN.value,
                      IncidentKind.EVENT.value, event="holiday_day", times=("15:00",))

BUILT_IN: tuple[RuleProfile, ...] = (
    RuleProfile(
        "default", "默认规则（本市）",
        "本软件默认规则：预警 2 小时（本市规定）；较大以上 30 分钟电话、1 小时书面（多地做法）；"
        "一般 6 小时书面、续报每日 8 时和 17 时前（河南示例）；季度报送、节假日日报告。",
        (
            _after(ReportKind.WARNING, Channel.WRITTEN, 120, _I_II, kind=IncidentKind.WARNING),
            _after(ReportKind.INITIAL, Channel.PHONE, 30, _I_II, sensitive=True),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 60, _I_II),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 60, (Level.III.value,)),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 360, (Level.IV.value, NO_LEVEL)),
            _follow_ups((Level.I.value, Level.II.value, Level.III.value), ("08:00", "17:00")),
            _QUARTERLY,
            _DAILY,
        ),
    ),
    RuleProfile(
        "national-2005", "国家总体应急预案（2005）",
        "《国家突发公共事件总体应急预案》3.2.1：特别重大、重大突发公共事件立即报告，最迟不超过 4 小时。",
        (
            _after(ReportKind.INITIAL, Channel.PHONE, 30, _I_II, sensitive=True),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 240, _I_II),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 360, (Level.III.value, Level.IV.value, NO_LEVEL)),
            _QUARTERLY,
        ),
    ),
    RuleProfile(
        "production-safety", "生产安全事故（国务院令第493号）",
        "《生产安全事故报告和调查处理条例》：事故单位负责人 1 小时内报告县级；每级上报不超过 2 小时。",
        (
            _after(ReportKind.INITIAL, Channel.PHONE, 60, (), categories=(Category.ACCIDENT.value,),
                   clock="occurred"),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 120, (), categories=(Category.ACCIDENT.value,)),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 360,
                   categories=(Category.NATURAL.value, Category.HEALTH.value, Category.SOCIAL.value)),
            _QUARTERLY,
        ),
    ),
    RuleProfile(
        "public-health", "突发公共卫生事件应急条例",
        "《突发公共卫生事件应急条例》：接到报告后 2 小时内向上级报告。",
        (
            _after(ReportKind.INITIAL, Channel.WRITTEN, 120, (), categories=(Category.HEALTH.value,)),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 360,
                   categories=(Category.NATURAL.value, Category.ACCIDENT.value, Category.SOCIAL.value)),
            _QUARTERLY,
        ),
    ),
    RuleProfile(
        "henan", "河南示例",
        "河南省示例：重大以上 15 分钟电话、35 分钟书面；较大 1 小时书面；一般 6 小时书面；"
        "续报每日 8 时和 17 时前。",
        (
            _after(ReportKind.INITIAL, Channel.PHONE, 15, _I_II, sensitive=True),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 35, _I_II),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 60, (Level.III.value,)),
            _after(ReportKind.INITIAL, Channel.WRITTEN, 360, (Level.IV.value, NO_LEVEL)),
            _follow_ups((Level.I.value, Level.II.value, Level.III.value), ("08:00", "17:00")),
            _QUARTERLY,
            _DAILY,
        ),
    ),
)


def built_in(key: str) -> RuleProfile:
    return next(p for p in BUILT_IN if p.key == key)


# --- computing deadlines ------------------------------------------------------------------


@dataclass(frozen=True)
class IncidentFacts:
    """What the rules look at on an incident."""

    kind: str
    category: str | None
    level: str | None
    sensitive: bool
    received_at: dt.datetime
    occurred_at: dt.datetime | None = None


@dataclass(frozen=True)
class PlannedDeadline:
    report_kind: str
    channel: str
    due_at: dt.datetime
    rule_index: int


def at_local(day: dt.date, hhmm: str, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    h, m = map(int, hhmm.split(":"))
    return dt.datetime.combine(day, dt.time(h, m), zone).astimezone(dt.UTC)


def next_time_of_day(after: dt.datetime, times: tuple[str, ...], zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The first of ``times`` (local) strictly after ``after``."""
    local = after.astimezone(zone)
    for offset in range(3):
        day = local.date() + dt.timedelta(days=offset)
        for t in sorted(times):
            candidate = at_local(day, t, zone)
            if candidate > after:
                return candidate
    raise ValueError("no time of day given")


def plan_incident(profile: RuleProfile, facts: IncidentFacts, zone: zoneinfo.ZoneInfo) -> list[PlannedDeadline]:
    """The deadlines an incident starts under ``profile`` (after-clock rules and the first
    follow-up of time-of-day rules)."""
    planned: list[PlannedDeadline] = []
    applicable = [(i, r) for i, r in enumerate(profile.rules)
                  if r.applies_to(facts.kind, facts.category, facts.level, facts.sensitive)]
    for index, rule in applicable:
        if rule.kind == "after":
            base = facts.occurred_at if rule.clock == "occurred" and facts.occurred_at else facts.received_at
            planned.append(PlannedDeadline(rule.report_kind, rule.channel,
                                           base + dt.timedelta(minutes=rule.minutes), index))
    # The first follow-up falls at the first set time after the initial reports are due, not
    # minutes after the call came in.
    after = max([p.due_at for p in planned], default=facts.received_at)
    for index, rule in applicable:
        if rule.kind == "time_of_day":
            planned.append(PlannedDeadline(rule.report_kind, rule.channel,
                                           next_time_of_day(after, rule.times, zone), index))
    return planned


def quarter_report_due(quarter_end: dt.date, rule: DeadlineRule, zone: zoneinfo.ZoneInfo) -> dt.datetime:
    """The quarterly report's deadline: ``rule.day`` of the month after the quarter ends."""
    first = quarter_end + dt.timedelta(days=1)
    return at_local(first.replace(day=rule.day), rule.times[0] if rule.times else "17:30", zone)


def quarter_of(day: dt.date) -> tuple[int, int, dt.date]:
    """(year, quarter, last day of that quarter)."""
    q = (day.month - 1) // 3 + 1
    end_month = q * 3
    next_first = dt.date(day.year + (end_month == 12), end_month % 12 + 1, 1)
    return day.year, q, next_first - dt.timedelta(days=1)


# --- stages -------------------------------------------------------------------------------


@dataclass(frozen=True)
class StageSettings:
    """When alarms escalate, in minutes (configurable per office)."""

    notice_minutes: int = 30
    urgent_minutes: int = 10
    repeat_minutes: int = 5

    def problems(self) -> list[Problem]:
        out = []
        if not (0 < self.urgent_minutes < self.notice_minutes <= 24 * 60):
            out.append(Problem("stages.invalid"))
        if not 1 <= self.repeat_minutes <= 120:
            out.append(Problem("stages.invalid"))
        return out


def stage_at(due: dt.datetime, now: dt.datetime, s: StageSettings) -> DeadlineStage:
    left = (due - now).total_seconds()
    if left > s.notice_minutes * 60:
        return DeadlineStage.PENDING
    if left > s.urgent_minutes * 60:
        return DeadlineStage.NOTICE
    if left > 0:
        return DeadlineStage.URGENT
    if left > -60:
        return DeadlineStage.DUE
    return DeadlineStage.OVERDUE


def stage_times(due: dt.datetime, s: StageSettings) -> dict[DeadlineStage, dt.datetime]:
    """When each stage begins."""
    return {
        DeadlineStage.NOTICE: due - dt.timedelta(minutes=s.notice_minutes),
        DeadlineStage.URGENT: due - dt.timedelta(minutes=s.urgent_minutes),
        DeadlineStage.DUE: due,
        DeadlineStage.OVERDUE: due + dt.timedelta(seconds=60),
    }


def format_remaining(seconds: float) -> str:
    """``1:05:09`` or ``-0:03:12`` (overdue), from seconds left."""
    sign = "-" if seconds < 0 else ""
    total = int(abs(seconds))
    h, rem = divmod(total, 3600)
    m, s = divmod(rem, 60)
    if h >= 48:
        days, hours = h // 24, h % 24
        return f"{sign}{days}天{hours}时" if language() == "zh_CN" else f"{sign}{days}d {hours}h"
    return f"{sign}{h}:{m:02d}:{s:02d}"
