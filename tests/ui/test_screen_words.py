"""Small things that read wrong (issue 14, point 5): the header's date, accessible names."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from app.domain.clock import FixedClock
from app.ui import application
from app.ui.main_window import MainWindow
from app.ui.widgets import spoken

MONDAY = dt.datetime(2026, 1, 5, 2, 0, tzinfo=dt.UTC)  # 10:00 in Shanghai


@pytest.mark.parametrize(("language", "shown"), [("zh_CN", "2026年1月5日 星期一"),
                                                 ("en", "Monday, January 5, 2026")])
def test_the_header_date_is_not_zero_padded(qtbot, demo_copy, settings, language: str, shown: str) -> None:  # type: ignore[no-untyped-def]
    window = application.signed_in_window(demo_copy, "admin", "admin-2026", language,
                                          clock=FixedClock(MONDAY), settings=settings)
    qtbot.addWidget(window)
    window.tick()
    assert window.date_label.text() == shown
    window.quitting = True


def test_fields_and_figures_have_spoken_names(qtbot, demo_copy, settings) -> None:  # type: ignore[no-untyped-def]
    window = application.signed_in_window(demo_copy, "admin", "admin-2026", "zh_CN",
                                          clock=FixedClock(MONDAY), settings=settings)
    qtbot.addWidget(window)
    window.new_intake()
    fields = window.intake_page.form.fields

    def name(widget) -> str:  # type: ignore[no-untyped-def]
        return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)

    assert [name(box) for box in fields.counts.values()] == ["死亡", "重伤", "受伤", "失踪", "被困"]
    assert name(fields.loss) == "直接经济损失"
    assert name(fields.title) == "事件标题"  # not 事件标题(T)：
    assert name(fields.occurred_at.edit) == "事发时间"
    tab = window.duty_log_page.handover_tab
    assert name(tab.outgoing_password) == spoken(tab.tr("Outgoing officer's pass&word:")) != ""
    assert "(" not in name(tab.incoming_password)
    window.quitting = True


def test_spoken_drops_the_mnemonic_and_the_colon() -> None:
    assert spoken("事件标题(&T)：") == "事件标题"
    assert spoken("Caller's na&me:") == "Caller's name"
    assert spoken("Measures taken && effect:") == "Measures taken & effect"


@pytest.fixture(autouse=True)
def _closed() -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow):
            widget.quitting = True
