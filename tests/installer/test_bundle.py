"""What the bundle leaves out (installer/qtfilter.py), the licences it ships
(installer/licenses.py), the icon and the .deb made from a bundle folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))
sys.path.insert(0, str(ROOT / "installer" / "linux"))

import debtools  # noqa: E402  (installer/linux/debtools.py)
import licenses  # noqa: E402  (installer/licenses.py)
import qtfilter  # noqa: E402  (installer/qtfilter.py)


@pytest.mark.parametrize("path", [
    "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "PySide6/plugins/platforminputcontexts/qtvirtualkeyboardplugin.dll",
    "PySide6/Qt/lib/libQt6Quick.so.6",
    "PySide6/Qt/lib/libQt6QmlModels.so.6",
    "PySide6/Qt6Qml.dll",
    "PySide6/Qt/plugins/platforms/libqeglfs.so",
    "PySide6/Qt/plugins/platforms/libqvnc.so",
    "PySide6/Qt/plugins/generic/libqevdevmouseplugin.so",
    "PySide6/Qt/plugins/imageformats/libqjpeg.so",
    "PySide6\\plugins\\imageformats\\qwebp.dll",
    "PySide6/Qt/translations/qt_de.qm",
    "PySide6/translations/qtbase_fr.qm",
    "libgtk-3.so.0",
    "libcairo-gobject.so.2",
    "libpangocairo-1.0.so.0",
])
def test_unused_qt_is_left_out(path: str) -> None:
    assert not qtfilter.keep(path)


@pytest.mark.parametrize("path", [
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/plugins/platforms/qwindows.dll",
    "PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so",
    "PySide6/Qt/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so",
    "PySide6/Qt/plugins/imageformats/libqsvg.so",
    "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
    "PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
    "PySide6/Qt/plugins/printsupport/libcupsprintersupport.so",
    "PySide6/Qt/lib/libQt6Multimedia.so.6",
    "PySide6/Qt/lib/libavcodec.so.61",
    "PySide6/Qt/translations/qtbase_zh_CN.qm",
    "PySide6/translations/qtbase_zh_CN.qm",
    "resources/translations/dutydesk_zh_CN.qm",
    "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
    "libxkbcommon.so.0",
    "libfontconfig.so.1",
    "libharfbuzz.so.0",
    "PySide6/Qt/lib/libwayland-client.so.0",
])
def test_what_the_program_uses_stays(path: str) -> None:
    assert qtfilter.keep(path)


def test_licences_name_every_component(tmp_path: Path) -> None:
    out = licenses.write(tmp_path / "licenses", [], qt_version="6.9.3")
    summary = (out / "README.txt").read_text(encoding="utf-8")
    for name in ("SQLAlchemy", "alembic", "openpyxl", "keyring", "PySide6_Essentials", "shiboken6",
                 "Python 3.11", "Qt 6.9.3", "FFmpeg"):
        assert name in summary, name
    for tool in ("pytest", "ruff", "mypy", "pyinstaller"):
        assert f"\n{tool} " not in summary.lower(), tool
    sqlalchemy = next((out / "python").glob("SQLAlchemy-*"))
    assert (sqlalchemy / "LICENSE").read_text(encoding="utf-8").strip()
    qt = (out / "Qt" / "README.txt").read_text(encoding="utf-8")
    assert "LGPL" in qt and "replace" in qt
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in (out / "Qt" / "LGPL-3.txt").read_text()
    assert "Version 2.1" in (out / "Qt" / "LGPL-2.1.txt").read_text()
    assert "GNU GENERAL PUBLIC LICENSE" in (out / "Qt" / "GPL-3.txt").read_text()


def test_the_icon_has_every_size(tmp_path: Path) -> None:
    done = subprocess.run([sys.executable, str(ROOT / "installer" / "make_icon.py"),
                           str(tmp_path / "dutydesk.ico")], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip().endswith("dutydesk.ico")
    data = (tmp_path / "dutydesk.ico").read_bytes()
    assert data[:4] == b"\x00\x00\x01\x00"
    count = int.from_bytes(data[4:6], "little")
    sides = [data[6 + 16 * i] or 256 for i in range(count)]
    assert sides == [16, 24, 32, 48, 64, 128, 256]


@pytest.mark.skipif(shutil.which("dpkg-deb") is None or shutil.which("objdump") is None,
                    reason="needs dpkg-deb and objdump (Debian's dpkg and binutils)")
def test_a_deb_from_a_bundle_folder(tmp_path: Path) -> None:
    """make-deb.sh on a stand-in bundle (/bin/true as both programs): layout, desktop entry,
    info, computed Depends and scripts pass debtools' check, and no script reaches user data."""
    bundle = tmp_path / "dutydesk"
    (bundle / "_internal" / "licenses").mkdir(parents=True)
    (bundle / "_internal" / "licenses" / "README.txt").write_text("licences\n")
    for name in ("dutydesk", "dutydesk-gui"):
        shutil.copy("/bin/true", bundle / name)
    out = tmp_path / "out"
    done = subprocess.run(["bash", str(ROOT / "installer" / "linux" / "make-deb.sh"), str(bundle),
                           str(out)], capture_output=True, text=True, timeout=300, check=True,
                          env={"PATH": "/usr/bin:/bin:/usr/sbin:/sbin", "DEB_COMPRESS": "gzip",
                               "PYTHON": sys.executable})
    deb = Path(done.stdout.strip().splitlines()[-1])
    assert deb.name.startswith("org.dutydesk.dutydesk_")
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(deb), str(root)], check=True)
    assert debtools.check(deb, root) == []
    control = subprocess.run(["dpkg-deb", "-f", str(deb), "Depends"], capture_output=True,
                             text=True, check=True).stdout
    assert control.startswith("libc6 (>= 2.")
    info = json.loads((root / "opt/apps/org.dutydesk.dutydesk/info").read_text(encoding="utf-8"))
    assert info["appid"] == "org.dutydesk.dutydesk" and info["name"] == "应急值守台"
    assert (root / "usr/bin/dutydesk").is_symlink()


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="needs dpkg-deb")
def test_the_check_refuses_a_script_that_reaches_for_user_data(tmp_path: Path) -> None:
    stage = tmp_path / "stage"
    (stage / "DEBIAN").mkdir(parents=True)
    (stage / "DEBIAN" / "control").write_text(
        "Package: org.dutydesk.dutydesk\nVersion: 0.1.0\nArchitecture: all\n"
        "Maintainer: x <x@localhost>\nDescription: x\n")
    (stage / "DEBIAN" / "postrm").write_text("#!/bin/sh\nrm -rf /root/.local/share/DutyDesk\n")
    (stage / "DEBIAN" / "postrm").chmod(0o755)
    deb = tmp_path / "bad.deb"
    subprocess.run(["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(stage), str(deb)],
                   check=True, capture_output=True)
    problems = debtools.check(deb, tmp_path / "empty")
    assert "postrm reaches for user data" in problems
    assert "missing /opt/apps/org.dutydesk.dutydesk/files/dutydesk" in problems
    assert "control has no Depends" in problems
