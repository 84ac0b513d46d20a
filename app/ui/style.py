"""Fonts and look: Chinese glyph shapes, Fusion, the duty room's palette in a light and a dark
scheme (following the system's), and the one style sheet (resources/styles/dutydesk.qss)."""

from __future__ import annotations

import os
import string
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from app import paths
from app.ui import palette

# Listed explicitly: left to itself Qt may pick a Japanese face for Han characters.
FONT_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "SimHei",
    "Noto Sans",
    "DejaVu Sans",
]

_state: dict[str, str] = {"scheme": "", "followed": ""}


def styles_dir() -> Path:
    return paths.resources_dir() / "styles"


def icons_dir() -> Path:
    return paths.resources_dir() / "icons"


class _TintedSvg(QIconEngine):
    """An SVG icon drawn in one colour per mode, at the size asked for, when first asked for
    (a window's thirty icons cost nothing until they are painted)."""

    def __init__(self, svg: str, colours: dict[QIcon.Mode, str]) -> None:
        super().__init__()
        self._svg = svg
        self._colours = colours
        self._drawn: dict[tuple[int, int, QIcon.Mode, float], QPixmap] = {}

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        colour = self._colours.get(mode, self._colours[QIcon.Mode.Normal])
        QSvgRenderer(QByteArray(self._svg.replace("currentColor", colour).encode())).render(
            painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float) -> QPixmap:
        key = (size.width(), size.height(), mode, scale)
        drawn = self._drawn.get(key)
        if drawn is None:
            drawn = QPixmap(round(size.width() * scale), round(size.height() * scale))
            drawn.fill(Qt.GlobalColor.transparent)
            painter = QPainter(drawn)
            self.paint(painter, drawn.rect(), mode, state)
            painter.end()
            drawn.setDevicePixelRatio(scale)
            self._drawn[key] = drawn
        return drawn

    def actualSize(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QSize:
        return size

    def isNull(self) -> bool:
        return False

    def clone(self) -> QIconEngine:
        return _TintedSvg(self._svg, self._colours)


def icon(name: str, tint: str = "text_muted", selected: str = "on_accent") -> QIcon:
    """An icon of resources/icons by its name without ``.svg``, its strokes (``currentColor``)
    in the palette colour ``tint``, and in ``selected`` where it sits on the accent (a selected
    row, a pressed button); drawn sharp at each size Qt asks for, when it asks."""
    svg = (icons_dir() / f"{name}.svg").read_text(encoding="utf-8")
    colours = {QIcon.Mode.Normal: palette.hex_of(tint), QIcon.Mode.Active: palette.hex_of(tint),
               QIcon.Mode.Selected: palette.hex_of(selected),
               QIcon.Mode.Disabled: palette.hex_of("text_disabled")}
    return QIcon(_TintedSvg(svg, colours))


def style_sheet(scheme: str) -> str:
    """The style sheet with the scheme's colours filled in."""
    template = string.Template((styles_dir() / "dutydesk.qss").read_text(encoding="utf-8"))
    return template.substitute(palette.SCHEMES[scheme], icons=icons_dir().as_posix(), scheme=scheme)


def system_scheme(app: QGuiApplication) -> str:
    """``dark`` when the system theme is dark (its colour scheme, or a dark standard palette);
    ``DUTYDESK_SCHEME=light`` or ``dark`` decides where the system does not say."""
    chosen = os.environ.get("DUTYDESK_SCHEME", "")
    if chosen in palette.SCHEMES:
        return chosen
    hint = app.styleHints().colorScheme()
    if hint == Qt.ColorScheme.Dark:
        return "dark"
    if hint == Qt.ColorScheme.Light:
        return "light"
    window = app.style().standardPalette().color(QPalette.ColorRole.Window) if isinstance(
        app, QApplication) else app.palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightnessF() < 0.5 else "light"


def qt_palette(scheme: str) -> QPalette:
    """Qt's palette from ours, so widgets the style sheet does not reach agree with it."""
    c = {k: QColor(v) for k, v in palette.SCHEMES[scheme].items()}
    p = QPalette()
    role = QPalette.ColorRole
    for r, name in ((role.Window, "window"), (role.WindowText, "text"), (role.Base, "surface"),
                    (role.AlternateBase, "surface_alt"), (role.Text, "text"),
                    (role.Button, "surface"), (role.ButtonText, "text"),
                    (role.Highlight, "accent"), (role.HighlightedText, "on_accent"),
                    (role.ToolTipBase, "surface"), (role.ToolTipText, "text"),
                    (role.PlaceholderText, "text_muted"), (role.Link, "link"),
                    (role.Mid, "border"), (role.Dark, "border_strong"), (role.Light, "surface"),
                    (role.Midlight, "surface_alt"), (role.Shadow, "border_strong")):
        p.setColor(r, c[name])
    group = QPalette.ColorGroup.Disabled
    for r in (role.Text, role.WindowText, role.ButtonText):
        p.setColor(group, r, c["text_disabled"])
    p.setColor(group, role.Base, c["surface_sunken"])
    return p


def apply_scheme(scheme: str) -> None:
    """Paint the application in ``scheme`` (``light`` or ``dark``)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    palette.activate(scheme)
    _state["scheme"] = scheme
    app.setPalette(qt_palette(scheme))
    app.setStyleSheet(style_sheet(scheme))


def scheme() -> str:
    return _state["scheme"] or "light"


def apply(app: QApplication) -> None:
    """Fonts, Fusion, and the scheme the system asks for (followed when it changes)."""
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(10)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    app.setFont(font)
    if app.style().name().lower() != "fusion":
        app.setStyle("Fusion")
    apply_scheme(system_scheme(app))
    if not _state["followed"]:
        _state["followed"] = "yes"
        app.styleHints().colorSchemeChanged.connect(
            lambda hint: apply_scheme("dark" if hint == Qt.ColorScheme.Dark else "light"))


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour a label's words by what they say: ``error``, ``error_strong``, ``ok``,
    ``ok_strong``, ``info`` or ``""`` (plain); the style sheet holds the colours of both schemes."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def repolish(widget: QWidget) -> None:
    """Apply the style sheet again after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
    for child in widget.findChildren(QWidget):
        child.style().unpolish(child)
        child.style().polish(child)


def colour(name: str) -> QColor:
    """A named colour of the scheme in force (item models ask when they draw)."""
    return QColor(palette.hex_of(name))


def tabular_font(base: QFont, point_size: float, bold: bool = True) -> QFont:
    """``base`` at ``point_size`` with tabular (equal-width) digits, so a countdown does not
    jitter as its digits change."""
    font = QFont(base)
    font.setPointSizeF(point_size)
    font.setBold(bold)
    font.setFeature(QFont.Tag("tnum"), 1)
    return font
