"""The licences of everything a bundle carries, gathered at build time (installer/dutydesk.spec).

Writes a ``licenses/`` folder:

- ``README.txt``: one line per component: name, version, licence, where its texts are;
- ``python/<distribution>-<version>/``: for every installed distribution the bundle takes, the
  licence files its wheel ships (``License-File`` in its metadata, or LICENSE*/COPYING*/NOTICE*
  among its files) and its METADATA licence fields;
- ``Python/``: the interpreter's own licence (PSF);
- ``Qt/``: Qt and PySide6 are used under the LGPL 3.0 (the one-folder bundle keeps their shared
  libraries replaceable); FFmpeg, which QtMultimedia's backend carries, under the LGPL 2.1 or
  later; the licence texts themselves;
- ``system/<package>.copyright``: on Debian-based build machines, the copyright file of the
  Debian package that owns each shared library copied from the system.

Only the standard library is used: the spec imports this module inside PyInstaller.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from importlib import metadata
from pathlib import Path

# In the build environment but not in the bundle.
BUILD_ONLY = {
    "pip", "setuptools", "wheel", "uv", "pyinstaller", "pyinstaller-hooks-contrib", "altgraph",
    "packaging", "dutydesk", "pytest", "pytest-qt", "import-linter", "grimp", "ruff", "mypy",
    "mypy-extensions", "pathspec", "iniconfig", "pluggy", "pygments", "click", "rich",
    "markdown-it-py", "mdurl", "librt", "tomli", "typing-inspection",
}
LICENSE_NAME = re.compile(r"^(licen[cs]e|copying|notice|authors|copyright)", re.IGNORECASE)
# The FSF's texts, verbatim (copied from Debian's /usr/share/common-licenses), kept in the
# repository so that a Windows build ships them too; resources/licenses/, where the program's
# About box reads them as well.
LICENSE_TEXTS = Path(__file__).resolve().parent.parent / "resources" / "licenses"
QT_TEXT = """Qt {qt} and PySide6 {pyside}

Qt and Qt for Python (PySide6, shiboken6) are used under the GNU Lesser General Public
License version 3 (LGPL-3.0-only; file LGPL-3.txt here, with the GPL-3.txt it refers to).
They are not modified. Their shared libraries sit unchanged in the program's folder
(PySide6/Qt/lib, PySide6/*.so or *.pyd), so anyone may replace them with a compatible build of
their own. The source code: https://download.qt.io/official_releases/ (Qt) and
https://download.qt.io/official_releases/QtForPython/ (PySide6), or ask the office that gave
you this program for a copy.

FFmpeg (libavcodec, libavformat, libavutil, libswresample, libswscale), which Qt Multimedia's
FFmpeg backend loads, is used under the GNU Lesser General Public License version 2.1 or later
(file LGPL-2.1.txt here), as built and shipped by the Qt Company in the PySide6 wheel
(source: https://ffmpeg.org/download.html).
"""


def _bundled(dists: Iterable[metadata.Distribution]) -> list[metadata.Distribution]:
    seen: dict[str, metadata.Distribution] = {}
    for dist in dists:
        name = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if name and name not in BUILD_ONLY and name not in seen:
            seen[name] = dist
    return [seen[n] for n in sorted(seen)]


def _licence(dist: metadata.Distribution) -> str:
    meta = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    text = (meta.get("License") or "").strip()
    if text and "\n" not in text and len(text) < 80:
        return text
    classifiers = [c.split(" :: ")[-1] for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return "; ".join(classifiers) or "see the files"


def _licence_files(dist: metadata.Distribution) -> list[Path]:
    found: list[Path] = []
    declared = set(dist.metadata.get_all("License-File") or [])
    for file in dist.files or []:
        name = Path(str(file)).name
        in_dist_info = ".dist-info" in str(file)
        if ((in_dist_info and (str(file).split("/", 1)[-1] in declared or name in declared
                              or "licenses/" in str(file) or LICENSE_NAME.match(name)))
                or (not in_dist_info and LICENSE_NAME.match(name) and "/" not in str(file))):
            path = Path(str(dist.locate_file(file)))
            if path.is_file():
                found.append(path)
    return found


# Libraries a build root took from a newer Debian without installing the package
# (installer/linux/build-bullseye.sh): "LIBRARY PACKAGE" lines, and PACKAGE.copyright beside.
LOCAL_LIBRARIES = Path("/usr/local/share/doc/local-libraries")


def _local_package(path: str) -> str | None:
    owners = LOCAL_LIBRARIES / "owners"
    if owners.is_file():
        for line in owners.read_text(encoding="utf-8").splitlines():
            name, _, package = line.partition(" ")
            if name == Path(path).name:
                return package
    return None


def _debian_package(path: str) -> str | None:
    local = _local_package(path)
    if local:
        return local
    if not shutil.which("dpkg"):
        return None
    resolved = Path(path).resolve()
    # On a merged-/usr system dpkg knows /lib/… while the file is found as /usr/lib/…: ask for
    # the path, then for the file name anywhere.
    for query in (str(resolved), path, f"*/{resolved.name}", f"*/{Path(path).name}"):
        try:
            out = subprocess.run(["dpkg", "-S", query], capture_output=True, text=True,
                                 check=False, timeout=30).stdout
        except (OSError, subprocess.SubprocessError):
            return None
        for line in out.splitlines():
            package = line.split(":", 1)[0].strip() if ":" in line else ""
            if package and "," not in package and "diversion" not in line:
                return package
    return None


def write(out: Path, system_libraries: Iterable[str] = (), qt_version: str = "?") -> Path:
    """Write the licences folder ``out`` and return it. ``system_libraries``: the source paths
    of the shared libraries taken from the build machine (not from a wheel)."""
    if out.exists():
        shutil.rmtree(out)
    (out / "python").mkdir(parents=True)
    lines = ["Licences of the components of this DutyDesk build", "=" * 50, ""]

    pyside = "?"
    for dist in _bundled(metadata.distributions()):
        name, version = dist.metadata["Name"], dist.version
        if name.lower() == "pyside6-essentials":
            pyside = version
        folder = out / "python" / f"{name}-{version}"
        folder.mkdir()
        copied = []
        for path in _licence_files(dist):
            target = folder / path.name
            if target.exists():
                target = folder / f"{path.parent.name}-{path.name}"
            shutil.copyfile(path, target)
            copied.append(target.name)
        licence = _licence(dist)
        (folder / "LICENSE-SUMMARY.txt").write_text(
            f"{name} {version}\nLicence: {licence}\nHome: {dist.metadata.get('Home-page') or ''}\n",
            encoding="utf-8")
        lines.append(f"{name} {version}: {licence} (python/{folder.name}/"
                     f"{', '.join(copied) or 'LICENSE-SUMMARY.txt'})")

    python_licence = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt"
    if not python_licence.is_file():
        python_licence = Path(sys.base_prefix) / "LICENSE.txt"  # Windows
    (out / "Python").mkdir()
    if python_licence.is_file():
        shutil.copyfile(python_licence, out / "Python" / "LICENSE.txt")
    else:
        (out / "Python" / "LICENSE.txt").write_text(
            "Python Software Foundation License Version 2: https://docs.python.org/3/license.html\n",
            encoding="utf-8")
    lines.append(f"Python {sys.version.split()[0]}: PSF-2.0 (Python/LICENSE.txt)")

    qt = out / "Qt"
    qt.mkdir()
    (qt / "README.txt").write_text(QT_TEXT.format(qt=qt_version, pyside=pyside), encoding="utf-8")
    for text in ("LGPL-3", "GPL-3", "LGPL-2.1"):
        shutil.copyfile(LICENSE_TEXTS / f"{text}.txt", qt / f"{text}.txt")
    lines.append(f"Qt {qt_version}, PySide6 {pyside}: LGPL-3.0-only (Qt/README.txt, Qt/LGPL-3.txt)")
    lines.append("FFmpeg (in the PySide6 wheel): LGPL-2.1-or-later (Qt/README.txt, Qt/LGPL-2.1.txt)")

    packages: dict[str, list[str]] = {}
    for lib in system_libraries:
        package = _debian_package(lib)
        packages.setdefault(package or "(no package found)", []).append(Path(lib).name)
    if packages:
        (out / "system").mkdir()
        lines += ["", "Shared libraries copied from the build machine (Debian packages):"]
        for package in sorted(packages):
            libs = ", ".join(sorted(set(packages[package])))
            copyright_file = Path("/usr/share/doc") / package.split(":")[0] / "copyright"
            if not copyright_file.is_file():
                copyright_file = LOCAL_LIBRARIES / f"{package}.copyright"
            if copyright_file.is_file():
                shutil.copyfile(copyright_file, out / "system" / f"{package.split(':')[0]}.copyright")
                lines.append(f"{package}: {libs} (system/{package.split(':')[0]}.copyright)")
            else:
                lines.append(f"{package}: {libs}")
    (out / "README.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return out


if __name__ == "__main__":  # a look at what a build would write: python installer/licenses.py OUT
    print(write(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("licenses")))
