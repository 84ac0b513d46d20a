"""calendar show / import and stats on the command line: JSON as the contract says, bad input
exit 2 with one line per problem (row and column named), nothing written."""

from __future__ import annotations

import datetime as dt
import getpass
import json
from pathlib import Path

from openpyxl import load_workbook

from app.services.context import Context
from app.services.office import users
from app.services.roster import calendar as roster_calendar
from app.services.roster import generate as roster_generate
from tests.services.office.test_health import cli
from tests.services.roster.fixtures import staff_office
from tests.services.roster.notice_2027 import NOTICE_2027, csv_text
from tests.services.stats.records import fill, recompute


def test_an_unknown_year_is_said_then_its_notice_is_imported(office_ctx: Context, db_path: Path,
                                                             tmp_path: Path) -> None:
    db = str(db_path)
    code, out, err = cli("--db", db, "calendar", "show", "--year", "2027", "--json")
    assert (code, json.loads(out), err) == (0, [{"year": 2027, "known": False}], "")
    code, out, _ = cli("--db", db, "calendar", "show", "--year", "2027")
    assert code == 0 and out.startswith("2027 年的节假日安排尚未录入")
    bad = tmp_path / "bad.csv"
    bad.write_text("日期,类型,名称\n2027-01-01,节假日,元旦\n2027-01-01,节假日,元旦\n"
                   "2027-02-31,节假日,春节\n", encoding="utf-8")
    code, out, err = cli("--db", db, "calendar", "import", str(bad))
    assert (code, out) == (2, "")
    assert err.splitlines() == ["第 4 行 A 列：“2027-02-31”不是日期（如 2027-10-01）。",
                                "第 3 行 A 列：2027-01-01 已在第 2 行出现。"]
    assert not roster_calendar.calendar_year(office_ctx, 2027).entries  # nothing written
    good = tmp_path / "2027.csv"
    good.write_text(csv_text(), encoding="utf-8")
    code, out, err = cli("--db", db, "calendar", "import", str(good))
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "2027 年：已录入节假日 33 天、调休上班 4 天，替换原有 0 天。"
    code, out, _ = cli("--db", db, "calendar", "show", "--year", "2027", "--json")
    days = json.loads(out)
    assert len(days) == len(NOTICE_2027)
    assert days[0] == {"date": "2027-01-01", "type": "holiday", "name": "元旦"}
    assert {"date": "2027-02-20", "type": "makeup_workday", "name": "春节"} in days
    roster_calendar.save_period(office_ctx, period_id=None, name="春运", starts_on=_d("2027-01-30"),
                                ends_on=_d("2027-02-01"), leader_tier=2)
    code, out, _ = cli("--db", db, "calendar", "show", "--year", "2027", "--json")
    assert [d for d in json.loads(out) if d["type"] == "sensitive_period"] == [
        {"date": f"2027-{md}", "type": "sensitive_period", "name": "春运"}
        for md in ("01-30", "01-31", "02-01")]
    code, _, err = cli("--db", db, "calendar", "show", "--year", "27")
    assert (code, err.strip()) == (2, "年份“27”不是年份（如 2027）。")


def test_a_bad_notice_file_creates_no_database(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "office.db"
    bad = tmp_path / "bad.csv"
    bad.write_text("日期,类型,名称\n2027-01-01,休息,元旦\n", encoding="utf-8")
    code, _, err = cli("--db", str(missing), "calendar", "import", str(bad))
    assert code == 2 and "第 2 行 B 列" in err and not missing.parent.exists()


def _d(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def test_stats_json_is_every_number_of_the_records(office_ctx: Context, db_path: Path) -> None:
    fill(office_ctx, 11, n=150)
    code, out, err = cli("--db", str(db_path), "stats", "--from", "2026-04-01", "--to",
                         "2026-06-30", "--json")
    assert code == 0 and err == ""
    assert json.loads(out) == [recompute(office_ctx, _d("2026-04-01"), _d("2026-06-30"))]
    code, out, _ = cli("--db", str(db_path), "stats", "--from", "2026-04-01", "--to", "2026-06-30")
    assert code == 0 and out.startswith("2026-04-01 至 2026-06-30 统计：\n突发事件 ")
    code, out, err = cli("--db", str(db_path), "stats", "--from", "2026-06-30", "--to", "2026-04-01")
    assert (code, out, err.strip()) == (2, "", "结束日期早于开始日期。")
    code, _, err = cli("--db", str(db_path), "stats", "--from", "x", "--to", "2026-13-01")
    assert code == 2 and err.splitlines() == ["开始日期“x”不是日期（格式 YYYY-MM-DD）。",
                                              "结束日期“2026-13-01”不是日期（格式 YYYY-MM-DD）。"]


def test_roster_export_names_the_filer_and_says_an_unknown_year(office_ctx: Context, db_path: Path,
                                                                tmp_path: Path) -> None:
    ids = staff_office(office_ctx)
    roster_generate.generate_roster(office_ctx, _d("2026-12-25"), _d("2027-01-05"))
    db, path = str(db_path), tmp_path / "r.xlsx"
    code, out, err = cli("--db", db, "roster", "export", "--from", "2026-12-25", "--to",
                         "2027-01-05", "-o", str(path), "--filled-by", "周志强", "--phone",
                         "13900000005")
    assert code == 0 and out.startswith("值班安排表已写入")
    assert "2027 年的节假日安排尚未完整录入" in err
    ws = load_workbook(path).active
    assert (ws["E2"].value, ws["G2"].value) == ("周志强", "13900000005")
    assert "2027 年节假日安排尚未录入" in ws.cell(ws.max_row, 1).value
    assert ws["J3"].value is None and ws["I3"].comment is not None
    # by default: the person of the DutyDesk user named like this account, and the duty phone
    users.create_user(office_ctx, username=getpass.getuser(), display_name="值班管理员",
                      role="admin", password="account-pass-1", person_id=ids["李文静"])
    code, _, err = cli("--db", db, "roster", "export", "--from", "2026-12-01", "--to",
                       "2026-12-31", "-o", str(path))
    ws = load_workbook(path).active
    assert code == 0 and (ws["E2"].value, ws["G2"].value) == ("李文静", "0576-88001234")
    assert err == ""  # December 2026 is known and the filer is found
    code, _, err = cli("--db", db, "roster", "show", "--at", "2027-01-02T09:00")
    assert code == 0 and "2027 年的节假日安排尚未完整录入" in err


def test_report_prints_the_draft_and_files_the_quarter(office_ctx: Context, db_path: Path) -> None:
    fill(office_ctx, 3, n=120)
    db = str(db_path)
    code, out, err = cli("--db", db, "report", "quarterly", "--year", "2026", "--quarter", "2",
                         "--json")
    assert code == 0 and err == ""
    doc = json.loads(out)[0]
    assert doc["title"] == "江州市应急管理局2026年第二季度应急值守工作情况报告"
    assert [s["heading"][:2] for s in doc["sections"]] == ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]
    numbers = [b["number"] for s in doc["sections"] for b in s["blocks"] if b["type"] == "table"]
    assert numbers == list(range(1, len(numbers) + 1))
    code, out, err = cli("--db", db, "report", "quarterly", "--year", "2026", "--quarter", "2",
                         "--file")
    assert code == 0 and out.startswith("江州市应急管理局2026年第二季度应急值守工作情况报告\n")
    assert "【请填写：下一步工作打算】" in out
    assert out.rstrip().splitlines()[-1].startswith("已报送 2026 年第 2 季度工作报告：迟报")
    code, _, err = cli("--db", db, "report", "quarterly", "--year", "2026", "--quarter", "2",
                       "--file")
    assert code == 2 and err.startswith("2026 年第 2 季度工作报告已于")
    code, out, _ = cli("--db", db, "report", "annual", "--year", "2026")
    assert code == 0 and out.startswith("江州市应急管理局2026年度应急值守工作总结")
