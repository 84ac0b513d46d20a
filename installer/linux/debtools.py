"""What a Linux bundle needs from the system, and a check of a built .deb.

    python installer/linux/debtools.py glibc BUNDLE       highest GLIBC_/GLIBCXX_ versions its
                                                          ELF files need, and which file needs them
    python installer/linux/debtools.py depends BUNDLE     the Depends line: libc6 (>= that glibc)
                                                          and the Debian package of every shared
                                                          library the bundle needs but does not carry
    python installer/linux/debtools.py check DEB ROOT     the .deb's control, layout, desktop entry
                                                          and scripts (ROOT: where it was dpkg -x'ed)

Standard library and binutils' objdump only (both are on any build machine here).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ELF_MAGIC = b"\x7fELF"
# Libraries PyInstaller leaves to the system on purpose (the GL stack must match the driver),
# and the C library itself.
SYSTEM_ONLY = re.compile(r"^(ld-linux.*|libc|libm|libdl|libpthread|librt|libutil|libresolv|"
                         r"libGL|libGLX|libEGL|libOpenGL|libGLdispatch|libdrm|libgcc_s)\.so")


def elf_files(root: Path) -> list[Path]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == ELF_MAGIC:
                    found.append(path)
    return found


def _objdump(path: Path, flag: str) -> str:
    return subprocess.run(["objdump", flag, str(path)], capture_output=True, text=True,
                          check=False).stdout


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in text.split("."))


def glibc_needs(root: Path) -> dict[str, tuple[str, str]]:
    """{'GLIBC': (highest version, file), 'GLIBCXX': (...), 'CXXABI': (...)}"""
    best: dict[str, tuple[str, str]] = {}
    for path in elf_files(root):
        # Version references (what the file needs), not the versions a library defines itself;
        # a weak one (flags 0x2) does not stop the file from loading.
        for flags, kind, version in re.findall(
                r"^\s+0x[0-9a-f]+ (0x[0-9a-f]+) \d+ (GLIBC|GLIBCXX|CXXABI)_([0-9][0-9.]*)\s*$",
                _requirements(path), re.MULTILINE):
            if int(flags, 16) & 0x2:
                continue
            if kind not in best or _version(version) > _version(best[kind][0]):
                best[kind] = (version, str(path.relative_to(root)))
    return best


def _requirements(path: Path) -> str:
    """The 'Version References' part of objdump -p: what the file needs from others."""
    text = _objdump(path, "-p")
    start = text.find("Version References:")
    return text[start:] if start >= 0 else ""


def needed_from_system(root: Path) -> dict[str, list[str]]:
    """Shared libraries the bundle's ELF files need that the bundle does not carry."""
    carried = {p.name for p in root.rglob("*.so*")}
    missing: dict[str, list[str]] = {}
    for path in elf_files(root):
        for lib in re.findall(r"NEEDED\s+(\S+)", _objdump(path, "-p")):
            if lib not in carried:
                missing.setdefault(lib, []).append(str(path.relative_to(root)))
    return missing


def _package_of(lib: str) -> str | None:
    out = subprocess.run(["dpkg", "-S", f"*/{lib}"], capture_output=True, text=True,
                         check=False).stdout
    for line in out.splitlines():
        package = line.split(":", 1)[0].strip()
        if package and "," not in package:
            return package
    return None


# Plugins Qt tries and skips quietly when their system libraries are absent: what they need is
# recommended, not required (the GTK theme on GNOME-like desktops, Wayland where there is one).
OPTIONAL = re.compile(r"plugins/(platformthemes|wayland-[a-z-]+)/|plugins/platforms/libqwayland|"
                      r"lib/libQt6(WaylandClient|WlShellIntegration|WaylandEglClientHwIntegration)")
# Debian's package names of libraries a build machine may lack (dpkg -S finds installed ones).
KNOWN = {
    "libpulse.so.0": "libpulse0",
    "libgtk-3.so.0": "libgtk-3-0",
    "libgdk-3.so.0": "libgtk-3-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
}


def depends(root: Path) -> tuple[str, str]:
    """The Depends and Recommends fields for the bundle in ``root``."""
    needs = glibc_needs(root)
    required = [f"libc6 (>= {needs['GLIBC'][0]})" if "GLIBC" in needs else "libc6"]
    packages: set[str] = set()
    optional: set[str] = set()
    unknown = []
    for lib, users in sorted(needed_from_system(root).items()):
        if lib.startswith(("libc.so", "ld-linux", "libm.so", "libdl.so", "libpthread.so",
                           "librt.so", "libutil.so", "libresolv.so")):
            continue  # part of libc6
        package = _package_of(lib) or KNOWN.get(lib)
        only_optional = all(OPTIONAL.search(user.replace("\\", "/")) for user in users)
        if only_optional:
            if package:
                optional.add(package)
            # else: a library of GTK's own (cairo, pango, atk …) that libgtk-3-0 brings
        elif package:
            packages.add(package)
        else:
            unknown.append(lib)
    if unknown:
        print(f"debtools: no Debian package here provides {', '.join(unknown)} "
              "(not installed on the build machine)", file=sys.stderr)
    return ", ".join(required + sorted(packages)), ", ".join(sorted(optional - packages))


def check(deb: Path, root: Path) -> list[str]:
    """Problems with the unpacked .deb (an empty list when it is right)."""
    problems = []
    info = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True,
                          check=True).stdout
    fields = dict(re.findall(r"^([A-Za-z-]+): (.*)$", info, re.MULTILINE))
    appid = fields.get("Package", "")
    for field in ("Package", "Version", "Architecture", "Maintainer", "Depends", "Description",
                  "Installed-Size", "Section"):
        if not fields.get(field):
            problems.append(f"control has no {field}")
    base = root / "opt" / "apps" / appid
    for path in ("info", "files/dutydesk", "files/dutydesk-gui", "files/licenses/README.txt",
                 f"entries/applications/{appid}.desktop",
                 f"entries/icons/hicolor/scalable/apps/{appid}.svg"):
        if not (base / path).exists():
            problems.append(f"missing /opt/apps/{appid}/{path}")
    desktop_path = base / "entries" / "applications" / f"{appid}.desktop"
    if desktop_path.exists():
        desktop = desktop_path.read_text(encoding="utf-8")
        for line in ("Type=Application", f"Icon={appid}", "Name[zh_CN]=应急值守台",
                     f"Exec=/opt/apps/{appid}/files/dutydesk-gui"):
            if line not in desktop:
                problems.append(f"the desktop entry lacks {line}")
        if not re.search(r"^Categories=.*Office;", desktop, re.MULTILINE):
            problems.append("the desktop entry names no menu category (Office)")
    scripts = subprocess.run(["dpkg-deb", "--ctrl-tarfile", str(deb)], capture_output=True,
                             check=True).stdout
    import io
    import tarfile

    with tarfile.open(fileobj=io.BytesIO(scripts)) as tar:
        for member in tar.getmembers():
            name = Path(member.name).name
            if name in ("postinst", "prerm", "postrm", "preinst"):
                extracted = tar.extractfile(member)
                text = extracted.read().decode() if extracted else ""
                # User data lives in each user's home (or where dutydesk.ini says): a maintainer
                # script never goes there, never deletes a database.
                if re.search(r"/home|\$HOME|~/|\.local/share|dutydesk\.db|rm -rf", text):
                    problems.append(f"{name} reaches for user data")
    return problems


def main(argv: list[str]) -> int:
    if len(argv) >= 2 and argv[0] == "glibc":
        for kind, (version, where) in sorted(glibc_needs(Path(argv[1])).items()):
            print(f"{kind}_{version}  ({where})")
        return 0
    if len(argv) >= 2 and argv[0] == "depends":
        required, optional = depends(Path(argv[1]))
        print(f"Depends: {required}")
        print(f"Recommends: {optional}")
        return 0
    if len(argv) >= 3 and argv[0] == "check":
        problems = check(Path(argv[1]), Path(argv[2]))
        for problem in problems:
            print(f"deb: {problem}", file=sys.stderr)
        if not problems:
            print(f"deb: {Path(argv[1]).name}: control, layout, desktop entry and scripts ok")
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
