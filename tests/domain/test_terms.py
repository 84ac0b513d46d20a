"""Every enumeration shown on screen has its term in both languages (issue 14)."""

from __future__ import annotations

import enum
import importlib

import pytest

from app.domain import messages, terms

MODULES = ("app.domain.enums", "app.domain.contacts", "app.domain.duty",
           "app.domain.incident_types", "app.domain.plans")


def _members() -> list[enum.Enum]:
    found = []
    for name in MODULES:
        for value in vars(importlib.import_module(name)).values():
            if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == name \
                    and isinstance(getattr(value, "zh", None), property):
                found += list(value)
    return found


@pytest.mark.parametrize("member", _members(), ids=lambda m: f"{type(m).__name__}.{m.name}")
def test_every_member_has_an_english_label(member: enum.Enum) -> None:
    assert (type(member).__name__, member.name) in terms.ENGLISH
    assert terms.term(member) == member.zh
    messages.set_language("en")
    try:
        assert terms.term(member).isascii() and terms.term(member).strip()
    finally:
        messages.set_language("zh_CN")
