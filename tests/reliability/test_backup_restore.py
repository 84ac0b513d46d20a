"""Backup and restore never destroy the live database and never leave partial files.

The self-target cases of the issue: restoring a database onto itself (by its path, through a
symbolic link, through a hard link), ``backup -o`` onto the live database or one of its files,
into a folder, into a missing folder; the instance lock (a live program refuses a restore, a
killed one's lock is taken over); the printed restore command works as printed.
"""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.models.db import resolve_url
from app.services.context import Context
from app.services.office import backup, instance
from tests.services.office.test_health import cli, overwrite_pages


def _snapshot(folder: Path) -> dict[str, int]:
    """Every file under ``folder`` with its size (what a refused command must not change)."""
    return {str(p.relative_to(folder)): p.stat().st_size for p in folder.rglob("*") if p.is_file()}


def _healthy(db_path: Path) -> bool:
    return backup.file_problem(db_path) is None


def test_restore_onto_itself_is_refused_however_the_file_is_named(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    office_ctx.db.dispose()
    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    hard = tmp_path / "hard.db"
    os.link(db_path, hard)
    before = _snapshot(db_path.parent)
    for source in (db_path, link, hard):
        code, _, err = cli("--db", str(db_path), "restore", str(source))
        assert code == 2 and "不能用它恢复自身" in err, (source, err)
    wal = Path(str(db_path) + "-wal")
    wal.write_bytes(b"")  # a WAL file beside it is the database's own too
    assert cli("--db", str(db_path), "restore", str(wal))[0] == 2
    wal.unlink()
    assert _snapshot(db_path.parent) == before and _healthy(db_path)
    # and --db given through the link: the same file all the same
    code, _, err = cli("--db", str(link), "restore", str(db_path))
    assert code == 2 and _healthy(db_path)


def test_backup_onto_the_live_database_or_its_files_is_refused(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.db"
    link.symlink_to(db_path)
    hard = tmp_path / "hard.db"
    os.link(db_path, hard)
    for target in (db_path, link, hard, Path(str(db_path) + "-wal"), Path(str(db_path) + "-shm"),
                   Path(str(db_path) + ".anchors")):
        before = _snapshot(tmp_path)
        code, _, err = cli("--db", str(db_path), "backup", "-o", str(target))
        assert code == 2 and "不能作为备份目标" in err, (target, err)
        assert _snapshot(tmp_path) == before
    assert _healthy(db_path)


def test_backup_into_a_folder_or_a_missing_folder_leaves_nothing(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    before = _snapshot(tmp_path)
    code, _, err = cli("--db", str(db_path), "backup", "-o", str(folder))
    assert code == 2 and "文件夹" in err
    code, _, err = cli("--db", str(db_path), "backup", "-o", str(tmp_path / "nowhere" / "x.db"))
    assert code == 2 and "不存在" in err
    assert _snapshot(tmp_path) == before  # no .part, no folder
    assert not list(tmp_path.rglob("*.part"))


def test_a_backup_is_whole_or_absent_when_the_copy_fails(
        office_ctx: Context, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "copy.db"
    target.write_bytes(b"the previous copy")

    def fail(source: Path, dest: Path) -> None:
        dest.write_bytes(b"half a database")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_copy_into", fail)
    code, _, err = cli("--db", str(db_path), "backup", "-o", str(target))
    assert code == 1 and "未留下不完整的文件" in err
    assert target.read_bytes() == b"the previous copy"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == []


def test_a_failed_restore_leaves_the_database_as_it_was(
        office_ctx: Context, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "good.db"
    assert cli("--db", str(db_path), "backup", "-o", str(good))[0] == 0
    office_ctx.db.dispose()
    original = db_path.read_bytes()

    def fail(source: Path, dest: Path) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "_copy_into", fail)
    code, _, err = cli("--db", str(db_path), "restore", str(good))
    assert code == 1 and "原数据库保持不变" in err
    assert db_path.read_bytes() == original and _healthy(db_path)
    assert not list(db_path.parent.glob("*.part"))


def test_the_printed_restore_command_works_as_printed(
        office_ctx: Context, db_path: Path, tmp_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    backup.auto_backup(db_path, "daily", clock.now())
    office_ctx.db.dispose()
    overwrite_pages(db_path)
    code, _, err = cli("--db", str(db_path), "check")
    assert code == 1
    [line] = [x for x in err.splitlines() if "dutydesk --db" in x]
    command = shlex.split(line.split("：", 1)[1])
    assert command[:3] == ["dutydesk", "--db", str(db_path)] and command[3] == "restore"
    env = dict(os.environ, DUTYDESK_HOME=str(tmp_path / "home"))
    # run it as printed, from another folder (the default database must not be touched)
    done = subprocess.run([sys.executable, "-m", "app", *command[1:]], cwd=tmp_path, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert cli("--db", str(db_path), "check")[0] == 0
    assert not (tmp_path / "home" / "dutydesk.db").exists()


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="POSIX signals")
def test_a_live_program_blocks_restore_and_a_killed_one_does_not(
        office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    good = tmp_path / "good.db"
    assert cli("--db", str(db_path), "backup", "-o", str(good))[0] == 0
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time\n"
         "from app.models.db import resolve_url\n"
         "from app.services.office.instance import InstanceLock\n"
         "lock = InstanceLock(resolve_url(sys.argv[1]))\n"
         "assert lock.acquire()\n"
         "print('held', flush=True)\n"
         "time.sleep(120)\n", str(db_path)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        assert instance.held_elsewhere(resolve_url(db_path))
        code, _, err = cli("--db", str(db_path), "restore", str(good))
        assert code == 1 and "请先关闭程序" in err
        code, _, err = cli("--db", str(db_path), "demo", "--force")
        assert code == 1 and "请先关闭程序" in err
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    time.sleep(0.1)
    lock_file = instance.lock_path(resolve_url(db_path))
    assert lock_file.exists()  # what a crash leaves behind is no lock at all
    assert not instance.held_elsewhere(resolve_url(db_path))
    code, _, err = cli("--db", str(db_path), "restore", str(good))
    assert code == 0, err
