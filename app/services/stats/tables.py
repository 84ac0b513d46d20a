"""The statistics as numbered tables (表1 …) with their 合计 rows: what the 统计 section shows
and what its workbook holds. Cells are counts (int) or rates (float, 0–1; None when nothing was
decided); the words are the documents' Chinese.
"""

from __future__ import annotations

from app.domain.enums import Category, Level
from app.domain.report_outline import Cell, Table, total_row
from app.services.stats import Stats
from app.services.stats.counts import INCOMING, OUTGOING, Checks, Outcomes

NO_UNIT = "（未注明）"
OUTCOME_COLUMNS = ("应报", "按时", "迟报", "漏报", "未办结", "按时率")


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _outcomes(o: Outcomes) -> tuple[Cell, ...]:
    return (o.total, o.on_time, o.late, o.missed, o.open, o.on_time_rate)


def _with_total(number: int, title: str, columns: tuple[str, ...], rows: list[tuple[Cell, ...]],
                numeric: tuple[bool, ...], rates: dict[int, float | None] | None = None) -> Table:
    body = tuple(rows)
    total = list(total_row(body, numeric))
    for i, value in (rates or {}).items():
        total[i] = value
    return Table(number, title, columns, body, numeric, tuple(total))


def _category_name(c: Category | None) -> str:
    return c.zh if c else "未分类"


def overview(s: Stats) -> Table:
    d, pc = s.deadlines.total, s.presence.total
    rows: list[tuple[Cell, ...]] = [
        ("突发事件（起）", s.incidents.total), ("预警信息（条）", s.warnings.total),
        ("报送时限（项）", d.total), ("其中按时", d.on_time), ("其中迟报", d.late),
        ("其中漏报", d.missed), ("其中未办结", d.open), ("按时报送率", d.on_time_rate),
        ("接听来电（次）", s.calls.incoming), ("查岗（次）", pc.total),
        (f"{s.presence.ring_limit}声内接听（次）", pc.within_limit),
        ("应急演练（次）", s.plans.drills), ("应急培训（次）", s.plans.trainings)]
    return Table(1, "概况", ("指标", "数值"), tuple(rows), (False, True))


def incidents_by_month(s: Stats) -> Table:
    inc = s.incidents
    cats = [c for c in inc.by_category if c is not None] + ([None] if inc.by_category.get(None) else [])
    rows: list[tuple[Cell, ...]] = [
        (m, *(inc.by_month_category.get((m, c), 0) for c in cats), n) for m, n in inc.by_month.items()]
    return _with_total(2, "各月突发事件", ("月份", *(_category_name(c) for c in cats), "合计"), rows,
                       (False, *(True for _ in cats), True))


def incidents_by_category_level(s: Stats) -> Table:
    inc = s.incidents
    cats = [c for c in inc.by_category if c is not None] + ([None] if inc.by_category.get(None) else [])
    levels: list[Level | None] = [*Level, None]
    rows: list[tuple[Cell, ...]] = [
        (_category_name(c), *(inc.by_category_level.get((c, lv), 0) for lv in levels),
         inc.by_category.get(c, 0)) for c in cats]
    return _with_total(3, "突发事件分类分级", ("类别", *(lv.zh for lv in Level), "未定级", "合计"), rows,
                       (False, True, True, True, True, True, True))


def incidents_by_unit(s: Stats) -> Table:
    rows: list[tuple[Cell, ...]] = [(u or NO_UNIT, n) for u, n in s.incidents.by_unit]
    return _with_total(4, "各单位（信息来源）突发事件", ("单位", "起数"), rows, (False, True))


def deadlines_by_kind(s: Stats) -> Table:
    rows: list[tuple[Cell, ...]] = [(k.report_kind.zh, k.channel.zh, *_outcomes(k.outcomes))
                                    for k in s.deadlines.by_kind]
    total = s.deadlines.total
    return _with_total(5, "报送时限执行情况（按报送事项）", ("报送事项", "报送方式", *OUTCOME_COLUMNS), rows,
                       (False, False, True, True, True, True, True, True), {7: total.on_time_rate})


def deadlines_by_month(s: Stats) -> Table:
    rows: list[tuple[Cell, ...]] = [(m, *_outcomes(o)) for m, o in s.deadlines.by_month.items()]
    total = s.deadlines.total
    return _with_total(6, "各月报送时限执行情况", ("月份", *OUTCOME_COLUMNS), rows,
                       (False, True, True, True, True, True, True), {6: total.on_time_rate})


def _checks(name: str, c: Checks) -> tuple[Cell, ...]:
    return (name, c.total, c.answered, c.within_limit, _rate(c.within_limit, c.total))


def presence(s: Stats) -> Table:
    pc = s.presence
    rows = [_checks("上级查岗（本单位接听）", pc.by_direction[INCOMING]),
            _checks("对下级单位查岗", pc.by_direction[OUTGOING])]
    whole = pc.total
    return _with_total(7, "查岗情况", ("查岗", "次数", "接听", f"{pc.ring_limit}声内接听", "及时接听率"),
                       rows, (False, True, True, True, True),
                       {4: _rate(whole.within_limit, whole.total)})


def calls_by_month(s: Stats) -> Table:
    rows: list[tuple[Cell, ...]] = [(m, n) for m, n in s.calls.incoming_by_month.items()]
    return _with_total(8, "各月接听来电", ("月份", "来电（次）"), rows, (False, True))


def all_tables(s: Stats) -> list[Table]:
    """Every table of the statistics, numbered in order."""
    return [overview(s), incidents_by_month(s), incidents_by_category_level(s), incidents_by_unit(s),
            deadlines_by_kind(s), deadlines_by_month(s), presence(s), calls_by_month(s)]
