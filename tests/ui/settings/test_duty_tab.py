"""Settings → Duty: who approves swaps besides the chief leader on duty."""

from __future__ import annotations

from app.services.context import Context
from app.services.roster import swaps as roster_swaps
from app.ui.settings.duty_tab import DutyTab
from tests.services.roster.fixtures import staff_office


def test_the_office_names_and_unnames_swap_approvers(qtbot, office_ctx: Context) -> None:  # type: ignore[no-untyped-def]
    ids = staff_office(office_ctx)
    tab = DutyTab(office_ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.approvers.count() == 0 and tab.approve_button.isEnabled()
    tab.search.setText("赵德明")
    tab.found.setCurrentRow(0)
    tab.approve_button.click()
    assert [p.id for p in roster_swaps.named_approvers(office_ctx)] == [ids["赵德明"]]
    assert tab.approvers.item(0).text().startswith("赵德明")
    tab.approvers.setCurrentRow(0)
    tab.unapprove_button.click()
    assert roster_swaps.named_approvers(office_ctx) == [] and tab.approvers.count() == 0
