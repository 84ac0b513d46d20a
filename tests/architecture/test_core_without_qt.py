"""The core runs without Qt (DESIGN.md "Shape"), proved in a process where PySide6 cannot be
imported: every module outside ``app.ui`` imports, and the command line does a duty room's
work end to end (a demo office, an incident, a report text, the roster's filing sheet, the
statistics, the quarterly report as a document, a backup, the check).

``.ci/run`` also runs the core's unit suites with ``-p tests.noqt``; this test covers the
layers that those suites reach only through other processes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

SCRIPT = textwrap.dedent("""
    import importlib, importlib.abc, json, pkgutil, sys

    class NoQt(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name == "PySide6" or name.startswith("PySide6."):
                raise ImportError(name + " is not importable here")
            return None

    sys.meta_path.insert(0, NoQt())
    import app
    skipped = ("app.ui", "app.main", "app.__main__")
    names = [m.name for m in pkgutil.walk_packages(app.__path__, "app.")
             if not m.name.startswith(skipped) and ".migrations.versions." not in m.name]
    for name in names:
        importlib.import_module(name)
    from app.cli import build_parser, run
    db, folder = sys.argv[1], sys.argv[2]
    steps = [
        ["demo"],
        ["incidents", "add", folder + "/incident.json"],
        ["roster", "export", "--from", "2026-12-01", "--to", "2026-12-31",
         "-o", folder + "/roster.xlsx"],
        ["stats", "--from", "2026-01-01", "--to", "2026-12-31", "--json"],
        ["report", "quarterly", "--year", "2026", "--quarter", "4", "-o", folder + "/q4.docx"],
        ["backup", "-o", folder + "/copy.db"],
        ["check"],
    ]
    codes = []
    for step in steps:
        codes.append(run(build_parser().parse_args(["--db", db, *step])))
    print(json.dumps({"modules": len(names), "codes": codes,
                      "qt": [m for m in sys.modules if m.startswith("PySide6")]}))
""")


def test_the_core_imports_and_works_where_pyside6_cannot_be_imported(tmp_path: Path) -> None:
    incident = {
        "kind": "突发事件", "title": "青石县山体滑坡", "occurred_at": "2026-11-28 08:10",
        "received_at": "2026-11-28 08:20", "source": "青石县应急管理局",
        "source_person": "李明", "source_phone": "13900000000", "location": "青石县白沙镇",
        "category": "自然灾害", "subtype": "地质灾害", "level": "一般", "nature": "山体滑坡", "impact": "道路中断",
        "trend": "趋于稳定", "measures": "已疏散群众", "next_steps": "继续监测",
        "deaths": 0, "injuries": 0, "missing": 0,
    }
    (tmp_path / "incident.json").write_text(json.dumps(incident, ensure_ascii=False),
                                            encoding="utf-8")
    env = {**os.environ, "DUTYDESK_HOME": str(tmp_path / "home"),
           "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring"}
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path / "office.db"), str(tmp_path)],
                          capture_output=True, text=True, env=env, timeout=600,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-3000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["qt"] == [] and result["modules"] > 150
    assert result["codes"] == [0] * 7, (result, done.stderr[-3000:])
    for name in ("roster.xlsx", "q4.docx", "copy.db"):
        assert (tmp_path / name).stat().st_size > 0, name
