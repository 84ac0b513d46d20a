"""The command line meets a database the environment blocks: it prints the operator's sentence,
never SQLAlchemy's or the driver's text, and exits 1 (issue 12)."""

from __future__ import annotations

import contextlib
import io
import sqlite3
from pathlib import Path

import pytest

from app.cli import build_parser, run
from app.models import db as db_module
from app.services.context import Context
from tests.services.office.test_health import cli


def test_a_locked_database_prints_the_sentence_and_exits_1(office_ctx: Context, db_path: Path,  # type: ignore[no-untyped-def]
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db_module, "BUSY_TIMEOUT_MS", 300)  # wait 0.3 s for the writer, not 10 s
    holder = sqlite3.connect(db_path, isolation_level=None)  # another program holds the write lock
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = cli("--db", str(db_path), "log", "add", "市水利局来电：水位正常")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert (code, out) == (1, "")
    assert err.splitlines() == ["数据库正忙（另一个程序正在写入），请稍后重试。"]
    code, out, _ = cli("--db", str(db_path), "log", "--json")
    assert code == 0 and "水位正常" not in out  # nothing was written


def test_a_raw_driver_error_that_escapes_the_boundary_is_translated(office_ctx: Context,
                                                                    db_path: Path) -> None:
    def broken(args):  # type: ignore[no-untyped-def]
        raise sqlite3.OperationalError("disk I/O error")  # from a raw connection, say

    args = build_parser().parse_args(["--db", str(db_path), "log"])
    args.handler = broken
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        code = run(args)
    assert code == 1
    assert err.getvalue().splitlines() == ["读写数据库时发生磁盘错误，数据没有保存。请稍后重试。"]
