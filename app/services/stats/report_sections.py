"""The sections of the periodic documents, in the seed's order, each written from the figures.

A section states what the records say, in numbers; a numbered table carries the detail with
its 合计 row; a placeholder asks the office for what only it knows (how the duty was kept,
lessons, problems, next steps). Nothing here guesses.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app.domain.enums import Category, DutyRole, Level, ReportKind
from app.domain.report_outline import (
    Block,
    Cell,
    Paragraph,
    Placeholder,
    Section,
    Table,
    percent,
    total_row,
)
from app.services import stats
from app.services.stats import report_figures
from app.services.stats.counts import INCOMING, OUTGOING, IncidentCounts, Outcomes

WARNING_COLOURS = {Level.I: "红色", Level.II: "橙色", Level.III: "黄色", Level.IV: "蓝色"}


@dataclass(frozen=True)
class Figures:
    """Everything the sections are written from."""

    stats: stats.Stats
    duty: report_figures.DutyFigures
    late: list[report_figures.LateItem]
    serious: list[report_figures.SeriousIncident]
    resources: report_figures.Resources


class TableNumbers:
    """表1, 表2 … in the order the tables appear."""

    def __init__(self) -> None:
        self.last = 0

    def next(self) -> int:
        self.last += 1
        return self.last


def _table(numbers: TableNumbers, title: str, columns: tuple[str, ...],
           rows: list[tuple[Cell, ...]], numeric: tuple[bool, ...], *, total: bool = True,
           total_cells: dict[int, Cell] | None = None) -> Table:
    body = tuple(rows)
    last = None
    if total:
        cells = list(total_row(body, numeric))
        for i, value in (total_cells or {}).items():
            cells[i] = value
        last = tuple(cells)
    return Table(numbers.next(), title, columns, body, numeric, last)


def _local(at: dt.datetime | None, zone: dt.tzinfo) -> str:
    return at.astimezone(zone).strftime("%Y-%m-%d %H:%M") if at else ""


# --- 一、值班安排和值班表报备 -------------------------------------------------------------
def duty_section(title: str, f: Figures, words: str, numbers: TableNumbers) -> Section:
    d, pc = f.duty, f.stats.presence
    roles = "、".join(f"{role.zh}值班{n}人次" for role in DutyRole if (n := d.duties.get(role, 0)))
    blocks: list[Block] = [Paragraph(
        f"{words}共安排值班{d.days}天（其中法定节假日{d.holiday_days}天）"
        + (f"，{roles}" if roles else "") + f"；交接班{d.handovers}次，经审批调班{d.swaps}次。")]
    filing = f"期内节假日{d.holidays}个，已向上级报备节假日值班表{d.holidays_filed}个。"
    if d.unknown_years:
        filing += f"{'、'.join(str(y) for y in d.unknown_years)}年节假日安排尚未录入，未计入。"
    blocks.append(Paragraph(filing))
    incoming, outgoing = pc.by_direction[INCOMING], pc.by_direction[OUTGOING]
    blocks.append(Paragraph(
        f"接受上级查岗{incoming.total}次，{incoming.within_limit}次在{pc.ring_limit}声内接听；"
        f"对下级单位查岗{outgoing.total}次，接听{outgoing.answered}次，"
        f"其中{pc.ring_limit}声内接听{outgoing.within_limit}次。"))
    rows: list[tuple[Cell, ...]] = [
        (name, c.total, c.answered, c.within_limit, percent(c.within_limit, c.total))
        for name, c in (("上级查岗", incoming), ("对下级查岗", outgoing))]
    whole = pc.total
    blocks.append(_table(numbers, "查岗情况", ("查岗", "次数", "接听", f"{pc.ring_limit}声内接听",
                                          "及时接听率"), rows, (False, True, True, True, True),
                         total_cells={4: percent(whole.within_limit, whole.total)}))
    blocks.append(Placeholder("值班制度执行情况（领导带班、值班人员在岗履职，有无脱岗、漏事）"))
    return Section(title, tuple(blocks))


# --- 二、信息接报和报送 ------------------------------------------------------------------
def _outcome_row(name: str, channel: str, o: Outcomes) -> tuple[Cell, ...]:
    return (name, channel, o.total, o.on_time, o.late, o.missed, o.open,
            percent(o.on_time, o.decided))


def reporting_section(title: str, f: Figures, words: str, numbers: TableNumbers) -> Section:
    s = f.stats
    total = s.deadlines.total
    blocks: list[Block] = [
        Paragraph(f"{words}共接报突发事件信息{s.incidents.total}起、预警信息{s.warnings.total}条，"
                  f"值班电话接听来电{s.calls.incoming}次、去电{s.calls.outgoing}次。"),
        Paragraph(f"各类报送时限{total.total}项，按时完成{total.on_time}项、迟报{total.late}项、"
                  f"漏报{total.missed}项、尚未办结{total.open}项，按时报送率"
                  f"{percent(total.on_time, total.decided)}。"),
    ]
    rows = [_outcome_row(k.report_kind.zh, k.channel.zh, k.outcomes) for k in s.deadlines.by_kind]
    blocks.append(_table(numbers, "信息报送时限执行情况",
                         ("报送事项", "报送方式", "应报", "按时", "迟报", "漏报", "未办结", "按时率"),
                         rows, (False, False, True, True, True, True, True, True),
                         total_cells={7: percent(total.on_time, total.decided)}))
    if f.late:
        zone = s.period.zone
        late_rows: list[tuple[Cell, ...]] = [
            (i, item.what, _local(item.due_at, zone), _local(item.met_at, zone),
             item.outcome.zh, item.reason)
            for i, item in enumerate(f.late, start=1)]
        blocks.append(_table(numbers, "迟报、漏报事项", ("序号", "事项", "时限", "完成时间", "结果", "说明"),
                             late_rows, (True, False, False, False, False, False), total=False))
        blocks.append(Placeholder("迟报、漏报的原因分析及整改措施"))
    else:
        blocks.append(Paragraph("本期无迟报、漏报记录。"))
    return Section(title, tuple(blocks))


# --- 三、突发事件 -------------------------------------------------------------------------
def _counted(names: list[tuple[str, int]]) -> str:
    return "、".join(f"{name}{n}起" for name, n in names)


def _categories(inc: IncidentCounts) -> list[Category | None]:
    """The four categories, and "no category" only when some incident has none."""
    return [c for c in inc.by_category if c is not None] + ([None] if inc.by_category.get(None) else [])


def _category_name(c: Category | None) -> str:
    return c.zh if c else "未分类"


def _incident_words(inc: IncidentCounts, words: str) -> list[Block]:
    levels: list[Level | None] = [*Level, None]
    by_category = _counted([(_category_name(c), inc.by_category.get(c, 0)) for c in _categories(inc)])
    by_level = _counted([(lv.zh if lv else "未定级", inc.by_level.get(lv, 0)) for lv in levels])
    out: list[Block] = [Paragraph(f"{words}共发生突发事件{inc.total}起。按类别分：{by_category}；"
                                  f"按级别分：{by_level}。")]
    units = [(u or "未注明单位", n) for u, n in inc.by_unit[:3]]
    if units:
        out.append(Paragraph("接报信息较多的来源单位：" + "、".join(f"{u}（{n}起）" for u, n in units) + "。"))
    return out


def _incident_tables(inc: IncidentCounts, numbers: TableNumbers) -> list[Block]:
    cats = _categories(inc)
    levels: list[Level | None] = [*Level, None]
    rows: list[tuple[Cell, ...]] = [
        (_category_name(c), *(inc.by_category_level.get((c, lv), 0) for lv in levels),
         inc.by_category.get(c, 0)) for c in cats]
    month_rows: list[tuple[Cell, ...]] = [
        (f"{int(m[5:])}月", *(inc.by_month_category.get((m, c), 0) for c in cats), n)
        for m, n in inc.by_month.items()]
    return [_table(numbers, "突发事件分类分级统计", ("类别", "特别重大", "重大", "较大", "一般", "未定级", "合计"),
                   rows, (False, True, True, True, True, True, True)),
            _table(numbers, "各月突发事件", ("月份", *(_category_name(c) for c in cats), "合计"),
                   month_rows, (False, *(True for _ in cats), True))]


def incidents_section(title: str, f: Figures, words: str, numbers: TableNumbers) -> Section:
    inc = f.stats.incidents
    blocks = _incident_words(inc, words) + _incident_tables(inc, numbers)
    if f.serious:
        zone = f.stats.period.zone
        serious: list[tuple[Cell, ...]] = [
            (i, e.number, _local(e.received_at, zone), e.title, e.level.zh)
            for i, e in enumerate(f.serious, start=1)]
        blocks.append(_table(numbers, "较大及以上突发事件", ("序号", "编号", "接报时间", "事件", "级别"),
                             serious, (True, False, False, False, False), total=False))
    blocks.append(Placeholder("重大、典型突发事件的应对处置情况及经验做法"))
    return Section(title, tuple(blocks))


# --- 四、预警信息 -------------------------------------------------------------------------
def warnings_section(title: str, f: Figures, words: str, numbers: TableNumbers) -> Section:
    w = f.stats.warnings
    if not w.total:
        blocks: list[Block] = [Paragraph(f"{words}系统中无预警信息记录。")]
    else:
        levels = "、".join(f"{WARNING_COLOURS[lv]}预警{w.by_level.get(lv, 0)}条" for lv in Level)
        sent = f.stats.deadlines.of_kind(ReportKind.WARNING)
        blocks = [Paragraph(
            f"{words}接报预警信息{w.total}条，其中{levels}" + (
                f"，未标明级别{w.by_level[None]}条" if w.by_level.get(None) else "")
            + f"。预警信息报送时限{sent.total}项，按时报送{sent.on_time}项，按时报送率"
              f"{percent(sent.on_time, sent.decided)}。")]
    blocks.append(Placeholder("预警信息发布、传递和响应工作情况"))
    return Section(title, tuple(blocks))


# --- 五、预案、演练和培训 -------------------------------------------------------------------
def plans_section(title: str, f: Figures, words: str, numbers: TableNumbers) -> Section:
    p = f.stats.plans
    if not p.recorded:
        return Section(title, (Placeholder(
            f"{words}应急预案编制修订、应急演练和培训开展情况（预案演练台账中暂无本期记录）"),))
    return Section(title, (
        Paragraph(f"{words}编制修订应急预案{p.plans}件，组织应急演练{p.drills}次，开展应急培训{p.trainings}次。"),
        Placeholder("演练评估、发现问题的整改和培训效果")))


# --- 六、专家和队伍 -------------------------------------------------------------------------
def resources_section(title: str, f: Figures, words: str, numbers: TableNumbers) -> Section:
    r = f.resources
    teams, people = sum(t[1] for t in r.teams), sum(t[2] for t in r.teams)
    blocks: list[Block] = [Paragraph(
        f"应急专家库现有专家{r.experts}人；登记救援队伍{teams}支、{people}人。")]
    if r.teams:
        rows: list[tuple[Cell, ...]] = [(kind.zh, n, headcount) for kind, n, headcount in r.teams]
        blocks.append(_table(numbers, "救援队伍情况", ("队伍类别", "支数", "人数"), rows,
                             (False, True, True)))
    blocks.append(Placeholder("队伍建设、装备保障和专家参与会商研判情况"))
    return Section(title, tuple(blocks))


# --- 七、问题和下一步 -----------------------------------------------------------------------
def next_steps_section(title: str, f: Figures, words: str, numbers: TableNumbers) -> Section:
    return Section(title, (Placeholder("存在的主要问题和不足"), Placeholder("下一步工作打算")))


Builder = Callable[[str, Figures, str, TableNumbers], Section]

SECTIONS: tuple[tuple[str, Builder], ...] = (
    ("值班安排和值班表报备情况", duty_section),
    ("信息接报和报送情况", reporting_section),
    ("突发事件情况", incidents_section),
    ("预警信息情况", warnings_section),
    ("应急预案、演练和培训情况", plans_section),
    ("应急专家和救援队伍情况", resources_section),
    ("存在的问题和下一步工作", next_steps_section),
)
