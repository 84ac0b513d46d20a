"""The data folder: DUTYDESK_HOME, then the installer's dutydesk.ini beside a frozen program,
then the user's folder; and the one name of the running program's mutex."""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

from app import main as app_main
from app import paths

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def frozen(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A pretend installed program: sys.frozen set, the executable in tmp_path/app."""
    folder = tmp_path / "app"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "dutydesk-gui.exe"))
    monkeypatch.delenv("DUTYDESK_HOME", raising=False)
    return folder


def test_dutydesk_home_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DUTYDESK_HOME", str(tmp_path / "elsewhere"))
    assert paths.data_dir() == tmp_path / "elsewhere"
    assert (tmp_path / "elsewhere").is_dir()


def test_installer_config_sets_a_machine_wide_folder(
        frozen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PROGRAMDATA", str(tmp_path / "ProgramData"))
    (frozen / "dutydesk.ini").write_text("[paths]\nhome = $PROGRAMDATA/DutyDesk\n", encoding="utf-8")
    if sys.platform == "win32":  # the installer writes %ProgramData%; expandvars knows both forms
        (frozen / "dutydesk.ini").write_text("[paths]\nhome = %PROGRAMDATA%\\DutyDesk\n",
                                             encoding="utf-8")
    assert paths.data_dir() == tmp_path / "ProgramData" / "DutyDesk"
    assert paths.default_db_path() == tmp_path / "ProgramData" / "DutyDesk" / "dutydesk.db"
    assert paths.log_dir().parent == tmp_path / "ProgramData" / "DutyDesk"


def test_dutydesk_home_still_wins_over_the_installer_config(
        frozen: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (frozen / "dutydesk.ini").write_text(f"[paths]\nhome = {tmp_path / 'shared'}\n", encoding="utf-8")
    monkeypatch.setenv("DUTYDESK_HOME", str(tmp_path / "mine"))
    assert paths.data_dir() == tmp_path / "mine"


@pytest.mark.parametrize("content", [
    None,                                  # per-user install: no file
    "[paths]\n",                           # no home
    "[paths]\nhome =   \n",                # empty home
    "not an ini file at all\n",            # damaged: fall back, never stop the program
    "[paths]\nhome = a\n[paths]\nhome = b\n",  # duplicate section
])
def test_without_a_usable_config_the_user_folder_is_used(
        frozen: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, content: str | None) -> None:
    if content is not None:
        (frozen / "dutydesk.ini").write_text(content, encoding="utf-8")
    user = tmp_path / "user-data"
    monkeypatch.setattr(paths.platformdirs, "user_data_dir", lambda *a, **k: str(user))
    assert paths.installed_home() is None
    assert paths.data_dir() == user


def test_the_config_is_ignored_when_running_from_source(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / "dutydesk.ini").write_text(f"[paths]\nhome = {tmp_path / 'x'}\n", encoding="utf-8")
    assert paths.installed_home() is None


def test_the_windows_installer_uses_the_same_names() -> None:
    """AppMutex and the data-folder file of the Inno Setup script are the program's own."""
    iss = (ROOT / "installer" / "windows" / "dutydesk.iss").read_text(encoding="utf-8-sig")
    mutex = re.search(r"^AppMutex=(.+)$", iss, re.MULTILINE)
    assert mutex is not None
    assert mutex.group(1).split(",") == [paths.INSTANCE_LOCK_NAME,
                                         "Global\\" + paths.INSTANCE_LOCK_NAME]
    assert f'Filename: "{{app}}\\{paths.INSTALL_CONFIG}"; Section: "paths"; Key: "home"' in iss


def test_no_mutex_outside_windows() -> None:
    if sys.platform == "win32":
        pytest.skip("on Windows the mutex is real")
    assert app_main.hold_instance_mutex() == []


def test_on_windows_both_mutex_names_are_created(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Windows branch, with kernel32 stood in for: the names the installer waits on."""
    created: list[str] = []

    class CreateMutexW:
        restype: object = None

        def __call__(self, attributes: object, owner: bool, name: str) -> int:
            created.append(name)
            return 1000 + len(created)

    kernel32 = types.SimpleNamespace(CreateMutexW=CreateMutexW())
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(app_main.ctypes, "WinDLL", lambda *a, **k: kernel32, raising=False)
    monkeypatch.setattr(app_main, "_INSTANCE_MUTEXES", [])
    assert app_main.hold_instance_mutex() == [1001, 1002]
    assert created == [paths.INSTANCE_LOCK_NAME, "Global\\" + paths.INSTANCE_LOCK_NAME]
    assert app_main.hold_instance_mutex() == [1001, 1002]  # once per process
    assert len(created) == 2
