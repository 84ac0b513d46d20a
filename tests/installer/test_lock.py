"""The locked requirements satisfy pyproject.toml, carry hashes, and split by platform right."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))

import wheelhouse  # noqa: E402  (installer/wheelhouse.py)

LOCK = ROOT / "installer" / "requirements.lock"
BUILD_LOCK = ROOT / "installer" / "requirements-build.lock"


def _pins(lock: Path) -> dict[str, list[tuple[str, str]]]:
    """{name: [(version, marker), …]} of a lock file."""
    pins: dict[str, list[tuple[str, str]]] = {}
    for entry in wheelhouse.requirements(lock):
        requirement = entry.split(" --hash", 1)[0]
        spec, _, marker = requirement.partition(";")
        name, version = spec.strip().split("==")
        pins.setdefault(canonicalize_name(name), []).append((version.strip(), marker.strip()))
    return pins


@pytest.fixture(scope="module")
def project() -> dict:  # type: ignore[type-arg]
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_dependency_is_locked_within_its_range(project: dict) -> None:  # type: ignore[type-arg]
    pins = _pins(LOCK)
    for line in project["dependencies"] + project["optional-dependencies"]["postgres"]:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not in requirements.lock: run installer/lock.sh"
        for version, _marker in pins[name]:
            assert requirement.specifier.contains(version, prereleases=True), (
                f"{name}=={version} is outside {requirement.specifier}: run installer/lock.sh")


def test_every_entry_has_hashes() -> None:
    for lock in (LOCK, BUILD_LOCK):
        for entry in wheelhouse.requirements(lock):
            assert re.search(r"--hash=sha256:[0-9a-f]{64}", entry), entry.split()[0]


def test_the_build_lock_pins_the_same_versions_and_the_build_tools(project: dict) -> None:  # type: ignore[type-arg]
    run, build = _pins(LOCK), _pins(BUILD_LOCK)
    for name, versions in run.items():
        assert build.get(name) == versions, name
    for line in project["optional-dependencies"]["installer"]:
        requirement = Requirement(line)
        (version,) = [s.version for s in requirement.specifier]  # exact pins: one version each
        assert build[canonicalize_name(requirement.name)] == [(version, "")]


def test_pyside6_is_pinned_for_the_oldest_glibc() -> None:
    pins = _pins(LOCK)
    for name in ("pyside6-essentials", "pyside6-addons", "shiboken6"):
        assert sorted(pins[name]) == [("6.8.0.2", "platform_machine == 'aarch64'"),
                                      ("6.9.3", "platform_machine != 'aarch64'")]


@pytest.mark.parametrize(("platform", "present", "absent"), [
    ("linux-x86_64", {"secretstorage": "3", "pyside6-essentials": "6.9.3"}, {"pywin32-ctypes"}),
    ("linux-aarch64", {"secretstorage": "3", "pyside6-essentials": "6.8.0.2"}, {"pywin32-ctypes"}),
    ("win-amd64", {"pywin32-ctypes": "0", "pyside6-essentials": "6.9.3"}, {"secretstorage", "jeepney"}),
])
def test_wheelhouse_keeps_the_lines_of_its_platform(
        platform: str, present: dict[str, str], absent: set[str]) -> None:
    kept = wheelhouse.for_platform(wheelhouse.requirements(LOCK), platform)
    names = {canonicalize_name(entry.split("==")[0]): entry.split("==")[1].split()[0]
             for entry in kept}
    for name, version in present.items():
        assert names[name].startswith(version), (name, names.get(name))
    assert not absent & set(names)
    assert len([n for n in names if n == "pyside6-essentials"]) == 1
    # No marker is left for pip to judge by the machine that downloads: that would drop the
    # other platform's lines again.
    assert not any(";" in entry.split(" --hash")[0] for entry in kept)
    assert all("--hash=sha256:" in entry for entry in kept)
