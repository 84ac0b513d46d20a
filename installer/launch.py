"""Entry script of the PyInstaller bundle (installer/dutydesk.spec)."""

from app.main import main

raise SystemExit(main())
