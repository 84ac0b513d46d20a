"""Whole-or-absent files and the checks on an output path."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from app.domain.errors import InputError
from app.export.files import atomic_write, check_target


def test_a_finished_write_replaces_the_target(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    target.write_text("old")
    with atomic_write(target) as tmp:
        assert tmp.parent == tmp_path and tmp != target
        tmp.write_text("new")
        assert target.read_text() == "old"
    assert target.read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.xlsx"]


def test_a_failed_or_cancelled_write_leaves_nothing(tmp_path: Path) -> None:
    target = tmp_path / "out.xlsx"
    with pytest.raises(KeyboardInterrupt), atomic_write(target) as tmp:
        tmp.write_text("half")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_check_target_names_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="是一个文件夹"):
        check_target(tmp_path)
    with pytest.raises(InputError, match="不存在"):
        check_target(tmp_path / "missing" / "out.xlsx")
    assert check_target(tmp_path / "out.xlsx") == (tmp_path / "out.xlsx").absolute()


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_check_target_refuses_a_read_only_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(InputError, match="不可写入"):
            check_target(folder / "out.xlsx")
    finally:
        folder.chmod(0o700)
