"""The message catalogs: one per feature, one lookup, and no code defined twice."""

from __future__ import annotations

import pytest

from app.domain import catalog, messages
from app.domain.messages import Problem


def test_no_two_catalogs_define_the_same_code() -> None:
    assert catalog.duplicates(catalog.CATALOGS) == {}


def test_a_code_defined_twice_is_found_and_refused() -> None:
    planted = dict(catalog.CATALOGS)
    planted["roster"] = {**catalog.CATALOGS["roster"], "required": ("必填", "required")}
    assert catalog.duplicates(planted) == {"required": ["common", "roster"]}
    with pytest.raises(ValueError, match=r"required \(common, roster\)"):
        catalog.merged(planted)


def test_the_lookup_holds_every_catalog_and_nothing_else() -> None:
    assert set(catalog.CATALOGS) == {"common", "office", "contacts", "roster", "calendar",
                                     "incidents", "deadlines", "dutylog", "plans", "stats",
                                     "safety", "shared"}
    assert all(catalog.CATALOGS.values())  # no feature ships an empty catalog
    assert len(messages.CATALOG) == sum(len(c) for c in catalog.CATALOGS.values())
    for feature, wordings in catalog.CATALOGS.items():
        for code, wording in wordings.items():
            assert messages.CATALOG[code] == wording, (feature, code)


def test_text_and_problem_read_every_feature_in_the_chosen_language() -> None:
    problem = Problem("required", "person.name")
    assert problem.message() == "姓名不能为空。"  # a common code naming a contacts field
    assert messages.text("roster.show.nobody") == "  （未排班）"
    assert messages.text("dutylog.healthy", count=3) == "值班日志 3 条链路完整。"
    messages.set_language("en")
    try:
        assert messages.language() == "en"
        assert problem.message() == "name is required."
        assert messages.text("signin_failed") == "Wrong user name or password."
    finally:
        messages.set_language("zh_CN")
    with pytest.raises(KeyError):
        messages.text("no.such.code")
    with pytest.raises(ValueError):
        messages.set_language("fr")
