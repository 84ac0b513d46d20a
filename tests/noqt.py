"""A pytest plugin that makes PySide6 unimportable, for the core run in CI:

    python -m pytest -p no:pytest-qt -p tests.noqt --ignore=tests/ui

Everything outside ``tests/ui`` must pass without Qt (DESIGN.md "Shape"), so a stray Qt import
in the domain, models, services, export, scheduler, demo or command line fails CI.
"""

from __future__ import annotations

import importlib.abc
import sys


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError(f"{name} is not importable in the core test run")
        return None


if not any(isinstance(f, _NoQt) for f in sys.meta_path):
    sys.meta_path.insert(0, _NoQt())
for _name in [m for m in sys.modules if m == "PySide6" or m.startswith("PySide6.")]:
    del sys.modules[_name]


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    """Tests marked ``subprocesses`` run the program in processes of its own, where this guard
    does not reach: the first (full) run has run them already."""
    import pytest

    skip = pytest.mark.skip(reason="runs the program in other processes: covered by the full run")
    for item in items:
        if "subprocesses" in item.keywords:
            item.add_marker(skip)
