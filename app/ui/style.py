"""Fonts and look: Chinese glyph shapes and the duty room's colours."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

# Listed explicitly: left to itself Qt may pick a Japanese face for Han characters.
FONT_FAMILIES = [
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "Microsoft YaHei UI",
    "PingFang SC",
    "SimHei",
    "Noto Sans",
    "DejaVu Sans",
]

STYLE_SHEET = """
QLabel#officeName { font-size: 15pt; font-weight: bold; }
QLabel#clock { font-size: 15pt; font-weight: bold; color: #0b4f8a; }
QLabel#dateLabel { font-size: 11pt; color: #333; }
QLabel#operatorLabel { font-size: 10pt; color: #333; }
QFrame#onDuty { border-left: 1px solid #c5d3e3; margin-left: 12px; }
QLabel#onDutyNow { font-size: 10.5pt; font-weight: bold; color: #0b4f8a; }
QLabel#onDutyNext { font-size: 9pt; color: #555; }
QTableView#rosterMonthView { font-size: 9pt; }
QLabel#rosterMonth { font-size: 12pt; font-weight: bold; padding: 0 8px; }
QLabel#rosterDay { font-size: 11pt; font-weight: bold; }
QLabel#rosterBanner { background: #fff4d6; color: #7a4b00; border: 1px solid #e0b84c; padding: 6px; }
QLabel#rosterConflicts { color: #b00020; }
QFrame#header { background: #eef3f9; border-bottom: 1px solid #c5d3e3; }
QLabel#healthBanner { background: #b00020; color: white; font-weight: bold; padding: 6px; }
QLabel#formError { color: #b00020; }
*[changed="true"] { background: #fff3c4; }
QFrame#countdownStrip { background: #f7f9fc; border-bottom: 1px solid #c5d3e3; }
QLabel#stripTitle { font-weight: bold; color: #0b4f8a; padding-right: 6px; }
QListWidget#navigation { font-size: 11pt; }
QListWidget#navigation::item { padding: 8px 10px; }
QListWidget#navigation::item:selected { background: #0b4f8a; color: white; }
"""


def apply(app: QApplication) -> None:
    font = QFont()
    font.setFamilies(FONT_FAMILIES)
    font.setPointSize(10)
    app.setFont(font)
    app.setStyleSheet(STYLE_SHEET)
