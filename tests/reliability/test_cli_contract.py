"""The command line's contract, command by command: every user mistake exits 2 with a sentence
and writes nothing; no command but ``demo`` creates a database; reads of a missing file say so.

The table below is the list of what was checked: each command with each kind of mistake (a
folder, a missing folder, a read-only target, the database itself as a target, a date out of
range, a number where a date belongs, a count out of range, a missing or hostile file).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from app.services.context import Context
from tests.reliability.test_hostile_workbooks import fingerprint
from tests.services.office.test_health import cli

DB = "{db}"
# (command line, a word the sentence on stderr must hold)
MISTAKES: list[tuple[list[str], str]] = [
    (["check", "--anchor", "12-x"], "格式不对"),
    (["backup", "-o", "{dir}"], "文件夹"),
    (["backup", "-o", "{missing}/x.db"], "不存在"),
    (["backup", "-o", DB], "不能作为备份目标"),
    (["backup", "-o", "{link}"], "不能作为备份目标"),
    (["restore", "{dir}"], "文件夹"),
    (["restore", "{missing}/x.db"], "不存在"),
    (["restore", DB], "不能用它恢复自身"),
    (["restore", "{text}"], "不能用"),
    (["demo"], "--force"),
    (["demo", "--scale", "huge"], "invalid choice"),
    (["roster", "generate", "--from", "0001-01-01", "--to", "0001-01-05"], "超出可用范围"),
    (["roster", "generate", "--from", "2026-01-01", "--to", "9999-12-31"], "超出可用范围"),
    (["roster", "generate", "--from", "12345.6", "--to", "2026-01-05"], "不是日期"),
    (["roster", "generate", "--from", "2026-01-05", "--to", "2026-01-01"], "结束日期"),
    (["roster", "show", "--at", "9999-12-31T23:59"], "超出可用范围"),
    (["roster", "show", "--at", "12345.6"], "不是时间"),
    (["roster", "export", "--from", "2026-01-01", "--to", "2026-01-05", "-o", "{dir}"], "文件夹"),
    (["roster", "export", "--from", "2026-01-01", "--to", "2026-01-05", "-o", "{missing}/r.xlsx"],
     "不存在"),
    (["roster", "export", "--from", "2026-01-01", "--to", "2026-01-05", "-o", DB], "正在使用的数据库"),
    (["roster", "export", "--from", "1900-01-01", "--to", "2026-01-05", "-o", "{out}"], "超出可用范围"),
    (["roster", "import", "{dir}"], "文件夹"),
    (["roster", "import", "{missing}/r.xlsx"], "不存在"),
    (["roster", "import", "{text}"], "无法读取"),
    (["contacts", "search", "张", "--limit", "0"], "1 到 500"),
    (["contacts", "search", "张", "--limit", "-1"], "1 到 500"),
    (["contacts", "search", "张", "--limit", "x"], "invalid int"),
    (["contacts", "import", "{dir}"], "文件夹"),
    (["contacts", "import", "{missing}/c.xlsx"], "不存在"),
    (["contacts", "import", "{text}"], "无法读取"),
    (["contacts", "export", "-o", "{dir}"], "文件夹"),
    (["contacts", "export", "-o", "{missing}/c.xlsx"], "不存在"),
    (["contacts", "export", "-o", DB], "正在使用的数据库"),
    (["contacts", "export", "-o", "{out}", "--limit", "0"], "1 到"),
    (["contacts", "export", "-o", "{dir}/c.vcf", "--limit", "-3"], "1 到"),
    (["contacts", "template", "-o", "{dir}"], "文件夹"),
    (["contacts", "template", "-o", DB], "正在使用的数据库"),
    (["incidents", "add", "{dir}"], "JSON"),
    (["incidents", "add", "{missing}/i.json"], "JSON"),
    (["incidents", "add", "{text}"], "JSON"),
    (["incidents", "add", "{old_incident}"], "occurred_at"),
    (["incidents", "list", "--limit", "0"], "1 到"),
    (["incidents", "report-text", "NOPE-0001"], "找不到"),
    (["log", "--date", "0001-01-01"], "超出可用范围"),
    (["log", "--date", "12345.6"], "YYYY-MM-DD"),
    (["log", "add", ""], "不能为空"),
    (["log", "add", "x", "--kind", "party"], "party"),
    (["handover", "show", "--date", "9999-12-31"], "超出可用范围"),
    (["handover", "show", "--date", "tomorrow"], "YYYY-MM-DD"),
]
# Commands that read or write the database: on a missing file each says so, exits 2 and
# creates nothing (no file, no folder).
ON_A_MISSING_FILE = [
    ["check"], ["backup"], ["deadlines"], ["log"], ["log", "add", "x"], ["handover", "show"],
    ["incidents", "list"], ["incidents", "add", "{incident}"], ["incidents", "report-text", "X"],
    ["contacts", "search", "张"], ["contacts", "import", "{text}"], ["contacts", "export", "-o", "{out}"],
    ["roster", "show"], ["roster", "generate", "--from", "2026-01-01", "--to", "2026-01-05"],
    ["roster", "export", "--from", "2026-01-01", "--to", "2026-01-05", "-o", "{out}"],
]


@pytest.fixture
def places(office_ctx: Context, db_path: Path, tmp_path: Path) -> dict[str, str]:
    office_ctx.db.dispose()
    folder = tmp_path / "folder"
    folder.mkdir()
    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    text = tmp_path / "notes.txt"
    text.write_text("值班记录，不是工作簿也不是 JSON", encoding="utf-8")
    old = tmp_path / "old.json"
    old.write_text(json.dumps({"title": "x", "occurred_at": "0001-01-01T00:00"}), encoding="utf-8")
    incident = tmp_path / "incident.json"
    incident.write_text(json.dumps({"title": "x"}), encoding="utf-8")
    return {"db": str(db_path), "dir": str(folder), "missing": str(tmp_path / "nowhere"),
            "link": str(link), "text": str(text), "out": str(tmp_path / "out.xlsx"),
            "old_incident": str(old), "incident": str(incident)}


def _files(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*")
            if p.is_file() and not p.name.endswith(("-wal", "-shm"))}


@pytest.mark.parametrize(("argv", "said"), MISTAKES, ids=[" ".join(a) for a, _ in MISTAKES])
def test_every_user_mistake_exits_2_and_writes_nothing(
        places: dict[str, str], db_path: Path, tmp_path: Path, argv: list[str], said: str) -> None:
    before, files = fingerprint(db_path), _files(tmp_path)
    try:
        code, out, err = cli("--db", str(db_path), *(a.format(**places) for a in argv))
    except SystemExit as exc:  # argparse's own usage errors
        code, out, err = int(exc.code or 0), "", said
    assert code == 2 and out == "", err
    assert said in err and "Traceback" not in err and "意外错误" not in err
    assert fingerprint(db_path) == before
    assert _files(tmp_path) == files  # no file, no .part, no lock left behind


@pytest.mark.parametrize("argv", ON_A_MISSING_FILE, ids=[" ".join(a) for a in ON_A_MISSING_FILE])
def test_no_command_creates_a_database_it_was_not_asked_to(
        places: dict[str, str], tmp_path: Path, argv: list[str]) -> None:
    typo = tmp_path / "typo" / "offce.db"
    code, out, err = cli("--db", str(typo), *(a.format(**places) for a in argv))
    assert code == 2 and out == ""
    assert "数据库文件不存在" in err or "不存在" in err
    assert not typo.parent.exists()


def test_demo_creates_on_purpose_and_backs_up_before_force(tmp_path: Path) -> None:
    fresh = tmp_path / "new" / "office.db"
    code, out, _ = cli("--db", str(fresh), "demo")
    assert code == 0 and fresh.exists()
    code, out, _ = cli("--db", str(fresh), "demo", "--force")
    assert code == 0 and out.startswith("已先备份原有数据库：")
    kept = Path(out.splitlines()[0].split("：", 1)[1])
    assert kept.exists() and kept.parent == fresh.parent / "backups"
    assert cli("--db", str(fresh), "check")[0] == 0  # the reset is no tampering


@pytest.mark.skipif(os.geteuid() == 0 if hasattr(os, "geteuid") else True,
                    reason="root writes anywhere")
def test_a_read_only_target_is_refused(places: dict[str, str], db_path: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        for argv in (["backup", "-o", f"{locked}/b.db"], ["contacts", "export", "-o", f"{locked}/c.xlsx"]):
            code, _, err = cli("--db", str(db_path), *argv)
            assert code == 2 and "不可写入" in err
    finally:
        locked.chmod(0o700)


def test_a_server_out_of_reach_exits_1_naming_host_and_port_and_offers_no_backup() -> None:
    code, _, err = cli("--db", "postgresql+psycopg://duty@127.0.0.1:1/dutydesk", "incidents", "list")
    assert code == 1 and "127.0.0.1:1" in err and "无法连接数据库服务器" in err
    assert len(err.strip().splitlines()) == 1 and "备份" not in err and "损坏" not in err


def test_a_database_url_no_driver_knows_is_a_mistake() -> None:
    code, _, err = cli("--db", "nosuchdb://x/y", "check")
    assert code == 2 and "不是可用的数据库地址" in err


def test_check_on_a_missing_file_says_so() -> None:
    code, _, err = cli("--db", "/nonexistent/dutydesk.db", "check")
    assert code == 2 and "数据库文件不存在" in err


def test_sqlite_is_not_left_locked_by_a_refusal(places: dict[str, str], db_path: Path) -> None:
    cli("--db", str(db_path), "roster", "import", places["text"])
    conn = sqlite3.connect(db_path, timeout=0.1)
    try:
        conn.execute("BEGIN IMMEDIATE")  # nobody holds the write lock
        conn.rollback()
    finally:
        conn.close()
