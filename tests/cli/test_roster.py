"""The roster commands: generate, show, export, import, and their exit codes."""

from __future__ import annotations

import json

from app.domain import messages
from app.services.context import Context
from tests.services.office.test_health import cli
from tests.services.roster.fixtures import staff_office


def test_generate_prints_the_report_and_show_tells_who_is_on_duty(office_ctx: Context,
                                                                  db_path) -> None:  # type: ignore[no-untyped-def]
    staff_office(office_ctx)
    db = str(db_path)
    code, out, err = cli("--db", db, "roster", "generate", "--from", "2026-09-28", "--to",
                         "2026-10-08")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "2026-09-28 至 2026-10-08：新排 33 人次，保留 0 人次，删除 0 人次。"
    code, out, _ = cli("--db", db, "roster", "show", "--at", "2026-10-01T08:00", "--json")
    shifts = json.loads(out)
    assert code == 0 and len(shifts) == 1
    shift = shifts[0]
    assert (shift["date"], shift["shift"]) == ("2026-09-30", "全天")
    assert (shift["starts_at"], shift["ends_at"]) == ("2026-09-30T08:30:00+08:00",
                                                      "2026-10-01T08:30:00+08:00")
    assert [a["role"] for a in shift["assignments"]] == ["leader", "officer", "officer"]
    assert all(a["name"] and a["phone"] for a in shift["assignments"])
    code, out, _ = cli("--db", db, "roster", "show", "--at", "2026-10-01T01:00:00+00:00")
    assert code == 0 and out.startswith("当前值班（2026-10-01 全天，2026-10-01 08:30 至 2026-10-02 08:30）：")
    assert "下一班（2026-10-02 全天" in out
    code, out, _ = cli("--db", db, "roster", "show", "--at", "2030-01-01T09:00", "--json")
    assert (code, json.loads(out)) == (0, [{"date": "2030-01-01", "shift": "全天",
                                            "starts_at": "2030-01-01T08:30:00+08:00",
                                            "ends_at": "2030-01-02T08:30:00+08:00",
                                            "assignments": []}])


def test_bad_input_exits_2_with_one_line_per_problem(office_ctx: Context, db_path, tmp_path) -> None:  # type: ignore[no-untyped-def]
    db = str(db_path)
    code, out, err = cli("--db", db, "roster", "generate", "--from", "2026-13-01", "--to", "x")
    assert code == 2 and out == ""
    assert err.splitlines() == ["“2026-13-01”不是日期（格式 YYYY-MM-DD）。",
                                "“x”不是日期（格式 YYYY-MM-DD）。"]
    code, _, err = cli("--db", db, "roster", "show", "--at", "tomorrow")
    assert code == 2 and "tomorrow" in err
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    code, _, err = cli("--db", db, "roster", "import", str(junk))
    assert code == 2 and err.startswith("无法读取 junk.xlsx：不是完好的 Excel 工作簿")
    messages.set_language("en")  # as main() does for --lang en
    code, _, err = cli("--db", db, "--lang", "en", "roster", "export", "--from", "2026-10-02",
                       "--to", "2026-10-01", "-o", str(tmp_path / "x.xlsx"))
    assert code == 2 and err.strip() == "The end date is before the start date."
