"""Collect every wheel an offline install of DutyDesk needs, for one target platform.

    python installer/wheelhouse.py [--platform linux-x86_64|linux-aarch64|win-amd64] [--out DIR]
    python installer/wheelhouse.py --native        print this machine's platform name

Reads installer/requirements.lock (pinned, with hashes, markers for every platform), keeps the
lines whose markers hold on the target (pip would judge them by the machine it runs on, which is
wrong when the target is another one), downloads exactly those wheels with --require-hashes,
adds the wheel of DutyDesk itself, and writes into DIR/wheelhouse-PLATFORM/:

    *.whl               the wheels
    requirements.txt    the lines kept (pinned, with hashes), for 'pip install --require-hashes'
    INSTALL.txt         how to install on a machine without a network

On the target machine (Python 3.11, no network):

    python3.11 -m venv dutydesk-venv
    dutydesk-venv/bin/pip install --no-index --find-links wheelhouse-PLATFORM "dutydesk[postgres]"
"""

from __future__ import annotations

import argparse
import platform
import re
import shutil
import subprocess
import sys
from pathlib import Path

from packaging.markers import Marker

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "installer" / "requirements.lock"

# pip's --platform tags per target; manylinux tags are listed down to the oldest a wheel in the
# lock uses, since pip takes an explicit --platform literally. x86_64 stops at glibc 2.31 and
# aarch64 at 2.31: the oldest glibc the release build supports (installer/README.md).
PLATFORMS: dict[str, dict[str, object]] = {
    "linux-x86_64": {
        "tags": [f"manylinux_2_{minor}_x86_64" for minor in range(31, 16, -1)]
        + ["manylinux2014_x86_64", "linux_x86_64"],
        "env": {"sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64",
                "os_name": "posix"},
    },
    "linux-aarch64": {
        "tags": [f"manylinux_2_{minor}_aarch64" for minor in range(31, 16, -1)]
        + ["manylinux2014_aarch64", "linux_aarch64"],
        "env": {"sys_platform": "linux", "platform_system": "Linux",
                "platform_machine": "aarch64", "os_name": "posix"},
    },
    "win-amd64": {
        "tags": ["win_amd64"],
        "env": {"sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64",
                "os_name": "nt"},
    },
}
PYTHON_ENV = {"python_version": "3.11", "python_full_version": "3.11.2",
              "implementation_name": "cpython", "platform_python_implementation": "CPython"}


def native() -> str:
    machine = platform.machine().lower()
    if sys.platform == "win32":
        return "win-amd64"
    return "linux-aarch64" if machine in ("aarch64", "arm64") else "linux-x86_64"


def requirements(lock: Path) -> list[str]:
    """The lock's requirement entries, each with its hash lines joined back together."""
    entries: list[str] = []
    current = ""
    for raw in lock.read_text(encoding="utf-8").splitlines():
        line = raw.split(" #", 1)[0].rstrip() if not raw.lstrip().startswith("--hash") else raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        current += line.strip().removesuffix("\\").strip() + " "
        if not line.endswith("\\"):
            entries.append(current.strip())
            current = ""
    if current:
        entries.append(current.strip())
    return entries


def for_platform(entries: list[str], name: str) -> list[str]:
    """The entries whose markers hold on the target platform, without their markers: pip
    judges a marker by the machine it runs on, so one left in would drop the line again when
    the target is another machine."""
    env = {**PYTHON_ENV, **PLATFORMS[name]["env"]}  # type: ignore[dict-item]
    kept = []
    for entry in entries:
        requirement, _, hashes = entry.partition(" --hash")
        if ";" in requirement:
            requirement, marker = requirement.split(";", 1)
            if not Marker(marker.strip()).evaluate(env):
                continue
        kept.append(f"{requirement.strip()} --hash{hashes}")
    return kept


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", choices=sorted(PLATFORMS))
    parser.add_argument("--out", type=Path, default=ROOT / "installer" / "dist")
    parser.add_argument("--native", action="store_true", help="print this machine's platform")
    args = parser.parse_args(argv)
    if args.native:
        print(native())
        return 0
    name = args.platform or native()
    house = args.out / f"wheelhouse-{name}"
    if house.exists():
        shutil.rmtree(house)
    house.mkdir(parents=True)
    kept = for_platform(requirements(LOCK), name)
    pinned = house / "requirements.txt"
    pinned.write_text(
        f"# installer/requirements.lock for {name} (Python 3.11), made by installer/wheelhouse.py\n"
        + "".join(re.sub(r" (--hash=)", r" \\\n    \1", entry) + "\n" for entry in kept),
        encoding="utf-8")
    tags = [arg for tag in PLATFORMS[name]["tags"] for arg in ("--platform", tag)]  # type: ignore[attr-defined]
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check"]
    subprocess.run([*pip, "download", "--quiet", "--no-deps", "--require-hashes",
                    "--only-binary", ":all:", *tags, "--python-version", "3.11",
                    "--implementation", "cp", "-r", str(pinned), "-d", str(house)], check=True)
    subprocess.run([*pip, "wheel", "--quiet", "--no-deps",
                    "-w", str(house), str(ROOT)], check=True)
    wheels = sorted(p.name for p in house.glob("*.whl"))
    (house / "INSTALL.txt").write_text(
        f"DutyDesk: every wheel for {name}, Python 3.11 ({len(wheels)} wheels).\n\n"
        "On the target machine, without a network:\n\n"
        "    python3.11 -m venv dutydesk-venv\n"
        f"    dutydesk-venv/bin/pip install --no-index --find-links wheelhouse-{name} "
        "\"dutydesk[postgres]\"\n"
        "    dutydesk-venv/bin/dutydesk --version\n\n"
        "(On Windows: dutydesk-venv\\Scripts\\pip.exe and dutydesk-venv\\Scripts\\dutydesk-gui.exe.)\n"
        "The pinned versions and their hashes are in requirements.txt.\n",
        encoding="utf-8")
    print(f"{house}: {len(wheels)} wheels")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
