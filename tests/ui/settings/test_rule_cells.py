"""The deadline-rule table shows terms, never identifiers, and reads them back (issue 14)."""

from __future__ import annotations

import re

import pytest

from app.domain import deadline_rules as dr
from app.ui.settings import rule_cells
from app.ui.settings.rules_tab import COLUMNS, RulesTab


@pytest.mark.parametrize("profile", dr.BUILT_IN, ids=lambda p: p.key)
def test_every_built_in_rule_reads_as_words_and_back(profile: dr.RuleProfile) -> None:
    for rule in profile.rules:
        data = rule.to_json()
        for key in COLUMNS:
            shown = rule_cells.display(key, data[key])
            assert not re.search(r"[a-z]{3,}", shown), (key, shown)
            back = rule_cells.parse(key, shown)
            stored = data[key]
            expected = ",".join(stored) if isinstance(stored, list | tuple) else (
                ("yes" if stored else "") if isinstance(stored, bool) else str(stored))
            assert back == expected, (key, shown)


def test_the_tab_saves_what_it_shows(qtbot, office_ctx) -> None:  # type: ignore[no-untyped-def]
    tab = RulesTab(office_ctx)
    qtbot.addWidget(tab)
    assert tab.table.item(0, COLUMNS.index("report_kind")).text() == "预警信息报送"
    held = next(p for p in tab.profiles if p.key == tab.profile_box.currentData())
    assert tab.rules_from_table() == list(held.rules)
