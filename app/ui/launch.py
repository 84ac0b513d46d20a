"""Starting the desktop program fast: Qt, the language and the sign-in dialog on screen first;
the database, the scheduler and the main window load while the operator types (issue 19).

Only PySide6 and light modules are imported here; ``app.ui.application`` (SQLAlchemy, the
services, the main window) is imported once the dialog is drawn.
"""

from __future__ import annotations

import argparse
import sys

from app.ui.qt_app import FirstWindowLog, app_settings, create_application, office_name_key
from app.ui.signin_dialog import SignInDialog


def run_gui(args: argparse.Namespace) -> int:
    """The desktop program: the sign-in dialog on screen at once, the rest loaded behind it."""
    app = create_application(sys.argv[:1], args.lang)
    first_window = FirstWindowLog(app)
    app.installEventFilter(first_window)
    name = app_settings().value(office_name_key(args.db), "", type=str)
    early = SignInDialog(None, str(name or ""))
    early.show()
    app.processEvents()  # drawn: what follows loads while the operator types
    # Imported here, not at the top: the database layer, the scheduler and the main window are
    # most of the start-up's cost, and the operator is typing the password meanwhile.
    from app.ui import application

    return application.run_gui(args, app=app, early=early)
