"""The duty room's palette: a few named colours, one set for a light and one for a dark system
theme, and the contrast rule they keep (WCAG 2: text at least 4.5:1 on its background).

The style sheet (resources/styles/dutydesk.qss) names these colours as ``${name}``; the item
models ask ``colour(name)`` for the scheme in force. ``TEXT_PAIRS`` lists every text colour with
the backgrounds it is drawn on; tests/ui/test_palette.py computes each ratio from these values.
"""

from __future__ import annotations

LIGHT: dict[str, str] = {
    # surfaces
    "window": "#f3f5f8",        # the window's ground
    "surface": "#ffffff",       # tables, fields, panels
    "surface_alt": "#f6f8fb",   # alternate rows, toolbars
    "surface_sunken": "#e9edf2",  # disabled fields, headers of tables
    "border": "#c9d1dc",
    "border_strong": "#9aa6b5",
    # text
    "text": "#1a2230",
    "text_muted": "#4d5868",
    "text_disabled": "#5c6676",  # readable still: a disabled field's value is data
    # brand: the office's deep blue
    "accent": "#1c4e8c",
    "accent_hover": "#163f72",
    "accent_soft": "#dce7f5",
    "on_accent": "#ffffff",
    "link": "#1c4e8c",
    # the header band
    "header": "#14315a",
    "on_header": "#ffffff",
    "on_header_muted": "#c5d3e8",
    "clock": "#ffffff",
    # the navigation rail
    "nav": "#e7ecf2",
    "on_nav": "#1a2230",
    "nav_selected": "#1c4e8c",
    "on_nav_selected": "#ffffff",
    # signals
    "danger": "#b3261e",
    "on_danger": "#ffffff",
    "danger_text": "#a61b1b",
    "ok_text": "#1b6b2f",
    "info_text": "#1c4e8c",
    "warning_bg": "#fff4d6",
    "warning_text": "#6b4500",
    "changed_bg": "#fff3c4",
    # countdown stages: background, text, edge
    "pending_bg": "#e8eef6", "pending_text": "#1d3557", "pending_edge": "#b8c7da",
    "notice_bg": "#fff3c4", "notice_text": "#5c4400", "notice_edge": "#d9b84a",
    "urgent_bg": "#ffe0b8", "urgent_text": "#6b2f00", "urgent_edge": "#e8870e",
    "due_bg": "#ffd6d6", "due_text": "#7a0010", "due_edge": "#d93636",
    "overdue_bg": "#b3261e", "overdue_text": "#ffffff", "overdue_edge": "#7a0010",
    "flash_bg": "#ffffff", "flash_text": "#b3261e",
    # calendar and lists
    "holiday_bg": "#fde3e1", "weekend_bg": "#eef2f7", "makeup_bg": "#fff4d6",
    "conflict_bg": "#f8c4c4", "answered_bg": "#d3f2da", "unanswered_bg": "#ffd6d6",
    "total_bg": "#e9edf2",
}

DARK: dict[str, str] = {
    "window": "#1a1e24",
    "surface": "#22272f",
    "surface_alt": "#272d36",
    "surface_sunken": "#2d343e",
    "border": "#3b4450",
    "border_strong": "#566172",
    "text": "#e6e9ee",
    "text_muted": "#aab3c0",
    "text_disabled": "#a0a9b6",
    "accent": "#2d69b3",
    "accent_hover": "#255a9c",
    "accent_soft": "#243a57",
    "on_accent": "#ffffff",
    "link": "#8cbcf5",
    "header": "#0f1d31",
    "on_header": "#f2f5fa",
    "on_header_muted": "#aebdd3",
    "clock": "#9ccaff",
    "nav": "#1f242b",
    "on_nav": "#dde2e9",
    "nav_selected": "#2d69b3",
    "on_nav_selected": "#ffffff",
    "danger": "#c62828",
    "on_danger": "#ffffff",
    "danger_text": "#ff8a80",
    "ok_text": "#7fd491",
    "info_text": "#8cbcf5",
    "warning_bg": "#4a3b10",
    "warning_text": "#ffe29a",
    "changed_bg": "#4d4213",
    "pending_bg": "#24344a", "pending_text": "#d6e4f5", "pending_edge": "#3d5472",
    "notice_bg": "#463a0e", "notice_text": "#ffe69c", "notice_edge": "#8a7420",
    "urgent_bg": "#55300c", "urgent_text": "#ffd2a6", "urgent_edge": "#c77414",
    "due_bg": "#5a1a1f", "due_text": "#ffcaca", "due_edge": "#e05252",
    "overdue_bg": "#c62828", "overdue_text": "#ffffff", "overdue_edge": "#ff8a80",
    "flash_bg": "#ffffff", "flash_text": "#b3261e",
    "holiday_bg": "#4a2428", "weekend_bg": "#262d37", "makeup_bg": "#463a0e",
    "conflict_bg": "#6b2226", "answered_bg": "#1e4a2a", "unanswered_bg": "#5a1a1f",
    "total_bg": "#2d343e",
}

SCHEMES = {"light": LIGHT, "dark": DARK}

# Every text colour with each background it is drawn on (the style sheet and the models).
TEXT_PAIRS: list[tuple[str, str]] = [
    *[("text", bg) for bg in ("window", "surface", "surface_alt", "surface_sunken", "accent_soft",
                              "changed_bg", "holiday_bg", "weekend_bg", "makeup_bg", "conflict_bg",
                              "answered_bg", "unanswered_bg", "total_bg")],
    *[("text_muted", bg) for bg in ("window", "surface", "surface_alt", "weekend_bg")],
    *[("text_disabled", bg) for bg in ("surface_sunken", "surface", "surface_alt", "weekend_bg")],
    ("on_accent", "accent"), ("on_accent", "accent_hover"), ("link", "surface"),
    ("link", "window"),
    ("on_header", "header"), ("on_header_muted", "header"), ("clock", "header"),
    ("on_nav", "nav"), ("on_nav_selected", "nav_selected"),
    ("on_danger", "danger"),
    *[(tone, bg) for tone in ("danger_text", "ok_text", "info_text")
      for bg in ("window", "surface", "surface_alt")],
    ("danger_text", "conflict_bg"), ("danger_text", "holiday_bg"), ("danger_text", "weekend_bg"),
    *[(f"{stage}_text", "surface") for stage in ("notice", "urgent", "due")],
    ("warning_text", "warning_bg"),
    *[(f"{stage}_text", f"{stage}_bg") for stage in ("pending", "notice", "urgent", "due", "overdue")],
    ("flash_text", "flash_bg"),
]

MIN_CONTRAST = 4.5


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def luminance(hex_colour: str) -> float:
    """Relative luminance (WCAG 2) of ``#rrggbb``."""
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast(foreground: str, background: str) -> float:
    """The contrast ratio of two colours, 1 to 21."""
    a, b = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def ratios(scheme: str) -> list[tuple[str, str, float]]:
    """Every text pair of ``scheme`` with its contrast ratio."""
    colours = SCHEMES[scheme]
    return [(fg, bg, contrast(colours[fg], colours[bg])) for fg, bg in TEXT_PAIRS]


_active: dict[str, str] = LIGHT


def activate(scheme: str) -> None:
    global _active
    _active = SCHEMES[scheme]


def active() -> dict[str, str]:
    return _active


def hex_of(name: str) -> str:
    """The named colour of the scheme in force (models ask each time they draw)."""
    return _active[name]
