"""check, backup, restore, damaged files and the command line's contract."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, run
from app.domain.errors import DatabaseDamaged
from app.models.db import resolve_url
from app.services.context import Context
from app.services.office import backup, health, instance


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run(build_parser().parse_args(list(argv)))
    return code, out.getvalue(), err.getvalue()


def overwrite_pages(path: Path) -> None:
    """Scribble over every page but the first, as a failing disk would."""
    size = path.stat().st_size
    with path.open("r+b") as fh:
        fh.seek(4096)
        fh.write(bytes((i * 37) % 251 for i in range(size - 4096)))


def test_check_passes_on_a_healthy_office(office_ctx: Context, db_path: Path) -> None:
    code, out, _ = cli("--db", str(db_path), "check")
    assert code == 0 and "数据库完好" in out


def test_check_fails_with_a_sentence_on_overwritten_pages(office_ctx: Context, db_path: Path) -> None:
    office_ctx.db.dispose()  # checkpoint the WAL into the file, as a clean exit does
    overwrite_pages(db_path)
    code, _, err = cli("--db", str(db_path), "check")
    assert code == 1
    assert "损坏" in err and "Traceback" not in err


def test_check_in_english(office_ctx: Context, db_path: Path) -> None:
    code, out, _ = cli("--db", str(db_path), "--lang", "en", "check")
    from app.domain import messages

    messages.set_language("en")
    try:
        code, out, _ = cli("--db", str(db_path), "check")
    finally:
        messages.set_language("zh_CN")
    assert code == 0 and "healthy" in out


def test_not_a_database(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("duty notes, not a database\n" * 50, encoding="utf-8")
    code, _, err = cli("--db", str(bogus), "check")
    assert code == 1 and "不是 SQLite 数据库" in err


def test_damaged_file_is_refused_and_the_latest_good_backup_offered(
    office_ctx: Context, db_path: Path, clock
) -> None:  # type: ignore[no-untyped-def]
    taken = backup.auto_backup(db_path, "daily", clock.now())
    office_ctx.db.dispose()
    overwrite_pages(db_path)
    with pytest.raises(DatabaseDamaged) as err:
        health.open_database(db_path, clock, full_check=True)
    assert err.value.latest_backup is not None and err.value.latest_backup.path == taken
    code, _, stderr = cli("--db", str(db_path), "check")
    assert code == 1 and f'dutydesk --db "{db_path}" restore "{taken}"' in stderr
    # restore it: the damaged file is kept, the database works again
    code, out, _ = cli("--db", str(db_path), "restore", str(taken))
    assert code == 0 and "恢复" in out
    kept = [b for b in backup.list_backups(db_path) if b.kind == "replaced"]
    assert len(kept) == 1 and kept[0].path.exists()
    assert cli("--db", str(db_path), "check")[0] == 0


def test_opening_reads_only_the_header_and_the_schema(office_ctx: Context, db_path: Path, clock) -> None:  # type: ignore[no-untyped-def]
    office_ctx.db.dispose()
    opened = health.open_database(db_path, clock)
    assert not opened.full_check_ran  # quick_check runs in the background at start
    opened.db.dispose()


def test_backup_command_and_restore_refuses_a_bad_file(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "copy.db"
    code, _out, _ = cli("--db", str(db_path), "backup", "-o", str(out_file))
    assert code == 0 and out_file.exists()
    assert backup.file_problem(out_file) is None
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"garbage" * 100)
    code, _, err = cli("--db", str(db_path), "restore", str(bad))
    assert code == 2 and "不能用" in err
    assert not [b for b in backup.list_backups(db_path) if b.kind == "replaced"]


def test_restore_is_refused_while_the_program_has_the_file_open(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "copy.db"
    cli("--db", str(db_path), "backup", "-o", str(out_file))
    running = instance.InstanceLock(resolve_url(db_path))
    assert running.acquire()
    try:
        code, _, err = cli("--db", str(db_path), "restore", str(out_file))
        assert code == 1 and "关闭" in err
    finally:
        running.release()
    assert cli("--db", str(db_path), "restore", str(out_file))[0] == 0


def test_backup_is_refused_from_a_damaged_file(office_ctx: Context, db_path: Path, tmp_path: Path) -> None:
    office_ctx.db.dispose()
    overwrite_pages(db_path)
    code, _, err = cli("--db", str(db_path), "backup", "-o", str(tmp_path / "x.db"))
    assert code == 1 and "不做备份" in err
    assert not (tmp_path / "x.db").exists()


def test_rotation_keeps_seven_daily_and_four_weekly(db_path: Path, office_ctx: Context) -> None:
    start = dt.datetime(2026, 9, 1, 2, 0, tzinfo=dt.UTC)
    for day in range(60):
        backup.backup_to(db_path, backup.backup_dir(db_path) /
                         f"{db_path.stem}-{(start + dt.timedelta(days=day)).strftime('%Y%m%dT%H%M%SZ')}-daily.db")
    backup.rotate(db_path)
    kept = [b for b in backup.list_backups(db_path) if b.kind == "daily"]
    days = sorted({b.taken_at.date() for b in kept})
    newest = (start + dt.timedelta(days=59)).date()
    assert all(newest - dt.timedelta(days=i) in days for i in range(7))
    weeks = {tuple(b.taken_at.isocalendar())[:2] for b in kept}
    assert len(weeks) == 4 and len(kept) <= 7 + 4


def test_the_installed_entry_point_runs_without_a_traceback(tmp_path: Path) -> None:
    env = dict(os.environ, DUTYDESK_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-m", "app", "--db", str(tmp_path / "none.db"), "check"],
                          capture_output=True, text=True, env=env, timeout=60)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr and "不存在" in proc.stderr
    assert not (tmp_path / "none.db").exists()


def test_demo_then_check(db_path: Path) -> None:
    code, out, _ = cli("--db", str(db_path), "demo")
    assert code == 0 and "admin / admin-2026" in out
    assert cli("--db", str(db_path), "check")[0] == 0
    code, _, err = cli("--db", str(db_path), "demo")
    assert code == 2 and "--force" in err
