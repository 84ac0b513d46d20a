"""Entry script of dutydesk-gui in the PyInstaller bundle (installer/dutydesk.spec): the window,
built without a console on Windows."""

from app.main import main_gui

raise SystemExit(main_gui())
