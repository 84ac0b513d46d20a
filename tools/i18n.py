"""Refresh the Chinese translation: extract tr() strings, then compile the .qm.

    python tools/i18n.py          # lupdate (new strings arrive unfinished) + lrelease

Translate the new strings in resources/translations/dutydesk_zh_CN.ts (Qt Linguist, or by
hand: fill <translation> and drop type="unfinished"), then run it again to compile.
The test suite fails while any message is unfinished or the .qm is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "dutydesk_zh_CN.ts"
QM = TS.with_suffix(".qm")
# Qt's own words that Qt's Chinese translation leaves in English, written by hand (no lupdate).
QT_EXTRA_TS = ROOT / "resources" / "translations" / "qt_extra_zh_CN.ts"
QT_EXTRA_QM = QT_EXTRA_TS.with_suffix(".qm")


def ui_sources() -> list[Path]:
    return sorted((ROOT / "app" / "ui").rglob("*.py"))


def tool(name: str) -> str:
    return str(Path(sys.executable).parent / f"pyside6-{name}")


def lupdate() -> None:
    subprocess.run([tool("lupdate"), *map(str, ui_sources()), "-no-obsolete", "-locations", "none",
                    "-source-language", "en", "-target-language", "zh_CN", "-ts", str(TS)],
                   check=True, cwd=ROOT)


def lrelease(out: Path = QM, ts: Path = TS) -> None:
    subprocess.run([tool("lrelease"), str(ts), "-qm", str(out)], check=True, cwd=ROOT,
                   stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    lupdate()
    lrelease()
    lrelease(QT_EXTRA_QM, QT_EXTRA_TS)
