"""The report as the office sends it: the 公文 document's words, element by element (golden
texts), unknown figures said to be verified, follow-ups giving only their changes as of a time."""

from __future__ import annotations

import datetime as dt
import zoneinfo
from dataclasses import replace

from app.domain.enums import Category, Level, ReportKind
from app.domain.gongwen import Align, Style
from app.domain.incident_facts import IncidentFacts, PlanRef
from app.domain.incident_text import (
    Letterhead,
    casualties,
    changed_fields,
    compose_document,
    compose_text,
    measures,
)
from app.domain.incident_types import Subtype

T0 = dt.datetime(2026, 11, 28, 1, 30, tzinfo=dt.UTC)
HEAD = Letterhead(office="江州市应急管理局", number="2026-0001", zone=zoneinfo.ZoneInfo("Asia/Shanghai"),
                  to="江州市人民政府总值班室", contact_person="赵敏", contact_phone="0576-88001234",
                  recorded_by="赵敏")
LANDSLIDE = IncidentFacts(
    title="西山县石门镇山体滑坡", category=Category.NATURAL, subtype=Subtype.GEOLOGICAL, level=Level.III,
    received_at=T0, occurred_at=T0 - dt.timedelta(minutes=20), location="西山县石门镇下坪村",
    source="石门镇政府", source_person="李国强", source_title="镇长", source_phone="13905761234",
    nature="强降雨引发山体滑坡", impact="下坪村约 120 人", deaths=1, trapped=2, loss_cny=1_500_000,
    trend="存在二次滑坡风险", measures="已转移群众 86 人", next_steps="继续搜救", sensitive=True,
    received_by="钱伟",
)


def test_the_initial_report_gives_every_element_in_its_place() -> None:
    head = replace(HEAD, issued_by="张副局长", sent_at=T0 + dt.timedelta(minutes=20))
    assert compose_text(LANDSLIDE, kind=ReportKind.INITIAL, seq=0, head=head) == INITIAL


def test_the_document_is_laid_out_as_a_gongwen() -> None:
    doc = compose_document(LANDSLIDE, kind=ReportKind.INITIAL, seq=0, head=HEAD)
    assert doc.title == "关于西山县石门镇山体滑坡的首报"
    number, addressee, first = doc.paragraphs[:3]
    assert (number.align, addressee.text, addressee.indent) == (Align.RIGHT, "江州市人民政府总值班室：", False)
    assert [(r.text, r.style) for r in first.runs] == [
        ("一、事发时间：", Style.HEADING1), ("2026年11月28日9时10分", Style.BODY)]
    assert first.indent and doc.paragraphs[-1].align is Align.RIGHT


def test_a_follow_up_gives_only_what_changed_as_of_its_time_and_what_is_still_owed() -> None:
    later = replace(LANDSLIDE, deaths=2, trapped=0, measures="被困 2 人已救出", is_drill=True)
    assert changed_fields(LANDSLIDE, later) == ["measures", "deaths", "trapped"]
    head = replace(HEAD, as_of=T0 + dt.timedelta(hours=3))
    text = compose_text(later, kind=ReportKind.FOLLOW_UP, seq=2, head=head,
                        changes=changed_fields(LANDSLIDE, later), missing=["impact"])
    assert text == FOLLOW_UP


def test_a_follow_up_stored_before_changes_were_kept_compares_with_the_report_before() -> None:
    text = compose_text(LANDSLIDE, kind=ReportKind.FOLLOW_UP, seq=1, head=HEAD,
                        previous=replace(LANDSLIDE, sensitive=False))
    assert "一、事件级别：较大（敏感事件）" in text.splitlines()
    assert "截至（时间待定），有关情况续报如下：" in text.splitlines()


def test_a_follow_up_with_nothing_new_says_so() -> None:
    text = compose_text(LANDSLIDE, kind=ReportKind.FOLLOW_UP, seq=1, head=HEAD, changes=[])
    assert "一、情况：与上次报告相比无新的变化" in text.splitlines()


def test_the_final_report_adds_the_outcome_and_asks_for_what_is_missing() -> None:
    final = replace(LANDSLIDE, outcome="险情排除", location="", loss_cny=None, deaths=0, trapped=0,
                    serious_injuries=0, injuries=0, missing=0)
    assert compose_text(final, kind=ReportKind.FINAL, seq=0, head=HEAD) == FINAL


def test_an_activated_plan_opens_the_measures() -> None:
    plan = PlanRef(7, "西山县地质灾害应急预案")
    activated = replace(LANDSLIDE, activated_plan=plan, response_level=Level.III)
    text = compose_text(activated, kind=ReportKind.INITIAL, seq=0, head=HEAD)
    assert "十二、已采取的主要措施及效果：已启动《西山县地质灾害应急预案》Ⅲ级响应。已转移群众 86 人" in text
    assert measures(replace(activated, measures="")) == "已启动《西山县地质灾害应急预案》Ⅲ级响应。"
    assert measures(replace(LANDSLIDE, response_level=Level.IV)) == "已启动Ⅳ级应急响应。已转移群众 86 人"
    assert measures(replace(activated, response_level=None)).startswith("已启动《西山县地质灾害应急预案》。")
    assert measures(LANDSLIDE) == "已转移群众 86 人"  # no plan, no level: the measures alone
    # raising the response is news: a follow-up reports the measures line again
    later = replace(activated, response_level=Level.II)
    assert changed_fields(activated, later) == ["response_level"]
    follow = compose_text(later, kind=ReportKind.FOLLOW_UP, seq=1, head=HEAD,
                          changes=changed_fields(activated, later))
    assert "已启动《西山县地质灾害应急预案》Ⅱ级响应。" in follow and "事发地点" not in follow


def test_unknown_figures_are_being_verified_never_nothing() -> None:
    nothing_known = replace(LANDSLIDE, deaths=None, trapped=None)
    assert casualties(nothing_known) == "人员伤亡情况正在核实"
    assert casualties(replace(nothing_known, deaths=12, injuries=3)) == (
        "死亡12人、受伤3人，重伤、失踪、被困人数正在核实")
    all_zero = replace(LANDSLIDE, deaths=0, serious_injuries=0, injuries=0, missing=0, trapped=0)
    assert casualties(all_zero) == "无人员伤亡"
    text = compose_text(replace(nothing_known, loss_cny=None), kind=ReportKind.INITIAL, seq=0, head=HEAD)
    assert "九、人员伤亡：人员伤亡情况正在核实" in text and "十、直接经济损失：正在核实" in text
    assert "暂无人员伤亡" not in text


def test_the_level_says_why_it_is_below_the_figures() -> None:
    lower = replace(LANDSLIDE, level=Level.IV, level_reason="初步核定")
    text = compose_text(lower, kind=ReportKind.INITIAL, seq=0, head=HEAD)
    assert "六、事件级别：一般（敏感事件）（定级说明：初步核定）" in text.splitlines()


def test_a_warning_and_a_verified_report_have_their_own_heading() -> None:
    assert compose_text(LANDSLIDE, kind=ReportKind.WARNING, seq=0, head=HEAD).startswith(
        "关于西山县石门镇山体滑坡的预警信息")
    assert compose_text(LANDSLIDE, kind=ReportKind.VERIFIED, seq=0, head=HEAD).startswith(
        "关于西山县石门镇山体滑坡的核报")


INITIAL = """关于西山县石门镇山体滑坡的首报

编号：2026-0001
江州市人民政府总值班室：
一、事发时间：2026年11月28日9时10分
二、事发地点：西山县石门镇下坪村
三、信息来源：石门镇政府，李国强，镇长，13905761234
四、接报时间：2026年11月28日9时30分
五、事件类别：自然灾害，地质灾害
六、事件级别：较大（敏感事件）
七、事件性质：强降雨引发山体滑坡
八、影响范围：下坪村约 120 人
九、人员伤亡：死亡1人、被困2人，重伤、受伤、失踪人数正在核实
十、直接经济损失：约150万元
十一、发展趋势：存在二次滑坡风险
十二、已采取的主要措施及效果：已转移群众 86 人
十三、下一步处置思路和措施：继续搜救

签发人：张副局长
联系人：赵敏　联系电话：0576-88001234
接报人：钱伟　记录人：赵敏

报送单位：江州市应急管理局
报送时间：2026年11月28日9时50分"""

FOLLOW_UP = """【演练】关于西山县石门镇山体滑坡的续报二

编号：2026-0001
江州市人民政府总值班室：
截至2026年11月28日12时30分，有关情况续报如下：
一、人员伤亡：死亡2人、被困0人，重伤、受伤、失踪人数正在核实
二、已采取的主要措施及效果：被困 2 人已救出

待补报要素：影响范围

签发人：（未签发）
联系人：赵敏　联系电话：0576-88001234

报送单位：江州市应急管理局
报送时间：（未报送）"""

FINAL = """关于西山县石门镇山体滑坡的终报

编号：2026-0001
江州市人民政府总值班室：
一、事发时间：2026年11月28日9时10分
二、事发地点：（待补报）
三、信息来源：石门镇政府，李国强，镇长，13905761234
四、接报时间：2026年11月28日9时30分
五、事件类别：自然灾害，地质灾害
六、事件级别：较大（敏感事件）
七、事件性质：强降雨引发山体滑坡
八、影响范围：下坪村约 120 人
九、人员伤亡：无人员伤亡
十、直接经济损失：正在核实
十一、发展趋势：存在二次滑坡风险
十二、已采取的主要措施及效果：已转移群众 86 人
十三、下一步处置思路和措施：继续搜救
十四、处置结果：险情排除

签发人：（未签发）
联系人：赵敏　联系电话：0576-88001234

报送单位：江州市应急管理局
报送时间：（未报送）"""
