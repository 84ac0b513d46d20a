"""A 公文 document as PDF, made by LibreOffice from the .docx (no Qt: the command line runs
without it).

The .docx is the document the office edits and sends; converting exactly that file keeps the
PDF the same page. Where the official fonts are missing, a fontconfig file given to LibreOffice
maps each to the layout's fallbacks (仿宋_GB2312 → 仿宋 → FangSong → … → Noto Serif CJK SC), as
RULES.md §4 says; on Windows LibreOffice substitutes by its own table. Without LibreOffice the
command line says so and names the ways that work: the .docx, or the window's print preview.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

from app.domain.errors import EnvironmentProblem
from app.domain.gongwen import LAYOUT, Layout, OfficialDocument, Style
from app.domain.messages import text
from app.export import files, gongwen_docx

TIMEOUT_SECONDS = 180
_FONTCONFIG = Path("/etc/fonts/fonts.conf")
_WINDOWS = (r"C:\Program Files\LibreOffice\program\soffice.exe",
            r"C:\Program Files (x86)\LibreOffice\program\soffice.exe")


def find_office() -> str | None:
    """The LibreOffice program that converts documents, if this machine has one."""
    found = shutil.which("soffice") or shutil.which("libreoffice")
    return found or next((p for p in _WINDOWS if Path(p).exists()), None)


def fontconfig_aliases(layout: Layout = LAYOUT) -> str:
    """A fontconfig file: the system's own, then each official font name aliased to its
    fallbacks in order."""
    aliases = []
    for style in Style:
        role = layout.font(style)
        prefer = "".join(f"<family>{escape(f)}</family>" for f in role.families[1:])
        aliases.append(f'  <alias binding="same"><family>{escape(role.official)}</family>'
                       f"<prefer>{prefer}</prefer></alias>")
    return ('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
            f'  <include ignore_missing="yes">{_FONTCONFIG}</include>\n' + "\n".join(aliases)
            + "\n</fontconfig>\n")


def write(doc: OfficialDocument, target: Path, layout: Layout = LAYOUT) -> Path:
    """Write ``doc`` as a PDF at ``target``; EnvironmentProblem when LibreOffice is missing or
    fails (nothing written then)."""
    office = find_office()
    if office is None:
        raise EnvironmentProblem(text("report.no_pdf_converter"))
    with tempfile.TemporaryDirectory(prefix="dutydesk-pdf-") as tmp:
        folder = Path(tmp)
        source = gongwen_docx.write(doc, folder / "report.docx", layout)
        env = dict(os.environ)
        if _FONTCONFIG.exists():
            (folder / "fonts.conf").write_text(fontconfig_aliases(layout), encoding="utf-8")
            env["FONTCONFIG_FILE"] = str(folder / "fonts.conf")
        command = [office, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(folder), str(source)]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_SECONDS,
                                  env=env, check=False)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise EnvironmentProblem(text("report.pdf_failed", detail=exc)) from exc
        made = folder / "report.pdf"
        if not made.exists():
            detail = (done.stderr or done.stdout or "").strip().splitlines()
            raise EnvironmentProblem(text("report.pdf_failed", detail=detail[-1] if detail else done.returncode))
        with files.atomic_write(target) as tmp_target:
            shutil.copyfile(made, tmp_target)
    return target
