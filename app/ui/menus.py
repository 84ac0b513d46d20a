"""The main window's menus: 文件, 值守, 帮助 (the keys of the frequent acts live here)."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenuBar, QWidget

from app.ui import style


class MenuOwner(Protocol):
    """What the menus need of the main window (app.ui.main_window.MainWindow)."""

    switch_action: QAction
    ack_action: QAction
    shortcuts_action: QAction

    @property
    def quick_entry_action(self) -> QAction: ...
    @property
    def handover_action(self) -> QAction: ...

    def menuBar(self) -> QMenuBar: ...
    def close(self) -> bool: ...
    def switch_operator(self) -> None: ...
    def find_contact(self) -> None: ...
    def new_intake(self) -> None: ...
    def new_deadline(self) -> None: ...
    def acknowledge_top(self) -> bool: ...
    def show_shortcuts(self) -> QWidget: ...
    def show_about(self) -> None: ...


def _action(bar: QMenuBar, text: str, keys: str | QKeySequence.StandardKey = "",
            icon: str = "") -> QAction:
    action = QAction(text, bar)  # owned by the window's menu bar; its key works window-wide
    if keys:
        action.setShortcut(QKeySequence(keys))
    if icon:
        action.setIcon(style.icon(icon))
    return action


def build(window: MenuOwner) -> None:
    """Fill the window's menu bar; the actions stay reachable as the window's attributes.
    (Words under the context MainWindow, where they have always been translated.)"""
    bar = window.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.switch_action = _action(bar, QCoreApplication.translate("MainWindow", "&Switch operator…"), "Ctrl+L", "switch-user")
    window.switch_action.triggered.connect(window.switch_operator)
    file_menu.addAction(window.switch_action)
    file_menu.addSeparator()
    find_action = _action(bar, QCoreApplication.translate("MainWindow", "&Find contact…"), QKeySequence.StandardKey.Find, "search")
    find_action.triggered.connect(window.find_contact)
    file_menu.addAction(find_action)
    file_menu.addSeparator()
    quit_action = _action(bar, QCoreApplication.translate("MainWindow", "&Quit"), "Ctrl+Q", "quit")
    quit_action.setObjectName("quit_action")
    quit_action.triggered.connect(window.close)
    file_menu.addAction(quit_action)

    duty_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Duty"))
    window.ack_action = _action(bar, QCoreApplication.translate("MainWindow", "&Acknowledge the top alarm"), "Ctrl+Shift+A", "acknowledge")
    window.ack_action.triggered.connect(window.acknowledge_top)
    duty_menu.addAction(window.ack_action)
    new_intake = _action(bar, QCoreApplication.translate("MainWindow", "New &intake"), "Ctrl+N", "new")
    new_intake.triggered.connect(window.new_intake)
    duty_menu.addAction(new_intake)
    quick = window.quick_entry_action
    quick.setIcon(style.icon("log-entry"))
    duty_menu.addAction(quick)
    duty_menu.addAction(window.handover_action)
    new_deadline = _action(bar, QCoreApplication.translate("MainWindow", "&New deadline…"), icon="deadline-new")
    new_deadline.triggered.connect(window.new_deadline)
    duty_menu.addAction(new_deadline)

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    window.shortcuts_action = _action(bar, QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"), "F1", "keyboard")
    window.shortcuts_action.triggered.connect(window.show_shortcuts)
    help_menu.addAction(window.shortcuts_action)
    about = _action(bar, QCoreApplication.translate("MainWindow", "&About DutyDesk"), icon="about")
    about.triggered.connect(window.show_about)
    help_menu.addAction(about)
