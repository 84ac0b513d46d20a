"""Qt for the desktop program: the application object with its style and translation, the
settings file, the "window shown" log line, the office's name remembered for the sign-in
dialog. Light (PySide6 and the standard library): ``app.ui.launch`` shows the sign-in
dialog with it before anything heavy is loaded; ``app.ui.application`` uses it too."""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QEvent, QLibraryInfo, QLocale, QObject, QSettings, QTranslator
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from app import paths
from app.domain import messages
from app.ui import style

log = logging.getLogger(__name__)

# Kept referenced for the life of the program: a collected QTranslator stops translating.
_TRANSLATORS: list[QTranslator] = []


def app_settings() -> QSettings:
    """QSettings in an INI file in the data folder (never the registry or ~/.config)."""
    return QSettings(str(paths.settings_path()), QSettings.Format.IniFormat)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our translation and Qt's own (standard buttons) for ``language``."""
    translators: list[QTranslator] = []
    if language == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        return translators
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    ours = QTranslator(app)
    qm = paths.resources_dir() / "translations" / f"dutydesk_{language}.qm"
    if ours.load(str(qm)):
        app.installTranslator(ours)
        translators.append(ours)
    else:
        log.warning("translation %s could not be loaded", qm)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    else:
        log.warning("Qt's own translation qtbase_%s could not be loaded", language)
    extra = QTranslator(app)  # installed last, so asked first: what Qt's leaves in English
    if extra.load(str(paths.resources_dir() / "translations" / f"qt_extra_{language}.qm")):
        app.installTranslator(extra)
        translators.append(extra)
    return translators


def create_application(argv: list[str], language: str) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("DutyDesk")
    app.setOrganizationName("DutyDesk")
    icon = paths.resources_dir() / "icons" / "dutydesk.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    style.apply(app)
    messages.set_audience("screen")  # no field identifiers in the windows' messages
    for old in _TRANSLATORS:  # another language asked for (tours and tests switch)
        app.removeTranslator(old)
    _TRANSLATORS[:] = install_translators(app, language)
    return app


class FirstWindowLog(QObject):
    """Writes "window shown: NAME" to the log when the first top-level window appears (the
    sign-in or setup dialog, or whatever comes first), then stops watching. Installers' smoke
    tests wait for that line to know the bundled program can draw its window."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow()):
            log.info("window shown: %s", type(watched).__name__)
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
        return False



def office_name_key(target: str | None) -> str:
    """The settings key under which the office's name is kept for the database ``target``, so
    that the sign-in dialog shows it before the database is open."""
    return "start/office_" + hashlib.sha1((target or "").encode("utf-8")).hexdigest()[:12]
