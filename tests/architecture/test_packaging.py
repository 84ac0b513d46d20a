"""The wheel ships every package of app/ (the list in pyproject.toml is explicit)."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_package_is_in_the_wheel() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    present = {".".join(p.parent.relative_to(ROOT).parts)
               for p in (ROOT / "app").rglob("__init__.py") if "migrations" not in p.parts}
    assert present - listed == set()
    assert "dutydesk_resources" in listed
