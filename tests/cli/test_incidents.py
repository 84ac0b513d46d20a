"""The incident commands of DESIGN.md: add, fields, show, update, follow-up, final, send,
report-text -o; exit 0 or 2 with one line per problem naming its field, nothing written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
from pathlib import Path

import pytest
from docx import Document

from app.cli import build_parser, common
from app.domain.clock import FixedClock
from app.export import office_pdf
from app.services.context import Context
from tests.services.incidents.test_intake import cli

BLAST = {"title": "东湖区化工园区储罐爆燃事故", "category": "事故灾难", "subtype": "工矿商贸等企业安全事故",
         "level": "重大", "occurred_at": "2026-11-28T09:05", "received_at": "2026-11-28T09:20",
         "location": "东湖区化工园区", "source": "东湖区应急管理局", "source_person": "李国强",
         "source_title": "副局长", "source_phone": "0576-88112233转801", "nature": "储罐区爆燃",
         "impact": "约 300 人疏散", "deaths": 12, "injuries": 5, "trend": "仍有复燃风险",
         "measures": "消防到场扑救", "next_steps": "搜救失联人员", "loss_cny": 48_000_000}


@pytest.fixture(autouse=True)
def cli_clock(monkeypatch: pytest.MonkeyPatch, clock: FixedClock) -> FixedClock:
    """The command line reads the test's clock (09:30 in Shanghai, 2026-11-28)."""
    monkeypatch.setattr(common, "SystemClock", lambda: clock)
    return clock


def digest(db_path: Path) -> str:
    """Every row of every table: what "nothing written" is checked against."""
    with sqlite3.connect(db_path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        h = hashlib.sha256()
        for t in tables:
            # sorted here: the full-text index's tables include some WITHOUT ROWID
            for row in sorted(repr(r) for r in conn.execute(f'SELECT * FROM "{t}"')):
                h.update(row.encode())
    return h.hexdigest()


def add(db: str, data: dict) -> tuple[int, str, str]:
    return cli("--db", db, "incidents", "add", "-", stdin=json.dumps(data, ensure_ascii=False))


def test_the_issue_s_bad_input_is_refused_by_name_and_nothing_is_written(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    db = str(db_path)
    before = digest(db_path)
    code, out, err = add(db, {**BLAST, "level": "一般"})  # 12 deaths is 重大, not 一般
    assert (code, out) == (2, "") and err.startswith("事件级别（level）“一般”低于伤亡和损失数字达到的“重大”")
    code, _, err = add(db, {**BLAST, "occurred_at": "2026-11-28T09:28"})  # after the receipt
    assert code == 2 and err == "事发时间（occurred_at）不能晚于接报时间（received_at）。\n"
    code, _, err = add(db, {**BLAST, "received_at": "2026-12-03T09:20"})  # five days ahead
    assert code == 2 and "接报时间（received_at）不能晚于现在。" in err
    code, _, err = add(db, {**BLAST, "flash": "false", "deaths": True, "title": ["a"], "injuries": 1e20,
                            "organization_id": 99999})
    assert code == 2 and [line.split("（")[0] for line in err.splitlines()] == [
        "事件标题", "死亡", "受伤", "先报", "事发单位"]  # in the order of the object
    code, _, err = cli("--db", db, "incidents", "add", "-", stdin='{"title": "x", "missing": Infinity}')
    assert code == 2 and "失踪（missing）的值“Infinity”无效" in err
    code, _, err = add(db, {**BLAST, "source_phone": "88112233"})
    assert code == 2 and "报告人电话（source_phone）“88112233”不是有效的电话号码" in err
    assert digest(db_path) == before
    code, out, _ = add(db, {**BLAST, "level": "一般", "level_reason": "初步核定，待上级认定"})
    assert code == 0 and out.strip() == "2026-0001"


def test_a_warning_by_its_glossary_term_and_unknown_figures(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    db = str(db_path)
    warning = {k: v for k, v in BLAST.items() if k not in ("level", "deaths", "injuries", "loss_cny")}
    code, out, err = add(db, {**warning, "kind": "预警信息"})
    assert code == 0, err
    code, text, _ = cli("--db", db, "incidents", "report-text", out.strip())
    assert text.startswith("关于东湖区化工园区储罐爆燃事故的预警信息")
    flash = {"title": "南湖县化工厂泄漏", "category": "accident", "flash": True}
    code, out, _ = add(db, flash)
    code, text, _ = cli("--db", db, "incidents", "report-text", out.strip())
    assert "人员伤亡情况正在核实" in text and "暂无人员伤亡" not in text


def test_fields_lists_what_add_takes(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = cli("--db", str(db_path), "incidents", "fields", "--json")
    rows = {r["field"]: r for r in json.loads(out)}
    assert code == 0 and set(next(iter(rows.values()))) == {"field", "term", "type", "required_for", "values"}
    assert rows["deaths"]["type"] == "integer" and rows["deaths"]["term"] == "死亡"
    assert rows["level_reason"]["term"] == "定级说明" and rows["flash"]["type"] == "boolean"
    assert "initial" in rows["source_phone"]["required_for"] and rows["title"]["values"] is None
    assert {"value": "warning", "term": "预警信息"} in rows["kind"]["values"]
    code, out, _ = cli("--db", str(db_path), "incidents", "fields")
    assert code == 0 and "level_reason" in out and "定级说明" in out
    assert "incidents fields" in add_help()


def add_help() -> str:
    """What ``dutydesk incidents add --help`` prints."""
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    incidents = sub.choices["incidents"]  # type: ignore[index]
    action = next(a for a in incidents._actions if a.dest == "incidents_command")
    return action.choices["add"].format_help()  # type: ignore[index]


def test_the_chain_from_the_command_line(office_ctx: Context, db_path, tmp_path, cli_clock) -> None:  # type: ignore[no-untyped-def]
    db = str(db_path)
    number = add(db, BLAST)[1].strip()
    to = ["--to", "江州市人民政府总值班室"]
    cli_clock.advance(dt.timedelta(minutes=10))
    code, out, _ = cli("--db", db, "incidents", "send", number, "--kind", "initial", "--channel", "phone", *to)
    assert code == 0 and out.strip() == "已记录：首报经电话报送至江州市人民政府总值班室，满足时限 1 项（按时）。"
    code, _, err = cli("--db", db, "incidents", "send", number, "--kind", "首报", "--channel", "书面", *to)
    assert code == 2 and err.splitlines() == ["书面报送须写明报送途径（means）。", "书面报送须写明签发人（issued_by）。"]
    cli_clock.advance(dt.timedelta(minutes=20))
    code, out, _ = cli("--db", db, "incidents", "send", number, "--kind", "首报", "--channel", "书面",
                       "--means", "传真", "--issued-by", "张副局长", *to)
    assert code == 0 and "书面（传真）" in out and "按时" in out
    code, _, err = cli("--db", db, "incidents", "follow-up", number)
    assert code == 2 and "没有任何变化" in err
    cli_clock.advance(dt.timedelta(hours=4))
    change = tmp_path / "change.json"
    change.write_text('{"deaths": 13, "missing": 2, "as_of": "2026-11-28T14:00"}', encoding="utf-8")
    code, out, _ = cli("--db", db, "incidents", "follow-up", number, str(change))
    assert (code, out.strip()) == (0, "续报一")
    code, out, _ = cli("--db", db, "incidents", "send", number, "--kind", "follow-up", "--channel", "written",
                       "--means", "system", "--issued-by", "张副局长", *to)
    assert code == 0 and "续报一" in out
    code, out, _ = cli("--db", db, "incidents", "update", number, "-", stdin='{"trend": "险情排除"}')
    assert code == 0
    code, out, _ = cli("--db", db, "incidents", "follow-up", number)  # the update is the change
    assert (code, out.strip()) == (0, "续报二")
    code, _, err = cli("--db", db, "incidents", "final", number)
    assert code == 2 and "处置结果（outcome）" in err
    code, out, _ = cli("--db", db, "incidents", "final", number, "-", stdin='{"outcome": "明火扑灭，现场清理完毕"}')
    assert (code, out.strip()) == (0, "终报")
    code, out, _ = cli("--db", db, "incidents", "show", number, "--json")
    [shown] = json.loads(out)
    assert code == 0 and shown["status"] == "closed" and shown["deaths"] == 13 and shown["level_reason"] == ""
    assert [(r["kind"], r["seq"], len(r["sendings"])) for r in shown["reports"]] == [
        ("initial", 0, 2), ("follow-up", 1, 1), ("follow-up", 2, 0), ("final", 0, 0)]
    assert shown["reports"][1]["as_of"] == "2026-11-28T14:00:00+08:00"
    assert shown["reports"][0]["sendings"][1] == {
        "channel": "written", "means": "fax", "to": "江州市人民政府总值班室", "issued_by": "张副局长",
        "at": "2026-11-28T10:00:00+08:00", "recorded_at": "2026-11-28T10:00:00+08:00",
        "operator": shown["reports"][0]["sendings"][1]["operator"]}
    assert {(d["kind"], d["channel"], d["outcome"]) for d in shown["deadlines"]} >= {
        ("initial", "phone", "on_time"), ("initial", "written", "on_time"), ("follow-up", "written", "cancelled")}
    assert all(set(d) >= {"id", "what", "due_at", "remaining_seconds", "stage", "outcome"} for d in shown["deadlines"])
    code, out, _ = cli("--db", db, "incidents", "show", number)
    assert code == 0 and "续报一（截至 2026-11-28T14:00）" in out and "书面·fax 报送江州市人民政府总值班室，签发人：张副局长" in out


def test_report_text_writes_the_gongwen_document(office_ctx: Context, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(db_path)
    number = add(db, BLAST)[1].strip()
    target = tmp_path / "首报.docx"
    code, out, _ = cli("--db", db, "incidents", "report-text", number, "-o", str(target))
    assert code == 0 and out.strip() == f"已保存：{target}"
    doc = Document(str(target))
    assert doc.paragraphs[0].text == "关于东湖区化工园区储罐爆燃事故的首报"
    assert any(p.text == "九、人员伤亡：死亡12人、受伤5人，重伤、失踪、被困人数正在核实" for p in doc.paragraphs)
    code, _, err = cli("--db", db, "incidents", "report-text", number, "-o", str(tmp_path / "x.txt"))
    assert code == 2 and ".docx 或 .pdf" in err
    code, _, err = cli("--db", db, "incidents", "report-text", number, "-o", str(tmp_path / "no" / "x.docx"))
    assert code == 2 and "不存在" in err


@pytest.mark.skipif(office_pdf.find_office() is None, reason="LibreOffice is not installed")
def test_report_text_writes_a_pdf_with_real_text(office_ctx: Context, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(db_path)
    number = add(db, BLAST)[1].strip()
    target = tmp_path / "首报.pdf"
    code, _, err = cli("--db", db, "incidents", "report-text", number, "-o", str(target))
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF")


def test_a_pdf_without_libreoffice_says_what_works(office_ctx: Context, db_path, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    number = add(str(db_path), BLAST)[1].strip()
    monkeypatch.setattr(office_pdf, "find_office", lambda: None)
    code, _, err = cli("--db", str(db_path), "incidents", "report-text", number, "-o", str(tmp_path / "a.pdf"))
    assert code == 1 and "-o 文件.docx" in err and not (tmp_path / "a.pdf").exists()


def test_log_add_takes_the_caller_s_record(office_ctx: Context, db_path) -> None:  # type: ignore[no-untyped-def]
    db = str(db_path)
    code, _, err = cli("--db", db, "log", "add", "报告货车侧翻，驾驶员轻伤", "--kind", "call",
                       "--caller-unit", "南湖县交警大队", "--caller-name", "周敏", "--caller-title", "值班民警",
                       "--caller-phone", "0576-88120000")
    assert code == 0, err
    code, out, _ = cli("--db", db, "log", "--json")
    [entry] = [e for e in json.loads(out) if e["kind"] == "incoming_call"]
    assert (entry["caller_unit"], entry["caller_name"], entry["caller_title"], entry["caller_phone"]) == (
        "南湖县交警大队", "周敏", "值班民警", "0576-88120000")
    code, _, err = cli("--db", db, "log", "add", "来电", "--kind", "call", "--caller-phone", "88120000")
    assert code == 2 and "来电号码“88120000”不是有效的电话号码" in err
    number = add(db, BLAST)[1].strip()
    code, out, _ = cli("--db", db, "log", "--json")
    intake = [e for e in json.loads(out) if e["kind"] == "intake"]
    assert intake and intake[0]["incident_number"] == number and intake[0]["caller_name"] == "李国强"
