"""The look (issue 14 point 4): the palette's contrast in both schemes, the one style sheet,
the icons, windows that fit 1366×768 with the countdown strip in sight, the export notice."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QUrl
from PySide6.QtGui import QDesktopServices, QPalette
from PySide6.QtWidgets import QApplication, QDialog

from app import paths
from app.services.context import Context
from app.ui import palette, screen_fit, style, workers
from app.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, office_ctx: Context, settings) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def dark():  # type: ignore[no-untyped-def]
    style.apply_scheme("dark")
    yield
    style.apply_scheme("light")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_colour_reads_at_4_5_to_1_on_its_background(scheme: str) -> None:
    ratios = palette.ratios(scheme)
    assert len(ratios) == len(palette.TEXT_PAIRS) > 40
    weak = [(fg, bg, round(r, 2)) for fg, bg, r in ratios if r < palette.MIN_CONTRAST]
    assert weak == []


def test_contrast_is_computed_as_wcag_says() -> None:
    assert palette.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert palette.contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert palette.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_both_schemes_name_the_same_colours_and_the_sheet_uses_only_those() -> None:
    assert set(palette.LIGHT) == set(palette.DARK)
    text = (paths.resources_dir() / "styles" / "dutydesk.qss").read_text(encoding="utf-8")
    used = {m.group(1) for m in re.finditer(r"\$\{(\w+)\}", text)} - {"icons", "scheme"}
    assert used <= set(palette.LIGHT)
    for scheme in ("light", "dark"):
        sheet = style.style_sheet(scheme)
        assert "${" not in sheet and palette.SCHEMES[scheme]["accent"] in sheet
    string.Template(text).substitute(palette.LIGHT, icons="x", scheme="light")  # no stray $


def test_every_icon_the_style_and_the_window_name_exists_and_is_one_stroke_style() -> None:
    icons = paths.resources_dir() / "icons"
    sheet = style.style_sheet("light") + style.style_sheet("dark")
    for path in re.findall(r"url\(([^)]+)\)", sheet):
        assert Path(path).is_file(), path
    for name in ("roster", "intake", "deadlines", "contacts", "dutylog", "plans", "stats",
                 "settings", "new", "search", "acknowledge", "switch-user", "keyboard", "about",
                 "quit", "export", "folder-open", "log-entry", "deadline-new"):
        svg = (icons / f"{name}.svg").read_text(encoding="utf-8")
        assert 'stroke="currentColor"' in svg and 'stroke-width="1.75"' in svg, name
        assert 'viewBox="0 0 24 24"' in svg and not style.icon(name).isNull(), name


def test_the_window_follows_the_dark_scheme_and_the_office_name_stays_readable(
        window: MainWindow, dark) -> None:  # type: ignore[no-untyped-def]
    window.office_label.ensurePolished()
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert app.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.2
    name = window.office_label.palette().color(QPalette.ColorRole.WindowText).name()
    assert name == palette.DARK["on_header"]
    assert palette.contrast(name, palette.DARK["header"]) >= 4.5


def test_a_tone_changes_colour_with_the_scheme(qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel

    label = QLabel("已保存")
    qtbot.addWidget(label)
    style.set_tone(label, "error")
    label.ensurePolished()
    assert label.palette().color(QPalette.ColorRole.WindowText).name() == palette.LIGHT["danger_text"]
    style.apply_scheme("dark")
    try:
        style.repolish(label)
        assert label.palette().color(QPalette.ColorRole.WindowText).name() == palette.DARK["danger_text"]
    finally:
        style.apply_scheme("light")


def test_the_main_window_is_maximized_on_a_laptop_screen(qtbot, office_ctx, settings) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(office_ctx, settings)  # no saved geometry: the first start
    qtbot.addWidget(win)
    screen = win.screen().availableGeometry()
    assert screen.width() <= screen_fit.MAXIMIZE_UP_TO  # the offscreen screen
    assert win.windowState() & win.windowState().WindowMaximized


def test_a_tall_dialog_is_placed_below_the_strip_and_inside_the_screen(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = QDialog()
    qtbot.addWidget(dialog)
    dialog.resize(700, 900)
    dialog.move(0, 0)
    dialog.show()
    available = dialog.screen().availableGeometry()
    band = QRect(available.left(), available.top(), available.width(), 140)
    screen_fit.place(dialog, band)
    frame = dialog.frameGeometry()
    assert frame.top() > band.bottom()
    assert frame.bottom() <= available.bottom() and frame.right() <= available.right()


def test_dialogs_opened_over_the_window_keep_the_countdown_strip_in_sight(
        qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.showNormal()
    window.setGeometry(0, 0, 790, 760)
    dialog = QDialog(window)
    dialog.resize(500, 700)
    dialog.show()
    strip_bottom = window.strip.mapToGlobal(window.strip.rect().bottomLeft()).y()
    qtbot.waitUntil(lambda: dialog.frameGeometry().top() > strip_bottom, timeout=2000)
    assert dialog.frameGeometry().bottom() <= dialog.screen().availableGeometry().bottom()
    dialog.close()


def test_an_export_says_where_it_went_with_a_button_to_the_folder(
        qtbot, window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda url: opened.append(url) or True))
    target = tmp_path / "通讯录.xlsx"
    job = workers.run_job(window, "导出通讯录", lambda _p: target.write_bytes(b"x"), written=target)
    qtbot.waitUntil(lambda: job.outcome == "done", timeout=5000)
    notice = window.export_notice
    assert "通讯录.xlsx" in notice.message.text() and "导出通讯录" in notice.message.text()
    assert notice.open_button.isVisible()
    notice.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(tmp_path))]


def test_a_failed_export_says_nothing_in_the_status_bar(qtbot, window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    def fail(_progress: object) -> None:
        raise OSError("disk full")

    job = workers.run_job(window, "导出", fail, written=tmp_path / "x.xlsx",
                          on_error=lambda _exc: None)
    qtbot.waitUntil(lambda: job.outcome == "failed", timeout=5000)
    assert not window.export_notice.open_button.isVisible()
