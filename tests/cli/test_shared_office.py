"""The command line in the shared office: signing in on a server, watch, check's clock lines,
and the real program under faketime (its clock a day off)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.cli.common import keyring_account, password_for
from app.domain.clock import SystemClock
from app.domain.errors import InputError
from app.models.db import KEYRING_SERVICE
from app.services.context import Actor, Context
from app.services.dutylog import entries as dutylog
from app.services.office import audit, health, office, trusted_time
from tests.conftest import ADMIN_PASSWORD, MemoryKeyring
from tests.pgserver import PG_URL, empty_schema, needs_server
from tests.services.office.test_health import cli

ROOT = Path(__file__).resolve().parents[2]
needs_faketime = pytest.mark.skipif(shutil.which("faketime") is None,
                                    reason="faketime not installed (Debian package faketime)")


def program(*argv: str, faketime: str | None = None, password: str | None = None,
            stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """The real program in a process of its own (under faketime when given)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("DUTYDESK_PASSWORD", None)
    if password:
        env["DUTYDESK_PASSWORD"] = password
    command = [sys.executable, "-m", "app.main", *argv]
    if faketime:
        command = ["faketime", "-f", faketime, *command]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
                          input=stdin)


@pytest.fixture
def desk(db_path: Path) -> Iterator[Path]:
    """A set-up office in a file, written at the real time (faketime shifts from it)."""
    opened = health.open_database(db_path, SystemClock())
    ctx = Context(opened.db, SystemClock(), Actor.command_line())
    office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234", admin_username="admin",
                  admin_name="王建国", admin_password=ADMIN_PASSWORD)
    opened.db.dispose()
    yield db_path


def test_the_password_comes_from_the_variable_then_the_keyring(isolated: MemoryKeyring,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUTYDESK_PASSWORD", "from-the-variable")
    assert password_for("admin", "db.example.org") == "from-the-variable"
    monkeypatch.delenv("DUTYDESK_PASSWORD")
    isolated.set_password(KEYRING_SERVICE, keyring_account("admin", "db.example.org"), "from-the-keyring")
    assert password_for("admin", "db.example.org") == "from-the-keyring"
    monkeypatch.setattr("sys.stdin", None)
    with pytest.raises(InputError) as err:
        password_for("leader", "db.example.org")
    assert "DUTYDESK_PASSWORD" in err.value.message and "user:leader@db.example.org" in err.value.message


def test_check_on_a_desk_says_no_clock_jump_is_recorded(desk: Path) -> None:
    code, out, _ = cli("--db", str(desk), "check")
    assert code == 0 and out.splitlines()[-1] == "时钟异常：无记录。"


@needs_faketime
def test_a_clock_a_day_behind_is_found_recorded_and_listed(desk: Path) -> None:
    """The real program, its clock set a day back: it says so, writes the log entry at the
    time last recorded (not yesterday's shift), and check lists the jump."""
    done = program("--db", str(desk), "log", "add", "交班前巡查", faketime="-1d")
    assert done.returncode == 0, done.stderr
    assert "系统时钟比数据库中最后一条记录早 2" in done.stderr  # 23 h 59 min and some
    opened = health.open_database(desk, SystemClock())
    try:
        ctx = Context(opened.db, SystemClock(), Actor.command_line())
        entries = dutylog.list_shift(ctx, dutylog.shift_info(ctx).date)
        assert entries, (done.stdout, done.stderr)
        entry = entries[-1]
        assert entry.text == "交班前巡查"
        assert abs((entry.at - SystemClock().now()).total_seconds()) < 600
        jumps = trusted_time.recorded_jumps(ctx)
        assert len(jumps) == 1 and jumps[0].at_start and jumps[0].offset_seconds < -86000
        assert audit.verify(ctx).ok
    finally:
        opened.db.dispose()
    check = program("--db", str(desk), "check")
    assert check.returncode == 0
    assert "时钟异常：共记录 1 次，最近的：" in check.stdout and "启动时发现" in check.stdout


def test_watch_on_a_desk_prints_what_another_process_wrote(desk: Path) -> None:
    watch = subprocess.Popen([sys.executable, "-m", "app.main", "--db", str(desk), "watch", "--json",
                              "--count", "1", "--seconds", "60"], cwd=ROOT, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    import time
    time.sleep(3)
    added = program("--db", str(desk), "log", "add", "接市气象台暴雨预警")
    assert added.returncode == 0, added.stderr
    out, err = watch.communicate(timeout=60)
    assert watch.returncode == 0, err
    event = json.loads(out.splitlines()[0])
    assert event["event"] == "log_entry" and event["operator"].endswith("(cli)")
    assert event["at"].endswith("+08:00")


@pytest.fixture
def server() -> Iterator[str]:
    url = empty_schema()
    opened = health.open_database(url, SystemClock())
    ctx = Context(opened.db, SystemClock(), Actor.command_line())
    office.set_up(ctx, name="江州市应急管理局", duty_phone="0576-88001234", admin_username="admin",
                  admin_name="王建国", admin_password=ADMIN_PASSWORD)
    opened.db.dispose()
    yield url


@needs_server
def test_on_a_server_writing_needs_a_sign_in(server: str) -> None:
    refused = program("--db", server, "log", "add", "未登录的写入")
    assert refused.returncode == 2
    assert refused.stderr.strip() == ("在共享服务器上写入数据需要登录：请在命令前加 --user 用户名"
                                      "（密码取自系统密钥环、终端提示或环境变量 DUTYDESK_PASSWORD）。")
    assert program("--db", server, "log", "--json").returncode == 0  # reading needs none
    wrong = program("--db", server, "--user", "admin", "log", "add", "x", password="wrong-password")
    assert (wrong.returncode, wrong.stderr.strip()) == (2, "用户名或密码不正确。")
    done = program("--db", server, "--user", "admin", "log", "add", "已登录的写入", password=ADMIN_PASSWORD)
    assert done.returncode == 0, done.stderr
    log = json.loads(program("--db", server, "log", "--json").stdout)
    assert [(e["text"], e["operator"]) for e in log] == [("已登录的写入", "admin")]


@needs_server
@needs_faketime
def test_on_a_server_the_time_is_the_servers(server: str) -> None:
    """A workstation whose clock is a day ahead: its record carries the server's time, and it
    is told its clock is off."""
    done = program("--db", server, "--user", "admin", "log", "add", "时钟快一天的工作站",
                   password=ADMIN_PASSWORD, faketime="+1d")
    assert done.returncode == 0, done.stderr
    assert "本机时钟比服务器快 24 小时 0 分" in done.stderr
    log = json.loads(program("--db", server, "log", "--json").stdout)
    import datetime as dt
    at = dt.datetime.fromisoformat(log[-1]["at"])
    assert abs((at - SystemClock().now()).total_seconds()) < 600
    check = program("--db", server, "check")
    assert check.returncode == 0, check.stderr
    for line in ("数据库结构版本", "审计记录链", "值班日志链", "外键", "编号计数器", "时钟：本机与服务器相差",
                 "时钟异常：无记录。", "服务器数据库检查通过。"):
        assert line in check.stdout
    assert PG_URL
